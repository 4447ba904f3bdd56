"""Where an imported draft came from, and the facts read from its text until an officer confirms them.

Registered under the ``meetings`` app (imported at the end of ``meetings/models.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meetings.models.meetings import Meeting, Participation


def fact_display(field: str, value, label: str) -> str:
    """A fact as the officer reads it, in the interface language (formats and roles translated)."""
    if field == "format" and value in Meeting.Format.values:
        return str(Meeting.Format(value).label)
    if field == "kind" and value in Meeting.Kind.values:
        return str(Meeting.Kind(value).label)
    if field == "person" and value.get("role") in Participation.Role.values:
        opened = [
            str(text)
            for flag, text in (("opened", _("opened it")), ("closed", _("closed it")))
            if value.get(flag)
        ]
        return " · ".join([label, str(Participation.Role(value["role"]).label), *opened])
    return label


class ImportedPost(models.Model):
    """A WordPress news post (or a pasted article) that became a draft meeting. One per GUID."""

    guid = models.CharField(_("WordPress GUID"), max_length=500, unique=True)
    meeting = models.OneToOneField(
        Meeting,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imported_post",
    )
    linked_meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("linked to the existing meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="linked_posts",
        help_text=_(
            "The post is about a meeting already in the portal: it was linked to it, no draft was made."
        ),
    )
    wp_post_id = models.PositiveIntegerField(_("WordPress post number"), null=True, blank=True)
    title = models.CharField(_("post title"), max_length=500)
    link = models.CharField(_("post address"), max_length=500, blank=True)
    post_date = models.DateTimeField(_("post date"), null=True, blank=True)
    author = models.CharField(_("post author"), max_length=200, blank=True)
    language = models.CharField(_("language of the post"), max_length=8, default="lo")
    text = models.TextField(_("post text"), blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    meeting_like = models.BooleanField(
        _("reads as a meeting report"),
        default=True,
        help_text=_(
            "No: the text does not read as the report of a meeting held, and an officer imported it all the same."
        ),
    )
    meeting_version = models.PositiveIntegerField(
        _("meeting version after the import"),
        default=1,
        help_text=_("A higher version means an officer edited it."),
    )

    class Meta:
        verbose_name = _("imported news post")
        verbose_name_plural = _("imported news posts")
        ordering = ["-post_date", "pk"]
        permissions = [("import_wordpress", _("Can import WordPress news posts as draft meetings"))]

    def __str__(self):
        return self.title


class Suggestion(models.Model):
    """One fact read from a post's text; shown to the officer, with its passage, until confirmed."""

    class Field(models.TextChoices):
        START_DATE = "start_date", _("start date")
        END_DATE = "end_date", _("end date")
        TIME_OF_DAY = "time_of_day", _("time of day")
        VENUE = "venue", _("venue")
        CITY = "city", _("city or province")
        FORMAT = "format", _("format")
        ATTENDANCE_TOTAL = "attendance_total", _("participants in total")
        ATTENDANCE_WOMEN = "attendance_women", _("of whom women")
        ATTENDANCE_ONLINE = "attendance_online", _("of whom online")
        PERSON = "person", _("person")
        ORGANISER = "organiser", _("organiser")
        PROGRAMME = "programme", _("programme")
        KIND = "kind", _("kind of meeting")
        HOST_COUNTRY = "host_country", _("host country")
        COUNTRY = "country", _("participating country")

    class Status(models.TextChoices):
        PENDING = "pending", _("Not confirmed")
        CONFIRMED = "confirmed", _("Confirmed")
        DISMISSED = "dismissed", _("Dismissed")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="suggestions"
    )
    post = models.ForeignKey(
        ImportedPost, verbose_name=_("news post"), on_delete=models.CASCADE, related_name="suggestions"
    )
    field = models.CharField(_("field"), max_length=30, choices=Field.choices)
    value = models.JSONField(_("value read"))
    label = models.CharField(_("as read"), max_length=400)
    before = models.TextField(_("text before"), blank=True)
    passage = models.TextField(_("passage"), blank=True)
    after = models.TextField(_("text after"), blank=True)
    applied = models.BooleanField(_("filled into the draft"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("suggestion read from a news post")
        verbose_name_plural = _("suggestions read from news posts")
        ordering = ["meeting", "pk"]

    def __str__(self):
        return f"{self.get_field_display()}: {self.label}"

    @property
    def display(self) -> str:
        return fact_display(self.field, self.value, self.label)
