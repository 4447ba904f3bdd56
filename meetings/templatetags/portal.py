"""Template tags of the public site.

``{% translated obj "title" %}`` shows a translated field in the reader's language. When the record has no
text in that language, it shows the other language's text inside an element carrying ``lang="…"`` and a
small visible note ("in Lao only"), never a blank. ``{% translated_value obj "title" as t %}`` gives the
pieces (``t.value``, ``t.lang``, ``t.is_fallback``) for places where markup is not wanted (page titles).

A template that loads ``i18n portal`` (in that order) also gets ``{% translate %}`` / ``{% trans %}`` from
here: Django's tag, with a constant message's output kept per catalogue (``portal.i18n.kept_translate``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import normalize_newlines
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from meetings.selectors.known_names import unbroken_pieces
from meetings.selectors.rows import related as attached
from portal.http.account_nav import account_nav as written_account_nav
from portal.http.reversed import reverse_all_kept, translate_url_kept
from portal.i18n.kept_translate import do_kept_translate

register = template.Library()

# ``{% load i18n portal %}``: Django's ``{% translate %}``, a constant message translated once per catalogue
# (portal.i18n.kept_translate). Loaded after ``i18n``, these replace Django's tags in the template.
register.tag("translate", do_kept_translate)
register.tag("trans", do_kept_translate)

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class Translated:
    value: str
    lang: str
    is_fallback: bool

    def __str__(self):
        return self.value


def current_language() -> str:
    lang = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return lang if lang in LANGUAGE_CODES else settings.LANGUAGE_CODE


def pick_translation(obj, field: str, lang: str | None = None) -> Translated:
    """The value of ``field`` in ``lang`` (default: the active language), else in the other language."""
    lang = lang or current_language()
    value, code = _picked(obj, field, lang)
    return Translated(value, code, code != lang)


def _order(lang: str) -> tuple[str, ...]:
    """``lang`` first, then the other languages (in settings.LANGUAGES order)."""
    return (lang, *(code for code in LANGUAGE_CODES if code != lang))


_ORDERS = {lang: _order(lang) for lang in LANGUAGE_CODES}


def _picked(obj, field: str, lang: str) -> tuple[str, str]:
    """(the value, its language) of :func:`pick_translation`; ``("", lang)`` when no language has one."""
    for code in _ORDERS.get(lang) or _order(lang):
        value = getattr(obj, f"{field}_{code}", "") or ""
        if value:
            return value, code
    return "", lang


def _note(lang: str) -> str:
    if lang == "lo":
        return _("in Lao only")
    return _("in English only")


@register.simple_tag
def translated_value(obj, field: str) -> Translated:
    return pick_translation(obj, field)


@register.simple_tag
def translated(obj, field: str, paragraphs: bool = False, note: bool = True, names=frozenset()):
    """The field in the reader's language, or the other language marked with ``lang`` and a note.

    ``names``: words kept whole at line ends besides the loanwords (the names the page shows,
    :func:`meetings.selectors.known_names.names_shown_with`)."""
    if obj is None:
        return ""
    lang = current_language()
    text, text_lang = _picked(obj, field, lang)
    if not text:
        return ""
    if paragraphs:
        body = _paragraphs(text, names=names)
        if text_lang == lang:
            return body
        return format_html(
            '<div lang="{}" class="other-language">{}<p class="lang-note" lang="{}">({})</p></div>',
            text_lang,
            body,
            lang,
            _note(text_lang),
        )
    value = _unbroken(text, is_name=field in NAME_FIELDS, names=names)
    if text_lang == lang:
        return value
    if not note:
        return format_html('<span lang="{}">{}</span>', text_lang, value)
    return format_html(
        '<span lang="{}">{}</span> <small class="lang-note" lang="{}">({})</small>',
        text_lang,
        value,
        lang,
        _note(text_lang),
    )


# Fields whose value is the record's own name (people, organisations, programmes, countries) or a place.
NAME_FIELDS = ("name", "short_name", "city", "venue")


def _unbroken(text: str, *, is_name: bool, names: frozenset[str] = frozenset()) -> SafeString:
    return _unbroken_kept(text, is_name, frozenset(names))


def _paragraphs(text: str, *, names: frozenset[str] = frozenset()) -> SafeString:
    return _paragraphs_kept(text, frozenset(names))


# What a text becomes is kept per process by the text itself (and the names kept whole), never by record:
# an edited text is a new key, so nothing shown is ever out of date. Long texts are few; names are short.
TEXTS_KEPT = 2048


@functools.lru_cache(maxsize=TEXTS_KEPT)
def _unbroken_kept(text: str, is_name: bool, names: frozenset[str]) -> SafeString:
    """``text`` escaped, each piece that a line must not cut (a loanword; a word of a record's own name:
    :func:`meetings.selectors.known_names.unbroken_pieces`) in a ``span.unbroken`` (``white-space: nowrap``),
    since browsers cut them as ICU does (ກິ|ແກ້ວ). The text itself is unchanged."""
    return mark_safe(  # noqa: S308 - every piece is escaped
        "".join(
            f'<span class="unbroken">{escape(piece)}</span>' if keep else escape(piece)
            for piece, keep in unbroken_pieces(text, is_name=is_name, names=names)
        )
    )


@functools.lru_cache(maxsize=TEXTS_KEPT)
def _paragraphs_kept(text: str, names: frozenset[str]) -> SafeString:
    """Django's ``linebreaks`` (paragraphs at blank lines, ``<br>`` at single ones), with :func:`_unbroken`."""
    paragraphs = [
        "<p>" + _unbroken(paragraph, is_name=False, names=names).replace("\n", "<br>") + "</p>"
        for paragraph in re.split(r"\n{2,}", normalize_newlines(text))
    ]
    return mark_safe("\n\n".join(paragraphs))  # noqa: S308 - _unbroken escapes


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """This page in every language: code, local name, relative and absolute URL, and whether it is active.
    A view that reads its query string in a normal form gives its address in that form (``page_path``), so
    the page does not depend on how the query was written (one kept page for its variants)."""
    request = context.get("request")
    path = context.get("page_path") or (request.get_full_path() if request else "/")
    active = current_language()
    links = []
    for code in LANGUAGE_CODES:
        url = translate_url_kept(path, code)
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url) if request else url,
                "active": code == active,
            }
        )
    return links


