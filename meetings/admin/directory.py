"""The admin of the directory: countries, organisations, people and programmes."""

from django.contrib import admin

from meetings import models as m
from meetings.admin.base import PortalModelAdmin
from meetings.admin.contacts import OrganisationContactInline
from meetings.admin.entry import organisation_label


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
