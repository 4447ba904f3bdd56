"""Verification codes: tie a printed or forwarded minutes PDF to the version the secretariat published.

* The code is an HMAC (``SECRET_KEY``) of the content fingerprint (:mod:`reports.minutes.fingerprint`), the
  edition and the audience, in base32, 10 characters (50 bits): it changes exactly when what the PDF shows
  changes, cannot be computed without the key, and is far too sparse to enumerate.
* Every PDF carries the code on each page and, at its end, a QR code of ``/<lang>/verify/<code>/``.
* Each issued version is a :class:`reports.models.PublishedVersion`; when the content changes, the next
  version replaces it (``superseded_at`` = when the content changed, as far as the records tell).
* Look-ups go through the read layer (``meetings.selectors``) and the reader's audience: a code of a meeting
  the reader may not see is answered exactly like an unknown code.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from meetings import models as m
from meetings import selectors
from meetings.rules.roles import AudienceReader
from reports.minutes import editions
from reports.models import Audience, PublishedVersion

CODE_LENGTH = 10
_CODE_CHARS = "A-Z2-7"
CODE_RE = re.compile(rf"^[{_CODE_CHARS}]{{{CODE_LENGTH}}}$")
# The code as printed (ABCDE-FGHIJ) or inside a verify address, in extracted text or XMP metadata.
CODE_IN_TEXT_RE = re.compile(rf"/verify/([{_CODE_CHARS}]{{{CODE_LENGTH}}})/")
AUDIENCE_RANK = {Audience.PUBLIC: 0, Audience.PARTNERS: 1, Audience.STAFF: 2}
MAX_FILE_HASHES = 20


# --- Audiences ------------------------------------------------------------------------------------------
def meeting_audience(meeting: m.Meeting) -> str:
    """The audience a PDF of ``meeting`` is for when the caller names none: the widest audience that may
    see the meeting, by the one visibility rule (the read layer)."""
    for audience in AUDIENCE_RANK:  # public, partners, staff
        if selectors.meetings(AudienceReader(audience)).filter(pk=meeting.pk).exists():
            return audience
    return Audience.STAFF


def audiences_for(user) -> list[str]:
    rank = AUDIENCE_RANK[m.audience_of(user)]  # the one visibility rule's audiences
    return [audience for audience, r in AUDIENCE_RANK.items() if r <= rank]


# --- Codes ----------------------------------------------------------------------------------------------
def verification_code(fingerprint: str, *, edition: str, audience: str) -> str:
    digest = salted_hmac(
        "reports.minutes.verification", f"{fingerprint}|{edition}|{audience}", algorithm="sha256"
    ).digest()
    return base64.b32encode(digest).decode()[:CODE_LENGTH]


def display_code(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


def normalise_code(text: str) -> str:
    """What an officer typed (spaces, dashes, lower case, 0/1/8 for O/I/B) as a code, or ``""``."""
    code = re.sub(r"[\s\-]+", "", str(text or "")).upper().translate(str.maketrans("018", "OIB"))
    return code if CODE_RE.match(code) else ""


def verify_path(code: str, lang: str) -> str:
    with translation.override(lang):
        return reverse("verify:code", kwargs={"code": code})


def verify_url(code: str, lang: str) -> str:
    return settings.SITE_URL.rstrip("/") + verify_path(code, lang)


def qr_svg(data: str, *, size_mm: float = 15) -> SafeString:
    """``data`` as a QR code (error correction M): one ``<svg>`` path, no text, nothing to fetch."""
    import qrcode

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    qr.add_data(data)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    n = len(matrix)
    svg = (
        f'<svg class="qr" xmlns="http://www.w3.org/2000/svg" width="{size_mm}mm" height="{size_mm}mm" '
        f'viewBox="0 0 {n} {n}" shape-rendering="crispEdges" aria-hidden="true">'
        f'<rect width="{n}" height="{n}" fill="#fff"/><path fill="#000" d="{"".join(runs)}"/></svg>'
    )
    return mark_safe(svg)  # noqa: S308 - numbers only


# --- Versions -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Issue:
    """The code a PDF about to be rendered carries, and what it stands for."""

    meeting_id: int
    edition: str
    audience: str
    fingerprint: str
    code: str
    changed_at: datetime.datetime | None

    def template_context(self) -> dict:
        """What the minutes template prints: the code, and per language of the edition the verify address
        and its QR code."""
        parts = [
            {"lang": lang, "url": verify_url(self.code, lang), "qr": qr_svg(verify_url(self.code, lang))}
            for lang in editions.LANGUAGES[self.edition]
        ]
        return {"code": display_code(self.code), "parts": parts}


# The date printed as "Generated on" when the content is fingerprinted: a code must not change every day.
FINGERPRINT_DAY = datetime.date(2000, 1, 1)


def visible_fingerprint(meeting: m.Meeting, edition: str, audience: str) -> str:
    """A digest of exactly what the PDF shows ``audience`` (its HTML, without the code itself): it changes
    when that content changes and never because of a record the audience may not see."""
    from reports import minutes as services

    html = services.minutes_html(meeting, edition, audience=audience, today=FINGERPRINT_DAY)
    return hashlib.sha256(html.encode()).hexdigest()[:32]


def _checked_audience(meeting: m.Meeting, edition: str, audience: str | None) -> str:
    if edition not in editions.EDITIONS:
        raise ValueError(f"unknown edition {edition!r}")
    audience = audience or meeting_audience(meeting)
    if audience not in AUDIENCE_RANK:
        raise ValueError(f"unknown audience {audience!r}")
    return audience


def _issue(meeting: m.Meeting, edition: str, audience: str, fingerprint: str) -> Issue:
    return Issue(
        meeting_id=meeting.pk,
        edition=edition,
        audience=audience,
        fingerprint=fingerprint,
        code=verification_code(fingerprint, edition=edition, audience=audience),
        # when a new version is first recorded (a download or a verify look-up): record timestamps could
        # tell of changes to records the audience may not see
        changed_at=None,
    )


def prepare_issue(*, meeting: m.Meeting, edition: str, audience: str | None = None) -> Issue:
    """The code for the meeting's current content in ``edition`` for ``audience``."""
    audience = _checked_audience(meeting, edition, audience)
    return _issue(meeting, edition, audience, visible_fingerprint(meeting, edition, audience))


