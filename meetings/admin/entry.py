"""What helps an officer type a meeting in: day-first dates with the expected format shown beside the
field, and autocomplete results that name an organisation in the interface language with its acronym.

* :class:`EntryHelpMixin` (on every admin and inline of the meetings app) gives each date field the hint
  "day/month/year" under it and as its placeholder. Dates are read day first in both interface languages
  (``DATE_INPUT_FORMATS`` in ``portal/i18n/formats/en`` and ``portal/i18n/formats/lo``): ``03/04/2024`` is 3 April.
* :class:`PortalAutocompleteJsonView` (the admin site's autocomplete view) lets a ModelAdmin choose the text
  of a result with ``autocomplete_label(obj)``.
"""

from __future__ import annotations

from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

DATE_HINT = _("Day/month/year, for example 15/01/2024.")
DATE_PLACEHOLDER = _("dd/mm/yyyy")


class EntryHelpMixin:
    """For ModelAdmins and inlines: the expected date format under and inside every date field."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        is_date = isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField)
        if is_date and formfield is not None:
            hint = formfield.help_text
            formfield.help_text = format_lazy("{} {}", hint, DATE_HINT) if hint else DATE_HINT
            formfield.widget.attrs.setdefault("placeholder", DATE_PLACEHOLDER)
        return formfield


class PortalAutocompleteJsonView(AutocompleteJsonView):
    """As Django's, but a ModelAdmin with ``autocomplete_label(obj)`` chooses the text of each result."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        if label is not None:
            result["text"] = label(obj)
        return result


def organisation_label(organisation) -> str:
    """An organisation's name in the interface language (the other language if missing) and its acronym:
    "Ministry of Public Security (MPS)"."""
    name, short = organisation.name, organisation.short_name
    if short and short != name:
        return f"{name} ({short})"
    return str(organisation)