# The site's own pages linked from every page's header and footer (templates/base.html).
SITE_PAGES = {
    "home": "meetings:home", "meetings": "meetings:meeting_list", "action_items": "meetings:action_items",
    "organisations": "meetings:organisation_list", "people": "meetings:person_list",
    "statistics": "meetings:statistics", "open_data": "meetings:open_data", "search": "meetings:search",
    "feed_atom": "meetings:feed_atom", "feed_ical": "meetings:feed_ical", "subscribe": "notifications:subscribe",
}  # fmt: skip


@register.simple_tag
def site_pages() -> Mapping[str, str]:
    """The address of each of :data:`SITE_PAGES` in the reader's language (``{% url %}`` for each, kept)."""
    return reverse_all_kept(SITE_PAGES)


@register.filter
def related(obj, name: str):
    """``{% with orgs=item|related:"responsible" %}``: ``item.responsible.all``, without making a queryset for
    parts a selector already attached (meetings.selectors.rows.related)."""
    return attached(obj, name)


@register.filter
def figure(value) -> str:
    """A count in the reader's number format, or "not recorded" when it was not recorded (never 0)."""
    from django.contrib.humanize.templatetags.humanize import intcomma

    from meetings.selectors.stats import not_recorded

    return not_recorded() if value is None else intcomma(value)


@register.filter
def percent(value) -> str:
    """A share between 0 and 1 as a whole-number percentage in the reader's number format."""
    from django.utils.formats import number_format

    if value is None:
        return "–"
    return f"{number_format(round(value * 100), decimal_pos=0)} %"


@register.simple_tag(takes_context=True)
def account_nav(context):
    """The header's account part (``portal.http.account_nav``). In a page the page cache may keep it leaves a
    hole, filled for each request (``portal.http.pagecache``)."""
    from portal.http.pagecache import HOLE, leaves_hole

    request = context.get("request")
    if leaves_hole(request):
        return mark_safe(HOLE)  # noqa: S308 - a fixed comment
    return mark_safe(written_account_nav(request))  # noqa: S308 - every value in it is escaped
