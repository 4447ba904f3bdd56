"""Digests: the daily mail that gathers an account's held notifications, and the secretariat's weekly
digest of overdue action items, items due soon and minutes waiting for review.

A daily digest has a key made of the account and its last held mail, so a second run sends nothing and a
run later the same day sends only what was held since. The weekly digest is keyed by the ISO week. Both
read records through the selectors with the recipient's reader.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from meetings.selectors.action_items import followed_items
from meetings.selectors.meetings import waiting_for_review
from notifications.compose import site_url
from notifications.models import Message
from notifications.outbox import queue_mail, recipient_for
from notifications.readers import mail_reader, secretariat

S = Message.Status


def mail_daily_digests() -> list:
    """One mail per account with held notifications; those are then marked as sent in a digest."""
    queued = []
    held_users = Message.objects.filter(status=S.HELD, user__isnull=False).values("user").distinct()
    for user in get_user_model().objects.filter(pk__in=held_users).order_by("pk"):
        with transaction.atomic():
            held = list(
                Message.objects.select_for_update()
                .filter(status=S.HELD, user=user)
                .order_by("created_at", "pk")
            )
            if not held:
                continue
            recipient = recipient_for(user)
            if recipient is None:  # no address any more, or the account was closed
                Message.objects.filter(pk__in=[m.pk for m in held]).update(
                    status=S.FAILED, last_error="The account has no address or is not active."
                )
                continue
            digest = queue_mail(
                key=f"daily-digest:{user.pk}:{held[-1].pk}",
                recipient=recipient,
                kind="daily-digest",
                template="daily_digest",
                context={"held": held, "day": timezone.localdate()},
                digestible=False,
            )
            Message.objects.filter(pk__in=[m.pk for m in held]).update(
                status=S.DIGESTED, sent_at=timezone.now()
            )
            if digest is not None:
                queued.append(digest)
    return queued


def _tracker_url(language: str) -> str:
    with translation.override(language):
        return site_url(reverse("meetings:action_items") + "?overdue=on")


def mail_weekly_digest(*, today: datetime.date | None = None) -> list:
    """The secretariat's digest, once per ISO week for each secretariat account."""
    today = today or timezone.localdate()
    year, week, _day = today.isocalendar()
    soon = today + datetime.timedelta(days=settings.ACTION_ITEM_REMINDER_DAYS)
    queued = []
    for user in secretariat():
        recipient = recipient_for(user)
        if recipient is None:
            continue
        reader = mail_reader(user)
        items = followed_items(reader)
        context = {
            "today": today,
            "week": f"{year}-W{week:02d}",
            "overdue": list(items.filter(due_date__lt=today)),
            "due_soon": list(items.filter(due_date__gte=today, due_date__lte=soon)),
            "in_review": list(waiting_for_review(reader)),
            "soon_days": settings.ACTION_ITEM_REMINDER_DAYS,
            "tracker_url": _tracker_url(recipient.language),
        }
        message = queue_mail(
            key=f"weekly-digest:{year}-W{week:02d}",
            recipient=recipient,
            kind="weekly-digest",
            template="weekly_digest",
            context=context,
            digestible=False,
        )
        if message is not None:
            queued.append(message)
    return queued
