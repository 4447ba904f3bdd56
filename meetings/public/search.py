"""The public search page: one box over meetings, their items, people and organisations (Lao and English)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from urllib.parse import urlencode

from django import forms
from django.core.cache import cache
from django.http import QueryDict
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from meetings import models as m
from meetings import selectors
from meetings.public.forms import KeptWidgetBoundField
from meetings.public.search_hits import hits_html
from meetings.search import (
    KINDS,
    KINDS_BY_KEY,
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    canonical_text,
    parse_query,
    search,
)
from portal.http.pagecache import content_version

PER_KIND = 10  # results shown per kind when all kinds are searched
PER_KIND_ALONE = 50  # when one kind is chosen

FILTER_CHOICES_SECONDS = 600  # per content version: an edit makes new ones at once
IGNORED_FILTER = _("This choice is not available, so this filter was not applied.")


class SearchForm(forms.Form):
    # the filters' widgets rendered once per choices, language and chosen value (hundreds of <option>s)
    bound_field_class = KeptWidgetBoundField
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
    organisation = forms.ChoiceField(
        label=_("Organisation"),
        required=False,
        error_messages={"invalid_choice": IGNORED_FILTER},
    )

    def __init__(self, *args, user, version: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # Anything typed is searchable: odd characters are dealt with by parse_query, not refused.
        self.fields["q"].validators = []
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})
        years, organisations = filter_choices(user, version=version)
        self.fields["year"].choices = [("", _("All years"))] + [(year, year) for year in years]
        self.fields["organisation"].choices = [("", _("All organisations")), *organisations]


def filter_choices(user, *, version: str | None = None) -> tuple[list[int], list[tuple[str, str]]]:
    """The years of the meetings ``user`` may see and the organisations they may know (slug, name in the
    active language): worked out once per audience, language and content version (``version``, when the
    request read it already), kept in the cache."""
    version = content_version() if version is None else version
    key = f"search:filters:{m.audience_of(user)}:{get_language()}:{version}"
    # This process keeps its own copy too (the key names the content version, read from the cache by the
    # request: a copy of an older version is never used), saving a round trip to the cache per search.
    kept = _filters_here.get(key)
    if kept is None:
        kept = cache.get(key)
        if kept is None:
            years = [d.year for d in selectors.meetings(user).dates("start_date", "year", order="DESC")]
            kept = (years, [(o.slug, str(o)) for o in selectors.organisations(user)])
            cache.set(key, kept, FILTER_CHOICES_SECONDS)
        with _filters_lock:
            _filters_here[key] = kept
            while len(_filters_here) > FILTERS_KEPT_HERE:
                _filters_here.popitem(last=False)
    return kept


FILTERS_KEPT_HERE = 32
_filters_here: OrderedDict[str, tuple] = OrderedDict()
_filters_lock = threading.Lock()


FILTERS = ("kind", "year", "organisation")


def canonical_params(params: QueryDict) -> QueryDict:
    """The page's parameters in the one form it is worked out from: the query as :func:`canonical_text`
    (case and spaces aside), the filters as given (empty ones and other parameters left out), in a fixed
    order. Variants that search alike are one page, kept once by the page cache (``cache_query``)."""
    canonical = QueryDict(mutable=True)
    if "q" in params:
        canonical["q"] = canonical_text(params.get("q", ""))
    for name in FILTERS:
        if value := params.get(name, ""):
            canonical[name] = value
    return canonical


def cache_query(params: QueryDict) -> str:
    """The query string under which the page cache keeps the page (``settings.PAGE_CACHE_QUERY``)."""
    return canonical_params(params).urlencode()


def search_page(request):
    params = canonical_params(request.GET)
    # One content version for the whole page (read once per request): filters and results agree with it.
    version = content_version(request)
    form = SearchForm(params, user=request.user, version=version)
    form.is_valid()  # invalid filters are reported on the page and left out
    data = form.cleaned_data
    kind = data.get("kind") or None
    query = parse_query(params.get("q", ""))
    organisation = None
    if data.get("organisation"):  # one of the reader's organisations (the form checked the slug)
        organisation = selectors.organisations(request.user).filter(slug=data["organisation"]).first()
    results = None
    if query.has_terms:
        results = search(
            query,
            user=request.user,
            kind=kind,
            year=data.get("year"),
            organisation=organisation,
            limit=PER_KIND_ALONE if kind else PER_KIND,
            version=version,
        )
    # The query string without the kind, for "show all" links of each group.
    keep = {"q": query.text}
    if data.get("year"):
        keep["year"] = data["year"]
    if organisation is not None:
        keep["organisation"] = organisation.slug
    context = {
        "form": form,
        "query": query,
        "results": results,
        # each group with its hits' HTML (meetings/public/search_hits.py)
        "groups": [(group, hits_html(group)) for group in results.groups] if results else [],
        "kind": KINDS_BY_KEY.get(kind),
        "filtered": bool(kind or data.get("year") or organisation),
        "base_query": urlencode(keep),
        "max_length": MAX_QUERY_LENGTH,
        "max_terms": MAX_TERMS,
        "searched": "q" in params,
        "page_path": request.path + (f"?{params.urlencode()}" if params else ""),
    }
    return render(request, "meetings/search.html", context)