# --- One render for the code and the PDF ------------------------------------------------------------------
# The verified PDF's HTML is rendered once (issue 23): with placeholders for the code, its addresses and QR
# codes, and with marks around what the verified page differs by from the page the fingerprint is taken
# of (templates/reports/_page_style.html, minutes.html). Cutting the marks one way gives exactly the HTML
# visible_fingerprint hashes (so codes are the same as when it was rendered twice); cutting them the other
# way and filling in the code gives the PDF's HTML. Private-use characters: never in the records' text.
_MARKS = {"open": "\ue001", "close": "\ue002", "open_off": "\ue003", "close_off": "\ue004"}
_CODE = "\ue000code\ue000"


def _placeholders(edition: str) -> dict:
    parts = [
        {"lang": lang, "url": f"\ue000url-{lang}\ue000", "qr": mark_safe(f"\ue000qr-{lang}\ue000")}  # noqa: S308
        for lang in editions.LANGUAGES[edition]
    ]
    return {"code": _CODE, "parts": parts, **_MARKS}


def _cut(html: str, open_mark: str, close_mark: str, *, keep: bool) -> str:
    """The marked pieces kept without their marks (``keep``), or left out with them."""
    pattern = re.compile(re.escape(open_mark) + "(.*?)" + re.escape(close_mark), re.DOTALL)
    return pattern.sub(lambda found: found.group(1) if keep else "", html)


