"""Filter forms of the public lists. Invalid values are ignored (the rest of the filter still applies)."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from threading import Lock

from django import forms
from django.forms.boundfield import BoundField
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from meetings.models import ActionItemStatus, Meeting

YEAR_MIN, YEAR_MAX = 1990, 2100


def _blank(label):
    return [("", label)]


# Rendered widgets kept in this process: a list's organisation filter is hundreds of <option>s, each a
# template render. Keyed by everything the HTML depends on, so a key never meets stale HTML.
WIDGETS_KEPT = 512
_widgets: OrderedDict[str, str] = OrderedDict()
_widgets_lock = Lock()


class KeptWidgetBoundField(BoundField):
    """A filter field whose widget is rendered once per (form, field, language, choices, value, attributes):
    in practice once per content version (which decides the choices), language and chosen value."""

    def as_widget(self, widget=None, attrs=None, only_initial=False):
        if widget is not None or attrs or only_initial:
            return super().as_widget(widget, attrs, only_initial)
        field_widget = self.field.widget
        choices = [(str(value), str(label)) for value, label in getattr(field_widget, "choices", ())]
        described = repr(
            (
                type(self.form).__name__,
                self.html_name,
                self.auto_id,
                get_language(),
                choices,
                self.value(),
                sorted(self.build_widget_attrs(field_widget.attrs).items()),
                bool(self.errors),
            )
        )
        key = hashlib.sha256(described.encode()).hexdigest()
        with _widgets_lock:
            html = _widgets.get(key)
            if html is not None:
                _widgets.move_to_end(key)
                return html
        html = super().as_widget()
        with _widgets_lock:
            _widgets[key] = html
            while len(_widgets) > WIDGETS_KEPT:
                _widgets.popitem(last=False)
        return html


class FilterForm(forms.Form):
    """A GET form whose valid fields filter and whose invalid fields are silently dropped. Its widgets are
    rendered once and kept (:class:`KeptWidgetBoundField`)."""

    bound_field_class = KeptWidgetBoundField

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
