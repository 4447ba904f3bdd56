"""The periodic jobs behind ``manage.py mail_timers`` (each queues mail through the outbox and enqueues
its delivery; each is safe to run twice)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from notifications import outbox
from notifications.models import Message
from notifications.tasks import send_soon


def requeue_lost_mail() -> str:
    """Mail still pending well after its time: its task was lost (a worker killed mid-send). Enqueue it
    again; ``deliver`` locks the row, so a task that is in fact still running is not doubled."""
    due = list(outbox.due_messages(older_than=timedelta(seconds=settings.MAIL_LOST_AFTER_SECONDS)))
    send_soon(due)
    return f"{len(due)} mail re-queued"


def action_item_reminders() -> str:
    return "no reminders yet"


def daily_digests() -> str:
    return "no digests yet"


def weekly_digest() -> str:
    return "no digest yet"


def cleanup(*, keep: timedelta) -> str:
    before = timezone.now() - keep
    mail, _ = Message.objects.filter(
        status__in=[Message.Status.SENT, Message.Status.DIGESTED], sent_at__lt=before
    ).delete()
    tasks, _ = DBTaskResult.objects.filter(finished_at__lt=before).delete()
    return f"{mail} sent mail and {tasks} finished tasks older than {keep.days} days removed"
