"""Writes of the outbox: queue a mail, deliver it through SMTP with retries, send a failed one again.

``queue_mail`` writes the row in the caller's transaction (a rolled-back change queues nothing); the task
worker delivers it (``notifications.tasks.deliver_message``). ``deliver`` holds the row locked while it
talks to the SMTP server, so two workers never send the same row; a refused or failed send is tried again
after 1, 2, 4 ... × ``MAIL_RETRY_BASE_SECONDS`` and given up after ``MAIL_MAX_ATTEMPTS`` tries.
"""

from __future__ import annotations

import email.message
import hashlib
import logging
import smtplib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email import policy
from email.utils import formatdate

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone

from notifications.compose import render_mail
from notifications.models import MailPreference, Message

logger = logging.getLogger(__name__)
S = Message.Status
DEFAULT_LANGUAGE = "lo"
# Mail whose text holds a link that acts for its recipient (set a password, confirm an address or a
# subscription): its text is never shown in the outbox, and is removed once the mail is sent.
PERSONAL_LINK_KINDS = frozenset(
    {"password-reset", "account-invitation", "address-change", "subscription-confirm"}
)
REMOVED = "—"


def holds_personal_link(message: Message) -> bool:
    return message.kind in PERSONAL_LINK_KINDS


@dataclass(frozen=True)
class Recipient:
    """Where a mail goes and in which language; ``user`` is the account, if the address belongs to one."""

    address: str
    language: str = DEFAULT_LANGUAGE
    user: object | None = field(default=None, compare=False)


def language_of(user) -> str:
    """The language an account reads: its interface preference, Lao by default."""
    # A missing row raises RelatedObjectDoesNotExist, an AttributeError: getattr's default covers it.
    preference = getattr(user, "interface_preference", None)
    language = getattr(preference, "language", None)
    return language if language in dict(settings.LANGUAGES) else DEFAULT_LANGUAGE


def recipient_for(user) -> Recipient | None:
    """The account as a recipient, or None when it has no address or is not active."""
    if user is None or not user.is_active or not (user.email or "").strip():
        return None
    return Recipient(address=user.email.strip(), language=language_of(user), user=user)


def wants_digest(user) -> bool:
    if user is None:
        return False
    return MailPreference.objects.filter(user=user, frequency=MailPreference.Frequency.DAILY).exists()


def queue_mail(
    *,
    key: str,
    recipient: Recipient,
    kind: str,
    template: str,
    context: dict,
    headers: dict | None = None,
    digestible: bool = True,
) -> Message | None:
    """Queue one mail, rendered in the recipient's language; None if this (key, address) was queued before.

    A ``digestible`` notification to an account that chose the daily digest is held for the digest
    instead of being sent at once. Account mail (password links, confirmations) is never digestible.
    """
    if Message.objects.filter(key=key, to=recipient.address).exists():
        return None
    rendered = render_mail(template, context, language=recipient.language)
    held = digestible and wants_digest(recipient.user)
    try:
        with transaction.atomic():
            return Message.objects.create(
                key=key[:200],
                to=recipient.address,
                user=recipient.user,
                language=recipient.language,
                kind=kind,
                subject=rendered.subject[:255],
                body_text=rendered.text,
                body_html=rendered.html,
                headers=headers or {},
                status=S.HELD if held else S.PENDING,
            )
    except IntegrityError:  # queued meanwhile by another worker
        return None


def message_id(message: Message) -> str:
    """A stable Message-ID: a retry after an interrupted send carries the same one, so mail programs
    recognise a copy."""
    digest = hashlib.sha256(f"{message.pk}:{message.key}:{message.to}".encode()).hexdigest()[:24]
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ") or "localhost"
    return f"<{digest}.{message.pk}@{domain}>"


class _MIMEMessage(email.message.EmailMessage):
    """The standard library's modern message, with the ``as_bytes(linesep=...)`` Django's backend calls."""

    def as_bytes(self, unixfrom=False, linesep="\n"):  # noqa: FBT002 - the standard library's signature
        return super().as_bytes(unixfrom, policy=self.policy.clone(linesep=linesep))


