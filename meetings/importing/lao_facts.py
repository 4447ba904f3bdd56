"""Pre-reading the facts of a meeting from a news text, Lao first (English too).

Everything the reader knows is in the tables of :mod:`meetings.importing.lao_tables`; a Lao speaker extends the
reader by adding a spelling, a month name, a rank or a phrase to a table, not by changing the code. This
module puts the reading together (attendance, format, people, organisers); the date is read in
:mod:`~meetings.importing.lao_when`, the venue and city in :mod:`~meetings.importing.lao_where`, names and roles in
:mod:`~meetings.importing.lao_people`, countries and the kind in :mod:`~meetings.importing.lao_countries`, with
the shared patterns of :mod:`~meetings.importing.lao_patterns`. The
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
from dataclasses import dataclass, field

from meetings.importing import lao_countries, lao_people, lao_when, lao_where, matching
from meetings.importing.fact import Fact
from meetings.importing.lao_patterns import LAO as _LAO
from meetings.importing.lao_patterns import (
    LAO_DIGITS,
    cluster_cut,
    find_names,
    name_key,
    reading_form,
    sentence_bounds,
)
from meetings.importing.lao_patterns import alt as _alt
from meetings.importing.lao_tables import (
    ATTENDANCE_TOTAL,
    ATTENDANCE_WOMEN,
    BOTH_WAYS,
    COUNT_AFTER,
    COUNT_BEFORE,
    COUNT_GIVEN_TO,
    COUNT_INEXACT,
    COUNT_MEMBERS,
    COUNT_NOT,
    COUNT_SENTENCE,
    COUNTRY_SPELLINGS,
    HELD_AT,
    HONORIFICS,
    HONORIFICS_EN,
    IN_PERSON,
    JOINED_ONLINE,
    MEETING_CLAUSE,
    ONLINE_EVENTS,
    ONLINE_LINKED,
    ONLINE_MEETING,
    ONLINE_MODIFIERS,
    ONLINE_NOT,
    ONLINE_WAYS,
    ONLINE_WORDS,
    ORGANISED,
    PEOPLE_UNITS,
    ROLE_AFTER,
    ROLE_BEFORE,
    TIMES_OF_DAY,
)
from meetings.rules.text import normalise_text

# ==== The reader =========================================================================================


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
        # at grapheme cluster boundaries (ICU): never between a Lao letter and its vowel or tone marks
        lo, hi = cluster_cut(self.text, lo, hi)
        lo = min(lo, fact.start)
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

    def people_index(self) -> dict[str, dict]:
        """Name key → recorded person (:func:`matching.people_by_key`), built once per import."""
        if getattr(self, "_people_index", None) is None or self._indexed is not self.people:
            self._people_index, self._indexed = matching.people_by_key(self.people), self.people
        return self._people_index

    @classmethod
    def for_evaluation(cls) -> Known:
        """No records but the seeded country list (as the demo database has it): for the evaluation set."""
        from meetings.services.countries import COUNTRIES

        return cls(countries=[country_entry(None, code, [lo, en]) for code, lo, en, _asean in COUNTRIES])

    @classmethod
    def from_database(cls) -> Known:
        from meetings.importing.matching import older_names, people_entries
        from meetings.models import Country, Organisation, Programme

        def entries(model):
            older = older_names(model)  # a renamed organisation is still found by the name posts used
            return [
                {
                    "pk": o.pk,
                    "slug": o.slug,
                    "label": str(o),
                    "names": [*{n: 1 for n in (o.name_lo, o.name_en, *sorted(older.get(o.pk, ()))) if n}],
                    "short": [n for n in (o.short_name_lo, o.short_name_en) if n],
                }
                for o in model.objects.all()
            ]

        return cls(
            organisations=entries(Organisation),
            programmes=entries(Programme),
            people=people_entries(),
            countries=[country_entry(c.pk, c.code, [c.name_lo, c.name_en]) for c in Country.objects.all()],
        )


def country_entry(pk, code: str, names: list[str]) -> dict:
    """A country as the reader matches it: its recorded names and the spellings of real texts."""
    spellings = [normalise_text(n) for n in [*names, *COUNTRY_SPELLINGS.get(code, [])] if n]
    return {"pk": pk, "code": code, "names": sorted(set(spellings), key=len, reverse=True)}


def _count(text: str, prefixes: list[str], start: int = 0, end: int | None = None, gap: str = r"\s*"):
    units = _alt(PEOPLE_UNITS)
    pattern = rf"(?:{_alt(prefixes)}){gap}(?P<n>\d+)\s*(?:{units})"
    return re.compile(pattern).search(text, start, len(text) if end is None else end)


def _lao_total(digits: str):
    """The first count of people (N ທ່ານ/ຄົນ/ສະຫາຍ) said to be the participants: a counting word before it in
    its clause (ທັງໝົດ, ຈຳນວນ, …), or the verb ເຂົ້າຮ່ວມ right before or right after it. Not a count written "N ກວ່າ" (more than N)."""
    units = _alt(PEOPLE_UNITS)
    for m in re.finditer(rf"(?<![\d.,])(?P<n>\d+)\s*(?:{units})", digits):
        if re.search(r"\d[.,]\s?$", digits[max(0, m.start() - 3) : m.start()]):
            continue  # "16. 538 ສະຫາຍ": thousands
        clause_start = max([digits.rfind(c, 0, m.start()) for c in ",.;\n("] + [m.start() - 40])
        clause = digits[clause_start + 1 : m.start()]
        if _count_of_others(clause):
            continue
        s_start, s_end = sentence_bounds(digits, m.start())
        if not any(w in digits[s_start:s_end] for w in COUNT_SENTENCE):
            continue  # "ຊ່ວຍເຫຼືອທັງໝົດ 120 ຄົນ": a count in a sentence that says nobody attended anything
        if (
            any(w in clause for w in COUNT_BEFORE)
            or any(digits[m.end() : m.end() + 12].lstrip().startswith(w) for w in COUNT_AFTER)
            or any(clause.rstrip().endswith(w) for w in COUNT_AFTER)  # "ມີຜູ້ແທນເຂົ້າຮ່ວມ 252 ສະຫາຍ"
            or _had_attending(digits, clause, m.end())
        ):
            return None if _not_the_total(digits, m) else m
    return None


def _had_attending(digits: str, clause: str, end: int) -> bool:
    """ "ມີ + those counted + ເຂົ້າຮ່ວມ", the count inside, its clause ending with the verb: "ມີແຂກຖືກເຊີນ ແລະ
    ຜູ້ແທນສົມບູນ 179 ສະຫາຍ ທີ່ເປັນຕົວແທນແກ່ສະມາຊິກແມ່ຍິງທົ່ວແຂວງ ເຂົ້າຮ່ວມ." (no other count in it)."""
    rest = re.match(r"[^,.;\n(]{0,80}", digits[end:]).group().rstrip()
    return "ມີ" in clause and rest.endswith(tuple(COUNT_AFTER)) and not re.search(r"\d", rest)


