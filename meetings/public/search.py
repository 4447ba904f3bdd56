"""The public search page: one box over meetings, their items, people and organisations (Lao and English)."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from meetings import selectors
from meetings.models import Organisation
from meetings.search import KINDS, KINDS_BY_KEY, MAX_QUERY_LENGTH, MAX_TERMS, parse_query, search

PER_KIND = 10  # results shown per kind when all kinds are searched
PER_KIND_ALONE = 50  # when one kind is chosen

IGNORED_FILTER = _("This choice is not available, so this filter was not applied.")


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, strip=True)
    kind = forms.ChoiceField(
        label=_("Kind of record"),
        required=False,
        choices=[("", _("All kinds"))] + [(kind.key, kind.label) for kind in KINDS],
        error_messages={"invalid_choice": IGNORED_FILTER},
    )
    year = forms.TypedChoiceField(
        label=_("Year"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": IGNORED_FILTER},
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),  # the reader's, set in __init__
        required=False,
        to_field_name="slug",
        empty_label=_("All organisations"),
        error_messages={"invalid_choice": IGNORED_FILTER},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Anything typed is searchable: odd characters are dealt with by parse_query, not refused.
        self.fields["q"].validators = []
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})
        years = selectors.meetings(user).dates("start_date", "year", order="DESC")
        self.fields["organisation"].queryset = selectors.organisations(user)
        self.fields["year"].choices = [("", _("All years"))] + [(d.year, d.year) for d in years]


def search_page(request):
    form = SearchForm(request.GET, user=request.user)
    form.is_valid()  # invalid filters are reported on the page and left out
    data = form.cleaned_data
    kind = data.get("kind") or None
    query = parse_query(request.GET.get("q", ""))
    results = None
    if query.has_terms:
        results = search(
            query,
            user=request.user,
            kind=kind,
            year=data.get("year"),
            organisation=data.get("organisation"),
            limit=PER_KIND_ALONE if kind else PER_KIND,
        )
    # The query string without the kind, for "show all" links of each group.
    keep = {"q": query.text}
    if data.get("year"):
        keep["year"] = data["year"]
    if data.get("organisation"):
        keep["organisation"] = data["organisation"].slug
    context = {
        "form": form,
        "query": query,
        "results": results,
        "kind": KINDS_BY_KEY.get(kind),
        "filtered": bool(kind or data.get("year") or data.get("organisation")),
        "base_query": urlencode(keep),
        "max_length": MAX_QUERY_LENGTH,
        "max_terms": MAX_TERMS,
        "searched": "q" in request.GET,
    }
    return render(request, "meetings/search.html", context)
