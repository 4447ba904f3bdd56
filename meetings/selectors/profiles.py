"""An organisation's page and a person's page: directory records with the meetings and action items that
name them, as the reader may see them. Built on ``directory``, ``meetings`` and ``action_items``."""

from __future__ import annotations

from meetings.models import AgendaItem, Meeting, Participation
from meetings.selectors.action_items import action_items
from meetings.selectors.collation import by_name
from meetings.selectors.directory import organisation_and_units, organisations, people
from meetings.selectors.meetings import listed_meetings, meetings

ORGANISATION_PAGE_ROWS = 10


def organisation_page(user, slug: str) -> dict | None:
    """An organisation's page: its visible units and people, the meetings it organised or attended (with
    its units) and the action items it is responsible for; None if ``user`` may not know of it."""
    visible = organisations(user)
    organisation = visible.select_related("parent").filter(slug=slug).first()
    if organisation is None:
        return None
    units = organisation_and_units(organisation)
    organised = listed_meetings(user).filter(organisers__in=units).distinct()
    attended = (
        listed_meetings(user)
        .filter(participations__organisation__in=units)
        .exclude(pk__in=Meeting.objects.filter(organisers__in=units).values("pk"))
        .distinct()
    )
    items = (
        action_items(user).filter(responsible__in=units).distinct().order_by("-meeting__start_date", "order")
    )
    return {
        "organisation": organisation,
        "children": by_name(visible.filter(parent=organisation)),
        # the latest rows; the full lists are the filtered meeting list and action-item tracker
        "organised": organised[:ORGANISATION_PAGE_ROWS],
        "organised_count": organised.count(),
        "attended": attended[:ORGANISATION_PAGE_ROWS],
        "attended_count": attended.count(),
        "action_items": items[:ORGANISATION_PAGE_ROWS],
        "action_items_count": items.count(),
        "people": by_name(people(user).filter(organisation=organisation)),
    }


def person_page(user, slug: str) -> dict | None:
    """A person's page: roles at visible meetings and items presented; None if ``user`` may not see them."""
    person = people(user).select_related("organisation").filter(slug=slug).first()
    if person is None:
        return None
    visible = meetings(user)
    participations = (
        Participation.objects.filter(person=person, meeting__in=visible)
        .select_related("meeting", "organisation")
        .order_by("-meeting__start_date")
    )
    by_role: dict[str, dict] = {}
    for part in participations:
        group = by_role.setdefault(part.role, {"label": part.get_role_display(), "items": []})
        group["items"].append(part)
    presented = (
        AgendaItem.objects.filter(presenter=person, meeting__in=visible)
        .select_related("meeting")
        .order_by("-meeting__start_date", "order")
    )
    return {
        "person": person,
        "roles": list(by_role.values()),
        "presented": presented,
    }
