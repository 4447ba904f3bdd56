"""The public subscription form: an address and, if wanted, the kinds of meeting."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting

MSG_BAD_ADDRESS = _(
    "This is not a valid email address. Check it and try again, for example name@example.org."
)


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={"required": _("Enter your email address."), "invalid": MSG_BAD_ADDRESS},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of meeting"),
        required=False,
        choices=Meeting.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick none to receive every newly published meeting."),
        error_messages={"invalid_choice": _("Choose kinds of meeting from the list.")},
    )
