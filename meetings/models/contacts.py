"""Who hears of an organisation's action items: its contacts, each an account or a bare address."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from meetings.models.people import Organisation

MSG_CONTACT_ONE_OF = _("Give either an account or an email address (one of the two).")


class OrganisationContact(models.Model):
    """A person the secretariat tells when an action item of the organisation falls due or is overdue.

    An account reads what its role allows (a partner account: partners-only meetings too) in the language
    it chose; a bare address is a member of the public and gets mail in ``language``."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="contacts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="organisation_contacts",
    )
    email = models.EmailField(
        _("email address"), blank=True, help_text=_("Only for a contact without an account.")
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    language = models.CharField(
        _("language of mail"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="lo",
        help_text=_("For a contact without an account (an account's own choice is used otherwise)."),
    )

    class Meta:
        verbose_name = _("contact for action items")
        verbose_name_plural = _("contacts for action items")
        ordering = ["organisation", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(user__isnull=False) & Q(email="")) | (Q(user__isnull=True) & ~Q(email="")),
                name="organisation_contact_account_or_address",
                violation_error_message=MSG_CONTACT_ONE_OF,
            )
        ]

    def __str__(self):
        return self.name or (str(self.user) if self.user_id else self.email)

    def clean(self):
        self.email = (self.email or "").strip()
        if bool(self.user_id) == bool(self.email):
            raise ValidationError(MSG_CONTACT_ONE_OF)