def _count_of_others(clause: str) -> bool:
    """A count whose clause names those it is not the attendance of (COUNT_NOT). Members are counted as attending
    when the verb stands between them and the count ("ສະມາຊິກຊາວໜຸ່ມ ເຂົ້າຮ່ວມ 27 ສະຫາຍ", the members who came),
    not as the size of a body ("ສະມາຊິກພັກທັງໝົດ 17 ສະຫາຍ")."""
    named = [w for w in COUNT_NOT if w in clause]
    if named == [COUNT_MEMBERS]:
        return not any(w in clause[clause.rfind(COUNT_MEMBERS) :] for w in COUNT_AFTER)
    return bool(named)


def _not_the_total(digits: str, m: re.Match) -> bool:
    """The count of those attending is not the exact total: "ອີກກວ່າ 100 ທ່ານ" (more than, about, N more), or a
    count of one side only, followed by those the meeting was given to ("… 12 ທ່ານ, ໃຫ້ແກ່ບັນດາພະແນກ …")."""
    before = digits[max(0, m.start() - 12) : m.start()].rstrip()
    after = digits[m.end() : m.end() + 12].lstrip(" ,")
    return before.endswith(tuple(COUNT_INEXACT)) or after.startswith(tuple(COUNT_GIVEN_TO))


