"""The contacts of an organisation for action item reminders, edited on the organisation's page."""

from django.contrib import admin
from django.contrib.auth import get_user_model

from meetings import models as m


class OrganisationContactInline(admin.TabularInline):
    model = m.OrganisationContact
    extra = 0
    fields = ("user", "email", "name", "language")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":  # accounts that can receive mail
            kwargs["queryset"] = (
                get_user_model().objects.filter(is_active=True).exclude(email="").order_by("username")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
