"""Published versions of report PDFs, so that a printed copy can be checked (see :mod:`reports.minutes.verification`)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports.minutes import editions


class Audience(models.TextChoices):
    """Who a PDF was made for: the readers of public, partners-only or secretariat-only records."""

    PUBLIC = "public", _("Public")
    PARTNERS = "partners", _("Partners")
    STAFF = "staff", _("Secretariat")


class PublishedVersion(models.Model):
    """One version of a meeting's minutes as issued: its verification code and the content it stands for.

    A new version is recorded when the content fingerprint changes; the version it replaces gets
    ``superseded_at``. ``file_hashes`` are the SHA-256 digests of the files issued with this code (a file
    rendered again for the same content, e.g. after the cache was cleared, has other bytes).
    """

    code = models.CharField(_("verification code"), max_length=16, unique=True)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="published_versions",
    )
    edition = models.CharField(_("edition"), max_length=10, choices=list(editions.LABELS.items()))
    language = models.CharField(_("language"), max_length=10)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices)
    fingerprint = models.CharField(_("content fingerprint"), max_length=64)
    file_hashes = models.JSONField(_("SHA-256 of the issued files"), default=list, blank=True)
    created_at = models.DateTimeField(_("published at"), default=timezone.now)
    superseded_at = models.DateTimeField(_("replaced at"), null=True, blank=True)

    class Meta:
        verbose_name = _("published PDF version")
        verbose_name_plural = _("published PDF versions")
        ordering = ["meeting", "edition", "audience", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "edition", "audience"],
                condition=Q(superseded_at__isnull=True),
                name="reports_one_current_version",
            )
        ]

    def __str__(self):
        return f"{self.code} ({self.meeting_id}, {self.edition}, {self.audience})"

    @property
    def is_current(self) -> bool:
        return self.superseded_at is None