def verified_html(meeting: m.Meeting, edition: str, *, audience: str | None = None) -> tuple[Issue, str]:
    """The code for the meeting's current content and the HTML of its PDF carrying it, from one render."""
    from reports import minutes as services

    audience = _checked_audience(meeting, edition, audience)
    marked = services.minutes_html(
        meeting, edition, audience=audience, verification=_placeholders(edition), today=FINGERPRINT_DAY
    )
    unverified = _cut(_cut(marked, _MARKS["open"], _MARKS["close"], keep=False), *_off(), keep=True)
    issue = _issue(meeting, edition, audience, hashlib.sha256(unverified.encode()).hexdigest()[:32])
    html = _cut(_cut(marked, _MARKS["open"], _MARKS["close"], keep=True), *_off(), keep=False)
    context = issue.template_context()
    html = html.replace(_CODE, str(escape(context["code"])))
    for part in context["parts"]:
        html = html.replace(f"\ue000url-{part['lang']}\ue000", str(escape(part["url"])))
        html = html.replace(f"\ue000qr-{part['lang']}\ue000", str(part["qr"]))
    today = timezone.localdate()
    for lang in editions.LANGUAGES[edition]:
        with translation.override(lang):
            html = html.replace(services.generated_css(FINGERPRINT_DAY), services.generated_css(today))
    return issue, html


def _off() -> tuple[str, str]:
    return _MARKS["open_off"], _MARKS["close_off"]


def record_issue(issue: Issue, *, file_hash: str = "") -> PublishedVersion:
    """Store ``issue`` as the current version (replacing the previous one) and remember ``file_hash``."""
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return _record(issue, file_hash)
        except IntegrityError:  # another request recorded the same version at the same moment
            continue
    return _record(issue, file_hash)


def _record(issue: Issue, file_hash: str) -> PublishedVersion:
    now = timezone.now()
    version = PublishedVersion.objects.select_for_update().filter(code=issue.code).first()
    if version is None:
        previous = PublishedVersion.objects.select_for_update().filter(
            meeting_id=issue.meeting_id,
            edition=issue.edition,
            audience=issue.audience,
            superseded_at__isnull=True,
        )
        for old in previous:
            changed = issue.changed_at
            old.superseded_at = changed if changed and old.created_at < changed <= now else now
            old.save(update_fields=["superseded_at"])
        version = PublishedVersion.objects.create(
            code=issue.code,
            meeting_id=issue.meeting_id,
            edition=issue.edition,
            language=editions.LANGUAGES[issue.edition][0],
            audience=issue.audience,
            fingerprint=issue.fingerprint,
            created_at=now,
        )
    if file_hash and file_hash not in version.file_hashes:
        version.file_hashes = [*version.file_hashes, file_hash][-MAX_FILE_HASHES:]
        version.save(update_fields=["file_hashes"])
    return version


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- Rendering ------------------------------------------------------------------------------------------
def minutes_metadata(meeting: m.Meeting, edition: str) -> dict:
    """Title, authors, subject and keywords of the minutes, in the edition's languages."""
    from django.utils.translation import gettext

    titles, authors, description = {}, [], ""
    for lang in editions.LANGUAGES[edition]:
        with translation.override(lang):
            minutes = gettext("Minutes of the meeting")
            titles[lang] = f"{minutes}: {meeting.title}"
            if not authors:
                authors = [o.name for o in meeting.organisers.all()]
                description = f"{meeting.title}, {meeting.start_date}"
    return {"titles": titles, "authors": authors, "description": description}


