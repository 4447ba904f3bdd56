"""Subscriptions to new minutes: ask (a confirmation link is mailed), confirm, unsubscribe, and the mail of
each newly published meeting to every confirmed subscriber who may read it.

Double opt-in: nothing but the confirmation is sent to an address before its link is used. Every
subscription mail carries a one-click unsubscribe (RFC 8058 ``List-Unsubscribe`` with
``List-Unsubscribe-Post``): a POST to the address, without signing in. A subscription reads as its
account only when it was made signed in, for that account's own address, and the account still has that
address; otherwise as the public. A meeting is read for each subscriber through the selectors when the
publication is processed (unpublished meanwhile: nothing is sent).
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from meetings.models import Meeting, MeetingEvent
from meetings.selectors.meetings import meetings as visible_meetings
from notifications.compose import public_url, site_url
from notifications.models import Message, Subscription
from notifications.outbox import Recipient, queue_mail
from notifications.readers import mail_reader

CONFIRM_WITHIN = timedelta(days=7)  # a confirmation link older than this no longer works
ASKS_PER_ADDRESS_PER_DAY = 3  # confirmation mails to one address in 24 hours, whoever asks


def account_of(subscription: Subscription):
    """The account a subscription reads as: its own, while active and still at the subscribed address."""
    user = subscription.user
    if user is None or not user.is_active or (user.email or "").strip().lower() != subscription.email.lower():
        return None
    return user


def _link(name: str, subscription: Subscription) -> str:
    with translation.override(subscription.language):
        return site_url(reverse(name, kwargs={"token": subscription.token}))


def unsubscribe_url(subscription: Subscription) -> str:
    return _link("notifications:unsubscribe", subscription)


def list_headers(subscription: Subscription) -> dict:
    """RFC 2369 / RFC 8058: mail programs offer "unsubscribe", and a POST to the address unsubscribes."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscription)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def ask(*, email: str, kinds: list[str], language: str, user=None) -> tuple[Subscription, Message | None]:
    """Record a subscription waiting for confirmation and queue the confirmation mail (None when this
    address was sent too many confirmations today: the page answers the same, nothing more is mailed)."""
    email = email.strip()
    if user is not None and (
        not user.is_authenticated or (user.email or "").strip().lower() != email.lower()
    ):
        user = None
    subscription = Subscription.objects.create(
        email=email, kinds=sorted(set(kinds)), language=language, user=user
    )
    recent = Message.objects.filter(
        kind="subscription-confirm", to__iexact=email, created_at__gte=timezone.now() - timedelta(days=1)
    ).count()
    if recent >= ASKS_PER_ADDRESS_PER_DAY:
        return subscription, None
    context = {
        "subscription": subscription,
        "kinds": [Meeting.Kind(k).label for k in subscription.kinds],
        "confirm_url": _link("notifications:confirm", subscription),
        "as_account": user is not None,
    }
    message = queue_mail(
        key=f"subscription-confirm:{subscription.pk}",
        recipient=Recipient(address=email, language=language),
        kind="subscription-confirm",
        template="subscription_confirm",
        context=context,
        digestible=False,
    )
    return subscription, message


def pending(token: str) -> Subscription | None:
    """The subscription a confirmation link is for, while it may still be confirmed."""
    return Subscription.objects.filter(
        token=token, ended_at__isnull=True, created_at__gte=timezone.now() - CONFIRM_WITHIN
    ).first()


@transaction.atomic
def confirm(*, subscription: Subscription) -> Subscription:
    """Start sending. The address's earlier subscriptions end: the newest confirmed one is what it gets."""
    now = timezone.now()
    if subscription.confirmed_at is None:
        subscription.confirmed_at = now
        subscription.save(update_fields=["confirmed_at"])
    Subscription.objects.filter(email__iexact=subscription.email, ended_at__isnull=True).exclude(
        pk=subscription.pk
    ).update(ended_at=now)
    return subscription


def unsubscribe(*, token: str) -> Subscription | None:
    """End the subscription of this token (and of a confirmation never used); None for an unknown token.
    Unsubscribing twice is harmless."""
    subscription = Subscription.objects.filter(token=token).first()
    if subscription is not None and subscription.ended_at is None:
        subscription.ended_at = timezone.now()
        subscription.save(update_fields=["ended_at"])
    return subscription


def active():
    return Subscription.objects.filter(confirmed_at__isnull=False, ended_at__isnull=True).select_related(
        "user"
    )


def mail_publication(*, event_id: int) -> list:
    """Queue the mail of a newly published meeting to each subscriber who may read it (once per meeting and
    address, whatever happens to the meeting later)."""
    event = MeetingEvent.objects.filter(pk=event_id, action=MeetingEvent.Action.PUBLISHED).first()
    if event is None:
        return []
    queued = []
    for subscription in active().order_by("pk"):
        user = account_of(subscription)
        meeting = (
            visible_meetings(mail_reader(user))
            .filter(pk=event.meeting_id, status=Meeting.Status.PUBLISHED)
            .select_related("programme")
            .first()
        )
        if meeting is None or not subscription.wants(meeting.kind):
            continue
        language = subscription.language
        recipient = Recipient(address=subscription.email, language=language, user=user)
        context = {
            "meeting": meeting,
            "public_url": public_url(meeting, language),
            "unsubscribe_url": unsubscribe_url(subscription),
        }
        message = queue_mail(
            key=f"publication:{meeting.pk}",
            recipient=recipient,
            kind="subscription-publication",
            template="subscription_publication",
            context=context,
            headers=list_headers(subscription),
            digestible=False,
        )
        if message is not None:
            queued.append(message)
    return queued