def _all_women(digits: str, pos: int) -> bool:
    """Whether the count at pos is of women only, said in its clause: the counted noun is women right before
    ຈຳນວນ ("ໃຫ້ແມ່ຍິງຜູ້ດ້ອຍໂອກາດຈຳນວນ21ຄົນ"), or a relative clause says they are ("ນັກຝຶກອົບຮົມເຊິ່ງເປັນແມ່ຍິງ…
    ຈຳນວນ 21 ຄົນ")."""
    clause = re.split(r"[,.;:\n(]", digits[max(0, pos - 120) : pos])[-1]
    women = _alt(["ແມ່ຍິງ", "ເພດຍິງ"])
    said = re.search(rf"(?:^|\s|ໃຫ້|ມີ|ແກ່)(?:{women})[^\s]{{0,25}}\s*ຈຳນວນ\s*$", clause) or re.search(
        rf"(?:ເຊິ່ງ|ທີ່)\s*ເປັນ\s*(?:{women})", clause
    )
    # "ເຊິ່ງເປັນແມ່ຍິງ ແລະ ຊາວໜຸ່ມ ຈຳນວນ 40 ຄົນ": women and others
    return bool(said) and not re.search(r"ແລະ|ກັບ|ຜູ້ຊາຍ|ຊາຍ", clause[said.end() :])


def _dated_otherwise(digits: str, m: re.Match, dates: list[Fact]) -> bool:
    """A count in a sentence that names days, none of them the meeting's first: the count of another event or
    period ("ໄດ້ເປີດຮັບຮຽນ ແຕ່ວັນທີ 1 ຕຸລາ … ຈົນມາຮອດ ວັນທີ 31 ທັນວາ … ໂດຍມີນັກຝຶກອົບຮົມທັງໝົດ 8 ຄົນ", of a
    course that ended before the closing reported)."""
    start = next((f.value for f in dates if f.field == "start_date" and f.end > f.start), None)
    days = re.findall(r"ວັນທີ່?\s*(\d{1,2})(?!\d)", digits[slice(*sentence_bounds(digits, m.start()))])
    return bool(start and days) and int(start[8:10]) not in {int(day) for day in days}


