"""What the user typed, made safe: normalised text split into terms (English words by their stem)."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from functools import reduce
from operator import and_

from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce

from meetings import models as m
from meetings.rules.text import normalise_text

from .kinds import Kind

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8


# --- The query ------------------------------------------------------------------------------------------
_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”')


def _is_edge_junk(char: str) -> bool:
    """Punctuation, symbols, spaces and control characters are trimmed from the ends of a term."""
    return unicodedata.category(char)[0] in "PSZC"


def _has_letter_or_digit(term: str) -> bool:
    """A lone vowel sign or tone mark (ໍ, ່) is not something to look for: it needs a letter with it."""
    return any(unicodedata.category(char)[0] in "LN" for char in term)


def _clean_term(term: str) -> str:
    start, end = 0, len(term)
    while start < end and _is_edge_junk(term[start]):
        start += 1
    while end > start and _is_edge_junk(term[end - 1]):
        end -= 1
    return term[start:end]


# English words are matched by their stem, so "victim identification" finds "identifying victims".
# Longest suffix first; the stem keeps at least four letters. Lao has no inflection: Lao terms stay whole.
_ENGLISH_SUFFIXES = (
    "ications", "ication", "ations", "ation", "ments", "ment", "ions", "ion",
    "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s",
)  # fmt: skip
LATIN_WORD = re.compile(r"[a-z]+")


def english_stem(term: str) -> str:
    """A prefix of an English word shared by its other forms (identify, identifying, identification)."""
    word = term.casefold()
    if not LATIN_WORD.fullmatch(word) or len(word) < 5:
        return term
    for suffix in _ENGLISH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if word.endswith(("y", "i", "e")) and len(word) > 4:
        word = word[:-1]
    return word


@dataclasses.dataclass(frozen=True)
class Query:
    """What the user typed, made safe: normalised, at most :data:`MAX_QUERY_LENGTH` characters.

    ``typed`` are the terms as typed; ``terms`` what is matched (English words by their stem).
    """

    text: str
    typed: tuple[str, ...]
    terms: tuple[str, ...]
    shortened: bool = False
    terms_dropped: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.text

    @property
    def has_terms(self) -> bool:
        return bool(self.terms)


def _cleaned(raw: str | None) -> str:
    # Control characters (NUL cannot even be sent to PostgreSQL) become spaces; invisible format
    # characters go; then the one normalisation rule of the portal (spaces collapsed, ends trimmed).
    text = "".join(
        " " if unicodedata.category(c) == "Cc" else c
        for c in (raw or "")
        if unicodedata.category(c) not in ("Cf", "Cs", "Co", "Cn")
    )
    return normalise_text(text.replace("\n", " "))


def canonical_text(raw: str | None) -> str:
    """What was typed in the one form that searches alike: cleaned as :func:`parse_query` does, spaces
    collapsed, lower case (matching ignores case). ``parse_query(canonical_text(x))`` finds what
    ``parse_query(x)`` finds; the search page is worked out from it, so variants share one kept page."""
    # a letter is lowered only where the database's upper case of both is the same (not "ẞ" or "İ")
    return "".join(c.lower() if c.lower().upper() == c.upper() else c for c in _cleaned(raw))


def parse_query(raw: str | None) -> Query:
    """Split a typed query into terms. Quoted parts ("...") stay one term, matched as a phrase."""
    text = _cleaned(raw)
    shortened = len(text) > MAX_QUERY_LENGTH
    if shortened:  # cut at the last space, so that no half word is searched for
        cut = text[:MAX_QUERY_LENGTH]
        if not text[MAX_QUERY_LENGTH].isspace() and " " in cut:
            cut = cut.rsplit(" ", 1)[0]
        text = cut.rstrip()
    pieces = []
    for match in _QUOTED.finditer(text):
        pieces.append(match.group(1) if match.group(1) is not None else match.group(2))
    pieces += _QUOTED.sub(" ", text).split()
    terms, seen = [], set()
    for piece in pieces:
        term = _clean_term(" ".join(piece.split()))
        if term and _has_letter_or_digit(term) and term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
    typed = tuple(terms[:MAX_TERMS])
    return Query(
        text=text,
        typed=typed,
        terms=tuple(dict.fromkeys(english_stem(term) for term in typed)),
        shortened=shortened,
        terms_dropped=len(terms) > MAX_TERMS,
    )


def matches(kind: Kind, terms: tuple[str, ...], *, title_only: bool = False, indexed: bool = True) -> Q:
    """Every term inside the record's search column (see :func:`meetings.models.search_column` and
    :class:`meetings.models.SearchContains`), served by the column's trigram index; not ``indexed``: the
    same condition on the column as an expression, which the index does not serve (checked row by row on
    rows found otherwise, e.g. the newest meetings, see :func:`meetings.search.engine._recent_first`)."""
    column = F(kind.search_columns[0 if title_only else 1])
    if not indexed:
        column = Coalesce(column, Value(""))
    return reduce(and_, (Q(m.SearchContains(column, term)) for term in terms))
