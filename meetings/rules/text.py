"""Lao text normalisation: the one rule, used wherever text is stored or searched.

* Unicode NFC.
* The vowel sara am in one form: decomposed nikhahit + sara aa (U+0ECD U+0EB2) becomes U+0EB3.
  NFC leaves both forms alone (U+0EB3 has only a compatibility decomposition), so this is explicit.
* Two sara e (U+0EC0 U+0EC0), a common typing of sara ae, becomes U+0EC1.
* Zero-width spaces (line-break hints added at render time) never reach the database.
* Runs of spaces collapse to one and the ends are trimmed.
"""

import functools
import re
import threading
import unicodedata

# Only what changes: a run of two or more, or a tab or no-break space (a lone space is left as it is, so the
# usual stored text costs a scan and no copy; searching reads passages of every hit through this).
_SPACES = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")
_REPLACEMENTS = (
    ("\u0ecd\u0eb2", "\u0eb3"),  # ໍ + າ -> ຳ
    ("\u0ec0\u0ec0", "\u0ec1"),  # ເ + ເ -> ແ
    ("\u200b", ""),  # zero-width space
    ("\ufeff", ""),  # byte-order mark / zero-width no-break space
)


def normalise_text(value: str) -> str:
    """Return ``value`` in the portal's stored form (see the module docstring)."""
    if not value:
        return value
    text = unicodedata.normalize("NFC", value)
    for old, new in _REPLACEMENTS:
        text = text.replace(old, new)
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


def search_key(value: str) -> str:
    """Normalised and case-folded: the form that search compares."""
    return normalise_text(value or "").casefold()


# --- ICU: word segmentation and line-break hints ------------------------------------------------------
# Lao writes no spaces between words. ICU's dictionary-based break iterators know where Lao words end;
# search uses the words, PDFs and narrow web columns use the line-break opportunities.

ZWSP = "\u200b"
_LAO_FIRST, _LAO_LAST = "\u0e80", "\u0eff"


def _is_lao(char: str) -> bool:
    return _LAO_FIRST <= char <= _LAO_LAST


_iterators = threading.local()  # ICU break iterators are reused, one per thread (they are not thread-safe)


def _word_iterator():
    iterator = getattr(_iterators, "word", None)
    if iterator is None:
        import icu

        iterator = _iterators.word = icu.BreakIterator.createWordInstance(icu.Locale("lo"))
    return iterator


def _segments(text: str, iterator) -> list[tuple[str, int]]:
    """(segment, ICU rule status) pairs. Boundaries are UTF-16 offsets, so slice an ICU UnicodeString."""
    import icu

    ustr = icu.UnicodeString(text)
    iterator.setText(ustr)
    out, start = [], 0
    for end in iterator:
        out.append((str(ustr[start:end]), iterator.getRuleStatus()))
        start = end
    return out


def words(text: str) -> list[str]:
    """The words and numbers of ``text`` (normalised, case-folded), in order, as ICU segments them."""
    if not text:
        return []
    return [
        seg for seg, status in _segments(search_key(text), _word_iterator()) if status != 0 and seg.strip()
    ]


def line_break_hints(text: str, protected: frozenset[str] = frozenset()) -> str:
    """``text`` normalised, with a zero-width space at each line-break opportunity inside Lao runs.

    Renderers (Pango in WeasyPrint, browsers) break Lao only at spaces; the hints let lines break between
    words instead of overflowing or cutting words. Render-time only: never store the result.
    ``protected``: words (names the records know, loanwords) that get no hint inside them, because ICU's
    dictionary does not know them and would cut them (ວິດີ|ໂອ); see :mod:`meetings.selectors.known_names`.
    """
    import icu

    text = normalise_text(text)
    if not text or not any(_is_lao(c) for c in text):
        return text
    iterator = icu.BreakIterator.createLineInstance(icu.Locale("lo"))
    pieces = [seg for seg, _status in _segments(text, iterator)]
    inside = _inside_protected(text, protected)
    out = [pieces[0]] if pieces else []
    position = len(pieces[0]) if pieces else 0
    for prev, piece in zip(pieces, pieces[1:], strict=False):
        if (
            prev
            and piece
            and not prev[-1].isspace()
            and (_is_lao(prev[-1]) or _is_lao(piece[0]))
            and position not in inside
        ):
            out.append(ZWSP)
        out.append(piece)
        position += len(piece)
    return "".join(out)


def _inside_protected(text: str, protected: frozenset[str]) -> set[int]:
    """Offsets strictly inside an occurrence of a protected word (a break there would cut the word)."""
    if not protected:
        return set()
    return {
        offset
        for match in _protected_pattern(protected).finditer(text)
        for offset in range(match.start() + 1, match.end())
    }


@functools.lru_cache(maxsize=8)
def _protected_pattern(protected: frozenset[str]) -> re.Pattern:
    words = sorted((normalise_text(w) for w in protected if w), key=len, reverse=True)  # longest first
    return re.compile("|".join(re.escape(w) for w in words if w) or r"(?!)")


def word_boundaries(text: str) -> list[int]:
    """Offsets (Python string indices into ``text`` as given) where ICU's word segmentation puts a boundary.

    ``text`` is used as it is (not normalised), so the offsets point into the caller's string. Search uses
    them to tell a whole-word match from a match inside a word and to cut passages between words.
    """
    import icu

    if not text:
        return [0]
    iterator = _word_iterator()
    if max(text) <= "\uffff":  # no surrogate pairs: ICU's UTF-16 offsets are the string's indices
        ustr = icu.UnicodeString(text)
        iterator.setText(ustr)
        return [0, *iterator]
    offsets, position = [0], 0
    for segment, _status in _segments(text, iterator):
        position += len(segment)
        offsets.append(position)
    return offsets
