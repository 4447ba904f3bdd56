"""Action items and their follow-ups as a reader sees them (the tracker, organisation pages, exports)."""

from __future__ import annotations

from django.db.models import Prefetch

from meetings.models import UNFINISHED, ActionItem, ActionItemUpdate, Meeting
from meetings.selectors.rows import related


def visible_follow_ups(user):
    """Follow-ups whose two meetings (where reported, where decided) ``user`` may both see."""
    return ActionItemUpdate.objects.visible_to(user)


def action_items(user):
    """Action items of visible meetings, each with ``shown_status`` (from visible follow-ups only) and its
    responsible organisations and visible follow-ups, oldest first."""
    return (
        ActionItem.objects.visible_to(user)
        .select_related("meeting")
        .prefetch_related(
            "responsible",
            Prefetch(
                "updates",
                queryset=visible_follow_ups(user)
                .select_related("meeting")
                .order_by("meeting__start_date", "pk"),
            ),
        )
    )


def tracker_items(user, *, status=None, organisation_slug=None, year=None, overdue=False):
    """The action-item tracker: newest decisions first, narrowed by the tracker's filters."""
    items = action_items(user).order_by("-meeting__start_date", "order")
    if status:
        items = items.with_status(status)
    if organisation_slug:
        items = items.filter(responsible__slug=organisation_slug).distinct()
    if year:
        items = items.filter(meeting__start_date__year=year)
    if overdue:
        items = items.overdue()
    return items


def follow_ups_reported_at(meeting) -> list:
    """Follow-ups reported at ``meeting`` on action items decided at earlier meetings. ``meeting`` comes from
    a selector that prefetched its visible follow-ups (``action_item_updates``)."""
    return [u for u in related(meeting, "action_item_updates") if u.action_item.meeting_id != meeting.pk]


def followed_items(user):
    """Action items that still need doing, with a due date, decided at published meetings, as ``user`` may
    know them (what reminders and digests are about): unfinished as recorded and as the reader may know it,
    so a mail never reminds of an item that is done, nor tells a reader of a follow-up it may not see."""
    return (
        action_items(user)
        .filter(meeting__status=Meeting.Status.PUBLISHED, due_date__isnull=False, status__in=UNFINISHED)
        .unfinished()
        .order_by("due_date", "meeting__start_date", "order")
    )
