"""Patterns the reader's modules share: alternations of table words, names as patterns, sentences, name keys.

Everything here works on text in the portal's stored form (:func:`meetings.rules.text.normalise_text`).
"""

from __future__ import annotations

import re

from meetings.rules.text import normalise_text, search_key

LAO_DIGITS = str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789")
LAO = "\u0e80-\u0eff"


def alt(words) -> str:
    """A regular-expression alternation of table words, longest first (so a longer spelling wins)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def phrase_pattern(name: str) -> str:
    """A name as a pattern: spaces optional, dashes of any kind, case ignored by the caller."""
    parts = []
    for char in normalise_text(name):
        if char.isspace():
            parts.append(r"\s*")
        elif char in "-–":
            parts.append(r"\s*[-–]\s*")
        else:
            parts.append(re.escape(char))
    pattern = "".join(parts)
    if re.match(r"[A-Za-z0-9]", name):
        pattern = r"(?<![A-Za-z0-9])" + pattern
    if re.search(r"[A-Za-z0-9]$", name):
        pattern += r"(?![A-Za-z0-9])"
    return pattern


def find_names(text: str, entries: list[dict]) -> list[tuple[int, int, dict]]:
    """Non-overlapping mentions of known records (longest first): full names anywhere, short names and
    acronyms only as whole words."""
    hits = []
    for entry in entries:
        for name in entry["names"]:
            if len(name) >= 6:
                hits += [(m.start(), m.end(), entry) for m in re.finditer(phrase_pattern(name), text, re.I)]
        for short in entry["short"]:
            if len(short) >= 2:
                pattern = rf"(?<![{LAO}\w]){phrase_pattern(short)}(?![{LAO}\w])"
                hits += [(m.start(), m.end(), entry) for m in re.finditer(pattern, text)]
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
    """A name compared without case, spaces or spelling variants of the stored form."""
    return re.sub(r"\s+", "", search_key(name))
