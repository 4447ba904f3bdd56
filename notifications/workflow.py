"""Who hears of a workflow step: submitted → the publishers; returned with a remark → the author;
published → the author. The one who took the step is never told of it."""

from __future__ import annotations

from django.urls import reverse

from meetings.models import MeetingEvent
from meetings.selectors.meetings import meetings as visible_meetings
from notifications.compose import public_url, site_url
from notifications.outbox import queue_mail, recipient_for
from notifications.readers import mail_reader, publishers

A = MeetingEvent.Action
TEMPLATES = {
    A.SUBMITTED: "meeting_submitted",
    A.RETURNED: "meeting_returned",
    A.PUBLISHED: "meeting_published",
}


def author_of(meeting):
    """Who wrote the minutes: whoever last submitted them for review, else whoever created the record."""
    submitted = meeting.events.filter(action=A.SUBMITTED, user__isnull=False).order_by("-at", "-pk").first()
    if submitted is not None:
        return submitted.user
    first = meeting.history.order_by("history_date", "history_id").first()
    return first.history_user if first is not None else None


def recipients_of(event) -> list:
    if event.action == A.SUBMITTED:
        people = publishers()
    elif event.action in (A.RETURNED, A.PUBLISHED):
        author = author_of(event.meeting)
        people = [author] if author is not None else []
    else:
        people = []
    return [user for user in people if event.user_id is None or user.pk != event.user_id]


def mail_meeting_event(*, event_id: int) -> list:
    """Queue the mail of one workflow step (idempotent: a second call queues nothing)."""
    event = MeetingEvent.objects.select_related("meeting", "user").filter(pk=event_id).first()
    if event is None or event.action not in TEMPLATES:
        return []
    queued = []
    for user in recipients_of(event):
        recipient = recipient_for(user)
        if recipient is None:
            continue
        meeting = visible_meetings(mail_reader(user)).filter(pk=event.meeting_id).first()
        if meeting is None:  # the recipient may not read this meeting
            continue
        context = {
            "meeting": meeting,
            "event": event,
            "by_name": (event.user.get_full_name() or event.user.username) if event.user else "",
            "recipient": user,
            "review_url": site_url(reverse("admin:meetings_meeting_change", args=[meeting.pk])),
            "public_url": public_url(meeting, recipient.language) if event.action == A.PUBLISHED else "",
        }
        message = queue_mail(
            key=f"meeting-event:{event.pk}",
            recipient=recipient,
            kind=f"workflow-{event.action}",
            template=TEMPLATES[event.action],
            context=context,
        )
        if message is not None:
            queued.append(message)
    return queued
