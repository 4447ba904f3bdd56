"""The periodic jobs behind ``manage.py mail_timers`` (each queues mail through the outbox and enqueues
its delivery; each is safe to run twice)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from notifications import digests, outbox, reminders, subscriptions
from notifications.models import Message, Subscription
from notifications.tasks import send_soon


def requeue_lost_mail() -> str:
    """Mail still pending well after its time: its task was lost (a worker killed mid-send). Enqueue it
    again; ``deliver`` locks the row, so a task that is in fact still running is not doubled."""
    due = list(outbox.due_messages(older_than=timedelta(seconds=settings.MAIL_LOST_AFTER_SECONDS)))
    send_soon(due)
    return f"{len(due)} mail re-queued"


def action_item_reminders() -> str:
    queued = reminders.mail_reminders()
    send_soon(queued)
    return f"{len(queued)} reminders queued"


def daily_digests() -> str:
    queued = digests.mail_daily_digests()
    send_soon(queued)
    return f"{len(queued)} daily digests queued"


def weekly_digest() -> str:
    queued = digests.mail_weekly_digest()
    send_soon(queued)
    return f"{len(queued)} weekly digests queued"


def cleanup(*, keep: timedelta) -> str:
    before = timezone.now() - keep
    mail, _ = Message.objects.filter(
        status__in=[Message.Status.SENT, Message.Status.DIGESTED], sent_at__lt=before
    ).delete()
    tasks, _ = DBTaskResult.objects.filter(finished_at__lt=before).delete()
    # addresses that never confirmed, or unsubscribed, are not kept
    unconfirmed = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=timezone.now() - subscriptions.CONFIRM_WITHIN
    )
    ended, _ = (unconfirmed | Subscription.objects.filter(ended_at__lt=before)).delete()
    return (
        f"{mail} sent mail, {tasks} finished tasks and {ended} ended subscriptions older than {keep.days} days"
        " removed"
    )
