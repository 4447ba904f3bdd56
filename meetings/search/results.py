"""Results: hits grouped by kind, ranked among equals in Python, with their title and passage."""

from __future__ import annotations

import dataclasses
import datetime

from django.utils.translation import get_language

from meetings import models as m

from .kinds import LANGS, Kind
from .passages import Passage, find_spans, is_whole_word, make_passage
from .query import Query


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


def rank(obj, kind: Kind, query: Query) -> tuple[int, int, int]:
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


def make_hit(obj, kind: Kind, query: Query, title_match: bool, rank: tuple) -> Hit:
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
