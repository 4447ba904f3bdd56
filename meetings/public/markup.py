"""Small pieces of HTML written in Python by the parts of pages rendered without a template
(``search_hits.py``, ``meeting_parts.py``): values escaped as the template's autoescape writes them."""

from __future__ import annotations

import functools
import html

from django.utils.formats import date_format
from django.utils.safestring import SafeData
from django.utils.translation import get_language


def escaped(value) -> str:
    """As the template's autoescape writes ``value`` (Django's ``conditional_escape``, without the check for
    lazy arguments that was most of its cost here)."""
    return str(value) if isinstance(value, SafeData) else html.escape(str(value))


@functools.lru_cache(maxsize=4096)
def date_text(day, lang: str) -> str:
    """``{{ day|date }}`` in ``lang`` (the active language; the format depends on it), escaped."""
    return html.escape(date_format(day))


def day_html(day) -> str:
    """``<time datetime="2024-02-15">15 February 2024</time>`` in the active language."""
    return f'<time datetime="{day.isoformat()}">{date_text(day, get_language())}</time>'
