"""Where a meeting was held, in a news text: the venue (``ທີ່`` + a kind of place + its name to the end of its
clause) and the city or province (inside or right after the venue, or ``ທີ່`` + a place of the table)."""

from __future__ import annotations

import re
from functools import lru_cache

from meetings.importing import lao_people
from meetings.importing.fact import Fact
from meetings.importing.lao_patterns import alt as _alt
from meetings.importing.lao_patterns import phrase_pattern
from meetings.importing.lao_tables import (
    KNOWN_VENUES,
    ORGANISATION_HEADS,
    PLACES,
    STRICT_VENUE_AT,
    STRICT_VENUE_KINDS,
    VENUE_AT,
    VENUE_ENDS,
    VENUE_KINDS,
    VENUE_KINDS_EN,
    VENUE_REFERENCE,
    VENUE_VERBS,
    WHOLE_VENUES,
)


@lru_cache(maxsize=256)
def _place_pattern(form: str) -> re.Pattern:
    """A city or province as written, also with a space after ແຂວງ/ນະຄອນ ("ແຂວງ ຄຳມ່ວນ")."""
    pattern = phrase_pattern(form)
    for prefix in ("ແຂວງ", "ນະຄອນ"):
        if form.startswith(prefix):
            pattern = re.escape(prefix) + r"\s*" + phrase_pattern(form[len(prefix) :])
    return re.compile(pattern)


def _place_in(text: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """The first city or province of PLACES named in text[start:end] (spaces inside ignored)."""
    best = None
    for key, (forms, _lo, _en) in PLACES.items():
        for form in forms:
            m = _place_pattern(form).search(text, start, end)
            if m and (best is None or m.start() < best[1][0]):
                best = (key, m.span())
    return best


def _venue_stated(venue: str, after: str) -> bool:
    """Whether the venue's words are all the venue: not a reference to a place named elsewhere (``ດັ່ງກ່າວ``),
    and not a run up to the verb ໄດ້ that may hold the sentence's subject (an organisation's name after a
    space: ``ທີ່ຫ້ອງປະຊຸມ … ກົມແຜນການ ໄດ້ຈັດ``), where the text does not mark where the venue ends; never a run
    holding a verb (VENUE_VERBS, as a word of its own)."""
    if any(word in venue for word in VENUE_REFERENCE):
        return False
    for verb in VENUE_VERBS:  # run into the predicate: the text does not mark where the venue ends
        for m in re.finditer(re.escape(verb), venue):
            if lao_people.is_word(venue, m.start(), m.end()):
                return False
    if after.lstrip().startswith("ໄດ້"):
        words = venue.split()
        return not any(w.startswith(tuple(ORGANISATION_HEADS)) for w in words[1:])
    return True


def read_place(text: str, language: str) -> list[Fact]:
    """Venue (``ທີ່``/``ຢູ່`` + a kind of place + its name up to the end of the clause) and city or province
    (inside or right after the venue, or ``ທີ່`` + a place of PLACES), in the opening of the text."""
    facts, city = [], None
    head = len(text) if language != "lo" else min(len(text), 600)
    if language == "lo":
        venue_re = re.compile(rf"(?:{_alt(VENUE_AT)})\s*(?P<v>(?:{_alt(VENUE_KINDS)}))")
        m = venue_re.search(text, 0, head)
    else:
        m = re.search(rf"\bat (?:the )?(?P<v>(?:[A-Z][\w'’-]*\s)+?(?:{_alt(VENUE_KINDS_EN)}))\b", text)
    if language == "lo":  # "ຢູ່ທີ່ກະຊວງຍຸຕິທຳ": a ministry after a strict locative, when it comes first
        strict = re.compile(rf"(?:{_alt(STRICT_VENUE_AT)})\s*(?P<v>(?:{_alt(STRICT_VENUE_KINDS)}))").search(
            text, 0, head
        )
        if strict and (not m or strict.start() < m.start()):
            m = strict
    if m and language == "lo" and not lao_people.is_word(text, m.start(), m.start("v")):
        m = next(  # "ຄະນະພະແນກ" is not "ນະ" (at) + a venue: the marker must be a word of its own
            (
                v
                for v in venue_re.finditer(text, m.end(), head)
                if lao_people.is_word(text, v.start(), v.start("v"))
            ),
            None,
        )
    if m and language == "lo":
        v_start = m.start("v")
        stop = min([i for i in (text.find(e, v_start) for e in VENUE_ENDS) if i != -1] + [v_start + 120])
        bracket = re.match(r"\s*\([^()\n]{1,20}\)", text[stop:])
        if text[stop : stop + 1] == "(" or (bracket and text[stop] != ","):
            stop += bracket.end() if bracket else 0
        venue_end = len(text[v_start:stop].rstrip())
        venue_end += v_start
        city = _place_in(text, v_start, min(len(text), stop + 40))
        if city and v_start < city[1][0] < venue_end + 2 and text[city[1][0] - 1] in " ,":
            venue_end = len(text[v_start : city[1][0]].rstrip(" ,")) + v_start  # "ໂຮງແຮມ X ນະຄອນຫຼວງວຽງຈັນ"
        whole = re.match(
            rf"(?:{_alt(WHOLE_VENUES)})(?= (?:{_alt(ORGANISATION_HEADS)}))", text[v_start:venue_end]
        )
        if whole:  # "ທີ່ສະພາແຫ່ງຊາດ ຄະນະປະຈຳສະພາ … ໄດ້ຈັດ": the name, then the sentence's subject
            venue_end = v_start + whole.end()
            city = city if city and city[1][0] < venue_end else None
        venue = text[v_start:venue_end]
        unended = stop >= v_start + 120 < len(text)  # no clause word nor the text's end within 120 characters
        if whole or (not unended and _venue_stated(venue, text[stop : stop + 4])):
            facts.append(Fact("venue", venue, venue, v_start, venue_end))
        else:
            city = None  # no venue: a city is read only where ທີ່/ຢູ່ names it (below)
        if not city and venue in KNOWN_VENUES:
            city = (KNOWN_VENUES[venue], (v_start, venue_end))
    elif m:
        facts.append(Fact("venue", m.group("v"), m.group("v"), m.start("v"), m.end("v")))
        city = _place_in(text, m.end(), m.end() + 40)
    if not city and language == "lo":
        at = re.compile(rf"(?:{_alt(VENUE_AT)})\s*").finditer(text, 0, head)
        for a in at:
            found = _place_in(text, a.end(), a.end() + 25)
            marker_end = a.start() + len(a.group().rstrip())
            if found and found[1][0] == a.end() and lao_people.is_word(text, a.start(), marker_end):
                city = found
                break
    if city:
        _forms, lo, en = PLACES[city[0]]
        facts.append(Fact("city", {"lo": lo, "en": en}, lo if language == "lo" else en, *city[1]))
    return facts
