"""Writes that touch more than one record. Keyword-only, atomic, validated through the model rules."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from meetings.models import ActionItem, ActionItemUpdate, Meeting


@transaction.atomic
def publish_meeting(*, meeting: Meeting, by=None) -> Meeting:
    """Make a meeting public (within its visibility level) and remember when."""
    meeting.status = Meeting.Status.PUBLISHED
    if meeting.published_at is None:
        meeting.published_at = timezone.now()
    meeting.full_clean()
    meeting.save()
    return meeting


@transaction.atomic
def sync_action_item_status(*, action_item: ActionItem) -> ActionItem:
    """An action item's status is the status reported at its latest follow-up, if any."""
    latest = action_item.updates.select_related("meeting").order_by("-meeting__start_date", "-pk").first()
    if latest is not None and latest.status != action_item.status:
        action_item.status = latest.status
        action_item.save(update_fields=["status", "updated_at"])
    return action_item


@transaction.atomic
def record_action_item_update(
    *, action_item: ActionItem, meeting: Meeting, status: str, note_lo: str = "", note_en: str = ""
) -> ActionItemUpdate:
    """Record the progress of an action item reported at ``meeting`` and bring its status up to date."""
    update = ActionItemUpdate.objects.filter(
        action_item=action_item, meeting=meeting
    ).first() or ActionItemUpdate(action_item=action_item, meeting=meeting)
    update.status = status
    update.note_lo = note_lo
    update.note_en = note_en
    update.full_clean()
    update.save()
    sync_action_item_status(action_item=action_item)
    return update
