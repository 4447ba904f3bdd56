"""Meetings and what belongs to each one: who may see them, workflow steps, participations, agenda items,
reported activities and achievements, and the attendance figures.

Every human-readable field is translated (``meetings/translation.py``): ``title`` exists as ``title_lo``
and ``title_en``. Rules live here: field validation and invariants in ``clean()`` backed by database
constraints, reads in small chainable QuerySet methods, multi-model writes in ``meetings/services/``.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Case, F, Q, Sum, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.models.base import HistoryQuerySet
from meetings.models.common import (
    MSG_EDIT_CONFLICT,
    EditConflict,
    Record,
    Visibility,
    no_markup_validator,
    search_column,
    slug_validator,
    visibility_levels,
)
from meetings.models.people import Country, Organisation, Person, Programme
from portal.http.reversed import reverse_kept

# --- Messages shared by clean() and the database constraints (one wording per rule) ----------------
MSG_WOMEN_OVER_TOTAL = _("The number of women cannot be greater than the total number of participants.")
MSG_ONLINE_OVER_TOTAL = _("The number of online participants cannot be greater than the total.")
MSG_END_BEFORE_START = _("The meeting cannot end before it starts.")
MSG_END_TIME_BEFORE_START = _("A one-day meeting cannot end before the time it starts.")
MSG_DUPLICATE_PARTICIPANT = _("This person is already listed as a participant of this meeting.")
MSG_ORDER_TAKEN = _("Another item of this meeting already has this number.")


# --- Meetings -----------------------------------------------------------------------------------------
class MeetingQuerySet(HistoryQuerySet):
    def published(self):
        return self.filter(status=Meeting.Status.PUBLISHED)

    def visible_to(self, user):
        """The one rule deciding which meetings a user may see (see :func:`visibility_levels`).

        Secretariat staff see everything; partner accounts see published public and partners-only
        meetings; everyone else sees published public meetings.
        """
        levels = visibility_levels(user)
        if levels is None:
            return self.all()
        return self.published().filter(visibility__in=levels)

    def update(self, **kwargs):
        """A bulk update also moves the edit version on, so an open edit form cannot overwrite it."""
        kwargs.setdefault("version", F("version") + 1)
        return super().update(**kwargs)

    def held_online(self):
        """Meetings held online, wholly or in part (format online or hybrid): the one definition of an
        online meeting, used by the statistics."""
        return self.filter(HELD_ONLINE)

    def in_year(self, year: int):
        return self.filter(start_date__year=year)

    def upcoming(self, today: datetime.date | None = None):
        return self.filter(start_date__gte=today or timezone.localdate()).order_by("start_date")

    def past(self, today: datetime.date | None = None):
        return self.filter(start_date__lt=today or timezone.localdate()).order_by("-start_date")


class Meeting(Record):
    class Kind(models.TextChoices):
        ANNUAL_REVIEW = "annual_review", _("Annual review")
        STEERING_COMMITTEE = "steering_committee", _("Steering committee")
        COORDINATION = "coordination", _("Coordination meeting")
        CONSULTATION = "consultation", _("Consultation")
        TRAINING = "training", _("Training")
        INTERNATIONAL = "international", _("International meeting")
        OTHER = "other", _("Other")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid (in person and online)")

    ONLINE_FORMATS = (Format.ONLINE, Format.HYBRID)  # an "online meeting" (see MeetingQuerySet.held_online)

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    Visibility = Visibility  # common.py: the visibility rule reads it without the Meeting model

    slug = models.SlugField(
        _("address name"), max_length=100, unique=True, blank=True, validators=[slug_validator]
    )
    title = models.CharField(_("title"), max_length=400, validators=[no_markup_validator])
    kind = models.CharField(_("kind of meeting"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty for a one-day meeting.")
    )

    class TimeOfDay(models.TextChoices):
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")
        ALL_DAY = "all_day", _("All day")

    time_of_day = models.CharField(_("time of day"), max_length=20, choices=TimeOfDay.choices, blank=True)
    start_time = models.TimeField(_("starts at"), null=True, blank=True, help_text=_("For example 08:30."))
    end_time = models.TimeField(_("ends at"), null=True, blank=True)
    format = models.CharField(  # blank: not recorded (a default would look like something read or known)
        _("format"), max_length=20, choices=Format.choices, blank=True, default=""
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    city = models.CharField(_("city or province"), max_length=200, blank=True)
    organisers = models.ManyToManyField(
        Organisation, verbose_name=_("organisers"), blank=True, related_name="organised_meetings"
    )
    issued_by = models.ForeignKey(
        Organisation,
        verbose_name=_("minutes issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="issued_minutes",
        help_text=_(
            "The body that issues the minutes: its name heads them (the letterhead). Leave empty for the "
            "secretariat. Organisers, the host and guest countries are never put there by themselves."
        ),
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    countries = models.ManyToManyField(
        Country, verbose_name=_("participating countries"), blank=True, related_name="meetings"
    )
    summary = models.TextField(_("summary"), blank=True)
    attendance_total = models.PositiveIntegerField(_("participants in total"), null=True, blank=True)
    attendance_women = models.PositiveIntegerField(_("of whom women"), null=True, blank=True)
    attendance_online = models.PositiveIntegerField(_("of whom online"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(
        _("edit version"), default=1, help_text=_("Counts saves; used to refuse a save based on old data.")
    )

    SEARCH_TITLE = ("title",)
    SEARCH_OTHER = ("summary", "venue", "city")
    search_title = search_column(SEARCH_TITLE)
    search_text = search_column(SEARCH_TITLE + SEARCH_OTHER)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-start_date", "-pk"]
        indexes = [
            models.Index(fields=["status", "visibility", "-start_date"], name="meeting_listing"),
            # Newest first for a reader who sees more than one visibility (partners, staff): the listing
            # index above gives date order for one status and visibility only. Search walks it and stops
            # (meetings/search/engine.py).
            models.Index(fields=["-start_date"], name="meeting_newest"),
        ]
        permissions = [
            ("publish_meeting", _("Can publish, unpublish and archive meetings")),
            ("view_partners_meetings", _("Can see partners-only meetings")),
            ("view_internal_meetings", _("Can see internal meetings and drafts")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(attendance_women__isnull=True)
                | Q(attendance_total__isnull=True)
                | Q(attendance_women__lte=F("attendance_total")),
                name="meeting_women_within_total",
                violation_error_message=MSG_WOMEN_OVER_TOTAL,
            ),
            models.CheckConstraint(
                condition=Q(attendance_online__isnull=True)
                | Q(attendance_total__isnull=True)
                | Q(attendance_online__lte=F("attendance_total")),
                name="meeting_online_within_total",
                violation_error_message=MSG_ONLINE_OVER_TOTAL,
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="meeting_ends_after_start",
                violation_error_message=MSG_END_BEFORE_START,
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        total = self.attendance_total
        if total is not None and self.attendance_women is not None and self.attendance_women > total:
            errors["attendance_women"] = MSG_WOMEN_OVER_TOTAL
        if total is not None and self.attendance_online is not None and self.attendance_online > total:
            errors["attendance_online"] = MSG_ONLINE_OVER_TOTAL
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = MSG_END_BEFORE_START
        one_day = not self.end_date or self.end_date == self.start_date
        if one_day and self.start_time and self.end_time and self.end_time < self.start_time:
            errors["end_time"] = MSG_END_TIME_BEFORE_START
        if errors:
            raise ValidationError(errors)
        self.ensure_slug()

    def slug_parts(self) -> tuple[str, ...] | None:
        if not self.start_date:
            return None
        return (str(self.start_date), self.title_en or "meeting")

    def get_absolute_url(self):
        return reverse_kept("meetings:meeting", slug=self.slug)

    def save(self, *args, **kwargs):
        """Optimistic locking: a save based on an older version than the stored one is refused."""
        if self._state.adding or self.pk is None:
            return super().save(*args, **kwargs)
        with transaction.atomic():
            stored = (
                type(self)
                ._default_manager.select_for_update()
                .filter(pk=self.pk)
                .values_list("version")
                .first()
            )
            if stored is not None and stored[0] != self.version:
                raise EditConflict(MSG_EDIT_CONFLICT, code="edit_conflict")
            self.version = (stored[0] if stored else self.version) + 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
            return super().save(*args, **kwargs)

    @property
    def last_date(self) -> datetime.date:
        return self.end_date or self.start_date

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def women_share(self) -> float | None:
        if self.attendance_women is None:
            return None
        return share(self.attendance_women, self.attendance_total)


# --- Attendance figures: one definition of totals and shares, for pages, statistics, PDFs and reports ---
# A share is computed only over meetings that recorded both the total and the part, so that a meeting without
# a count of women (or of online participants) does not lower the share.
# One definition of "online" for every figure: a meeting held online or hybrid is an online meeting
# (Meeting.ONLINE_FORMATS); its online participants are the number recorded, or, for a meeting held wholly
# online without that number, all its participants.
HELD_ONLINE = Q(format__in=Meeting.ONLINE_FORMATS)
ONLINE_PARTICIPANTS = Case(
    When(attendance_online__isnull=True, format=Meeting.Format.ONLINE, then=F("attendance_total")),
    default=F("attendance_online"),
)
ONLINE_COUNTED = Q(attendance_online__isnull=False) | Q(format=Meeting.Format.ONLINE)
ATTENDANCE_SUMS = {
    "participants": Sum("attendance_total"),
    "women": Sum("attendance_women", filter=Q(attendance_total__isnull=False)),
    "women_counted": Sum("attendance_total", filter=Q(attendance_women__isnull=False)),
    "online": Sum(ONLINE_PARTICIPANTS, filter=Q(attendance_total__isnull=False)),
    "online_counted": Sum("attendance_total", filter=ONLINE_COUNTED),
}


def share(part, whole) -> float | None:
    """``part / whole``, or None when nothing was counted (never 0 for "unknown")."""
    return (part or 0) / whole if whole else None


def percent(value: float | None) -> int | None:
    return None if value is None else round(100 * value)


class MeetingChildQuerySet(HistoryQuerySet):
    """Records that belong to one meeting are visible exactly when their meeting is."""

    def visible_to(self, user):
        return self.filter(meeting__in=Meeting.objects.visible_to(user))


class MeetingEvent(models.Model):
    """A step of the publication workflow: who moved which meeting from which status to which, and when."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned to draft")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")
        ARCHIVED = "archived", _("Archived")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    from_status = models.CharField(_("from status"), max_length=20, choices=Meeting.Status.choices)
    to_status = models.CharField(_("to status"), max_length=20, choices=Meeting.Status.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["meeting", "-at", "-pk"]

    def __str__(self):
        return f"{self.meeting} — {self.get_action_display()}"


class MeetingChild(Record):
    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE)

    objects = MeetingChildQuerySet.as_manager()

    class Meta:
        abstract = True


