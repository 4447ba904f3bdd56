"""The outbox: every mail the portal sends is first a row here, written in the transaction of the change
that caused it, then delivered by the task worker (``notifications.tasks``) with retries. The row's key
(event, recipient) is unique, so a retry, a second timer run or a second worker never sends it twice.
Subscriptions to new minutes live here too."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MailPreference(models.Model):
    """How an account wants its notifications: at once, or gathered in one mail a day."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("At once, one mail per notification")
        DAILY = "daily", _("Once a day, in one digest")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="mail_preference",
    )
    frequency = models.CharField(
        _("notifications"), max_length=16, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )

    class Meta:
        verbose_name = _("mail preference")
        verbose_name_plural = _("mail preferences")

    def __str__(self):
        return f"{self.user} — {self.frequency}"


class Message(models.Model):
    """One mail to one address, kept after sending (the outbox in the admin)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        HELD = "held", _("Held for the daily digest")
        SENT = "sent", _("Sent")
        DIGESTED = "digested", _("Sent in a digest")
        FAILED = "failed", _("Failed")

    key = models.CharField(
        _("key"),
        max_length=200,
        help_text=_("The event this mail is about; with the address, it is never sent twice."),
    )
    to = models.EmailField(_("to"), max_length=254)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    kind = models.CharField(_("kind"), max_length=40)
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"))
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("mail")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["key", "to"], name="mail_once_per_event_and_address")]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="mail_due")]

    def __str__(self):
        return f"{self.to}: {self.subject}"


def new_token() -> str:
    """An unguessable token for the links of a subscription (256 bits)."""
    return secrets.token_urlsafe(32)


class Subscription(models.Model):
    """An address that wants a mail for each newly published meeting (all, or of some kinds).

    Nothing is sent before ``confirmed_at`` (double opt-in: the link mailed to the address confirms it).
    The same token is in the confirmation link and in every mail's one-click unsubscribe address. A
    subscription made while signed in, for the account's own address, reads as that account (a partner
    gets partners-only meetings); any other reads as the public."""

    email = models.EmailField(_("email address"), max_length=254)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subscriptions",
    )
    kinds = models.JSONField(
        _("kinds of meeting"), default=list, blank=True, help_text=_("Empty: every kind of meeting.")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="lo")
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("asked"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    ended_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["email"], name="subscription_email")]

    def __str__(self):
        return self.email

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.ended_at is None

    def wants(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds
