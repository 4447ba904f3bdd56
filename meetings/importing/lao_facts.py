"""Pre-reading the facts of a meeting from a news text, Lao first (English too).

Everything the reader knows is in the tables at the top of this module; a Lao speaker extends the reader by
adding a spelling, a month name, a rank or a phrase to a table, not by changing the code below it. The
reader suggests; an officer confirms. It prefers missing a fact to reading a wrong one: each rule needs a
clear marker (``ວັນທີ`` before a date, ``ທີ່`` + a kind of venue, a count followed by ``ທ່ານ``/``ຄົນ``, a rank
before a two-word name), and a fact that cannot be read safely is left out.

The text is put in the portal's stored form first (:func:`meetings.rules.text.normalise_text`: ໍ + າ → ຳ,
ເ + ເ → ແ), so every table entry is written once, in that form, and names match the records whichever
way an author typed them. Offsets in the result point into that normalised text.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from meetings.importing import lao_countries, lao_people
from meetings.importing.fact import Fact
from meetings.importing.lao_tables import (  # noqa: F401 (re-exported: the tables' old home)
    ATTENDANCE_TOTAL,
    ATTENDANCE_WOMEN,
    COUNT_AFTER,
    COUNT_BEFORE,
    COUNTRY_SPELLINGS,
    DATE_MARKERS,
    HONORIFICS,
    HONORIFICS_EN,
    HOST_AFTER,
    HOST_BEFORE,
    IN_PERSON,
    KIND_WORDS,
    KNOWN_VENUES,
    MEETING_WORDS,
    MONTHS,
    NOT_NAME_START,
    ONLINE_MEETING,
    ONLINE_NOT,
    ONLINE_WORDS,
    ORGANISED,
    PEOPLE_UNITS,
    PLACES,
    PLAIN_HONORIFICS,
    POSITION_ENDS,
    RANGE_WORDS,
    ROLE_AFTER,
    ROLE_BEFORE,
    TIMES_OF_DAY,
    VENUE_AT,
    VENUE_ENDS,
    VENUE_KINDS,
    VENUE_KINDS_EN,
)
from meetings.rules.text import normalise_text, search_key

# ==== The reader =========================================================================================

LAO_DIGITS = str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789")
_LAO = "\u0e80-\u0eff"


@dataclass
class Reading:
    text: str  # normalised; offsets point here
    language: str
    facts: list[Fact] = field(default_factory=list)

    def get(self, name: str):
        return next((f.value for f in self.facts if f.field == name), None)

    def all(self, name: str) -> list:
        return [f.value for f in self.facts if f.field == name]

    def passage(self, fact: Fact, context: int = 90) -> tuple[str, str, str]:
        """(before, highlighted, after): the sentence-ish passage around a fact, for the officer."""
        if fact.start == fact.end:
            return "", "", ""
        lo = max(self.text.rfind("\n", 0, fact.start) + 1, fact.start - context)
        hi = self.text.find("\n", fact.end)
        hi = min(hi if hi != -1 else len(self.text), fact.end + context)
        # at grapheme cluster boundaries: never start or end between a Lao letter and its vowel/tone marks
        while lo < fact.start and unicodedata.category(self.text[lo]).startswith("M"):
            lo += 1
        while hi < len(self.text) and unicodedata.category(self.text[hi]).startswith("M"):
            hi += 1
        before, after = self.text[lo : fact.start], self.text[fact.end : hi]
        return (
            ("…" if lo > 0 and self.text[lo - 1] != "\n" else "") + before,
            self.text[fact.start : fact.end],
            after + ("…" if hi < len(self.text) and self.text[hi] != "\n" else ""),
        )


@dataclass
class Known:
    """Records the reader matches names against: organisations, programmes, people."""

    organisations: list[dict] = field(default_factory=list)  # {"pk","slug","names":[...], "short":[...]}
    programmes: list[dict] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)  # {"pk","slug","name_lo","name_en"}
    countries: list[dict] = field(default_factory=list)  # {"pk","code","names":[...]}

    @classmethod
    def for_evaluation(cls) -> Known:
        """No records but the seeded country list (as the demo database has it): for the evaluation set."""
        from meetings.services.countries import COUNTRIES

        return cls(countries=[country_entry(None, code, [lo, en]) for code, lo, en, _asean in COUNTRIES])

    @classmethod
    def from_database(cls) -> Known:
        from meetings.models import Country, Organisation, Person, Programme

        def entries(queryset):
            return [
                {
                    "pk": o.pk,
                    "slug": o.slug,
                    "label": str(o),
                    "names": [n for n in (o.name_lo, o.name_en) if n],
                    "short": [n for n in (o.short_name_lo, o.short_name_en) if n],
                }
                for o in queryset
            ]

        return cls(
            organisations=entries(Organisation.objects.all()),
            programmes=entries(Programme.objects.all()),
            people=[
                {"pk": p.pk, "slug": p.slug, "name_lo": p.name_lo or "", "name_en": p.name_en or ""}
                for p in Person.objects.all()
            ],
            countries=[country_entry(c.pk, c.code, [c.name_lo, c.name_en]) for c in Country.objects.all()],
        )


def country_entry(pk, code: str, names: list[str]) -> dict:
    """A country as the reader matches it: its recorded names and the spellings of real texts."""
    spellings = [normalise_text(n) for n in [*names, *COUNTRY_SPELLINGS.get(code, [])] if n]
    return {"pk": pk, "code": code, "names": sorted(set(spellings), key=len, reverse=True)}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_MONTH_OF = {normalise_text(name).casefold(): n for n, names in MONTHS.items() for name in names}
_MONTH = rf"(?:{_alt(normalise_text(n) for names in MONTHS.values() for n in names)})\b\.?"
_RANGE = rf"\s*(?:{_alt(RANGE_WORDS)})\s*"
_DATE_PATTERNS = [
    # 30 ພະຈິກ - 2 ທັນວາ 2022 (a range across months)
    re.compile(
        rf"(?P<d1>\d{{1,2}})\s*(?P<m1>{_MONTH})\s*(?:(?P<y1>\d{{4}})\s*)?{_RANGE}(?P<d2>\d{{1,2}})\s*(?P<m2>{_MONTH})\s*,?\s*(?P<y2>\d{{4}})"
    ),
    # 27-28 ມີນາ 2023 (a range within a month)
    re.compile(rf"(?P<d1>\d{{1,2}}){_RANGE}(?P<d2>\d{{1,2}})\s*(?P<m2>{_MONTH})\s*,?\s*(?P<y2>\d{{4}})"),
    # 15 ກຸມພາ 2024, 15 February 2024
    re.compile(rf"(?P<d2>\d{{1,2}})\s*(?P<m2>{_MONTH})\s*,?\s*(?P<y2>\d{{4}})"),
    # February 15, 2024
    re.compile(rf"(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}),?\s*(?P<y2>\d{{4}})"),
    # 15/02/2024, 15.02.2024
    re.compile(r"(?<![\d/.])(?P<d2>\d{1,2})[/.](?P<n2>\d{1,2})[/.](?P<y2>\d{4})(?![\d/.])"),
]


def _date(year, month, day) -> datetime.date | None:
    try:
        value = datetime.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None
    return value if 1990 <= value.year <= 2100 else None


_LAO_MONTH = _alt(normalise_text(n) for names in MONTHS.values() for n in names if not n.isascii())
_PARTIAL = re.compile(rf"(?:{_alt(DATE_MARKERS)})\s*(?P<d2>\d{{1,2}})\s*(?P<m2>{_LAO_MONTH})(?!\s*,?\s*\d)")
_DATE_LINE = re.compile(r"^\s*(\S+(?:\s\S+){0,2})\s*(?:\||$)", re.M)


def _partial_date(digits: str, post_date, candidates):
    """ "ວັນທີ 16 ກຸມພາຜ່ານມານີ້" (no year): its year from the post's date, or from a publication date on a line
    of its own ("19/02/2021"), the latest such day not after it."""
    m = _PARTIAL.search(digits)
    if not m:
        return None
    reference = post_date
    if reference is None:
        for unmarked, pos, start, end, date_match in candidates:
            line = _DATE_LINE.match(digits, digits.rfind("\n", 0, pos) + 1)
            if unmarked and end is None and line and line.start(1) == pos and line.end(1) == date_match.end():
                reference = start
                break
    if reference is None:
        return None
    month = _MONTH_OF.get(m["m2"].rstrip(".").casefold())
    day = _date(reference.year, month, m["d2"])
    if day and day > reference:
        day = _date(reference.year - 1, month, m["d2"])
    return (False, m.start("d2"), day, None, m) if day else None


def _opening_date(digits: str, m) -> bool:
    """A date in the text's first sentence, not said of a plan or a document (ຕາມແຜນ …, ລົງວັນທີ …)."""
    first_end = min([i for i in (digits.find(". "), digits.find("\n", 1)) if i != -1] + [len(digits)])
    return m.start() < first_end and not re.search(r"ແຜນ|ລົງ\s*$", digits[max(0, m.start() - 20) : m.start()])


def _read_dates(digits: str, post_date: datetime.date | None) -> list[Fact]:
    candidates = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(digits):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            g = m.groupdict()
            month2 = int(g["n2"]) if g.get("n2") else _MONTH_OF.get(g["m2"].rstrip(".").casefold())
            end = _date(g["y2"], month2, g["d2"])
            start = None
            if g.get("d1"):
                month1 = _MONTH_OF.get(g["m1"].rstrip(".").casefold()) if g.get("m1") else month2
                start = _date(g.get("y1") or g["y2"], month1, g["d1"])
                if start and start > end and not g.get("y1"):
                    start = _date(int(g["y2"]) - 1, month1, g["d1"])  # 30 ທັນວາ - 2 ມັງກອນ 2024
            spans_years = g.get("y1") and g["y1"] != g["y2"]
            if end is None or (g.get("d1") and not spans_years and (start is None or start >= end)):
                continue
            if (g.get("y1") and g["y1"] != g["y2"]) or (start and (end - start).days > 31):
                # a span of years ("27 ກຸມພາ 1995-27 ກຸມພາ 2025"): an anniversary, not the meeting's date
                taken.append((m.start(), m.end()))
                continue
            taken.append((m.start(), m.end()))
            before = digits[max(0, m.start() - 12) : m.start()].rstrip()
            marked = any(before.endswith(w) for w in DATE_MARKERS)
            candidates.append((not marked, m.start(), start or end, end if start else None, m))
    if not any(not c[0] for c in candidates):
        partial = _partial_date(digits, post_date, candidates)
        if partial:
            candidates.insert(0, partial)
    chosen = []
    for unmarked, _pos, start, end, m in sorted(candidates, key=lambda c: (c[0], c[1])):
        if post_date and abs((start - post_date).days) > 370 and (unmarked or not _opening_date(digits, m)):
            continue  # a date of something else (a plan, a law); the opening sentence's ວັນທີ … is the meeting's
        chosen = [Fact("start_date", start.isoformat(), start.isoformat(), m.start(), m.end())]
        if end:
            chosen.append(Fact("end_date", end.isoformat(), end.isoformat(), m.start(), m.end()))
        break
    return chosen


def _phrase_pattern(name: str) -> str:
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


def _find_names(text: str, entries: list[dict]) -> list[tuple[int, int, dict]]:
    """Non-overlapping mentions of known records (longest first): full names anywhere, short names and
    acronyms only as whole words."""
    hits = []
    for entry in entries:
        for name in entry["names"]:
            if len(name) >= 6:
                hits += [(m.start(), m.end(), entry) for m in re.finditer(_phrase_pattern(name), text, re.I)]
        for short in entry["short"]:
            if len(short) >= 2:
                pattern = rf"(?<![{_LAO}\w]){_phrase_pattern(short)}(?![{_LAO}\w])"
                hits += [(m.start(), m.end(), entry) for m in re.finditer(pattern, text)]
    chosen = []
    for start, end, entry in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0])):
        if not any(s < end and start < e for s, e, _ in chosen):
            chosen.append((start, end, entry))
    return sorted(chosen, key=lambda h: h[0])


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    starts = [text.rfind(sep, 0, pos) for sep in ("\n", ". ")]
    start = max(starts)
    start = 0 if start == -1 else start + (2 if text.startswith(". ", start) else 1)
    ends = [i for i in (text.find("\n", pos), text.find(". ", pos)) if i != -1]
    return start, min(ends) if ends else len(text)


@lru_cache(maxsize=256)
def _place_pattern(form: str) -> re.Pattern:
    """A city or province as written, also with a space after ແຂວງ/ນະຄອນ ("ແຂວງ ຄຳມ່ວນ")."""
    pattern = _phrase_pattern(form)
    for prefix in ("ແຂວງ", "ນະຄອນ"):
        if form.startswith(prefix):
            pattern = re.escape(prefix) + r"\s*" + _phrase_pattern(form[len(prefix) :])
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


def _read_place(text: str, language: str) -> list[Fact]:
    """Venue (``ທີ່``/``ຢູ່`` + a kind of place + its name up to the end of the clause) and city or province
    (inside or right after the venue, or ``ທີ່`` + a place of PLACES), in the opening of the text."""
    facts, city = [], None
    head = len(text) if language != "lo" else min(len(text), 600)
    if language == "lo":
        venue_re = re.compile(rf"(?:{_alt(VENUE_AT)})\s*(?P<v>(?:{_alt(VENUE_KINDS)}))")
        m = venue_re.search(text, 0, head)
    else:
        m = re.search(rf"\bat (?:the )?(?P<v>(?:[A-Z][\w'’-]*\s)+?(?:{_alt(VENUE_KINDS_EN)}))\b", text)
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
        venue = text[v_start:venue_end]
        facts.append(Fact("venue", venue, venue, v_start, venue_end))
        if not city and venue in KNOWN_VENUES:
            city = (KNOWN_VENUES[venue], (v_start, venue_end))
    elif m:
        facts.append(Fact("venue", m.group("v"), m.group("v"), m.start("v"), m.end("v")))
        city = _place_in(text, m.end(), m.end() + 40)
    if not city and language == "lo":
        at = re.compile(rf"(?:{_alt(VENUE_AT)})\s*").finditer(text, 0, head)
        for a in at:
            found = _place_in(text, a.end(), a.end() + 25)
            if found and found[1][0] == a.end():
                city = found
                break
    if city:
        _forms, lo, en = PLACES[city[0]]
        facts.append(Fact("city", {"lo": lo, "en": en}, lo if language == "lo" else en, *city[1]))
    return facts


def _count(text: str, prefixes: list[str], start: int = 0, end: int | None = None, gap: str = r"\s*"):
    units = _alt(PEOPLE_UNITS)
    pattern = rf"(?:{_alt(prefixes)}){gap}(?P<n>\d+)\s*(?:{units})"
    return re.compile(pattern).search(text, start, len(text) if end is None else end)


def _lao_total(digits: str):
    """The first count of people (N ທ່ານ/ຄົນ/ສະຫາຍ) said to be the participants: a counting word before it in
    its clause (ທັງໝົດ, ຈຳນວນ, …) or ເຂົ້າຮ່ວມ right after it. Not a count written "N ກວ່າ" (more than N)."""
    units = _alt(PEOPLE_UNITS)
    for m in re.finditer(rf"(?<![\d.,])(?P<n>\d+)\s*(?:{units})", digits):
        if re.search(r"\d[.,]\s?$", digits[max(0, m.start() - 3) : m.start()]):
            continue  # "16. 538 ສະຫາຍ": thousands
        clause_start = max([digits.rfind(c, 0, m.start()) for c in ",.;\n("] + [m.start() - 40])
        clause = digits[clause_start + 1 : m.start()]
        if any(w in clause for w in COUNT_BEFORE) or any(
            digits[m.end() : m.end() + 12].lstrip().startswith(w) for w in COUNT_AFTER
        ):
            return m
    return None


def _read_attendance(digits: str, language: str) -> list[Fact]:
    facts = []
    if language == "lo":
        total = _count(digits, ATTENDANCE_TOTAL, gap=r"\s*(?:ທັງໝົດ|ທັງຫມົດ)?\s*(?:ມີ)?\s*") or _lao_total(digits)
        if total:
            facts.append(
                Fact("attendance_total", int(total["n"]), total["n"].lstrip("0") or "0", *total.span())
            )
            women = re.compile(  # right after the total: "…, ຍິງ 11 ທ່ານ", "… ໃນນັ້ນ ແມ່ຍິງ 5 ຄົນ"
                rf"\s*[,;(]?\s*(?:ໃນນັ້ນ\s*)?(?:ເປັນ\s*)?(?:{_alt(ATTENDANCE_WOMEN)})\s*(?:ມີ\s*)?(?P<n>\d+)\s*(?:{_alt(PEOPLE_UNITS)})"
            ).match(digits, total.end())
            if women and int(women["n"]) <= int(total["n"]):
                facts.append(Fact("attendance_women", int(women["n"]), women["n"].lstrip("0"), *women.span()))
        for m in re.finditer(
            rf"(?:{_alt(ONLINE_WORDS)})[^\d.\n]{{0,15}}?(?P<n>\d+)\s*(?:{_alt(PEOPLE_UNITS)})", digits
        ):
            if not any(digits[max(0, m.start() - 8) : m.start()].endswith(w) for w in ONLINE_NOT):
                limit = int(total["n"]) if total else None
                if limit is None or int(m["n"]) <= limit:
                    facts.append(Fact("attendance_online", int(m["n"]), m["n"].lstrip("0"), *m.span()))
                break
    else:
        total = re.search(r"(?P<n>\d+)\s+(?:participants|people|persons|officials)", digits)
        if total:
            facts.append(Fact("attendance_total", int(total["n"]), total["n"], *total.span()))
            women = re.compile(r"(?:including|of whom|incl\.?)\s+(?P<n>\d+)\s+(?:women|female)").search(
                digits, total.end(), total.end() + 60
            )
            if women and int(women["n"]) <= int(total["n"]):
                facts.append(Fact("attendance_women", int(women["n"]), women["n"], *women.span()))
            online = re.compile(
                r"(?P<n>\d+)\s+(?:of them\s+|participants\s+)?(?:joined|took part|attended)\s+online"
            ).search(digits)
            if online and int(online["n"]) <= int(total["n"]):
                facts.append(Fact("attendance_online", int(online["n"]), online["n"], *online.span()))
    return facts


def _read_format(text: str, facts: list[Fact]) -> Fact | None:
    online = next((f for f in facts if f.field == "attendance_online"), None)
    total = next((f.value for f in facts if f.field == "attendance_total"), None)
    venue = next((f for f in facts if f.field == "venue"), None)
    m = re.search(_alt(ONLINE_MEETING), text, re.I)
    if online and total and online.value == total and not venue:
        return Fact("format", "online", "online", online.start, online.end)
    if online and (venue or (total and online.value < total)):
        return Fact("format", "hybrid", "hybrid", online.start, online.end)
    if m and venue:
        return Fact("format", "hybrid", "hybrid", m.start(), m.end())
    in_person = re.search(_alt(IN_PERSON), text)
    if m and in_person:
        return Fact("format", "hybrid", "hybrid", m.start(), m.end())
    if m:
        return Fact("format", "online", "online", m.start(), m.end())
    if in_person:  # a venue alone does not say that nobody joined from afar
        return Fact("format", "in_person", "in_person", in_person.start(), in_person.end())
    return None


def _role(text: str, start: int, end: int, next_start: int) -> str:
    s_start, s_end = _sentence_bounds(text, start)
    before = text[s_start:start]
    best = None
    for phrase, role in ROLE_BEFORE:
        pos = before.rfind(phrase)
        if pos != -1 and (best is None or pos > best[0]):
            best = (pos, role)
    if best:
        return best[1]
    after = text[end : min(s_end, next_start)]
    for phrase, role in ROLE_AFTER:
        if phrase in after:
            return role
    return "participant"


def name_key(name: str) -> str:
    """A name compared without case, spaces or spelling variants of the stored form."""
    return re.sub(r"\s+", "", search_key(name))


def _position(text: str, end: int) -> str:
    rest = text[end : end + 160]
    cut = min([i for i in (rest.find(stop) for stop in POSITION_ENDS) if i > 0] + [len(rest)])
    return rest[:cut].strip(" ,")


