"""Writes of the import: draft meetings from news posts, their suggestions and documents; confirming.

Keyword-only, one transaction per post. A post is matched by its GUID: importing the same export again
creates nothing twice and never changes a draft an officer has edited (nor one an officer deleted).
"""

from __future__ import annotations

import datetime
import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.history import one_version
from meetings.importing import lao_people
from meetings.importing.files import FolderFiles, NoFiles, ZipFiles
from meetings.importing.lao_facts import Known, Reading, read_facts
from meetings.importing.lao_subject import looks_like_meeting
from meetings.importing.matching import Candidate, MeetingMatcher, post_facts, recorded_person_pk
from meetings.importing.wxr import (
    MAX_WXR_BYTES,
    MSG_NOT_WXR,
    MSG_TOO_BIG,
    WxrError,
    WxrPost,
    parse_wxr,
    upload_path,
)
from meetings.models import Document, Meeting, Participation, Person, unique_slug
from meetings.models.imports import ImportedPost, Suggestion, fact_display
from meetings.rules import roles
from meetings.rules.text import normalise_text

PERM_IMPORT = "meetings.import_wordpress"
MSG_NOT_ALLOWED = _("You are not allowed to import news posts.")
MSG_ZIP_WITHOUT_XML = _("The zip file holds no WordPress export (.xml).")

CREATED, UNCHANGED, KEPT, DELETED, SKIPPED = "created", "unchanged", "kept", "deleted", "skipped"
LINKED = "linked"
OUTCOMES = {
    CREATED: _("draft created"),
    LINKED: _("about a meeting already in the portal: linked to it, no new draft"),
    UNCHANGED: _("already imported"),
    KEPT: _("already imported; edited by an officer since, left as it is"),
    DELETED: _("already imported; the draft was deleted, not created again"),
    SKIPPED: _("skipped"),
}
# Fields a suggestion fills into the draft when it is read (people and organisers are records).
SCALAR_FIELDS = {
    "start_date",
    "end_date",
    "format",
    "attendance_total",
    "attendance_women",
    "attendance_online",
}


def can_import(user) -> bool:
    return bool(user and user.is_active and user.has_perm(PERM_IMPORT) and roles.can_edit(user))


@dataclass
class PostResult:
    guid: str
    title: str
    outcome: str
    meeting: Meeting | None = None
    suggestions: int = 0
    documents: int = 0
    problems: list[str] = field(default_factory=list)
    meeting_like: bool = True  # False: the text does not read as a meeting report (a draft made all the same)

    @property
    def outcome_label(self):
        return OUTCOMES[self.outcome]


@dataclass
class ImportReport:
    results: list[PostResult] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.results if r.outcome == outcome)


@dataclass
class Source:
    posts: list[WxrPost]
    skipped_items: list[WxrPost]
    files: object


def open_export(*, file, media_dir=None) -> Source:
    """Read an export from bytes, a path or a file object: a WXR .xml, or a .zip holding one .xml and the
    uploads folder. Raises :class:`WxrError` with a message for the officer."""
    if isinstance(file, bytes):
        data = file
    elif hasattr(file, "read"):
        data = file.read()
    else:
        with open(file, "rb") as handle:
            data = handle.read()
    files = FolderFiles(media_dir) if media_dir else NoFiles()
    if data[:4] == b"PK\x03\x04":
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            xml_members = [
                i for i in archive.infolist() if i.filename.lower().endswith(".xml") and not i.is_dir()
            ]
        except zipfile.BadZipFile as error:
            raise WxrError(MSG_NOT_WXR) from error
        if len(xml_members) != 1:
            raise WxrError(MSG_ZIP_WITHOUT_XML)
        if xml_members[0].file_size > MAX_WXR_BYTES:  # checked before unpacking (a zip can hide a huge file)
            raise WxrError(MSG_TOO_BIG % {"mb": MAX_WXR_BYTES >> 20})
        data = archive.read(xml_members[0])
        files = ZipFiles(archive)
    export = parse_wxr(data)
    return Source(posts=export.posts, skipped_items=export.skipped, files=files)


def _apply(meeting: Meeting, reading: Reading, language: str) -> None:
    for fact in reading.facts:
        if fact.field in ("start_date", "end_date"):
            setattr(meeting, fact.field, datetime.date.fromisoformat(fact.value))
        elif fact.field in SCALAR_FIELDS:
            setattr(meeting, fact.field, fact.value)
        elif fact.field == "venue":
            setattr(meeting, f"venue_{language}", fact.value)
        elif fact.field == "city":
            meeting.city_lo, meeting.city_en = fact.value["lo"], fact.value["en"]
        elif fact.field == "programme":
            meeting.programme_id = fact.value["pk"]
        elif fact.field == "kind":
            meeting.kind = fact.value


