"""The summary report form: a year or a date range, optionally one organisation or programme."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings import selectors
from meetings.models import Organisation, Programme
from reports.summary import Period

MAX_YEARS = 30
# Django's own messages have no Lao translation: the form brings its own.
YEAR_ERRORS = {
    "invalid": _("Enter the year as a number, for example 2024."),
    "min_value": _("Enter a year between 1975 and 2100."),
    "max_value": _("Enter a year between 1975 and 2100."),
}
DATE_ERRORS = {"invalid": _("Enter a date such as 2024-02-15.")}


class SummaryForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=1975, max_value=2100, error_messages=YEAR_ERRORS
    )
    start = forms.DateField(
        label=_("From"),
        required=False,
        error_messages=DATE_ERRORS,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Or give a date range instead of a year."),
    )
    end = forms.DateField(
        label=_("To"),
        required=False,
        error_messages=DATE_ERRORS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),  # the reader's, set in __init__
        required=False,
        empty_label=_("All organisations"),
        error_messages={"invalid_choice": _("Choose an organisation from the list.")},
        help_text=_("Meetings it organised or took part in."),
    )
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.none(),  # the reader's, set in __init__
        required=False,
        empty_label=_("All programmes"),
        error_messages={"invalid_choice": _("Choose a programme from the list.")},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only what the reader may know of can be chosen (and named in the report).
        self.fields["organisation"].queryset = selectors.organisations(user)
        self.fields["programme"].queryset = selectors.programmes(user)

    def clean(self):
        data = super().clean()
        year, start, end = data.get("year"), data.get("start"), data.get("end")
        if self.errors:
            return data
        if year and (start or end):
            raise forms.ValidationError(_("Give either a year or a date range, not both."))
        if not year and not (start and end):
            if start or end:
                raise forms.ValidationError(_("A date range needs both a first and a last day."))
            raise forms.ValidationError(_("Choose a year or a date range."))
        if start and end:
            if end < start:
                self.add_error("end", _("The last day cannot be before the first day."))
            elif (end - start).days > 366 * MAX_YEARS:
                self.add_error("end", _("A report can cover at most 30 years."))
        return data

    def period(self) -> Period:
        data = self.cleaned_data
        if data.get("year"):
            return Period.year(data["year"])
        return Period(data["start"], data["end"])

    @staticmethod
    def initial_year() -> int:
        return timezone.localdate().year
