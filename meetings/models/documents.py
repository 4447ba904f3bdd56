"""Documents attached to a meeting, visible exactly when their meeting is."""

from __future__ import annotations

from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from meetings.models.common import visibility_levels
from meetings.models.meetings import Meeting, MeetingChild, MeetingChildQuerySet
from meetings.rules.uploads import DocumentContentValidator
from portal.http.reversed import reverse_kept


class DocumentQuerySet(MeetingChildQuerySet):
    def visible_to(self, user):
        """Visible when its meeting is, and, for a document with its own level, when that level allows."""
        levels = visibility_levels(user)
        queryset = super().visible_to(user)
        if levels is None:
            return queryset
        return queryset.filter(Q(visibility="") | Q(visibility__in=levels))


class Document(MeetingChild):
    class Kind(models.TextChoices):
        AGENDA = "agenda", _("Agenda")
        MINUTES = "minutes", _("Minutes")
        PRESENTATION = "presentation", _("Presentation")
        LEGAL_TEXT = "legal", _("Legal text")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other")

    class Language(models.TextChoices):
        LAO = "lo", _("Lao")
        ENGLISH = "en", _("English")
        BOTH = "lo+en", _("Lao and English")
        OTHER = "other", _("Other language")

    ALLOWED_EXTENSIONS = ["pdf", "docx", "xlsx", "png", "jpg", "jpeg"]

    kind = models.CharField(_("kind of document"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(
        _("file"),
        upload_to="documents/%Y/",
        validators=[
            FileExtensionValidator(
                ALLOWED_EXTENSIONS,
                message=_(
                    "Files ending in “.%(extension)s” are not allowed. Allowed: %(allowed_extensions)s."
                ),
            ),
            DocumentContentValidator(),
        ],
        help_text=_("PDF, Word (DOCX), Excel (XLSX) or an image (PNG, JPEG)."),
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=20,
        choices=Meeting.Visibility.choices,
        blank=True,
        help_text=_("Leave empty to follow the meeting. A document can be more restricted than its meeting."),
    )
    language = models.CharField(
        _("language of the document"), max_length=8, choices=Language.choices, default=Language.LAO
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        default_related_name = "documents"
        ordering = ["meeting", "kind", "pk"]

    objects = DocumentQuerySet.as_manager()

    def __str__(self):
        return self.title

    def get_download_url(self):
        return reverse_kept("meetings:document_download", pk=self.pk)

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""