class Participation(MeetingChild):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        CO_CHAIR = "co_chair", _("Co-chair")
        HEAD_OF_DELEGATION = "head_of_delegation", _("Head of delegation")
        PRESENTER = "presenter", _("Presenter")
        PARTICIPANT = "participant", _("Participant")
        SECRETARY = "secretary", _("Secretary")
        GUEST = "guest", _("Guest")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="participations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation at the time"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participations",
        help_text=_("Leave empty to use the person's current organisation."),
    )
    position = models.CharField(
        _("position at the time"),
        max_length=400,
        blank=True,
        help_text=_("Leave empty to use the person's position."),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT)
    online = models.BooleanField(_("took part online"), default=False)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        default_related_name = "participations"
        ordering = ["meeting", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                name="participation_once_per_meeting",
                violation_error_message=MSG_DUPLICATE_PARTICIPANT,
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    def clean(self):
        if self.organisation_id is None and self.person_id is not None:
            self.organisation_id = self.person.organisation_id


class OrderedMeetingChild(MeetingChild):
    order = models.PositiveSmallIntegerField(_("number"), default=1)

    class Meta:
        abstract = True
        ordering = ["meeting", "order", "pk"]


class AgendaItem(OrderedMeetingChild):
    """An item of the agenda, usually a report presented to the meeting."""

    title = models.CharField(_("title"), max_length=400)
    presenter = models.ForeignKey(
        Person,
        verbose_name=_("presented by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("summary"), blank=True)

    SEARCH_TITLE = ("title",)
    SEARCH_OTHER = ("summary",)
    search_title = search_column(SEARCH_TITLE)
    search_text = search_column(SEARCH_TITLE + SEARCH_OTHER)

    class Meta(OrderedMeetingChild.Meta):
        verbose_name = _("agenda item or report")
        verbose_name_plural = _("agenda items and reports")
        default_related_name = "agenda_items"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="agenda_item_order_unique",
                violation_error_message=MSG_ORDER_TAKEN,
            )
        ]

    def __str__(self):
        return self.title


class ReportedItem(OrderedMeetingChild):
    title = models.CharField(_("title"), max_length=400)
    description = models.TextField(_("description"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    SEARCH_TITLE = ("title",)
    SEARCH_OTHER = ("description",)
    search_title = search_column(SEARCH_TITLE)
    search_text = search_column(SEARCH_TITLE + SEARCH_OTHER)

    class Meta(OrderedMeetingChild.Meta):
        abstract = True

    def __str__(self):
        return self.title


class Activity(ReportedItem):
    """Work reported to the meeting."""

    class Meta(ReportedItem.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        default_related_name = "activities"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="activity_order_unique",
                violation_error_message=MSG_ORDER_TAKEN,
            )
        ]


class Achievement(ReportedItem):
    """A result reported to the meeting."""

    class Meta(ReportedItem.Meta):
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")
        default_related_name = "achievements"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="achievement_order_unique",
                violation_error_message=MSG_ORDER_TAKEN,
            )
        ]