def _add_person(*, meeting: Meeting, value: dict) -> bool:
    """A participation for a recorded person; False when the person is already listed."""
    if meeting.participations.filter(person_id=value["person"]).exists():
        return False
    participation = Participation(meeting=meeting, person_id=value["person"], role=value["role"])
    participation.full_clean()
    participation.save()
    return True


def _store_suggestions(*, meeting: Meeting, post: ImportedPost, reading: Reading) -> int:
    """Suggestions of a new draft, in bulk; recorded people and organisers are linked at once (the draft is
    new, so the in-memory checks are complete; the database constraints still guard)."""
    suggestions, participations, people, organisers, countries = [], [], set(), [], []
    for fact in reading.facts:
        applied = True
        if fact.field == "organiser":
            organisers.append(fact.value["pk"])
        elif fact.field in ("country", "host_country"):
            applied = bool(fact.value.get("pk"))
            if applied:
                countries.append(fact.value["pk"])
        elif fact.field == "person":
            applied = bool(fact.value.get("person")) and fact.value["person"] not in people
            if applied:
                people.add(fact.value["person"])
                participation = Participation(
                    meeting=meeting, person_id=fact.value["person"], role=fact.value["role"]
                )
                participation.clean_fields(exclude=["meeting", "person"])  # both known to exist
                participations.append(participation)
        elif fact.field == "time_of_day":
            applied = False  # no field for it: a note for the officer
        before, passage, after = reading.passage(fact)
        suggestions.append(
            Suggestion(
                meeting=meeting,
                post=post,
                field=fact.field,
                value=fact.value,
                label=fact.label[:400],
                before=before,
                passage=passage,
                after=after,
                applied=applied,
            )
        )
    if organisers:
        meeting.organisers.add(*organisers)
    if countries:
        meeting.countries.add(*countries)
    if participations:  # the organisation at the time: the person's current one (as Participation.clean())
        current = dict(Person.objects.filter(pk__in=people).values_list("pk", "organisation_id"))
        for participation in participations:
            participation.organisation_id = current.get(participation.person_id)
    Participation.objects.bulk_create(participations)
    Suggestion.objects.bulk_create(suggestions)
    return len(suggestions)


def _attach_files(*, meeting: Meeting, post: WxrPost, files, by) -> tuple[int, list[str]]:
    titles = {a.url: a.title for a in post.attachments}
    added, problems = 0, []
    for url in post.file_urls:
        name = posixpath.basename(upload_path(url))
        data = files.get(url)
        if data is None:
            problems.append(str(_("File not found in the export or the folder: %(name)s")) % {"name": name})
            continue
        title = (titles.get(url) or name)[:300]
        document = Document(
            meeting=meeting,
            title_lo=title,  # the Lao title is required; an English post's file keeps its own title
            title_en=title if post.language == "en" else "",
            file=ContentFile(data, name=name),
            language=Document.Language.LAO if post.language == "lo" else Document.Language.ENGLISH,
        )
        try:
            document.full_clean(exclude=["meeting"], validate_constraints=False)  # the draft was just saved
        except ValidationError as error:
            problems.append(f"{name}: " + " ".join(error.messages))
            continue
        if by is not None:
            document._history_user = by
        document.save()
        added += 1
    return added, problems


def _read(*, text: str, language: str, post_date, known: Known) -> Reading:
    return read_facts(text, known=known, post_date=post_date.date() if post_date else None, language=language)


def _create_draft(
    *, title: str, reading: Reading, language: str, post_date, by, post: ImportedPost, slug: str = ""
):
    """The draft meeting of a post (``post`` is saved here, linked to it), with its suggestions."""
    meeting = Meeting(status=Meeting.Status.DRAFT, start_date=(post_date or timezone.now()).date())
    setattr(meeting, f"title_{language}", title[:400])
    _apply(meeting, reading, language)
    # the address name from the date and the post's own (ASCII) name: unique_slug then rarely needs a second try
    meeting.slug = unique_slug(meeting, meeting.start_date.isoformat(), slug or "meeting", max_length=100)
    # clean() checks the invariants in Python (the database constraints guard them too); the slug was just
    # made unique by unique_slug, so it is not looked up a second time
    exclude = ["slug", "title_lo"] if language != "lo" else ["slug"]
    meeting.full_clean(exclude=exclude, validate_constraints=False)
    if by is not None:
        meeting._history_user = by
    meeting._change_reason = str(_("Imported from a news post"))
    with one_version(meeting):  # one version with its organisers and countries, not one per save and add()
        meeting.save()
        post.meeting, post.linked_meeting = meeting, None
        post.meeting_version = meeting.version
        post.save()
        suggestions = _store_suggestions(meeting=meeting, post=post, reading=reading)
    return meeting, suggestions


