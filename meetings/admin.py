"""The secretariat's admin: Lao fields with English beside them, a meeting page with everything recorded."""

from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from meetings import models as m
from meetings import services
from meetings.search import LaoSearchAdminMixin
from meetings.translation import missing_languages

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


class PortalModelAdmin(LaoSearchAdminMixin, TranslationStateMixin, TranslationAdmin):
    save_on_top = True

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


# --- Organisations, people, programmes --------------------------------------------------------------
@admin.register(m.Organisation)
class OrganisationAdmin(PortalModelAdmin):
    list_display = ("name", "short_name", "kind", "parent", "country", "translation_state")
    list_filter = ("kind", "country")
    search_fields = ("name_lo", "name_en", "short_name_lo", "short_name_en", "slug")
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)
    fields = ("name", "short_name", "kind", "parent", "country", "slug")


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
class ParticipationInline(TranslationTabularInline):
    model = m.Participation
    extra = 0
    autocomplete_fields = ("person", "organisation")
    fields = ("person", "role", "organisation", "position", "online")


class AgendaItemInline(TranslationStackedInline):
    model = m.AgendaItem
    extra = 0
    autocomplete_fields = ("presenter",)
    fields = ("order", "title", "presenter", "summary")


class ActivityInline(TranslationStackedInline):
    model = m.Activity
    extra = 0
    autocomplete_fields = ("organisation",)
    fields = ("order", "title", "organisation", "description")


class AchievementInline(ActivityInline):
    model = m.Achievement


class ActionItemInline(TranslationStackedInline):
    model = m.ActionItem
    extra = 0
    autocomplete_fields = ("responsible",)
    fields = ("order", "text", "responsible", "due_date", "status")
    show_change_link = True


class ActionItemUpdateInline(TranslationStackedInline):
    """Follow-ups reported at this meeting on action items of earlier meetings."""

    model = m.ActionItemUpdate
    fk_name = "meeting"
    extra = 0
    autocomplete_fields = ("action_item",)
    fields = ("action_item", "status", "note")
    verbose_name_plural = _("follow-ups of earlier action items reported at this meeting")


class DocumentInline(TranslationTabularInline):
    model = m.Document
    extra = 0
    fields = ("kind", "title", "language", "file")


@admin.register(m.Meeting)
class MeetingAdmin(PortalModelAdmin):
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
    autocomplete_fields = ("organisers", "programme")
    readonly_fields = ("published_at",)
    fieldsets = (
        (None, {"fields": ("title", "kind", ("start_date", "end_date"), "format", "venue", "city")}),
        (_("Organisers and programme"), {"fields": ("organisers", "programme")}),
        (_("Attendance"), {"fields": (("attendance_total", "attendance_women", "attendance_online"),)}),
        (_("Summary"), {"fields": ("summary",)}),
        (_("Publication"), {"fields": ("status", "visibility", "published_at", "slug")}),
    )
    inlines = (
        ParticipationInline,
        AgendaItemInline,
        ActivityInline,
        AchievementInline,
        ActionItemInline,
        ActionItemUpdateInline,
        DocumentInline,
    )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for update in form.instance.action_item_updates.select_related("action_item"):
            services.sync_action_item_status(action_item=update.action_item)


@admin.register(m.ActionItem)
class ActionItemAdmin(PortalModelAdmin):
    list_display = ("__str__", "meeting", "due_date", "status", "update_count", "translation_state")
    list_filter = ("status", ActionItemYearFilter, "responsible")
    search_fields = ("text_lo", "text_en", "meeting__title_lo", "meeting__title_en")
    autocomplete_fields = ("meeting", "responsible")
    list_select_related = ("meeting",)
    fields = ("meeting", "order", "text", "responsible", "due_date", "status")

    class UpdateInline(TranslationStackedInline):
        model = m.ActionItemUpdate
        fk_name = "action_item"
        extra = 0
        autocomplete_fields = ("meeting",)
        fields = ("meeting", "status", "note")

    inlines = (UpdateInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_update_count=Count("updates"))

    @admin.display(description=_("follow-ups"), ordering="_update_count")
    def update_count(self, obj):
        return obj._update_count

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.sync_action_item_status(action_item=form.instance)


admin.site.site_header = _("Counter-trafficking meeting records")
admin.site.site_title = _("Meeting records")
admin.site.index_title = _("Secretariat administration")
