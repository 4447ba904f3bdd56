"""What every records admin shares: the translation-state column, the model admin base and the year filters."""

from django.contrib import admin
from django.db import router, transaction
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from meetings import models as m
from meetings.admin.entry import EntryHelpMixin
from meetings.history import context_helper_class as history_context_helper_class
from meetings.history import hidden_history_fields
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
