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

import dataclasses
import datetime
import hashlib
import re
import unicodedata
from functools import reduce
from operator import and_

from django.core.cache import cache
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from meetings import models as m
from meetings import selectors
from meetings.rules.text import normalise_text, word_boundaries
from meetings.selectors.directory import organisation_and_units
from meetings.selectors.meetings import involved_in
from portal.http.pagecache import content_version

LANGS = m.SEARCH_LANGUAGES
MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
CANDIDATES_PER_SHOWN = 2
PASSAGE_BEFORE, PASSAGE_AFTER = 60, 160
SEARCH_CACHE_SECONDS = 600


# --- Kinds of record ----------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Kind:
    """A kind of record searched; its searched fields are the model's ``SEARCH_TITLE`` + ``SEARCH_OTHER``."""

    key: str
    label: str
    model: type
    order: tuple[str, ...]
    select_related: tuple[str, ...] = ()
    date_path: str | None = None
    shown: tuple[str, ...] = ()  # fields a hit shows besides the searched ones (see _search_hit.html)

    @property
    def title_fields(self) -> tuple[str, ...]:
        return self.model.SEARCH_TITLE

    @property
    def other_fields(self) -> tuple[str, ...]:
        return self.model.SEARCH_OTHER

    @property
    def fields(self) -> tuple[str, ...]:
        return self.title_fields + self.other_fields

    @property
    def columns(self) -> tuple[str, ...]:
        """The fields searched, in Lao and in English (what ranking and passages read in Python)."""
        return tuple(f"{field}_{lang}" for field in self.fields for lang in LANGS)

    @property
    def title_columns(self) -> tuple[str, ...]:
        return tuple(f"{field}_{lang}" for field in self.title_fields for lang in LANGS)

    @property
    def loaded(self) -> tuple[str, ...]:
        """What a candidate loads: searched and shown fields only (not the long search columns)."""
        return self.columns + self.shown

    @property
    def search_columns(self) -> tuple[str, str]:
        """The generated columns matched in SQL: (title text, all text); one column when only a title."""
        return ("search_title" if self.other_fields else "search_text", "search_text")


# the meeting's visibility: a hit in a partners-only meeting is marked so (templates/meetings/_search_hit.html)
ITEM_SHOWN = (
    "order",
    "meeting",
    *(f"meeting__{f}" for f in ("slug", "start_date", "title_lo", "title_en", "visibility")),
)
ORGANISATION_SHOWN = ("slug", *(f"{f}_{lang}" for f in ("name", "short_name") for lang in LANGS))

KINDS: tuple[Kind, ...] = (
    Kind(
        "meetings",
        _("Meetings"),
        m.Meeting,
        order=("-start_date", "-pk"),
        date_path="start_date",
        shown=("slug", "start_date", "visibility"),
    ),
    Kind(
        "agenda",
        _("Agenda items and reports"),
        m.AgendaItem,
        order=("-meeting__start_date", "meeting_id", "order"),
        select_related=("meeting",),
        date_path="meeting.start_date",
        shown=ITEM_SHOWN,
    ),
    Kind(
        "activities",
        _("Activities"),
        m.Activity,
        order=("-meeting__start_date", "meeting_id", "order"),
        select_related=("meeting",),
        date_path="meeting.start_date",
        shown=ITEM_SHOWN,
    ),
    Kind(
        "achievements",
        _("Achievements"),
        m.Achievement,
        order=("-meeting__start_date", "meeting_id", "order"),
        select_related=("meeting",),
        date_path="meeting.start_date",
        shown=ITEM_SHOWN,
    ),
    Kind(
        "actions",
        _("Action items"),
        m.ActionItem,
        order=("-meeting__start_date", "meeting_id", "order"),
        select_related=("meeting",),
        date_path="meeting.start_date",
        shown=ITEM_SHOWN,
    ),
    Kind(
        "people",
        _("People"),
        m.Person,
        order=("name_lo", "pk"),
        select_related=("organisation",),
        shown=("slug", "organisation", *(f"organisation__{f}" for f in ORGANISATION_SHOWN)),
    ),
    Kind("organisations", _("Organisations"), m.Organisation, order=("name_lo", "pk"), shown=("slug",)),
)
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}
MEETING_ITEMS = (m.AgendaItem, m.Activity, m.Achievement, m.ActionItem)


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
_LATIN_WORD = re.compile(r"[a-z]+")