class PortalEmail(EmailMultiAlternatives):
    """Built with the standard library's modern email API (``policy.SMTP``): UTF-8 headers are encoded
    words that every mail program decodes to exactly the subject (Django 5.2's legacy API folds a Lao
    subject into a leading space), and the body parts are UTF-8."""

    def message(self):
        msg = _MIMEMessage(policy=policy.SMTP)
        msg["Subject"] = self.subject
        msg["From"] = self.extra_headers.get("From", self.from_email)
        msg["To"] = ", ".join(self.to)
        msg["Date"] = formatdate(localtime=True)
        msg.set_content(self.body, charset="utf-8")
        for content, mimetype in self.alternatives:
            subtype = mimetype.split("/")[1]
            msg.add_alternative(content, subtype=subtype, charset="utf-8")
        # After the content: setting content clears the Content-* headers (Content-Language among them).
        for name, value in self.extra_headers.items():
            if name.lower() != "from":
                msg[name] = value
        return msg


def as_email(message: Message, connection=None) -> EmailMultiAlternatives:
    mail = PortalEmail(
        subject=message.subject,
        body=message.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to],
        headers={"Message-ID": message_id(message), "Content-Language": message.language, **message.headers},
        connection=connection,
    )
    mail.attach_alternative(message.body_html, "text/html")
    return mail


@dataclass(frozen=True)
class Outcome:
    status: str  # sent, retry, failed, skipped
    retry_at: datetime | None = None


def retry_delay(attempts: int) -> timedelta:
    base = getattr(settings, "MAIL_RETRY_BASE_SECONDS", 60)
    limit = settings.MAIL_RETRY_MAX_MINUTES * 60
    return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), limit))


def deliver(*, message_id: int) -> Outcome:
    """Send one pending mail now. Another worker holding it, or a mail not due or not pending: skipped."""
    now = timezone.now()
    with transaction.atomic():
        message = (
            Message.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, status=S.PENDING, next_attempt_at__lte=now)
            .first()
        )
        if message is None:
            return Outcome("skipped")
        message.attempts += 1
        try:
            with get_connection(fail_silently=False, timeout=settings.EMAIL_TIMEOUT) as connection:
                as_email(message, connection).send()
        except (smtplib.SMTPException, OSError) as exc:
            message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if message.attempts >= settings.MAIL_MAX_ATTEMPTS:
                message.status = S.FAILED
                message.save(update_fields=["attempts", "last_error", "status"])
                logger.error(
                    "mail %s to %s given up after %s tries: %s",
                    message.pk,
                    message.to,
                    message.attempts,
                    message.last_error,
                )
                return Outcome("failed")
            message.next_attempt_at = now + retry_delay(message.attempts)
            message.save(update_fields=["attempts", "last_error", "next_attempt_at"])
            logger.warning(
                "mail %s to %s not sent (try %s), again at %s: %s",
                message.pk,
                message.to,
                message.attempts,
                message.next_attempt_at,
                message.last_error,
            )
            return Outcome("retry", retry_at=message.next_attempt_at)
        message.status = S.SENT
        message.sent_at = timezone.now()
        message.last_error = ""
        fields = ["attempts", "last_error", "status", "sent_at"]
        if holds_personal_link(message):  # the link lives on in the recipient's mailbox only
            message.body_text = message.body_html = REMOVED
            fields += ["body_text", "body_html"]
        message.save(update_fields=fields)
        return Outcome("sent")


def wake_waiting() -> list[Message]:
    """Mail waiting for a retry after a failed send, made due now: called when a send has just succeeded,
    so that once the SMTP server is back the whole outbox goes out at once, not at each mail's backoff."""
    now = timezone.now()
    with transaction.atomic():
        waiting = list(
            Message.objects.select_for_update(skip_locked=True).filter(
                status=S.PENDING, attempts__gt=0, next_attempt_at__gt=now
            )[:500]
        )
        Message.objects.filter(pk__in=[m.pk for m in waiting]).update(next_attempt_at=now)
    return waiting


def send_again(*, message: Message) -> Message:
    """A failed mail (or one waiting for its next try) is queued to be sent now."""
    Message.objects.filter(pk=message.pk, status__in=[S.FAILED, S.PENDING]).update(
        status=S.PENDING, attempts=0, next_attempt_at=timezone.now(), last_error=""
    )
    message.refresh_from_db()
    return message


def due_messages(*, older_than: timedelta = timedelta(0)):
    """Pending mail whose time has come (for the timer that re-queues mail a lost task left behind)."""
    return Message.objects.filter(status=S.PENDING, next_attempt_at__lte=timezone.now() - older_than)
