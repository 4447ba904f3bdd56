"""What a reader may search: each kind read through :mod:`meetings.selectors`, narrowed by the filters."""

from __future__ import annotations

from django.db.models import Q

from meetings import models as m
from meetings import selectors
from meetings.selectors.meetings import involved_in

from .kinds import Kind


# --- Filters (year, organisation) -------------------------------------------------------------------------
def scoped_queryset(kind: Kind, *, user, year: int | None = None, orgs: list[int] | None = None):
    """The records of ``kind`` that ``user`` may see, narrowed by the year and organisation filters.

    The organisation filter covers the organisation and its units (a ministry and its departments): the
    meetings they organised or took part in, the items they presented, reported or are responsible for,
    their people, and themselves.
    """
    model = kind.model
    if model is m.Meeting:
        qs = selectors.meetings(user)
        if year:
            qs = qs.in_year(year)
        if orgs is not None:
            qs = qs.filter(pk__in=m.Meeting.objects.filter(involved_in(orgs)).values("pk"))
        return qs
    if model in (m.Person, m.Organisation):
        qs = selectors.people(user) if model is m.Person else selectors.organisations(user)
        if year:
            meetings = selectors.meetings(user).in_year(year)
            participations = m.Participation.objects.filter(meeting__in=meetings)
            if model is m.Person:
                qs = qs.filter(pk__in=participations.values("person"))
            else:
                qs = qs.filter(
                    Q(pk__in=meetings.values("organisers")) | Q(pk__in=participations.values("organisation"))
                )
        if orgs is not None:
            qs = qs.filter(organisation__in=orgs) if model is m.Person else qs.filter(pk__in=orgs)
        return qs
    meetings, items = item_scope(kind, user=user, year=year, orgs=orgs)
    return items.filter(meeting__in=meetings)


def item_scope(kind: Kind, *, user, year: int | None = None, orgs: list[int] | None = None):
    """For a kind of meeting item: (the meetings ``user`` may see in ``year``, the items ``orgs`` filter
    keeps in any meeting). An item is visible exactly when its meeting is (``MeetingChildQuerySet``), so the
    items to show are those of the second set whose meeting is in the first."""
    meetings = selectors.meetings(user)
    if year:
        meetings = meetings.in_year(year)
    # Not ``visible_to(user)`` (a second, redundant test of the meeting in SQL, planned in every part of a
    # search): every use keeps only the items whose meeting is in the first set.
    items = kind.model.objects.all()
    if orgs is not None:
        direct = {  # one entry per model of MEETING_ITEMS
            m.AgendaItem: Q(presenter__organisation__in=orgs),
            m.Activity: Q(organisation__in=orgs),
            m.Achievement: Q(organisation__in=orgs),
            m.ActionItem: Q(responsible__in=orgs),
        }[kind.model]
        items = items.filter(
            pk__in=kind.model.objects.filter(direct | Q(meeting__organisers__in=orgs)).values("pk")
        )
    return meetings, items