def _check(by):
    if by is not None and not can_import(by):
        raise PermissionDenied(MSG_NOT_ALLOWED)


def import_wxr(
    *,
    file,
    by,
    media_dir=None,
    skip_guids=(),
    only_guids=None,
    meetings_only=False,
    known: Known | None = None,
    new_draft_guids=(),
) -> ImportReport:
    """Import the posts of an export as draft meetings (never published). ``by`` is the officer, or None
    for a management command. Posts whose GUID is in ``skip_guids`` (or not in ``only_guids``) are skipped,
    and with ``meetings_only`` those that do not look like a meeting report (no meeting word naming a meeting held:
    :func:`meetings.importing.lao_subject.looks_like_meeting`).

    A post about a meeting already in the portal (:mod:`meetings.importing.matching`) is linked to it and
    makes no draft, unless its GUID is in ``new_draft_guids`` (also for a post linked by an earlier import).
    """
    _check(by)
    source = open_export(file=file, media_dir=media_dir)
    known = known or Known.from_database()
    existing = {p.guid: p for p in ImportedPost.objects.select_related("meeting", "linked_meeting")}
    matcher = MeetingMatcher.from_database()
    report = ImportReport()
    for wp in source.posts:
        previous = existing.get(wp.guid)
        # judged once, at the post's first import (a re-import reads nothing again for a post already in)
        meeting_like = previous.meeting_like if previous else looks_like_meeting(wp.title, wp.text)
        if meetings_only and not meeting_like:
            skip_guids = {*skip_guids, wp.guid}
        result = PostResult(guid=wp.guid, title=wp.title, outcome=SKIPPED, meeting_like=meeting_like)
        report.results.append(result)
        relink = previous is not None and previous.linked_meeting_id and wp.guid in new_draft_guids
        if previous is not None and not relink:
            result.meeting = previous.meeting or previous.linked_meeting
            if previous.meeting is None and previous.linked_meeting_id:
                result.outcome = UNCHANGED
            elif previous.meeting is None:
                result.outcome = DELETED
            elif previous.meeting.version != previous.meeting_version:
                result.outcome = KEPT
            else:
                result.outcome = UNCHANGED
            continue
        if not relink and (wp.guid in skip_guids or (only_guids is not None and wp.guid not in only_guids)):
            continue
        post_date = timezone.make_aware(wp.post_date) if wp.post_date else None
        reading = _read(text=wp.text, language=wp.language, post_date=post_date, known=known)
        day, venue = post_facts(reading, post_date)
        same = matcher.find(start_date=day, title=wp.title, venue=venue)
        if wp.guid in new_draft_guids:
            same = None  # the officer asked for a draft of it all the same
        with transaction.atomic():
            post = previous or ImportedPost(
                guid=wp.guid,
                wp_post_id=wp.post_id or None,
                title=wp.title[:500],
                link=wp.link[:500],
                post_date=post_date,
                author=wp.author[:200],
                language=wp.language,
                text=wp.text,
                imported_by=by,
                meeting_like=meeting_like,
            )
            if same is not None:
                post.linked_meeting_id = same.pk
                post.save()
                result.meeting, result.outcome = Meeting.objects.get(pk=same.pk), LINKED
                existing[wp.guid] = post
                continue
            meeting, result.suggestions = _create_draft(
                title=wp.title, reading=reading, language=wp.language, post_date=post.post_date, by=by,
                post=post, slug=wp.post_name if wp.post_name.isascii() else f"wp-{wp.post_id}",
            )  # fmt: skip
            result.documents, result.problems = _attach_files(
                meeting=meeting, post=wp, files=source.files, by=by
            )
        matcher.add(_candidate(meeting))
        result.meeting, result.outcome = meeting, CREATED
        existing[wp.guid] = post
    return report


def _candidate(meeting: Meeting) -> Candidate:
    titles = tuple(t for t in (meeting.title_lo, meeting.title_en) if t)
    venues = tuple(v for v in (meeting.venue_lo, meeting.venue_en) if v)
    return Candidate(meeting.pk, meeting.start_date, titles, venues, titles[0] if titles else "")


