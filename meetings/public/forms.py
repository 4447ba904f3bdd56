"""Filter forms of the public lists. Invalid values are ignored (the rest of the filter still applies)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from meetings.models import ActionItemStatus, Meeting

YEAR_MIN, YEAR_MAX = 1990, 2100


def _blank(label):
    return [("", label)]


class FilterForm(forms.Form):
    """A GET form whose valid fields filter and whose invalid fields are silently dropped."""

    def valid_values(self) -> dict:
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "", False)}


class MeetingFilterForm(FilterForm):
    year = forms.IntegerField(label=_("Year"), required=False, min_value=YEAR_MIN, max_value=YEAR_MAX)
    kind = forms.ChoiceField(label=_("Kind of meeting"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)

    def __init__(self, *args, organisations=(), programmes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = _blank(_("All kinds")) + list(Meeting.Kind.choices)
        self.fields["format"].choices = _blank(_("All formats")) + list(Meeting.Format.choices)
        self.fields["organisation"].choices = _blank(_("All organisations")) + [
            (o.slug, str(o)) for o in organisations
        ]
        self.fields["programme"].choices = _blank(_("All programmes")) + [
            (p.slug, str(p)) for p in programmes
        ]


class ActionItemFilterForm(FilterForm):
    status = forms.ChoiceField(label=_("Status"), required=False)
    organisation = forms.ChoiceField(label=_("Responsible organisation"), required=False)
    year = forms.IntegerField(label=_("Year decided"), required=False, min_value=YEAR_MIN, max_value=YEAR_MAX)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = _blank(_("All statuses")) + list(ActionItemStatus.choices)
        self.fields["organisation"].choices = _blank(_("All organisations")) + [
            (o.slug, str(o)) for o in organisations
        ]
