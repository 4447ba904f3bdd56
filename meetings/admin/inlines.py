"""The parts of a meeting edited on its page (inlines) and the forms that refuse an out-of-date save."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from meetings import models as m
from meetings.admin.entry import EntryHelpMixin
from meetings.history import keep_refused_version


# --- Meeting and its inlines ------------------------------------------------------------------------
class ParticipationInline(EntryHelpMixin, TranslationTabularInline):
    model = m.Participation
    extra = 0
    autocomplete_fields = ("person", "organisation")
    fields = ("person", "role", "organisation", "position", "online")


class AgendaItemInline(EntryHelpMixin, TranslationStackedInline):
    model = m.AgendaItem
    extra = 0
    autocomplete_fields = ("presenter",)
    fields = ("order", "title", "presenter", "summary")


class ActivityInline(EntryHelpMixin, TranslationStackedInline):
    model = m.Activity
    extra = 0
    autocomplete_fields = ("organisation",)
    fields = ("order", "title", "organisation", "description")


class AchievementInline(ActivityInline):
    model = m.Achievement


class ActionItemInline(EntryHelpMixin, TranslationStackedInline):
    model = m.ActionItem
    extra = 0
    autocomplete_fields = ("responsible",)
    fields = ("order", "text", "responsible", "due_date", "status")
    show_change_link = True


class ActionItemUpdateInline(EntryHelpMixin, TranslationStackedInline):
    """Follow-ups reported at this meeting on action items of earlier meetings."""

    model = m.ActionItemUpdate
    fk_name = "meeting"
    extra = 0
    autocomplete_fields = ("action_item",)
    fields = ("action_item", "status", "note")
    verbose_name_plural = _("follow-ups of earlier action items reported at this meeting")


class _DownloadLink:
    """What the file widget links to: the download view (uploads are never served as media files)."""

    def __init__(self, fieldfile):
        self.fieldfile = fieldfile

    def __str__(self):
        return self.fieldfile.name.rsplit("/", 1)[-1]

    @property
    def url(self):
        return self.fieldfile.instance.get_download_url() or ""


class DocumentFileWidget(AdminFileWidget):
    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"] and getattr(value, "instance", None) is not None:
            context["widget"]["value"] = _DownloadLink(value)
        return context


class DocumentInline(EntryHelpMixin, TranslationTabularInline):
    model = m.Document
    extra = 0
    fields = ("kind", "title", "language", "visibility", "file")
    formfield_overrides = {models.FileField: {"widget": DocumentFileWidget}}


class MeetingEventInline(admin.TabularInline):
    """The publication workflow of this meeting: read-only, written by the workflow services."""

    model = m.MeetingEvent
    extra = 0
    can_delete = False
    fields = ("at", "action", "from_status", "to_status", "user", "note")
    readonly_fields = fields
    verbose_name_plural = _("publication steps")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class MeetingVersionFormMixin:
    """Carries the edit version of the meeting the officer started from, and refuses a save if someone saved
    that meeting (or any of its parts) since. Used by every admin form that edits a meeting or one of its
    parts on its own page.

    The hidden field is what a browser posts: on the add form it is rendered empty, so an empty value means
    "new record" there; on a change form an empty or missing value is refused like an old one.
    """

    def locked_meeting_id(self):
        """The meeting whose version guards this form (None while a new record is being added)."""
        raise NotImplementedError

    def check_meeting_version(self, cleaned) -> None:
        meeting_id = self.locked_meeting_id()
        if meeting_id is None:
            return
        started_from = cleaned.get("version")
        # Locks the meeting row for the rest of the admin's transaction: two saves cannot both pass.
        stored = (
            m.Meeting.objects.select_for_update()
            .filter(pk=meeting_id)
            .values_list("version", flat=True)
            .first()
        )
        if started_from is None or stored != started_from:
            self.edit_conflict = True
            raise ValidationError(m.MSG_EDIT_CONFLICT, code="edit_conflict")


class MeetingAdminForm(MeetingVersionFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = m.Meeting
        fields = ("version",)  # the admin adds the fields of its fieldsets

    def locked_meeting_id(self):
        return self.instance.pk

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            # A new meeting starts at the model's first version, whatever the (empty) hidden field says.
            cleaned["version"] = m.Meeting._meta.get_field("version").get_default()
        else:
            self.check_meeting_version(cleaned)
        return cleaned

    def _post_clean(self):
        super()._post_clean()  # puts the submitted values on self.instance (not saved)
        if getattr(self, "edit_conflict", False) and set(self._errors) <= {forms.forms.NON_FIELD_ERRORS}:
            keep_refused_version(instance=self.instance, user=getattr(self, "portal_user", None))


class ActionItemAdminForm(MeetingVersionFormMixin, forms.ModelForm):
    """An action item edited on its own page is a part of its meeting: the meeting's edit version guards it,
    and saving it moves that version on, so a meeting page opened before cannot overwrite it (and back)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = m.ActionItem
        fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            self.initial["version"] = self.instance.meeting.version

    def locked_meeting_id(self):
        return self.instance.meeting_id if self.instance.pk is not None else None

    def clean(self):
        cleaned = super().clean()
        self.check_meeting_version(cleaned)
        return cleaned
