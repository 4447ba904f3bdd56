"""Who a mail's recipient is for the read layer.

A mail goes to an account's own address, so it shows what the account's rights allow: the secretariat's
view for secretariat accounts, the partners' view for partner accounts, the public view for everyone else
(subscribers and contacts without an account). The second factor guards signing in, not the inbox; a
link in a mail still asks for it. The recipient never reads more than the audience of its account.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q

from meetings.models import OrganisationContact
from meetings.rules import roles


def mail_reader(user):
    """A stand-in reader with the audience of ``user`` (None: the public)."""
    if user is not None and roles.is_secretariat(user):
        return roles.AudienceReader("staff")
    if user is not None and roles.is_partner(user):
        return roles.AudienceReader("partners")
    return roles.AudienceReader("public")


def _with_permission(codename: str):
    app_label, name = codename.split(".")
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    has = (
        Q(is_superuser=True)
        | Q(groups__permissions__codename=name, groups__permissions__content_type__app_label=app_label)
        | Q(user_permissions__codename=name, user_permissions__content_type__app_label=app_label)
    )
    return users.filter(has).distinct().order_by("pk")


def publishers():
    """Active accounts with an address that may publish (secretariat publishers and administrators)."""
    return [user for user in _with_permission(roles.PERM_PUBLISH) if roles.can_publish(user)]


def secretariat():
    """Active secretariat accounts with an address (editors, publishers, administrators)."""
    return [user for user in _with_permission(roles.PERM_VIEW_INTERNAL) if roles.is_secretariat(user)]


def contacts_of(organisation_ids) -> list:
    """The contacts kept on these organisations (accounts and bare addresses), in a stable order."""
    return list(
        OrganisationContact.objects.filter(organisation_id__in=list(organisation_ids))
        .select_related("user")
        .order_by("pk")
    )
