"""Per-officer settings of the portal's interface."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InterfacePreference(models.Model):
    """The interface language an officer chose in the admin; applied again at each login."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="interface_preference",
    )
    language = models.CharField(_("interface language"), max_length=8, choices=settings.LANGUAGES)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("interface preference")
        verbose_name_plural = _("interface preferences")

    def __str__(self):
        return f"{self.user} — {self.language}"