def english_stem(term: str) -> str:
    """A prefix of an English word shared by its other forms (identify, identifying, identification)."""
    word = term.casefold()
    if not _LATIN_WORD.fullmatch(word) or len(word) < 5:
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


def parse_query(raw: str | None) -> Query:
    """Split a typed query into terms. Quoted parts ("...") stay one term, matched as a phrase."""
    # Control characters (NUL cannot even be sent to PostgreSQL) become spaces; invisible format
    # characters go; then the one normalisation rule of the portal.
    text = "".join(
        " " if unicodedata.category(c) == "Cc" else c
        for c in (raw or "")
        if unicodedata.category(c) not in ("Cf", "Cs", "Co", "Cn")
    )
    text = normalise_text(text.replace("\n", " "))
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


def matches(kind: Kind, terms: tuple[str, ...], *, title_only: bool = False) -> Q:
    """Every term inside the record's search column (see :func:`meetings.models.search_column` and
    :class:`meetings.models.SearchContains`), served by the column's trigram index."""
    column = F(kind.search_columns[0 if title_only else 1])
    return reduce(and_, (Q(m.SearchContains(column, term)) for term in terms))


# --- Filters (year, organisation) -------------------------------------------------------------------------
def scoped_queryset(kind: Kind, *, user, year: int | None = None, orgs: list[int] | None = None):
    """The records of ``kind`` that ``user`` may see, narrowed by the year and organisation filters.

    The organisation filter covers the organisation and its units (a ministry and its departments): the
    meetings they organised or took part in, the items they presented, reported or are responsible for,
    their people, and themselves.
    """
    model = kind.model
    if model is m.Meeting:
        qs = selectors.meetings(user)
        if year:
            qs = qs.in_year(year)
        if orgs is not None:
            qs = qs.filter(pk__in=m.Meeting.objects.filter(involved_in(orgs)).values("pk"))
        return qs
    if model in (m.Person, m.Organisation):
        qs = selectors.people(user) if model is m.Person else selectors.organisations(user)
        if year:
            meetings = selectors.meetings(user).in_year(year)
            participations = m.Participation.objects.filter(meeting__in=meetings)
            if model is m.Person:
                qs = qs.filter(pk__in=participations.values("person"))
            else:
                qs = qs.filter(
                    Q(pk__in=meetings.values("organisers")) | Q(pk__in=participations.values("organisation"))
                )
        if orgs is not None:
            qs = qs.filter(organisation__in=orgs) if model is m.Person else qs.filter(pk__in=orgs)
        return qs
    meetings, items = item_scope(kind, user=user, year=year, orgs=orgs)
    return items.filter(meeting__in=meetings)


def item_scope(kind: Kind, *, user, year: int | None = None, orgs: list[int] | None = None):
    """For a kind of meeting item: (the meetings ``user`` may see in ``year``, the items ``orgs`` filter
    keeps in any meeting). An item is visible exactly when its meeting is (``MeetingChildQuerySet``), so the
    items to show are those of the second set whose meeting is in the first."""
    meetings = selectors.meetings(user)
    if year:
        meetings = meetings.in_year(year)
    items = kind.model.objects.visible_to(user)
    if orgs is not None:
        direct = {  # one entry per model of MEETING_ITEMS
            m.AgendaItem: Q(presenter__organisation__in=orgs),
            m.Activity: Q(organisation__in=orgs),
            m.Achievement: Q(organisation__in=orgs),
            m.ActionItem: Q(responsible__in=orgs),
        }[kind.model]
        items = items.filter(
            pk__in=kind.model.objects.filter(direct | Q(meeting__organisers__in=orgs)).values("pk")
        )
    return meetings, items


