"""Writes of account self-service, keyword-only: invitations, password links, address changes, mail
preferences. Every mail is queued in the outbox (``notifications.outbox``, in the account's language,
never held for a digest) and delivered by the task worker; none is sent by the request itself.

Password links are Django's tokens (``default_token_generator``): they depend on the password, the last
login and the address, so a link works once, and they expire after ``PASSWORD_RESET_TIMEOUT``.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.tokens import InvalidLink, make_address_token, read_address_token
from meetings.rules import roles
from notifications.compose import site_url
from notifications.models import MailPreference
from notifications.outbox import Recipient, language_of, queue_mail
from notifications.tasks import send_soon
from portal.models import InterfacePreference

RESET_CONFIRM = "accounts:password_reset_confirm"
INVITATION_CONFIRM = "accounts:invitation"


class AddressTaken(Exception):
    """Another account has this e-mail address."""


def _digest(token: str) -> str:
    """A short fingerprint of a link's token for the outbox key (the key never holds the token itself)."""
    return hashlib.sha256(token.encode()).hexdigest()[:20]


def link_days() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)


def _portal_url(url_name: str, *, language: str, **kwargs) -> str:
    with translation.override(language):
        return site_url(reverse(url_name, kwargs=kwargs))


def _queue(*, key: str, user, kind: str, template: str, context: dict, address: str | None = None):
    recipient = Recipient(address=address or user.email, language=language_of(user), user=user)
    message = queue_mail(
        key=key,
        recipient=recipient,
        kind=kind,
        template=template,
        context={"recipient": user, "link_days": link_days(), **context},
        digestible=False,
    )
    send_soon([message])
    return message


def address_taken(address: str, *, other_than=None) -> bool:
    others = get_user_model().objects.filter(email__iexact=address.strip())
    if other_than is not None:
        others = others.exclude(pk=other_than.pk)
    return others.exists()


def send_password_link(*, user, url_name: str = RESET_CONFIRM, by=None):
    """Mail the account a link to choose a password: a reset (``url_name`` of a reset confirmation page) or
    an invitation (``accounts:invitation``)."""
    token = default_token_generator.make_token(user)
    language = language_of(user)
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    invitation = url_name == INVITATION_CONFIRM
    return _queue(
        key=f"{'invitation' if invitation else 'password-reset'}:{user.pk}:{_digest(token)}",
        user=user,
        kind="account-invitation" if invitation else "password-reset",
        template="account_invitation" if invitation else "password_reset",
        context={
            "url": _portal_url(url_name, language=language, uidb64=uidb64, token=token),
            "login_url": _portal_url("accounts:login", language=language),
            "by": by,
        },
    )


@transaction.atomic
def invite_partner(
    *, username: str, email: str, language: str, first_name: str = "", last_name: str = "", by=None
):
    """A partner account with no password yet, and a mail with a link to choose one (it expires)."""
    user = get_user_model()(
        username=username, email=email.strip(), first_name=first_name, last_name=last_name, is_staff=False
    )
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name=roles.PARTNER))
    InterfacePreference.objects.update_or_create(user=user, defaults={"language": language})
    send_password_link(user=user, url_name=INVITATION_CONFIRM, by=by)
    return user


def request_address_change(*, user, new_address: str):
    """Mail a confirmation link to the new address; the account keeps its old address until it is used."""
    token = make_address_token(user=user, new_address=new_address.strip())
    return _queue(
        key=f"address-change:{user.pk}:{_digest(token)}",
        user=user,
        address=new_address.strip(),
        kind="address-change",
        template="address_change",
        context={
            "url": _portal_url("accounts:confirm_address", language=language_of(user), token=token),
            "old_address": user.email,
            "new_address": new_address.strip(),
        },
    )


def pending_address_change(*, token: str):
    """What a confirmation link would change, or InvalidLink when it is damaged, expired or used."""
    change = read_address_token(token)
    user = get_user_model().objects.filter(pk=change.user_id, is_active=True).first()
    if user is None or user.email != change.old_address:
        raise InvalidLink("used already, or the address changed since")
    return user, change


@transaction.atomic
def confirm_address_change(*, token: str):
    """Give the account its new address (once); the old address is told of the change."""
    user, change = pending_address_change(token=token)
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if user.email != change.old_address:
        raise InvalidLink("used already")
    if address_taken(change.new_address, other_than=user):
        raise AddressTaken(change.new_address)
    user.email = change.new_address
    user.save(update_fields=["email"])
    if change.old_address:
        _queue(
            key=f"address-changed:{user.pk}:{_digest(token)}",
            user=user,
            address=change.old_address,
            kind="address-changed",
            template="address_changed",
            context={"old_address": change.old_address, "new_address": change.new_address},
        )
    return user


def save_preferences(*, user, language: str, frequency: str) -> None:
    """The account's language (its mail and the admin) and how often it gets notifications."""
    InterfacePreference.objects.update_or_create(user=user, defaults={"language": language})
    MailPreference.objects.update_or_create(user=user, defaults={"frequency": frequency})


def preferences_of(user) -> dict:
    frequency = (
        MailPreference.objects.filter(user=user).values_list("frequency", flat=True).first()
        or MailPreference.Frequency.IMMEDIATE
    )
    return {"language": language_of(user), "frequency": frequency}