def _read_attendance(digits: str, language: str, dates: list[Fact] = ()) -> list[Fact]:
    facts = []
    if language == "lo":
        total = _count(digits, ATTENDANCE_TOTAL, gap=r"\s*(?:ທັງໝົດ|ທັງຫມົດ)?\s*(?:ມີ)?\s*")
        if total and _not_the_total(digits, total):
            total = None  # "ຜູ້ເຂົ້າຮ່ວມທັງໝົດ 12 ທ່ານ, ໃຫ້ແກ່ …": one side only, and the text counts no other
        elif not total:
            total = _lao_total(digits)
        if total and _dated_otherwise(digits, total, dates):
            total = None
        if total:
            facts.append(
                Fact("attendance_total", int(total["n"]), total["n"].lstrip("0") or "0", *total.span())
            )
            women = re.compile(  # right after the total: "…, ຍິງ 11 ທ່ານ", "… ໃນນັ້ນ ແມ່ຍິງ 5 ຄົນ"
                rf"\s*[,;(]?\s*(?:ໃນນັ້ນ\s*)?(?:ເປັນ\s*)?(?:{_alt(ATTENDANCE_WOMEN)})\s*(?:ມີ\s*)?(?P<n>\d+)\s*(?:{_alt(PEOPLE_UNITS)})"
            ).match(digits, total.end())
            if women and int(women["n"]) <= int(total["n"]):
                facts.append(Fact("attendance_women", int(women["n"]), women["n"].lstrip("0"), *women.span()))
            elif _all_women(digits, total.start()):
                facts.append(Fact("attendance_women", int(total["n"]), total["n"].lstrip("0"), *total.span()))
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
    m = next(  # said of the meeting: in a sentence about meeting, not "ຫຼອກລວງຜ່ານລະບົບອອນລາຍ" (scams online)
        (
            o
            for o in re.finditer(_alt(ONLINE_MEETING), text, re.I)
            if re.search(_alt(MEETING_CLAUSE), text[slice(*sentence_bounds(text, o.start()))], re.I)
        ),
        None,
    ) or re.search(
        rf"(?:{_alt(ONLINE_EVENTS)})\s*(?:{_alt(ONLINE_WAYS)})?\s*(?:{_alt(ONLINE_MODIFIERS)})", text
    )
    linked = next(  # "ຈັດຂຶ້ນຢູ່ X ແລະ ເຊື່ອມຕໍ່ແບບທາງໄກກັບບັນດາແຂວງ": held at a place and linked from afar
        (
            o
            for o in re.finditer(_alt(ONLINE_LINKED), text)
            if venue or re.search(_alt(HELD_AT), text[sentence_bounds(text, o.start())[0] : o.start()])
        ),
        None,
    )
    linked = linked or (venue and re.search(_alt(JOINED_ONLINE), text)) or re.search(BOTH_WAYS, text)
    if linked:
        return Fact("format", "hybrid", "hybrid", linked.start(), linked.end())
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
    s_start, s_end = sentence_bounds(text, start)
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


def _read_people(text: str, language: str, known: Known) -> list[Fact]:
    people_by_key = known.people_index()  # both scripts, older names and spellings
    if language == "lo":
        found = lao_people.find_people(text)
        lao_people.roles(text, found, lambda pos: sentence_bounds(text, pos)[1])
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
                name_lo=name
                if language == "lo" and not name.isascii()
                else "",  # "ທ່ານ ນາງ Battsetseg Batmunkh"
                name_en=name_en or ("" if language == "lo" and not name.isascii() else name),
                position=lao_people.position_after(text, person["end"]) if language == "lo" else "",
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
    for start, end, entry in find_names(text, known.organisations):
        s_start, s_end = sentence_bounds(text, start)
        verb = organised.search(text, end, s_end)
        if verb and entry["pk"] not in seen:
            # organisers: named before "organised/held" in the same sentence, with no person in between
            between = text[end : verb.start()]
            if len(between) <= 200 and not re.search(_RANKS, between):
                seen.add(entry["pk"])
                facts.append(
                    Fact("organiser", {"pk": entry["pk"], "slug": entry["slug"]}, entry["label"], start, end)
                )
    for start, end, entry in find_names(text, known.programmes):
        facts.append(
            Fact("programme", {"pk": entry["pk"], "slug": entry["slug"]}, entry["label"], start, end)
        )
        break
    return facts


_WEEKDAY_THEN = re.compile(r"ວັນ(?:ຈັນ|ອັງຄານ|ພຸດ|ພະຫັດ|ສຸກ|ເສົາ|ອາທິດ)\s*,")
# "ດຳເນີນໜຶ່ງວັນເຕັມ", "ເປັນເວລາ 1 ວັນເຕັມ": it went on all day (ໜື່ງ, a common typing)
_ALL_DAY = re.compile(r"(?:ໜຶ່ງ|ໜື່ງ|1)\s*ວັນເຕັມ")


