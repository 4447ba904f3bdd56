"""Words that must never be cut at a line end: the names the records know, and a few Lao loanwords.

ICU's Lao dictionary does not know most personal names, transliterated foreign names and loanwords, so its
line-break opportunities fall inside them (ກິ|ແກ້ວ, ອົດ|ສະ|ຕຣາ|ລີ, ວິດີ|ໂອ, ຕີ|ມໍ|ເລສ|ເຕ). The words of every
name in the records (people, organisations, programmes, countries; both their names and short names; the
places meetings were held: city or province and venue) and the curated
:data:`LOANWORDS` (loanwords and country names in Lao) are *protected*: :func:`meetings.rules.text.line_break_hints`
adds no break hint inside them.

A name is split into its words at spaces and punctuation; a line may still break *between* the words of a
long name (as English names wrap at spaces), never inside one. Words longer than
:data:`MAX_PROTECTED_LETTERS` spacing letters are compounds of dictionary words (e.g.
ກອງເລຂາຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ): they keep ICU's breaks between their dictionary words,
otherwise they could not fit a table column.

Only names the reader may see are read (through :mod:`meetings.selectors`); protection changes where a
line may break, never what is shown.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re
import unicodedata

from meetings.models import Country, Meeting
from meetings.rules.roles import AudienceReader
from meetings.rules.text import _LAO_FIRST, _LAO_LAST, _is_lao, _protected_pattern, normalise_text
from meetings.selectors.directory import organisations, people, programmes
from meetings.selectors.rows import related

MAX_PROTECTED_LETTERS = 12

# Loanwords and foreign names written in Lao that ICU cuts at a line end. Keep it short and sorted by
# meaning; add a word when a PDF shows it cut.
LOANWORDS = (
    # technology and media
    "ວິດີໂອ",
    "ອອນລາຍ",
    "ອິນເຕີເນັດ",
    "ດິຈີຕອນ",
    "ເອເລັກໂທຣນິກ",
    "ຄອມພິວເຕີ",
    "ເຟສບຸກ",
    "ອີເມວ",
    "ໂປຣແກຣມ",
    "ເວັບໄຊ",
    # organisations and countries
    "ອາຊຽນ",
    "ອົດສະຕຣາລີ",
    "ອາເມລິກາ",
    "ກຳປູເຈຍ",
    "ມຽນມາ",
    "ມາເລເຊຍ",
    "ສິງກະໂປ",
    "ອິນໂດເນເຊຍ",
    "ຟີລິບປິນ",
    "ບຣູໄນ",
    "ຫວຽດນາມ",
    "ຍີ່ປຸ່ນ",
    "ເກົາຫຼີ",
    "ຢູໂຣບ",
)

_SEPARATORS = re.compile(r"[\s\-‐‑–—/\\(),.;:'\"“”‘’«»\[\]]+")


def _letters(word: str) -> int:
    """Spacing letters (vowel and tone marks above or below do not widen a word)."""
    return sum(1 for c in word if not unicodedata.combining(c) and unicodedata.category(c) != "Mn")


def _protectable(word: str) -> bool:
    """A word of a name worth protecting: Lao, and short enough not to be a compound."""
    return bool(word) and any(_is_lao(c) for c in word) and _letters(word) <= MAX_PROTECTED_LETTERS


def name_words(name: str) -> set[str]:
    """The Lao words of ``name`` worth protecting (normalised)."""
    return set(_name_words(name or ""))


@functools.lru_cache(maxsize=4096)
def _name_words(name: str) -> frozenset[str]:
    """:func:`name_words`, kept per name (a meeting page asks for the same few dozen names on every render;
    an edited name is another key)."""
    return frozenset(word for word in _SEPARATORS.split(normalise_text(name)) if _protectable(word))


# --- Web pages ------------------------------------------------------------------------------------------
# A browser breaks Lao with the same ICU dictionary, so it cuts the same names (ກິ|ແກ້ວ). A web page cannot
# take the reader's whole set of names for every text without a look-up per page, so it protects what needs
# none: a record's own name where it is shown (its words) and the loanwords in every text.
_LAO = re.compile(f"[{_LAO_FIRST}-{_LAO_LAST}]")  # the Lao block, as rules.text defines it
_SPLIT = re.compile(f"({_SEPARATORS.pattern})")
_LOANWORD_SET = frozenset(LOANWORDS)


def unbroken_pieces(
    text: str, *, is_name: bool = False, names: frozenset[str] = frozenset()
) -> list[tuple[str, bool]]:
    """``text`` as consecutive pieces, each paired with True when a line must not break inside it: every
    loanword and every word of ``names`` (the names the page shows: :func:`names_shown_with`), and, when
    ``text`` is a record's own name (``is_name``), each of its protectable words. The pieces join to
    ``text`` unchanged."""
    if not text or not _LAO.search(text):
        return [(text, False)] if text else []
    loanwords = _protected_pattern(_LOANWORD_SET | names if names else _LOANWORD_SET)  # compiled once per set
    pieces: list[tuple[str, bool]] = []

    def add(piece: str, keep: bool) -> None:
        if not piece:
            return
        if not keep and pieces and not pieces[-1][1]:
            pieces[-1] = (pieces[-1][0] + piece, False)
        else:
            pieces.append((piece, keep))

    for token in _SPLIT.split(text) if is_name else [text]:
        if is_name and _protectable(token):
            add(token, True)
            continue
        position = 0
        for match in loanwords.finditer(token):
            add(token[position : match.start()], False)
            add(match.group(), True)
            position = match.end()
        add(token[position:], False)
    return pieces


def names_shown_with(meeting) -> frozenset[str]:
    """The words of the names a meeting's page shows beside its text (its countries, organisers, programme,
    participants and their organisations, its city and venue), from what is already loaded (no query; the
    attached parts read as :func:`meetings.selectors.rows.related`, without making their querysets):
    kept whole wherever the page's texts name them (a summary naming ຕີມໍເລສເຕ)."""
    names = [meeting.city_lo, meeting.venue_lo]
    names += [country.name_lo for country in related(meeting, "countries")]
    organisers = related(meeting, "organisers")
    names += [o.name_lo for o in organisers] + [o.short_name_lo for o in organisers]
    if meeting.programme is not None:
        names += [meeting.programme.name_lo, meeting.programme.short_name_lo]
    for participation in related(meeting, "participations"):
        names.append(participation.person.name_lo)
        if participation.organisation is not None:
            names.append(participation.organisation.name_lo)
    words: set[str] = set()
    for name in names:
        words |= _name_words(name or "")
    return frozenset(words)