def meeting_attachment(meeting: m.Meeting, issue: Issue):
    """The meeting's open-data record (the fields of ``/data/meetings.json``) and the PDF's verification
    code, as ``meeting.json`` inside the PDF."""
    from meetings.public.exports import meeting_rows
    from reports.pdf import archival

    row = next(
        meeting_rows(
            AudienceReader(issue.audience),
            settings.SITE_URL.rstrip("/"),
            meetings=m.Meeting.objects.filter(pk=meeting.pk),
        )
    )
    data = {
        "meeting": row,
        "edition": issue.edition,
        "verification_code": display_code(issue.code),
        "verify_url": {lang: verify_url(issue.code, lang) for lang in editions.LANGUAGES[issue.edition]},
    }
    return archival.json_attachment(data, name="meeting.json", description=f"{meeting.slug} (JSON)")


def render_verified_minutes(meeting: m.Meeting, edition: str, *, audience: str | None = None) -> bytes:
    """A fresh tagged PDF/A-3b of the minutes carrying the verification code of its content; recorded. Its
    HTML is rendered once (:func:`verified_html`)."""
    from reports.pdf import archival
    from reports.pdf.rendering import html_to_document

    issue, html = verified_html(meeting, edition, audience=audience)
    main_lang = editions.LANGUAGES[edition][0]
    pdf = archival.write_archival_pdf(
        html_to_document(html),
        **minutes_metadata(meeting, edition),
        keywords=[display_code(issue.code)],
        identifier=verify_url(issue.code, main_lang),
        attachments=[meeting_attachment(meeting, issue)],
    )
    record_issue(issue, file_hash=sha256(pdf))
    return pdf


# --- Reading ---------------------------------------------------------------------------------------------
def visible_version(code: str, user) -> PublishedVersion | None:
    """The version with ``code`` if ``user`` may see its meeting and audience; otherwise ``None``, the same
    answer as for a code that does not exist."""
    code = normalise_code(code)
    if not code:
        return None
    return (
        PublishedVersion.objects.filter(
            code=code,
            meeting__in=selectors.meetings(user),
            audience__in=audiences_for(user),
        )
        .select_related("meeting")
        .first()
    )


NOT_IN_THE_MINUTES = {"status", "visibility", "slug", "updated_at", "version", "created_at"}


def changes_since(meeting: m.Meeting, since: datetime.datetime) -> list[str]:
    """What changed in the meeting's minutes after ``since``, as labels only (no values, no names): the
    meeting's fields and the kinds of its records (documents are left out: they are not in the minutes and
    may be more restricted than the meeting)."""
    from django.utils.text import capfirst

    from meetings.history import child_model, hidden_history_fields, related_history

    labels: list[str] = []
    hidden = set(hidden_history_fields(m.Meeting)) | NOT_IN_THE_MINUTES
    for row in meeting.history.filter(history_date__gt=since).order_by("history_date"):
        previous = row.prev_record
        if previous is None:
            continue
        for change in row.diff_against(previous, excluded_fields=list(hidden)).changes:
            field = m.Meeting._meta.get_field(change.field)
            base = (
                m.Meeting._meta.get_field(field.name.rsplit("_", 1)[0])
                if field.name.endswith(("_lo", "_en"))
                else field
            )
            label = str(capfirst(base.verbose_name))
            if base.name not in NOT_IN_THE_MINUTES and label not in labels:
                labels.append(label)
    for entry in reversed(related_history(meeting_id=meeting.pk)):
        if entry["date"] > since and entry["model_name"] != "document":
            label = str(capfirst(child_model(entry["model_name"])._meta.verbose_name_plural))
            if label not in labels:
                labels.append(label)
    return labels


def current_version(version: PublishedVersion) -> PublishedVersion:
    """The version of the same meeting, edition and audience for the content as it is now.

    If the content changed since ``version`` and nobody has downloaded the new PDF yet, the new version
    is recorded now (its code is the one the next download will carry), which marks ``version`` replaced.
    """
    issue = prepare_issue(meeting=version.meeting, edition=version.edition, audience=version.audience)
    if issue.code == version.code:
        return version
    current = record_issue(issue)
    version.refresh_from_db(fields=["superseded_at"])
    return current
