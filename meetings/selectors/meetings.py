"""Meetings as a reader sees them: lists, the meeting page, the minutes, feeds."""

from __future__ import annotations

from django.conf import settings
from django.db import router
from django.db.models import F, Prefetch, Q

from meetings.models import (
    Achievement,
    ActionItem,
    ActionItemUpdate,
    Activity,
    AgendaItem,
    Country,
    Document,
    Meeting,
    Organisation,
    Participation,
    Person,
    Programme,
    visibility_levels,
)
from meetings.selectors.action_items import follow_ups_reported_at, visible_follow_ups
from meetings.selectors.collation import by_name, reader_language
from meetings.selectors.directory import organisation_and_units, organisations
from meetings.selectors.known_names import names_shown_with
from meetings.selectors.rows import (
    Rows,
    Statement,
    attach,
    compile_parts,
    fields_of,
    related,
    run,
    shown_fields_of,
)

FEED_SIZE = 50


def meetings(user):
    """Every meeting ``user`` may see (the base of every other read)."""
    return Meeting.objects.visible_to(user)


def waiting_for_review(user):
    """Minutes submitted for review and not yet published or returned, oldest first."""
    return meetings(user).filter(status=Meeting.Status.IN_REVIEW).order_by("start_date", "pk")


def listed_meetings(user):
    """Meetings with what a list row shows (programme, organisers in the reader's order)."""
    return meetings(user).select_related("programme").prefetch_related(_organisers())


def _organisers(lookup: str = "organisers") -> Prefetch:
    return Prefetch(lookup, queryset=by_name(Organisation.objects.all()))


def feed_meetings(user):
    return listed_meetings(user).order_by("-start_date", "-pk")[:FEED_SIZE]


def involved_in(orgs) -> Q:
    """The one meaning of "a meeting the organisations ``orgs`` were involved in": organised by one of them
    or attended by someone of one of them."""
    return Q(organisers__in=orgs) | Q(participations__organisation__in=orgs)


def meetings_involving(queryset, organisation):
    """Meetings of ``queryset`` that ``organisation`` was involved in, counted with its units (a ministry
    with its departments)."""
    involved = Meeting.objects.filter(involved_in(organisation_and_units(organisation)))
    return queryset.filter(pk__in=involved.values("pk"))


def visible_documents(user):
    return Document.objects.visible_to(user)


def _with_parts(queryset, user):
    """Everything a meeting page or its minutes show, each part filtered for ``user``."""
    return queryset.select_related("programme").prefetch_related(
        _organisers(),  # names in lists follow the reader's language (ICU collation)
        Prefetch("countries", queryset=by_name(Country.objects.all())),
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related("person__organisation", "organisation"),
        ),
        Prefetch("agenda_items", queryset=AgendaItem.objects.select_related("presenter")),
        Prefetch("activities", queryset=Activity.objects.select_related("organisation")),
        Prefetch("achievements", queryset=Achievement.objects.select_related("organisation")),
        Prefetch(
            "action_items",
            queryset=ActionItem.objects.visible_to(user).prefetch_related(
                _organisers("responsible"),
                Prefetch("updates", queryset=visible_follow_ups(user).select_related("meeting")),
            ),
        ),
        Prefetch("documents", queryset=visible_documents(user)),
        # follow-ups reported at this meeting, on its own items or on those of earlier meetings
        Prefetch(
            "action_item_updates",
            queryset=visible_follow_ups(user).select_related("action_item__meeting"),
        ),
    )


# The page's statement, compiled once per (reader's visibility, language, database) for a stand-in meeting
# whose key no real meeting has; a request runs it with its meeting's key in the stand-in's place. Building
# and compiling its eleven querysets was most of a fresh meeting page's time.
STAND_IN_PK = -2_000_000_001
_statements: dict[tuple, Statement] = {}


def _page_statement(user) -> Statement:
    levels = visibility_levels(user)
    key = (None if levels is None else tuple(levels), reader_language(), router.db_for_read(Meeting))
    statement = _statements.get(key)
    if statement is None:
        parts = _page_part_rows(user, Meeting(pk=STAND_IN_PK))
        statement = _statements[key] = compile_parts([parts[name] for name in PAGE_PARTS], prepared=True)
    return statement


