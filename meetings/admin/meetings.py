"""The secretariat's admin: Lao fields with English beside them, a meeting page with everything recorded."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from meetings import models as m
from meetings import selectors, services
from meetings.admin import imports as importing_admin
from meetings.admin.contacts import OrganisationContactInline
from meetings.admin.entry import EntryHelpMixin, organisation_label
from meetings.admin.storage import StorageDownMixin
from meetings.history import context_helper_class as history_context_helper_class
from meetings.history import hidden_history_fields, keep_refused_version, related_history
from meetings.importing import services as importing_services
from meetings.rules import roles
from meetings.rules.sensitive import scan_meeting
from meetings.rules.translated import missing_languages
from meetings.search import LaoSearchAdminMixin
from portal.i18n.admin_i18n import TranslatableChangeMessageMixin

LANGUAGE_LABELS = {"lo": _("Lao"), "en": _("English")}


class TranslationStateMixin:
    """A column that marks records whose Lao or English text is missing."""

    @admin.display(description=_("translation"))
    def translation_state(self, obj):
        missing = missing_languages(obj)
        if not missing:
            return format_html('<span class="tr-ok" title="{}">✓</span>', _("Lao and English complete"))
        return format_html_join(
            " ",
            '<span class="tr-missing" title="{}">{}</span>',
            (
                (
                    _("Text missing in this language"),
                    _("no %(language)s") % {"language": LANGUAGE_LABELS[lang]},
                )
                for lang in missing
            ),
        )


class PortalModelAdmin(
    EntryHelpMixin,
    LaoSearchAdminMixin,
    TranslatableChangeMessageMixin,
    TranslationStateMixin,
    SimpleHistoryAdmin,
    TranslationAdmin,
):
    """Every record's admin keeps its history: changes field by field, and any version can be restored."""

    save_on_top = True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Restoring a version saves like the change form does: in one transaction (Django's change view has
        one; simple-history's view does not), so the edit-version check can lock the meeting row."""
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def get_historical_record_context_helper(self, request, historical_record):
        return history_context_helper_class()(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """As simple-history's, but compare the Lao and English fields, not modeltranslation's shadow of
        them in the language of the moment (``title`` next to ``title_lo`` and ``title_en``)."""
        previous = None
        for current in historical_records:
            if previous is not None:
                delta = previous.diff_against(
                    current, excluded_fields=hidden_history_fields(self.model), foreign_keys_are_objs=True
                )
                helper = self.get_historical_record_context_helper(request, previous)
                previous.history_delta_changes = helper.context_for_delta_changes(delta)
            previous = current

    class Media:
        css = {"all": ["css/admin.css"]}


class YearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"
    date_field = "start_date"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).dates(self.date_field, "year", order="DESC")
        return [(str(d.year), str(d.year)) for d in years]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(**{f"{self.date_field}__year": int(value)})
        return queryset


class ActionItemYearFilter(YearFilter):
    date_field = "meeting__start_date"

    def lookups(self, request, model_admin):
        years = m.Meeting.objects.filter(action_items__isnull=False).dates("start_date", "year", order="DESC")
        return [(str(d.year), str(d.year)) for d in years]


# --- Countries, organisations, people, programmes --------------------------------------------------
@admin.register(m.Country)
class CountryAdmin(PortalModelAdmin):
    list_display = ("name", "code", "asean_member", "translation_state")
    list_filter = ("asean_member",)
    search_fields = ("name_lo", "name_en", "code")
    fields = ("name", "code", "asean_member")


@admin.register(m.Organisation)
class OrganisationAdmin(PortalModelAdmin):
    list_display = ("name", "short_name", "kind", "parent", "country", "translation_state")
    list_filter = ("kind", "country")
    search_fields = ("name_lo", "name_en", "short_name_lo", "short_name_en", "slug")
    autocomplete_fields = ("parent", "country")
    list_select_related = ("parent", "country")
    fields = ("name", "short_name", "kind", "parent", "country", "slug")
    inlines = [OrganisationContactInline]

    def autocomplete_label(self, obj):
        return organisation_label(obj)


@admin.register(m.Person)
class PersonAdmin(PortalModelAdmin):
    list_display = ("name", "honorific", "position", "organisation", "gender", "translation_state")
    list_filter = ("gender", "organisation__kind")
    search_fields = ("name_lo", "name_en", "position_lo", "position_en", "honorific_lo", "honorific_en")
    autocomplete_fields = ("organisation",)
    list_select_related = ("organisation",)
    fields = ("name", "honorific", "position", "organisation", "gender", "slug")


@admin.register(m.Programme)
class ProgrammeAdmin(PortalModelAdmin):
    list_display = ("name", "short_name", "start_year", "end_year", "funder", "translation_state")
    search_fields = ("name_lo", "name_en", "short_name_lo", "short_name_en")
    autocomplete_fields = ("funder", "partners")
    list_select_related = ("funder",)
    fields = ("name", "short_name", "description", "start_year", "end_year", "funder", "partners", "slug")


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


WORKFLOW_ACTIONS = {
    "submit": m.MeetingEvent.Action.SUBMITTED,
    "return": m.MeetingEvent.Action.RETURNED,
    "publish": m.MeetingEvent.Action.PUBLISHED,
    "unpublish": m.MeetingEvent.Action.UNPUBLISHED,
    "archive": m.MeetingEvent.Action.ARCHIVED,
}
WORKFLOW_SLUGS = {action: slug for slug, action in WORKFLOW_ACTIONS.items()}
WORKFLOW_BUTTONS = {
    m.MeetingEvent.Action.SUBMITTED: _("Submit for review"),
    m.MeetingEvent.Action.RETURNED: _("Return to draft"),
    m.MeetingEvent.Action.PUBLISHED: _("Publish"),
    m.MeetingEvent.Action.UNPUBLISHED: _("Unpublish"),
    m.MeetingEvent.Action.ARCHIVED: _("Archive"),
}


@admin.register(m.Meeting)
class MeetingAdmin(StorageDownMixin, PortalModelAdmin):
    form = MeetingAdminForm
    change_form_template = "admin/meetings/meeting/change_form.html"
    object_history_template = "admin/meetings/meeting/object_history.html"
    actions = ("submit_selected", "publish_selected", "unpublish_selected", "archive_selected")
    list_display = (
        "title",
        "start_date",
        "kind",
        "programme",
        "attendance_total",
        "status",
        "visibility",
        "translation_state",
    )
    list_filter = (YearFilter, "kind", "format", "status", "visibility", "organisers", "programme")
    search_fields = (
        "title_lo",
        "title_en",
        "summary_lo",
        "summary_en",
        "venue_lo",
        "venue_en",
        "city_lo",
        "city_en",
        "slug",
    )
    date_hierarchy = "start_date"
    list_select_related = ("programme",)
    autocomplete_fields = ("organisers", "issued_by", "programme", "countries")
    readonly_fields = ("status", "published_at", "letterhead")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "kind",
                    ("start_date", "end_date"),
                    ("time_of_day", "start_time", "end_time"),
                    "format",
                    "venue",
                    "city",
                )
            },
        ),
        (
            _("Organisers, countries and programme"),
            {"fields": ("organisers", ("issued_by", "letterhead"), "countries", "programme")},
        ),
        (_("Attendance"), {"fields": (("attendance_total", "attendance_women", "attendance_online"),)}),
        (_("Summary"), {"fields": ("summary",)}),
        (_("Publication"), {"fields": ("status", "visibility", "published_at", "slug", "version")}),
    )
    inlines = (
        ParticipationInline,
        AgendaItemInline,
        ActivityInline,
        AchievementInline,
        ActionItemInline,
        ActionItemUpdateInline,
        DocumentInline,
        MeetingEventInline,
    )

    @admin.display(description=_("letterhead of the minutes"))
    def letterhead(self, obj):
        """The rule, shown where the issuer is chosen: the body the minutes will be issued by, as saved."""
        issuer = selectors.minutes_issuer(roles.AudienceReader("staff"), obj) if obj and obj.pk else None
        rule = _("The issuing body heads the minutes: the one chosen here, or else the secretariat.")
        if issuer is None:
            return rule
        return format_html("{}<br><strong>{}</strong>", rule, issuer.name)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        items = {
            update.action_item for update in form.instance.action_item_updates.select_related("action_item")
        }
        for formset in formsets:  # a follow-up removed here changes its action item's status too
            if formset.model is m.ActionItemUpdate:
                items |= {update.action_item for update in formset.deleted_objects}
        for item in items:
            item.refresh_from_db()
            services.sync_action_item_status(action_item=item)

    # --- Publication workflow: buttons on the change page, actions on the list -----------------------
    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form = importing_admin.mark_suggested_fields(form, obj)  # unconfirmed facts read from a news post
        return type(form.__name__, (form,), {"portal_user": request.user})  # who a refused edit was by

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/workflow/<slug:step>/",
                self.admin_site.admin_view(self.workflow_view),
                name="{}_{}_workflow".format(*info),
            ),
            path(
                "<path:object_id>/history/restore/<str:model_name>/<int:history_id>/",
                self.admin_site.admin_view(self.restore_related_view),
                name="{}_{}_restore_related".format(*info),
            ),
            path(
                "<path:object_id>/suggestions/",
                self.admin_site.admin_view(
                    lambda r, object_id: importing_admin.suggestions_view(self, r, object_id)
                ),
                name="{}_{}_suggestions".format(*info),
            ),
            path(
                "paste-article/",
                self.admin_site.admin_view(lambda r: importing_admin.paste_view(self, r)),
                name="{}_{}_paste".format(*info),
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        obj = self.get_object(request, object_id)
        if obj is not None:
            extra_context["workflow_steps"] = [
                (WORKFLOW_SLUGS[action], WORKFLOW_BUTTONS[action])
                for action in services.allowed_actions(meeting=obj, user=request.user)
            ]
            extra_context["history_url"] = reverse("admin:meetings_meeting_history", args=[obj.pk])
            extra_context.update(importing_admin.suggestion_context(obj))
        return super().change_view(request, object_id, form_url, extra_context)

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {**(extra_context or {})}
        if importing_services.can_import(request.user):
            extra_context["paste_form"] = importing_admin.PasteArticleForm()
        return super().add_view(request, form_url, extra_context)

    def workflow_view(self, request, object_id, step):
        """GET: confirm the step (and, before publishing, show what looks like personal data). POST: do it."""
        meeting = self.get_object(request, object_id)
        action = WORKFLOW_ACTIONS.get(step)
        if meeting is None or action is None:
            raise Http404
        if action not in services.allowed_actions(meeting=meeting, user=request.user):
            raise PermissionDenied
        findings = scan_meeting(meeting) if action == m.MeetingEvent.Action.PUBLISHED else []
        change_url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
        if request.method == "POST":
            if findings and not request.POST.get("confirm_sensitive"):
                messages.error(request, services.MSG_CONFIRM_PERSONAL_DATA)
            else:
                try:
                    services.transition_meeting(
                        meeting=meeting,
                        action=action,
                        by=request.user,
                        note=request.POST.get("note", ""),
                        personal_data_confirmed=bool(request.POST.get("confirm_sensitive")),
                    )
                except (PermissionDenied, ValidationError) as error:
                    messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
                else:
                    messages.success(
                        request,
                        _("“%(meeting)s”: %(step)s.")
                        % {"meeting": meeting, "step": m.MeetingEvent.Action(action).label},
                    )
                return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": meeting,
            "title": WORKFLOW_BUTTONS[action],
            "step_label": WORKFLOW_BUTTONS[action],
            "findings": findings,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/meetings/meeting/workflow.html", context)

    def _run_action(self, request, queryset, action):
        done, refused = 0, []
        for meeting in queryset:
            try:
                services.transition_meeting(meeting=meeting, action=action, by=request.user)
                done += 1
            except ValidationError as error:
                if error.code == "personal_data":  # the list action cannot ask: the Publish button does
                    refused.append(
                        _("“%(meeting)s” may contain personal data: open it and use the Publish button.")
                        % {"meeting": meeting}
                    )
                else:
                    refused.append(f"“{meeting}”: " + " ".join(error.messages))
            except PermissionDenied as error:
                refused.append(f"“{meeting}”: " + " ".join(getattr(error, "messages", [str(error)])))
        if done:
            self.message_user(
                request,
                _("%(step)s: %(count)d meetings.")
                % {"step": m.MeetingEvent.Action(action).label, "count": done},
                messages.SUCCESS,
            )
        for message in refused:
            self.message_user(request, message, messages.WARNING)

    @admin.action(description=_("Submit the selected meetings for review"), permissions=["change"])
    def submit_selected(self, request, queryset):
        self._run_action(request, queryset, m.MeetingEvent.Action.SUBMITTED)

    @admin.action(description=_("Publish the selected meetings"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._run_action(request, queryset, m.MeetingEvent.Action.PUBLISHED)

    @admin.action(description=_("Unpublish the selected meetings"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._run_action(request, queryset, m.MeetingEvent.Action.UNPUBLISHED)

    @admin.action(description=_("Archive the selected meetings"), permissions=["publish"])
    def archive_selected(self, request, queryset):
        self._run_action(request, queryset, m.MeetingEvent.Action.ARCHIVED)

    def has_publish_permission(self, request):
        return roles.can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        """Editors change drafts and meetings in review; a published or archived meeting only a publisher."""
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None:
            return services.may_edit(meeting=obj, user=request.user)
        return allowed

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None:
            return services.may_edit(meeting=obj, user=request.user)
        return allowed

    def response_change(self, request, obj):
        self._warn_sensitive(request, obj)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        self._warn_sensitive(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def _warn_sensitive(self, request, meeting):
        """Saved, but say at once what looks like personal data (publishing will ask again)."""
        findings = scan_meeting(meeting)
        if findings:
            self.message_user(
                request,
                _(
                    "Saved, but this looks like personal data: %(list)s. Victims and other private persons must never be identified."
                )
                % {"list": "; ".join(f"{f.label}: “{f.excerpt}” ({f.where})" for f in findings[:5])},
                messages.WARNING,
            )

    # --- History of the meeting's own records (items, participants, documents...) --------------------
    def history_view(self, request, object_id, extra_context=None):
        extra_context = {**(extra_context or {}), "related_changes": related_history(meeting_id=object_id)}
        return super().history_view(request, object_id, extra_context)

    def restore_related_view(self, request, object_id, model_name, history_id):
        meeting = self.get_object(request, object_id)
        if meeting is None:
            raise Http404
        if request.method != "POST" or not self.has_change_permission(request, meeting):
            raise PermissionDenied
        try:
            record = services.restore_related_version(
                meeting=meeting, model_name=model_name, history_id=history_id, by=request.user
            )
        except LookupError as error:
            raise Http404 from error
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The earlier version of “%(record)s” was restored.") % {"record": record}
            )
        return HttpResponseRedirect(reverse("admin:meetings_meeting_history", args=[meeting.pk]))


@admin.register(m.ActionItem)
class ActionItemAdmin(PortalModelAdmin):
    list_display = ("__str__", "meeting", "due_date", "status", "update_count", "translation_state")
    list_filter = ("status", ActionItemYearFilter, "responsible")
    search_fields = ("text_lo", "text_en", "meeting__title_lo", "meeting__title_en")
    autocomplete_fields = ("meeting", "responsible")
    list_select_related = ("meeting",)
    form = ActionItemAdminForm
    fields = ("meeting", "order", "text", "responsible", "due_date", "status", "version")

    class UpdateInline(EntryHelpMixin, TranslationStackedInline):
        model = m.ActionItemUpdate
        fk_name = "action_item"
        extra = 0
        autocomplete_fields = ("meeting",)
        fields = ("meeting", "status", "note")

    inlines = (UpdateInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_update_count=Count("updates"))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None:
            return services.may_edit(meeting=obj.meeting, user=request.user)
        return allowed

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None:
            return services.may_edit(meeting=obj.meeting, user=request.user)
        return allowed

    @admin.display(description=_("follow-ups"), ordering="_update_count")
    def update_count(self, obj):
        return obj._update_count

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.sync_action_item_status(action_item=form.instance)
        services.touch_meeting(meeting_id=form.instance.meeting_id)


admin.site.site_header = _("Counter-trafficking meeting records")
admin.site.site_title = _("Meeting records")
admin.site.index_title = _("Secretariat administration")

# The translation workflow's pages (translations to do, export, import) register themselves.
from meetings.admin import translations as admin_translation  # noqa: E402, F401