@transaction.atomic
def import_text(*, title: str, text: str, by, language: str | None = None) -> Meeting:
    """ "Paste a news article": one text becomes a draft with its suggestions, like an imported post."""
    _check(by)
    from django.utils.crypto import get_random_string

    language = language or ("lo" if any("\u0e80" <= c <= "\u0eff" for c in title + text) else "en")
    now = timezone.now()
    post = ImportedPost(
        guid=f"pasted:{now.isoformat()}:{get_random_string(12)}",
        title=title[:500],
        post_date=now,
        language=language,
        text=text,
        imported_by=by,
        author=getattr(by, "username", "") or "",
        meeting_like=looks_like_meeting(title, text),
    )
    reading = _read(text=text, language=language, post_date=None, known=Known.from_database())
    meeting, _count = _create_draft(
        title=title, reading=reading, language=language, post_date=None, by=by, post=post
    )
    return meeting


def recorded_person(name_lo: str, name_en: str) -> Person | None:
    """The recorded person of this name, Lao or English, however spaced or typed (ໍ + າ or ຳ, ຫນ or ໜ), by
    their current name or one their record had before (:func:`matching.recorded_person_pk`)."""
    pk = recorded_person_pk(name_lo, name_en)
    return Person.objects.get(pk=pk) if pk else None


def decide_suggestions(*, meeting: Meeting, confirm=(), dismiss=(), by) -> int:
    """Confirm or dismiss suggestions of ``meeting``. Confirming a new person records the person and their
    participation; dismissing a person or organiser that was filled in removes it again."""
    from meetings import services

    if not services.may_edit(meeting=meeting, user=by):
        raise PermissionDenied(MSG_NOT_ALLOWED)
    done = 0
    pending = meeting.suggestions.filter(status=Suggestion.Status.PENDING)
    for suggestion in pending.filter(pk__in=[*confirm, *dismiss]):
        value = suggestion.value
        if suggestion.pk in confirm:
            if suggestion.field == "person" and not suggestion.applied and not value.get("person"):
                person = recorded_person(value.get("name_lo", ""), value.get("name_en", ""))
                position = normalise_text(value.get("position", ""))  # read before the position rule?
                if person is None:  # recorded since the import, in either script: never a second one
                    person = Person(
                        name_lo=value.get("name_lo") or value.get("name_en"),
                        name_en=value.get("name_en", ""),
                        honorific_lo=value.get("honorific_lo", ""),
                        honorific_en=value.get("honorific_en", ""),
                        position_lo=position if lao_people.is_position(position) else "",
                    )
                    person.full_clean()
                    person.save()
                value = {**value, "person": person.pk, "slug": person.slug}
                suggestion.value = value
                suggestion.applied = _add_person(meeting=meeting, value=value)
            suggestion.status = Suggestion.Status.CONFIRMED
        else:
            if suggestion.applied and suggestion.field == "person":
                meeting.participations.filter(person_id=value["person"]).delete()
            elif suggestion.applied and suggestion.field == "organiser":
                meeting.organisers.remove(value["pk"])
            elif suggestion.applied and suggestion.field in ("country", "host_country"):
                meeting.countries.remove(value["pk"])
            suggestion.status = Suggestion.Status.DISMISSED
        suggestion.decided_by, suggestion.decided_at = by, timezone.now()
        suggestion.save()
        done += 1
    return done


def preview(*, source: Source, known: Known | None = None) -> list[dict]:
    """What an import would do, post by post, without writing anything (for the admin's preview)."""
    known = known or Known.from_database()
    imported = set(ImportedPost.objects.values_list("guid", flat=True))
    matcher = MeetingMatcher.from_database()
    rows = []
    for wp in source.posts:
        reading = read_facts(
            wp.text,
            known=known,
            post_date=wp.post_date.date() if wp.post_date else None,
            language=wp.language,
        )
        day, venue = post_facts(reading, wp.post_date)
        same = matcher.find(start_date=day, title=wp.title, venue=venue)
        meeting_like = looks_like_meeting(wp.title, wp.text)
        if (
            same is None and meeting_like and day and wp.guid not in imported
        ):  # a draft this import would make
            matcher.add(Candidate(None, day, (wp.title,), (venue,) if venue else (), wp.title))
        files = [(posixpath.basename(upload_path(u)), source.files.get(u) is not None) for u in wp.file_urls]
        rows.append(
            {
                "post": wp,
                "already": wp.guid in imported,
                "meeting_like": meeting_like,
                "same_meeting": same,  # a Candidate: a recorded meeting (pk) or a post above (pk None)
                "facts": [
                    (Suggestion.Field(f.field).label, fact_display(f.field, f.value, f.label))
                    for f in reading.facts
                ],
                "files": files,
            }
        )
    return rows