def _page_parts(user, meeting) -> None:
    """Everything the meeting page shows besides the meeting, each part filtered for ``user`` as
    :func:`_with_parts` filters it, from one SQL statement (:mod:`meetings.selectors.rows`), attached to
    ``meeting`` as prefetched."""
    statement = _page_statement(user)
    params = [meeting.pk if value == STAND_IN_PK else value for value in statement.params]
    found = dict(zip(PAGE_PARTS, run(statement, params), strict=True))
    for name in ("organisers", "countries"):
        attach(meeting, name, found[name])
    for name in ("participations", "agenda_items", "activities", "achievements", "action_items", "documents"):
        for child in found[name]:
            child.meeting = meeting
        attach(meeting, name, found[name])
    attach(meeting, "action_item_updates", found["action_item_updates"])
    responsible_of, updates_of = {}, {}
    for row in found["responsible"]:
        responsible_of.setdefault(row.actionitem_id, []).append(row.organisation)
    for update in found["updates"]:
        updates_of.setdefault(update.action_item_id, []).append(update)
    for item in found["action_items"]:
        attach(item, "responsible", responsible_of.get(item.pk, []))
        attach(item, "updates", updates_of.get(item.pk, []))


PAGE_PARTS = (
    "organisers", "countries", "participations", "agenda_items", "activities", "achievements", "action_items",
    "responsible", "updates", "documents", "action_item_updates",
)  # fmt: skip


def _page_part_rows(user, meeting) -> dict:
    """The meeting page's parts for ``user`` as :class:`Rows`, in the order of :data:`PAGE_PARTS`."""
    org = shown_fields_of(Organisation)
    through_orgs = Meeting.organisers.through.objects.filter(meeting=meeting).values("organisation")
    country_ids = Meeting.countries.through.objects.filter(meeting=meeting).values("country")
    items = ActionItem.objects.visible_to(user).filter(meeting=meeting)
    responsible = ActionItem.responsible.through.objects.filter(actionitem__meeting=meeting)
    lang_order = by_name(Organisation.objects.all()).query.order_by
    meeting_shown = ("slug", "start_date", "title_lo", "title_en", "title")
    parts = {
        "organisers": Rows(by_name(Organisation.objects.filter(pk__in=through_orgs)), org),
        "countries": Rows(by_name(Country.objects.filter(pk__in=country_ids)), shown_fields_of(Country)),
        "participations": Rows(
            _in_one_meeting(Participation.objects.filter(meeting=meeting)),
            shown_fields_of(Participation)
            + shown_fields_of(Person, "person__")
            + shown_fields_of(Organisation, "person__organisation__")
            + shown_fields_of(Organisation, "organisation__"),
        ),
        "agenda_items": Rows(
            _in_one_meeting(AgendaItem.objects.filter(meeting=meeting)),
            shown_fields_of(AgendaItem) + shown_fields_of(Person, "presenter__"),
        ),
        "activities": Rows(
            _in_one_meeting(Activity.objects.filter(meeting=meeting)),
            shown_fields_of(Activity) + shown_fields_of(Organisation, "organisation__"),
        ),
        "achievements": Rows(
            _in_one_meeting(Achievement.objects.filter(meeting=meeting)),
            shown_fields_of(Achievement) + shown_fields_of(Organisation, "organisation__"),
        ),
        "action_items": Rows(_in_one_meeting(items), shown_fields_of(ActionItem)),
        "responsible": Rows(
            responsible.order_by(*(_through(term) for term in lang_order)),
            ("actionitem", "organisation", *shown_fields_of(Organisation, "organisation__")),
        ),
        "updates": Rows(
            visible_follow_ups(user).filter(action_item__in=items.values("pk")),
            shown_fields_of(ActionItemUpdate) + tuple(f"meeting__{f}" for f in meeting_shown),
        ),
        "documents": Rows(
            _in_one_meeting(visible_documents(user).filter(meeting=meeting)), shown_fields_of(Document)
        ),
        "action_item_updates": Rows(
            visible_follow_ups(user).filter(meeting=meeting),
            shown_fields_of(ActionItemUpdate)
            + shown_fields_of(ActionItem, "action_item__")
            + tuple(f"action_item__meeting__{f}" for f in meeting_shown),
        ),
    }
    return parts