def _qualifying_times(text: str, date: Fact) -> list[tuple[int, str]]:
    """Times of day that qualify the date read: right before it in its clause ("ຕອນເຊົ້າຂອງວັນທີ …", "ຕອນເຊົ້າ
    ເວລາ 08:30 ນາທີ ຂອງວັນທີ …") or right after it ("ວັນທີ 3 ມີນາ 2024 ຕອນບ່າຍ"); not a time of something later
    in a long sentence ("… ວັນທີ 3 ມີນາ 2024 … ໃນຕອນບ່າຍ ຄະນະໄດ້ລົງຢ້ຽມຢາມ …")."""
    found = []
    for phrase in TIMES_OF_DAY:
        for m in re.finditer(re.escape(phrase), text):
            before = date.start - 45 <= m.start() and m.end() <= date.start
            after = date.end <= m.start() <= date.end + 15
            between = text[m.end() : date.start] if before else text[date.end : m.start()]
            between = _WEEKDAY_THEN.sub("", between)  # "ຕອນບ່າຍຂອງວັນສຸກ, ວັນທີ 18 …": the weekday, then its date
            if (before or after) and not re.search(r"[,;.\n]", between):
                found.append((m.start(), phrase))
    return found


def _read_time_of_day(text: str, facts: list[Fact], language: str) -> Fact | None:
    """The time of day in the sentence of the date read; with no date read (a day written without its year),
    only a time of day that qualifies a day of the text itself (``ຕອນເຊົ້າວັນທີ 16 ມິຖຸນາ``), and only when the
    text names no other day."""
    dated = [f for f in facts if f.field == "start_date" and f.end > f.start]
    if dated:
        found = _qualifying_times(text, dated[0])
    else:
        head = text[:600]
        found = [
            (m.start(), p)
            for p in TIMES_OF_DAY
            for m in re.finditer(rf"{re.escape(p)}\s*(?:ຂອງ)?\s*ວັນທີ", head)
        ]
    found = [(pos, phrase) for pos, phrase in found if pos != -1]
    full = dated and _ALL_DAY.search(text, *sentence_bounds(text, dated[0].start))
    if not found and full:  # a full day said in the date's sentence, and no other time qualifies the date
        lo, en = "ໝົດມື້", "all_day"
        return Fact("time_of_day", {"lo": lo, "en": en}, lo if language == "lo" else en, *full.span())
    if not found:
        return None
    if not dated and len(set(re.findall(r"ວັນທີ່?\s*(\d{1,2})", text.translate(LAO_DIGITS)))) > 1:
        return None  # days of several events (ຕອນບ່າຍ ວັນທີ 21 …, ວັນທີ 19 …) and no date read: whose afternoon?
    pos, phrase = min(found)
    lo, en = TIMES_OF_DAY[phrase]
    return Fact("time_of_day", {"lo": lo, "en": en}, lo if language == "lo" else en, pos, pos + len(phrase))


def read_facts(text: str, *, known: Known | None = None, post_date: datetime.date | None = None,
               language: str | None = None) -> Reading:  # fmt: skip
    """Every fact the tables can read in ``text``; offsets point into ``Reading.text`` (normalised)."""
    text = reading_form(text or "").replace("\u200b", " ")  # zero-width spaces: same length, offsets hold
    language = language or ("lo" if re.search(f"[{_LAO}]", text) else "en")
    known = known if known is not None else Known.from_database()
    digits = text.translate(LAO_DIGITS)  # same length: offsets stay valid
    facts = lao_when.read_dates(digits, post_date)
    if not facts and post_date:
        facts.append(Fact("start_date", post_date.isoformat(), post_date.isoformat(), 0, 0))
    time = _read_time_of_day(text, facts, language)
    if time:
        facts.append(time)
    facts += lao_where.read_place(text, language)
    facts += _read_attendance(digits, language, facts)
    form = _read_format(text, facts)
    if form:
        facts.append(form)
    if form and form.value == "online":
        # held at a distance: a place named is where one side sat, not the meeting's
        facts = [f for f in facts if f.field != "city"]
    facts += _read_people(text, language, known)
    facts += _read_organisations(text, known)
    if language == "lo":
        facts += lao_countries.read_countries(text, known)
        kind = lao_countries.read_kind(text, facts, known)
        if kind:
            facts.append(kind)
    return Reading(text=text, language=language, facts=facts)
