"""The admin of meetings (with the publication workflow) and of action items."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from meetings import models as m
from meetings import selectors, services
from meetings.admin import imports as importing_admin
from meetings.admin.base import ActionItemYearFilter, PortalModelAdmin, YearFilter
from meetings.admin.entry import EntryHelpMixin
from meetings.admin.inlines import (
    AchievementInline,
    ActionItemAdminForm,
    ActionItemInline,
    ActionItemUpdateInline,
    ActivityInline,
    AgendaItemInline,
    DocumentInline,
    MeetingAdminForm,
    MeetingEventInline,
    ParticipationInline,
)
from meetings.admin.storage import StorageDownMixin
from meetings.history import related_history
from meetings.importing import services as importing_services
from meetings.rules import roles
from meetings.rules.sensitive import scan_meeting

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
