"""Patterns the reader's modules share: alternations of table words, names as patterns, sentences, name keys.

Everything here works on text in the portal's stored form (:func:`meetings.rules.text.normalise_text`).
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import icu

from meetings.rules.text import normalise_text, search_key

LAO_DIGITS = str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789")
LAO = "\u0e80-\u0eff"


# Older spellings still written today, in the order of the stored form's letters: ຫນ → ໜ, ຫມ → ໝ, ຫລ → ຫຼ.
OLDER_SPELLINGS = (("ຫນ", "ໜ"), ("ຫມ", "ໝ"), ("ຫລ", "ຫຼ"))


_AM_AFTER_TONE = re.compile("\u0ecd([\u0ec8-\u0ecb])\u0eb2")


def reading_form(text: str) -> str:
    """The stored form (:func:`normalise_text`) with ໍ + a tone mark + າ, a common typing of a tone mark over ຳ
    (ນໍ້າ), written as the tone mark + ຳ (ນ້ຳ), as the tables and most texts write it. Shorter than the stored
    form where it applies: offsets of a reading point into this form."""
    return _AM_AFTER_TONE.sub("\\1\u0eb3", normalise_text(text))


def modern_spelling(text: str) -> str:
    """The text with the older spellings of ໜ, ໝ and ຫຼ replaced (for comparing, not for offsets)."""
    for old, new in OLDER_SPELLINGS:
        text = text.replace(old, new)
    return text


def alt(words) -> str:
    """A regular-expression alternation of table words, longest first (so a longer spelling wins)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def phrase_pattern(name: str) -> str:
    """A name as a pattern: spaces optional, dashes of any kind, case ignored by the caller."""
    parts = []
    for char in reading_form(name):
        if char.isspace():
            parts.append(r"\s*")
        elif char in "-–":
            parts.append(r"\s*[-–]\s*")
        else:
            parts.append(re.escape(char))
    pattern = "".join(parts)
    for old, new in OLDER_SPELLINGS:  # a recorded ໜ also matches ຫນ in a text, and the other way round
        pattern = pattern.replace(new, f"(?:{new}|{old})")
    if re.match(r"[A-Za-z0-9]", name):
        pattern = r"(?<![A-Za-z0-9])" + pattern
    if re.search(r"[A-Za-z0-9]$", name):
        pattern += r"(?![A-Za-z0-9])"
    return pattern


@lru_cache(maxsize=8192)
def _name_re(name: str, short: bool) -> re.Pattern:
    """A recorded name compiled once (the reader looks for every recorded name in every post)."""
    if short:
        return re.compile(rf"(?<![{LAO}\w]){phrase_pattern(name)}(?![{LAO}\w])")
    return re.compile(phrase_pattern(name), re.I)


def find_names(text: str, entries: list[dict]) -> list[tuple[int, int, dict]]:
    """Non-overlapping mentions of known records (longest first): full names anywhere, short names and
    acronyms only as whole words."""
    hits = []
    for entry in entries:
        for name in entry["names"]:
            if len(name) >= 6:
                hits += [(m.start(), m.end(), entry) for m in _name_re(name, False).finditer(text)]
        for short in entry["short"]:
            if len(short) >= 2:
                hits += [(m.start(), m.end(), entry) for m in _name_re(short, True).finditer(text)]
    chosen = []
    for start, end, entry in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0])):
        if not any(s < end and start < e for s, e, _ in chosen):
            chosen.append((start, end, entry))
    return sorted(chosen, key=lambda h: h[0])


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    starts = [text.rfind(sep, 0, pos) for sep in ("\n", ". ")]
    start = max(starts)
    start = 0 if start == -1 else start + (2 if text.startswith(". ", start) else 1)
    ends = [i for i in (text.find("\n", pos), text.find(". ", pos)) if i != -1]
    return start, min(ends) if ends else len(text)


def name_key(name: str) -> str:
    """A name compared without case, spaces, the stored form's typing variants or older spellings (ຫນ/ໜ)."""
    return re.sub(r"\s+", "", modern_spelling(search_key(name)))


_local = threading.local()  # ICU break iterators are not thread-safe: one per thread


def _character_iterator():
    iterator = getattr(_local, "character", None)
    if iterator is None:
        iterator = _local.character = icu.BreakIterator.createCharacterInstance(icu.Locale("lo"))
    return iterator


def cluster_cut(text: str, lo: int, hi: int) -> tuple[int, int]:
    """``lo`` and ``hi`` moved forward to the next grapheme cluster boundary (ICU), so that a passage cut
    there never starts with a vowel or tone mark without its letter, nor ends with a letter without them."""
    start, end = max(0, lo - 8), min(len(text), hi + 8)  # a Lao cluster is a few characters long
    ustr = icu.UnicodeString(text[start:end])
    iterator = _character_iterator()
    iterator.setText(ustr)
    bounds, previous, pos = [start], 0, start
    for boundary in iterator:  # UTF-16 offsets: count the Python characters of each cluster
        pos += len(str(ustr[previous:boundary]))
        bounds.append(pos)
        previous = boundary
    lo = next((b for b in bounds if b >= lo and b > start), lo) if lo > 0 else 0
    hi = next((b for b in bounds if b >= hi), hi) if hi < len(text) else hi
    return lo, hi