# --- Matching in Python: spans, whole words, passages -----------------------------------------------------
def _fold(text: str) -> tuple[str, range | list[int]]:
    """``text`` case-folded, with the index in ``text`` of every folded character."""
    folded = text.casefold()
    if len(folded) == len(text):  # the usual case (Lao has no case; English folds letter for letter)
        return folded, range(len(text))
    folded, index = [], []
    for i, char in enumerate(text):
        piece = char.casefold()
        folded.append(piece)
        index.extend([i] * len(piece))
    return "".join(folded), index


def _whole_cluster(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span so it never separates a Lao letter from its vowel signs and tone marks."""
    while start > 0 and unicodedata.category(text[start])[0] == "M":
        start -= 1
    while end < len(text) and unicodedata.category(text[end])[0] == "M":
        end += 1
    return start, end


def find_spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int, int]]:
    """Non-overlapping (start, end, term index) of every occurrence of every term, in text order."""
    if not text:
        return []
    folded, index = _fold(text)
    spans = []
    for number, term in enumerate(terms):
        needle = term.casefold()
        at = folded.find(needle)
        while at != -1:
            start, end = _whole_cluster(text, index[at], index[at + len(needle) - 1] + 1)
            if _LATIN_WORD.fullmatch(needle):  # an English stem: mark the whole word
                while end < len(text) and text[end].isascii() and text[end].isalpha():
                    end += 1
            spans.append((start, end, number))
            at = folded.find(needle, at + len(needle))
    spans.sort(key=lambda s: (s[0], -s[1]))
    merged: list[tuple[int, int, int]] = []
    for span in spans:
        if merged and span[0] < merged[-1][1]:
            if span[1] > merged[-1][1]:
                merged[-1] = (merged[-1][0], span[1], merged[-1][2])
            continue
        merged.append(span)
    return merged


def is_whole_word(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` begin and end where ICU puts word boundaries? (Checked in a local window.)"""
    lo, hi = max(0, start - 24), min(len(text), end + 24)
    bounds = {lo + offset for offset in word_boundaries(text[lo:hi])}
    return start in bounds and end in bounds


@dataclasses.dataclass
class Passage:
    """A piece of one field with the matches marked: ``parts`` are (text, is_match) pairs."""

    parts: list[tuple[str, bool]]
    lang: str
    cut_before: bool = False
    cut_after: bool = False

    @property
    def text(self) -> str:
        return "".join(part for part, _hit in self.parts)


def make_passage(text: str, terms: tuple[str, ...], lang: str, *, before=PASSAGE_BEFORE, after=PASSAGE_AFTER):
    """The part of ``text`` around its first match (whole text if short), cut between words."""
    text = normalise_text(text or "")
    spans = find_spans(text, terms)
    if spans:
        start, end = max(0, spans[0][0] - before), min(len(text), spans[0][1] + after)
    else:
        start, end = 0, min(len(text), before + after)
    if start > 0 or end < len(text):
        lo, hi = max(0, start - 30), min(len(text), end + 30)
        bounds = [lo + offset for offset in word_boundaries(text[lo:hi])]
        start = max((b for b in bounds if b <= start and (b > lo or lo == 0)), default=start)
        end = min((b for b in bounds if b >= end and (b < hi or hi == len(text))), default=end)
    parts, position = [], start
    for s, e, _number in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        if s > position:
            parts.append((text[position:s], False))
        parts.append((text[s:e], True))
        position = e
    if position < end:
        parts.append((text[position:end], False))
    return Passage(parts=parts, lang=lang, cut_before=start > 0, cut_after=end < len(text))


# --- Results ------------------------------------------------------------------------------------------------
@dataclasses.dataclass
class Hit:
    kind: Kind
    obj: object
    title: Passage
    passage: Passage | None
    url: str | None
    date: datetime.date | None
    meeting: m.Meeting | None
    title_match: bool
    rank: tuple


@dataclasses.dataclass
class Group:
    kind: Kind
    hits: list[Hit]
    total: int
    more_than: bool = False  # more records match than ``total`` (counting stops at the candidate window)

    @property
    def has_more(self) -> bool:
        return self.more_than or self.total > len(self.hits)


@dataclasses.dataclass
class Results:
    query: Query
    groups: list[Group]

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups)

    @property
    def more_than(self) -> bool:
        return any(group.more_than for group in self.groups)

    def meetings_found(self) -> set[int]:
        """Primary keys of the meetings found directly or through one of their items."""
        found = set()
        for group in self.groups:
            for hit in group.hits:
                if hit.meeting is not None:
                    found.add(hit.meeting.pk)
        return found


