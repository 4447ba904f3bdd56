"""Lists of names in the reader's order: countries, organisations and people sorted by their names in the
active language, with the language's own collation (ICU's Lao rules on a Lao page, English rules on an
English one), on pages and in PDFs alike.

PostgreSQL sorts with its ICU collations (``lo-x-icu``, ``en-x-icu``); another database (the SQLite demo)
sorts by its own rules.
"""

from __future__ import annotations

from django.db import connections, router
from django.db.models import F
from django.db.models.functions import Collate
from django.utils.translation import get_language

COLLATIONS = {"lo": "lo-x-icu", "en": "en-x-icu"}


def reader_language() -> str:
    lang = (get_language() or "lo").split("-")[0]
    return lang if lang in COLLATIONS else "lo"


def by_name(queryset, *fields: str):
    """``queryset`` ordered by ``fields`` (translated fields, default ``name``) in the reader's language."""
    lang = reader_language()
    vendor = connections[router.db_for_read(queryset.model)].vendor
    order = []
    for field in fields or ("name",):
        column = F(f"{field}_{lang}")
        order.append(Collate(column, COLLATIONS[lang]).asc() if vendor == "postgresql" else column.asc())
    return queryset.order_by(*order, "pk")