def _in_one_meeting(queryset):
    """``queryset`` (the parts of one meeting) in its order without the leading ``meeting`` term: the same
    order for one meeting's rows, without joining the meetings to sort by their dates."""
    order = queryset.query.order_by or queryset.model._meta.ordering
    return queryset.order_by(*(term for term in order if term != "meeting"))


def _through(term):
    """An organisation's name order (:func:`by_name`) as the order of rows that point at organisations."""
    if isinstance(term, str):
        return term.replace("pk", "organisation__pk") if term.lstrip("-") == "pk" else f"organisation__{term}"
    ordered = term.copy()
    ordered.set_source_expressions([_prefixed(e) for e in ordered.get_source_expressions()])
    return ordered


def _prefixed(expression):
    if isinstance(expression, F):
        return F(f"organisation__{expression.name}")
    copy = expression.copy()
    copy.set_source_expressions([_prefixed(e) for e in copy.get_source_expressions()])
    return copy


# The meeting with its programme, as ``user`` may see it, compiled once per (visibility, language, database)
# for a slug no meeting has (a slug is ASCII letters, digits and hyphens); a request runs it with its slug.
STAND_IN_SLUG = "\x00stand-in"
_meeting_statements: dict[tuple, Statement] = {}


def _visible_meeting(user, slug: str):
    """``meetings(user).select_related("programme").filter(slug=slug).first()``, from a statement compiled
    once and kept prepared (building and compiling the queryset was a quarter of the selector's time)."""
    levels = visibility_levels(user)
    key = (None if levels is None else tuple(levels), reader_language(), router.db_for_read(Meeting))
    statement = _meeting_statements.get(key)
    if statement is None:
        queryset = meetings(user).select_related("programme").filter(slug=STAND_IN_SLUG)
        paths = fields_of(Meeting) + fields_of(Programme, "programme__")
        statement = _meeting_statements[key] = compile_parts([Rows(queryset, paths, limit=1)], prepared=True)
    params = [slug if value == STAND_IN_SLUG else value for value in statement.params]
    (found,) = run(statement, params)
    return found[0] if found else None


def meeting_page(user, slug: str) -> dict | None:
    """The meeting page's content, or None if ``user`` may not see a meeting with that slug: the meeting in
    one query (:func:`_visible_meeting`), its parts in one more (:func:`_page_parts`)."""
    meeting = _visible_meeting(user, slug)
    if meeting is None:
        return None
    _page_parts(user, meeting)
    participations = sorted_participations(meeting)
    return {
        "meeting": meeting,
        "participations": participations,
        "chairs": chairs(participations),
        "follow_ups": follow_ups_reported_at(meeting),
        "names": names_shown_with(meeting),  # kept whole at line ends in the page's texts
    }


def minutes_meeting(user, meeting_id: int) -> Meeting:
    """The meeting with everything its minutes show to ``user``'s audience, in a fixed number of queries.
    Raises ``Meeting.DoesNotExist`` when ``user`` may not see it."""
    return _with_parts(meetings(user), user).get(pk=meeting_id)


def minutes_issuer(user, meeting):
    """The body whose name heads ``meeting``'s minutes (the letterhead): the organisation the officer chose
    ("minutes issued by"), else the secretariat (``settings.MINUTES_ISSUER``), as ``user`` may see it; None
    when neither is known to ``user``. Never taken from the organisers, the host or the guest countries: an
    international meeting hosted by another government is still minuted by the body that issues them."""
    if meeting.issued_by_id is not None:
        return organisations(user).filter(pk=meeting.issued_by_id).first()
    return organisations(user).filter(slug=settings.MINUTES_ISSUER).first()


CHAIR_ROLES = (Participation.Role.CHAIR, Participation.Role.CO_CHAIR)


def sorted_participations(meeting) -> list:
    role_order = {role: i for i, role in enumerate(Participation.Role.values)}
    return sorted(related(meeting, "participations"), key=lambda p: role_order.get(p.role, 99))


def chairs(participations) -> list:
    return [p for p in participations if p.role in CHAIR_ROLES]