def protected_words(reader=None) -> frozenset[str]:
    """The protected words: the words of every name ``reader`` may see (people, organisations, programmes,
    countries, and the places of the meetings, read as ``reader`` may see them; default: everyone's, i.e.
    staff) and the curated loanwords. Taken for the reader, so that where a line breaks in a public PDF
    never depends on a hidden name."""
    reader = AudienceReader("staff") if reader is None else reader
    names: list[str] = list(LOANWORDS)
    for queryset in (organisations(reader), programmes(reader)):
        for row in queryset.values_list("name_lo", "short_name_lo", "name_en", "short_name_en"):
            names.extend(row)
    for row in people(reader).values_list("name_lo", "name_en"):
        names.extend(row)
    for row in Country.objects.values_list("name_lo", "name_en"):  # every country is public
        names.extend(row)
    for row in Meeting.objects.visible_to(reader).values_list(  # as selectors.meetings.meetings(reader)
        "city_lo", "city_en", "venue_lo", "venue_en"
    ):
        names.extend(row)
    words: set[str] = set()
    for name in names:
        words |= name_words(name)
    return frozenset(words)


# The protected words of the document being rendered (set around a render by :func:`protecting`).
_active: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar(
    "protected_words", default=frozenset()
)


def active_protected_words() -> frozenset[str]:
    return _active.get()


@contextlib.contextmanager
def protecting(reader=None, *, words: frozenset[str] | None = None):
    """Within the block, report templates keep ``words`` (default: the :func:`protected_words` of ``reader``)
    unbroken."""
    token = _active.set(protected_words(reader) if words is None else frozenset(words))
    try:
        yield
    finally:
        _active.reset(token)
