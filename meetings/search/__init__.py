"""Search over the meeting records in Lao and English.

Lao writes no spaces between words, so words are found as **substrings**: every term of the query must
occur, case-insensitively, in some searched field of a record (Lao or English). The searched fields of a
record are kept by the database in one generated column in search form (:func:`meetings.models.
search_column`); a term is one ``LIKE`` on it (:class:`meetings.models.SearchContains`), served on
PostgreSQL by the column's ``gin_trgm_ops`` index (migration ``0006_search_columns``). SQLite (the demo
database) has the same columns without the indexes and returns the same records.

Query and stored text are in one form (:func:`meetings.rules.text.normalise_text`), so ໍ + າ typed either way
finds ຳ. ICU word segmentation (:func:`meetings.rules.text.word_boundaries`) is used after retrieval: to rank
whole-word matches above matches inside a longer word, to cut passages between words and to keep a
highlight from splitting a letter from its vowel or tone mark.

Ranking inside each kind of record: title matches first (fetched first in SQL, so this holds over all
matches), recent first (meetings and their items) or by name (people, organisations); within the best
:data:`CANDIDATES_PER_SHOWN` x shown candidates, the whole query found as a phrase, terms found as typed
(not only by their English stem) and terms found as whole ICU words move a record up among equals.

Visibility: every kind is read through :mod:`meetings.selectors` for the reader (meetings, their items,
people and organisations known from what the reader may see).
"""

from __future__ import annotations

from meetings.rules.text import normalise_text

from .engine import CANDIDATES_PER_SHOWN, search, search_kind
from .kinds import KINDS, KINDS_BY_KEY, LANGS, MEETING_ITEMS, Kind
from .passages import Passage, find_spans, is_whole_word, make_passage
from .query import MAX_QUERY_LENGTH, MAX_TERMS, Query, canonical_text, english_stem, matches, parse_query
from .results import Group, Hit, Results
from .scope import item_scope, scoped_queryset

__all__ = [
    "CANDIDATES_PER_SHOWN", "KINDS", "KINDS_BY_KEY", "LANGS", "MAX_QUERY_LENGTH", "MAX_TERMS", "MEETING_ITEMS",
    "Group", "Hit", "Kind", "LaoSearchAdminMixin", "Passage", "Query", "Results",
    "canonical_text", "english_stem", "find_spans", "is_whole_word", "item_scope", "make_passage", "matches", "parse_query",
    "scoped_queryset", "search", "search_kind",
]  # fmt: skip


# --- Admin ---------------------------------------------------------------------------------------------------
class LaoSearchAdminMixin:
    """Admin changelist and autocomplete search in the portal's text form: ໍ + າ typed finds ຳ stored."""

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, normalise_text(search_term or ""))
