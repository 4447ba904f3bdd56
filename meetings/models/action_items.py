"""Action items decided at a meeting, their status and the follow-ups recorded at later meetings."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.models.common import search_column, visibility_levels
from meetings.models.meetings import (
    MSG_ORDER_TAKEN,
    Meeting,
    MeetingChild,
    MeetingChildQuerySet,
    OrderedMeetingChild,
)
from meetings.models.people import Organisation

MSG_UPDATE_BEFORE_DECISION = _("A follow-up can only be recorded at the same meeting or a later one.")
MSG_DUE_BEFORE_MEETING = _("The due date cannot be before the meeting that decided the action item.")


class ActionItemStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


UNFINISHED = [ActionItemStatus.OPEN, ActionItemStatus.IN_PROGRESS]


class ActionItemQuerySet(MeetingChildQuerySet):
    def visible_to(self, user):
        """Action items of meetings the reader may see, each with the status the reader may know
        (``shown_status``): the one reported at the latest follow-up the reader may see, else the status
        the item was decided with. A follow-up at a hidden meeting changes nothing a reader sees."""
        queryset = super().visible_to(user)
        if visibility_levels(user) is None:
            return queryset.annotate(shown_status=F("status"))
        latest = (
            ActionItemUpdate.objects.visible_to(user)
            .filter(action_item=OuterRef("pk"))
            .order_by("-meeting__start_date", "-pk")
            .values("status")[:1]
        )
        return queryset.annotate(
            shown_status=Coalesce(Subquery(latest), NullIf(F("decided_status"), Value("")), F("status"))
        )

    def status_field(self) -> str:
        """The column holding the status the reader may know (``shown_status`` once annotated)."""
        return "shown_status" if "shown_status" in self.query.annotations else "status"

    def with_status(self, status: str):
        return self.filter(**{self.status_field(): status})

    def unfinished(self):
        return self.filter(**{f"{self.status_field()}__in": UNFINISHED})

    def overdue(self, today: datetime.date | None = None):
        return self.unfinished().filter(due_date__lt=today or timezone.localdate())


class ActionItem(OrderedMeetingChild):
    """A direction or decision of a meeting, followed up at later meetings."""

    Status = ActionItemStatus

    text = models.TextField(_("direction or decision"))
    responsible = models.ManyToManyField(
        Organisation, verbose_name=_("responsible organisations"), blank=True, related_name="action_items"
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionItemStatus.choices, default=ActionItemStatus.OPEN
    )
    # The status the item had before its first follow-up (kept by services.sync_action_item_status), so a
    # reader who may not see a follow-up is shown the status without it. Empty while there is none.
    decided_status = models.CharField(
        _("status when decided"), max_length=20, choices=ActionItemStatus.choices, blank=True, editable=False
    )

    SEARCH_TITLE = ("text",)
    SEARCH_OTHER = ()
    search_text = search_column(SEARCH_TITLE)

    objects = ActionItemQuerySet.as_manager()

    class Meta(OrderedMeetingChild.Meta):
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        default_related_name = "action_items"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="action_item_order_unique",
                violation_error_message=MSG_ORDER_TAKEN,
            )
        ]

    def __str__(self):
        text = self.text or ""
        return text if len(text) <= 80 else text[:79] + "…"

    def clean(self):
        if self.due_date and self.meeting_id and self.due_date < self.meeting.start_date:
            raise ValidationError({"due_date": MSG_DUE_BEFORE_MEETING})

    @property
    def reader_status(self) -> str:
        """The status as the reader of this row may know it (see ``ActionItemQuerySet.visible_to``)."""
        return getattr(self, "shown_status", None) or self.status

    def get_reader_status_display(self) -> str:
        return str(ActionItemStatus(self.reader_status).label)

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return bool(
            self.due_date
            and self.reader_status in UNFINISHED
            and self.due_date < (today or timezone.localdate())
        )


class ActionItemUpdateQuerySet(MeetingChildQuerySet):
    def visible_to(self, user):
        """A follow-up is visible when both the meeting it was reported at and the meeting that decided its
        action item are: a follow-up links two meetings and shows something of each."""
        return super().visible_to(user).filter(action_item__meeting__in=Meeting.objects.visible_to(user))


class ActionItemUpdate(MeetingChild):
    """Progress on an action item, as reported at a (later) meeting."""

    action_item = models.ForeignKey(
        ActionItem, verbose_name=_("action item"), on_delete=models.CASCADE, related_name="updates"
    )
    status = models.CharField(_("status after this meeting"), max_length=20, choices=ActionItemStatus.choices)
    note = models.TextField(_("progress reported"), blank=True)

    objects = ActionItemUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("action item follow-up")
        verbose_name_plural = _("action item follow-ups")
        default_related_name = "action_item_updates"
        ordering = ["action_item", "meeting__start_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["action_item", "meeting"],
                name="action_item_update_once_per_meeting",
                violation_error_message=_("This action item already has a follow-up at this meeting."),
            )
        ]

    def __str__(self):
        return f"{self.action_item} — {self.get_status_display()}"

    def clean(self):
        if (
            self.meeting_id
            and self.action_item_id
            and self.meeting.start_date < self.action_item.meeting.start_date
        ):
            raise ValidationError({"meeting": MSG_UPDATE_BEFORE_DECISION})