def _read_people(text: str, language: str, known: Known) -> list[Fact]:
    people_by_key = {}
    for person in known.people:
        for name in (person["name_lo"], person["name_en"]):
            if name:
                people_by_key[name_key(name)] = person
    if language == "lo":
        found = lao_people.find_people(text)
        lao_people.roles(text, found, lambda pos: _sentence_bounds(text, pos)[1])
        for person in found:
            paren = re.match(r"\s*\(([A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+){1,2})\)", text[person["end"] :])
            person["name_en"] = paren.group(1) if paren else ""
            if paren:
                person["end"] += paren.end()
    else:
        found = []
        hon_re = _alt(HONORIFICS_EN)
        for m in re.finditer(
            rf"(?<![A-Za-z])(?P<h>(?:{hon_re})(?:\s+(?:{hon_re}))*)\s+(?P<n>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{1,2}})",
            text,
        ):
            hon_en = " ".join(HONORIFICS_EN.get(h, h) for h in re.findall(hon_re, m["h"]))
            found.append(
                {"start": m.start(), "end": m.end(), "name": m["n"], "name_en": m["n"], "honorific_lo": "",
                 "honorific_en": hon_en, "opened": False, "closed": False}
            )  # fmt: skip
        for index, person in enumerate(found):
            next_start = found[index + 1]["start"] if index + 1 < len(found) else len(text)
            person["role"] = _role(text, person["start"], person["end"], next_start)
    facts, by_key = [], {}
    for person in found:
        name, name_en = person["name"], person["name_en"]
        key = name_key(name)
        if key in by_key:  # named again: one suggestion, the strongest role, every flag
            value = by_key[key]
            if lao_people.ROLE_RANK[person["role"]] > lao_people.ROLE_RANK[value["role"]]:
                value["role"] = person["role"]
            value["opened"] = value.get("opened") or person["opened"] or None
            value["closed"] = value.get("closed") or person["closed"] or None
            continue
        match = people_by_key.get(key) or (name_en and people_by_key.get(name_key(name_en)))
        value = {
            "role": person["role"],
            "honorific_lo": person["honorific_lo"],
            "honorific_en": person["honorific_en"],
        }
        if person["opened"]:
            value["opened"] = True
        if person["closed"]:
            value["closed"] = True
        if match:
            value.update(person=match["pk"], slug=match["slug"], name=match["name_lo"] or match["name_en"])
        else:
            value.update(
                person=None,
                name_lo=name if language == "lo" else "",
                name_en=name_en if name_en else ("" if language == "lo" else name),
                position=_position(text, person["end"]) if language == "lo" else "",
            )
        by_key[key] = value
        label = f"{person['honorific_lo'] or person['honorific_en']} {name}".strip()
        facts.append(Fact("person", value, label, person["start"], person["end"]))
    for fact in facts:
        for flag in ("opened", "closed"):
            if not fact.value.get(flag):
                fact.value.pop(flag, None)
    return facts


_RANKS = re.compile(rf"(?<![{_LAO}])(?:{_alt(HONORIFICS)})\s")


def _read_organisations(text: str, known: Known) -> list[Fact]:
    facts = []
    organised = re.compile(rf"(?:{_alt(ORGANISED)})")
    seen = set()
    for start, end, entry in _find_names(text, known.organisations):
        s_start, s_end = _sentence_bounds(text, start)
        verb = organised.search(text, end, s_end)
        if verb and entry["pk"] not in seen:
            # organisers: named before "organised/held" in the same sentence, with no person in between
            between = text[end : verb.start()]
            if len(between) <= 200 and not re.search(_RANKS, between):
                seen.add(entry["pk"])
                facts.append(
                    Fact("organiser", {"pk": entry["pk"], "slug": entry["slug"]}, entry["label"], start, end)
                )
    for start, end, entry in _find_names(text, known.programmes):
        facts.append(
            Fact("programme", {"pk": entry["pk"], "slug": entry["slug"]}, entry["label"], start, end)
        )
        break
    return facts


def looks_like_meeting(title: str, text: str) -> bool:
    haystack = normalise_text(f"{title}\n{text}").casefold()
    return any(word.casefold() in haystack for word in MEETING_WORDS)


def read_facts(text: str, *, known: Known | None = None, post_date: datetime.date | None = None,
               language: str | None = None) -> Reading:  # fmt: skip
    """Every fact the tables can read in ``text``; offsets point into ``Reading.text`` (normalised)."""
    text = normalise_text(text or "").replace("\u200b", " ")  # zero-width spaces: same length, offsets hold
    language = language or ("lo" if re.search(f"[{_LAO}]", text) else "en")
    known = known if known is not None else Known.from_database()
    digits = text.translate(LAO_DIGITS)  # same length: offsets stay valid
    facts = _read_dates(digits, post_date)
    if facts:
        s_start, s_end = _sentence_bounds(text, facts[0].start)
        for phrase, (lo, en) in TIMES_OF_DAY.items():
            pos = text.find(phrase, s_start, s_end)
            if pos != -1:
                facts.append(
                    Fact(
                        "time_of_day",
                        {"lo": lo, "en": en},
                        lo if language == "lo" else en,
                        pos,
                        pos + len(phrase),
                    )
                )
                break
    elif post_date:
        facts.append(Fact("start_date", post_date.isoformat(), post_date.isoformat(), 0, 0))
    facts += _read_place(text, language)
    facts += _read_attendance(digits, language)
    form = _read_format(text, facts)
    if form:
        facts.append(form)
    facts += _read_people(text, language, known)
    facts += _read_organisations(text, known)
    if language == "lo":
        facts += lao_countries.read_countries(text, known)
        kind = lao_countries.read_kind(text, facts)
        if kind:
            facts.append(kind)
    return Reading(text=text, language=language, facts=facts)
