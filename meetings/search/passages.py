"""Matching in Python after retrieval: spans of the terms, whole ICU words, passages cut between words."""

from __future__ import annotations

import dataclasses
import functools
import unicodedata
from html import escape

from django.utils.safestring import SafeString, mark_safe

from meetings.rules.text import normalise_text, word_boundaries

from .query import LATIN_WORD

PASSAGE_BEFORE, PASSAGE_AFTER = 60, 160


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


@functools.lru_cache(maxsize=256)
def find_spans(text: str, terms: tuple[str, ...]) -> tuple[tuple[int, int, int], ...]:
    """Non-overlapping (start, end, term index) of every occurrence of every term, in text order.

    Kept for the last few texts: ranking a candidate and making its hit look for the same terms in the same
    fields (a text's hash is kept by the string itself, so asking again costs a lookup)."""
    if not text:
        return ()
    folded, index = _fold(text)
    spans = []
    for number, term in enumerate(terms):
        needle = term.casefold()
        at = folded.find(needle)
        while at != -1:
            start, end = _whole_cluster(text, index[at], index[at + len(needle) - 1] + 1)
            if LATIN_WORD.fullmatch(needle):  # an English stem: mark the whole word
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
    return tuple(merged)


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

    @property
    def html(self) -> SafeString:
        """The passage in a template (``{{ hit.passage.html }}``): text escaped, matches in ``<mark>``, an
        ellipsis where it was cut."""
        # html.escape is what django.utils.html.escape does, without its check for lazy arguments
        marked = "".join(f"<mark>{escape(part)}</mark>" if hit else escape(part) for part, hit in self.parts)
        return mark_safe(("…" if self.cut_before else "") + marked + ("…" if self.cut_after else ""))  # noqa: S308 - escaped


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