def _value(obj, column: str) -> str:
    return getattr(obj, column, None) or ""


def _display_lang(obj, field: str) -> str:
    current = (get_language() or LANGS[0]).split("-")[0]
    current = current if current in LANGS else LANGS[0]
    if _value(obj, f"{field}_{current}"):
        return current
    return next((lang for lang in LANGS if _value(obj, f"{field}_{lang}")), current)


def _rank(obj, kind: Kind, query: Query) -> tuple[int, int, int]:
    """(whole query found as a phrase, terms found as typed, terms found as whole words).

    The ICU part of ranking: a whole word (ເລຂາ as a word) counts more than the same letters inside a
    longer word.
    """
    terms = query.terms
    phrase = " ".join(query.typed).casefold() if len(query.typed) > 1 else None
    typed = {term.casefold() for term in query.typed}
    whole: set[int] = set()
    exact: set[str] = set()
    has_phrase = 0
    for column in kind.columns:
        text = _value(obj, column)
        if not text:
            continue
        folded = text.casefold()
        if phrase and phrase in folded:
            has_phrase = 1
        exact.update(term for term in typed if term in folded)
        if len(whole) == len(terms):
            continue
        checked: dict[int, int] = {}
        for start, end, number in find_spans(text, terms):
            if number in whole or checked.get(number, 0) >= 3:
                continue
            checked[number] = checked.get(number, 0) + 1
            if is_whole_word(text, start, end):
                whole.add(number)
    return has_phrase, len(exact), len(whole)


def _make_hit(obj, kind: Kind, query: Query, title_match: bool, rank: tuple) -> Hit:
    terms = query.terms
    title_field = kind.title_fields[0]
    title_lang = _display_lang(obj, title_field)
    title_text = _value(obj, f"{title_field}_{title_lang}") or str(obj)
    title = make_passage(title_text, terms, title_lang, before=80, after=240)
    # The passage: the other field (any language) where most terms occur; the shown title excluded.
    best, best_score = None, 0
    current = (get_language() or "lo").split("-")[0]
    for column in kind.columns:
        if column == f"{title_field}_{title_lang}":
            continue
        text = _value(obj, column)
        if not text:
            continue
        found = {number for _s, _e, number in find_spans(text, terms)}
        lang = column.rsplit("_", 1)[1]
        score = (len(found), lang == current)
        if found and (best is None or score > best_score):
            best, best_score = (column, text, lang), score
    passage = make_passage(best[1], terms, best[2]) if best else None
    meeting = obj if isinstance(obj, m.Meeting) else getattr(obj, "meeting", None)
    date = meeting.start_date if meeting is not None else None
    url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else None
    if url is None and meeting is not None and meeting is not obj:
        url = meeting.get_absolute_url()
    return Hit(kind, obj, title, passage, url, date, meeting, title_match, rank)


