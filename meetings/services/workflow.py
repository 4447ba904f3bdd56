"""Writes that touch more than one record. Keyword-only, atomic, validated through the model rules."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.models import ActionItem, ActionItemUpdate, Meeting, MeetingEvent
from meetings.rules import roles
from meetings.rules.sensitive import scan_meeting
from notifications.tasks import notify_meeting_event

S = Meeting.Status
A = MeetingEvent.Action

MSG_NOT_ALLOWED = _("You are not allowed to do this. Ask a secretariat publisher.")
MSG_CONFIRM_PERSONAL_DATA = _("Confirm that the text below contains no personal data.")
MSG_WRONG_STATUS = _("This step is not possible for a meeting with the status “%(status)s”.")

# action: (statuses it starts from, status it leads to, who may do it)
TRANSITIONS = {
    A.SUBMITTED: ({S.DRAFT}, S.IN_REVIEW, roles.can_edit),
    A.RETURNED: ({S.IN_REVIEW}, S.DRAFT, roles.can_publish),
    A.PUBLISHED: ({S.DRAFT, S.IN_REVIEW, S.ARCHIVED}, S.PUBLISHED, roles.can_publish),
    A.UNPUBLISHED: ({S.PUBLISHED}, S.DRAFT, roles.can_publish),
    A.ARCHIVED: ({S.PUBLISHED, S.DRAFT, S.IN_REVIEW}, S.ARCHIVED, roles.can_publish),
}


def allowed_actions(*, meeting: Meeting, user) -> list[str]:
    """The workflow steps ``user`` may take on ``meeting`` now (for buttons and admin actions)."""
    return [
        action
        for action, (sources, _target, allowed) in TRANSITIONS.items()
        if meeting.status in sources and allowed(user)
    ]


def may_edit(*, meeting: Meeting, user) -> bool:
    """Editors change drafts and meetings in review; once published or archived, only publishers may:
    an editor's change to a published meeting would otherwise go public without review."""
    if not roles.can_edit(user):
        return False
    return meeting.status in (S.DRAFT, S.IN_REVIEW) or roles.can_publish(user)


@transaction.atomic
def transition_meeting(
    *, meeting: Meeting, action: str, by, note: str = "", personal_data_confirmed: bool = False
) -> Meeting:
    """Move ``meeting`` one step in the workflow and record who did it and when.

    ``by`` is the user (checked against the step's permission) or None for the system itself (demo
    loader, management commands), which is recorded as no user. Publishing a meeting whose text looks like
    personal data (:func:`meetings.rules.sensitive.scan_meeting`) is refused unless the caller confirms that it
    is not (``personal_data_confirmed``), whoever the caller is: the admin asks the officer first.
    """
    sources, target, allowed = TRANSITIONS[action]
    if by is not None and not allowed(by):
        raise PermissionDenied(MSG_NOT_ALLOWED)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status not in sources:
        raise ValidationError(
            MSG_WRONG_STATUS, code="wrong_status", params={"status": meeting.get_status_display()}
        )
    if target == S.PUBLISHED and not personal_data_confirmed and scan_meeting(meeting):
        raise ValidationError(MSG_CONFIRM_PERSONAL_DATA, code="personal_data")
    before = meeting.status
    meeting.status = target
    if target == S.PUBLISHED and meeting.published_at is None:
        meeting.published_at = timezone.now()
    meeting.full_clean()
    if by is not None:
        meeting._history_user = by
    meeting._change_reason = str(A(action).label)
    meeting.save()
    event = MeetingEvent.objects.create(
        meeting=meeting, action=action, from_status=before, to_status=target, user=by, note=note
    )
    # Enqueued in this transaction (the task is a row of the same database): a step that is rolled back
    # mails nobody, a committed one always mails (notifications.workflow says who).
    notify_meeting_event.enqueue(event_id=event.pk)
    return meeting


def submit_for_review(*, meeting: Meeting, by, note: str = "") -> Meeting:
    """An editor hands a draft to the publishers."""
    return transition_meeting(meeting=meeting, action=A.SUBMITTED, by=by, note=note)


def publish_meeting(
    *, meeting: Meeting, by=None, note: str = "", personal_data_confirmed: bool = False
) -> Meeting:
    """Make a meeting visible (within its visibility level) and remember when and by whom."""
    return transition_meeting(
        meeting=meeting, action=A.PUBLISHED, by=by, note=note, personal_data_confirmed=personal_data_confirmed
    )


def unpublish_meeting(*, meeting: Meeting, by, note: str = "") -> Meeting:
    """Take a published meeting back to draft: it disappears from every public way out."""
    return transition_meeting(meeting=meeting, action=A.UNPUBLISHED, by=by, note=note)


def archive_meeting(*, meeting: Meeting, by, note: str = "") -> Meeting:
    """Withdraw a meeting from the public while keeping it for the secretariat."""
    return transition_meeting(meeting=meeting, action=A.ARCHIVED, by=by, note=note)


@transaction.atomic
def sync_action_item_status(*, action_item: ActionItem) -> ActionItem:
    """An action item's status is the status reported at its latest follow-up, if any.

    The status it had before its first follow-up is kept (``decided_status``): readers who may not see the
    follow-ups are shown that one, and it comes back when the last follow-up is removed.
    """
    latest = action_item.updates.select_related("meeting").order_by("-meeting__start_date", "-pk").first()
    status, decided = action_item.status, action_item.decided_status
    if latest is not None:
        decided = decided or action_item.status
        status = latest.status
    elif decided:
        status, decided = decided, ""
    if (status, decided) != (action_item.status, action_item.decided_status):
        action_item.status, action_item.decided_status = status, decided
        action_item.save(update_fields=["status", "decided_status", "updated_at"])
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


@transaction.atomic
def restore_related_version(*, meeting: Meeting, model_name: str, history_id: int, by):
    """Bring back an earlier version of one of ``meeting``'s records (also one that was deleted).

    The restored version passes the model rules like any other save, and the restore itself is kept in
    the history. Raises LookupError for an unknown record, ValidationError if the rules refuse it.
    """
    from meetings.history import child_model

    model = child_model(model_name)
    try:
        version = model.history.get(history_id=history_id, meeting_id=meeting.pk)
    except model.history.model.DoesNotExist as error:
        raise LookupError(history_id) from error
    if by is not None and not may_edit(meeting=meeting, user=by):
        raise PermissionDenied(MSG_NOT_ALLOWED)
    record = version.instance
    record.full_clean()
    record._history_user = by
    record._change_reason = "restored version of {}".format(
        version.history_date.isoformat(timespec="seconds")
    )
    record.save()
    return record


def touch_meeting(*, meeting_id: int) -> None:
    """A part of a meeting was saved on its own page: move the meeting's edit version on (and its change
    time, which the PDF and page caches key on), so that a form opened on the older version is refused."""
    Meeting.objects.filter(pk=meeting_id).update(updated_at=timezone.now())