def search_kind(kind: Kind, query: Query, *, user, year=None, orgs=None, limit: int = 10) -> Group:
    """The best ``limit`` records of one kind, and how many match (exactly, up to the candidate window).

    Title matches are fetched first, newest first; other matches only fill up the window. Every query
    asks for a few rows in date (or name) order, so PostgreSQL can stop early on common words and use
    the trigram indexes on rare ones.
    """
    window = limit * CANDIDATES_PER_SHOWN
    title, every = matches(kind, query.terms, title_only=True), matches(kind, query.terms)
    if kind.model in MEETING_ITEMS:
        meetings, items = item_scope(kind, user=user, year=year, orgs=orgs)

        def part(condition, n):
            # Items are ranked by their meeting's date: find the newest visible meetings with a matching
            # item first (PostgreSQL walks the meetings' date index and stops), then take their items.
            newest = (
                meetings.filter(Exists(items.filter(condition, meeting=OuterRef("pk"))))
                .order_by("-start_date", "pk")
                .values("pk")[:n]
            )
            return items.filter(condition, meeting__in=newest)

    else:
        base = scoped_queryset(kind, user=user, year=year, orgs=orgs)

        def part(condition, n):
            return base.filter(condition)

    def fetch(condition, n):
        found = part(condition, n).select_related(*kind.select_related).only(*kind.loaded)
        return list(found.order_by(*kind.order)[:n])

    titled = fetch(title, window + 1)
    others = []
    # Every title match is known: fill up with the other matches (if the title is not all that is searched).
    if len(titled) <= window and kind.other_fields:
        others = fetch(every & ~title, window + 1 - len(titled))
    # Counted exactly up to the window; beyond it the page says "more than" (counting every match of a
    # common word would cost more than the whole search).
    total, more_than = min(len(titled) + len(others), window), len(titled) + len(others) > window
    candidates = [(1, obj) for obj in titled] + [(0, obj) for obj in others]
    ranked = []
    for position, (title_match, obj) in enumerate(candidates[:window]):
        phrase, exact, whole_words = _rank(obj, kind, query)
        # Equals keep the SQL order: recent first (or by name).
        ranked.append(((-title_match, -phrase, -exact, -whole_words, position), title_match, obj))
    ranked.sort(key=lambda row: row[0])
    hits = [_make_hit(obj, kind, query, bool(title_match), key) for key, title_match, obj in ranked[:limit]]
    return Group(kind=kind, hits=hits, total=total, more_than=more_than)


def search(
    raw_query: str | Query | None,
    *,
    user,
    kind: str | None = None,
    year: int | None = None,
    organisation=None,
    limit: int = 10,
) -> Results:
    """Search every kind of record (or only ``kind``) for what the user typed; see the module docstring."""
    query = raw_query if isinstance(raw_query, Query) else parse_query(raw_query)
    if not query.has_terms:
        return Results(query=query, groups=[])
    kinds = [KINDS_BY_KEY[kind]] if kind in KINDS_BY_KEY else list(KINDS)
    # Kept per normalised query, audience, language and content version: a repeated search is a cache hit,
    # and any edit (a new content version) is searched afresh.
    raw_key = repr(
        (
            query.terms,
            tuple(term.casefold() for term in query.typed),  # ranking compares them case-folded
            [k.key for k in kinds],
            year,
            organisation.pk if organisation is not None else None,
            limit,
            m.audience_of(user),
            get_language(),
            content_version(),
        )
    )
    key = "search:results:" + hashlib.sha256(raw_key.encode()).hexdigest()
    kept = cache.get(key)
    if kept is not None:
        return dataclasses.replace(kept, query=query)
    orgs = organisation_and_units(organisation) if organisation is not None else None
    groups = [search_kind(k, query, user=user, year=year, orgs=orgs, limit=limit) for k in kinds]
    results = Results(query=query, groups=[group for group in groups if group.total])
    cache.set(key, results, SEARCH_CACHE_SECONDS)
    return results


# --- Admin ---------------------------------------------------------------------------------------------------
class LaoSearchAdminMixin:
    """Admin changelist and autocomplete search in the portal's text form: ໍ + າ typed finds ຳ stored."""

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, normalise_text(search_term or ""))
