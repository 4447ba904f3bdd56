"""The countries taking part in a meeting, read from the grammar of its two sides (see
:func:`meetings.importing.lao_countries.read_countries`, which reads lists of three or more and the host).

Each rule names a country in a place of the sentence that only a party to the meeting fills:

* the two sides of an encounter: a country named before a verb of meeting someone (ENCOUNTER: ພົບປະ, ຕ້ອນຮັບ,
  ຢ້ຽມຂ່ຳນັບ, …) in its sentence and another after it, neither a place ("… ແຫ່ງ ສປປ ລາວ ໄດ້ພົບປະກັບ ທ່ານ … ແຫ່ງ
  ລາຊະອານາຈັກກຳປູເຈຍ", someone *of* X met someone *of* Y);
* the two bodies a meeting is between, right after its name: "ກອງປະຊຸມສຳມະນາ … ຄັ້ງທີ 4 ລະຫວ່າງພັກກອມມູນິດຫວຽດນາມ
  ແລະ ພັກປະຊາຊົນປະຕິວັດລາວ" (each ends with its country); not "ກອງປະຊຸມກ່ຽວກັບການຮ່ວມມືລະຫວ່າງ …" (a meeting
  *about* the cooperation between two countries, which may be held by one);
* countries as co-chairs: "ໂດຍການເປັນປະທານຮ່ວມຂອງ ສສ. ຫວຽດນາມ ແລະ ສ.ອາເມລິກາ";
* the states of the co-chairs: "ປະທານຮ່ວມລະຫວ່າງທ່ານ … ແຫ່ງ ສປປ ລາວ ແລະທ່ານ … ແຫ່ງຣາຊະອານາຈັກໄທ";
* a delegation named by its country ("ຄະນະຜູ້ແທນລາວ"), or the officials of a country as the subject of
  "attended" ("ເຈົ້າໜ້າທີ່ອາວຸໂສ ຂອງ ສປປ ລາວ ໄດ້ເຂົ້າຮ່ວມ");
* round 6: two bodies a meeting is between, each named with its state ("ລະຫວ່າງ … ແຫ່ງ ສປປ ລາວ ແລະ … ແຫ່ງ ສປ ຈີນ");
  a pair of states after ສອງຝ່າຍ/ສອງປະເທດ ("ການຮ່ວມມືສອງຝ່າຍ ລາວ-ກຳປູເຈຍ"); a state chairing ("ໂດຍການເປັນປະທານຂອງ
  ອິນໂດເນເຊຍ"); those present ("ມີການນຳຂັ້ນສູງ ຂອງ ສປ ຈີນ, … ເຂົ້າຮ່ວມ").

It also reads the host of a foreign body's own meeting (:func:`owner_host`).
"""

from __future__ import annotations

import re

from meetings.importing import lao_people
from meetings.importing.lao_patterns import alt as _alt
from meetings.importing.lao_tables import ENCOUNTER, STATE_FORMS

_STATE_FORMS = "|".join(re.escape(f) for f in STATE_FORMS)
_STATE_FORM = re.compile(rf"(?:{_STATE_FORMS})\s*\.?\s*")
# Verbs of meeting someone of another side: met (with), talked with, received, paid a courtesy call on
_ENCOUNTER = re.compile(_alt(ENCOUNTER))
_STATE_FORM_BEFORE = re.compile(rf"(?:{_STATE_FORMS})\s*\.?$")
# Where a diplomat is posted: "ສະຖານທູດຈີນປະຈໍາລາວ" (China's embassy to Laos)
_POSTED = ("ປະຈຳ", "ປະຈໍາ")
# a meeting's name, then its ordinal, then ລະຫວ່າງ: the name may not say what it is about (ກ່ຽວກັບ, ວ່າດ້ວຍ, ການ…)
_BETWEEN = re.compile(
    r"ກອງປະຊຸມ(?P<name>[^\s,.;()]*?)\s*(?:ຄັ້ງທີ\s*[^\s,.;()]+\s*)?ລະຫວ່າງ\s*"
    r"(?P<a>[^\s,.;()]{2,40})\s+(?:ແລະ|ກັບ)\s+(?P<b>[^\s,.;()]{2,40})(?=[\s,.;()]|$)"
)
_ABOUT = ("ກ່ຽວກັບ", "ວ່າດ້ວຍ", "ການ", "ເລື່ອງ")
_CO_CHAIRS = re.compile(r"ປະທານຮ່ວມ\s*(?:ຂອງ|ໂດຍ|ລະຫວ່າງ)?\s*")
_DELEGATION = re.compile(r"ຄະນະຜູ້ແທນ\s*")
_OF = re.compile(r"(?:ຂອງ|ແຫ່ງ)\s*")
_ATTENDED = re.compile(r"\s*,?\s*(?:ໄດ້)?\s*ເຂົ້າຮ່ວມ")
_OTHERS = re.compile(r"ພ້ອມດ້ວຍ|ໂດຍມີ|\sມີ")


def country_named(text: str, pos: int, known, country_at) -> tuple[dict, int] | None:
    """The country named at pos, a state form allowed before it ("ສສ. ຫວຽດນາມ", "ລາຊະອານາຈັກກຳປູເຈຍ")."""
    at = country_at(text, pos, known)
    if at:
        return at
    form = _STATE_FORM.match(text, pos)
    if not form or form.end() == pos:
        return None
    at = country_at(text, form.end(), known)
    if at or text[form.end() - 1] != ".":
        return at
    # "ສສ.ຫວຽດນາມ": ICU reads the abbreviation, its full stop and the name as one word; the name must end one
    for entry in known.countries:
        for name in entry["names"]:
            end = form.end() + len(name)
            if text.startswith(name, form.end()) and lao_people.is_word(text, pos, end):
                return entry, end
    return None


def _ends_with_country(text: str, start: int, end: int, known, country_at) -> tuple[dict, int, int] | None:
    """The country that ends the word text[start:end] (at an ICU word boundary): "ພັກກອມມູນິດຫວຽດນາມ"."""
    for pos in range(start, end):
        at = country_at(text, pos, known)
        if at and at[1] == end and lao_people.is_word(text, pos, end):
            return (at[0], pos, end)
    return None


def _stops(text: str, lo: int, hi: int) -> list[int]:
    """Where sentences end in text[lo:hi]: ". " after a word longer than an abbreviation ("ສສ. ຫວຽດນາມ" goes on),
    or a line break with text after it, unless that text goes on with ໄດ້, the auxiliary of a verb whose subject
    came before the break ("ແຫ່ງ ສປປ ລາວ\n\n ໄດ້ພົບປະກັບ": a sentence cut by blank lines)."""
    ends = [m.start() for m in re.finditer(r"(?<=[^\s.]{4})\. ", text[lo:hi])]
    ends += [m.start() for m in re.finditer(r"\n(?=\s*(?!ໄດ້)\S)", text[lo:hi])]
    return sorted(lo + i for i in ends)


def _clause_around(text: str, pos: int, reach: int = 250) -> tuple[int, int]:
    """The sentence around pos, at most reach characters each way (see _stops)."""
    lo, hi = max(0, pos - reach), min(len(text), pos + reach)
    before = [i + 1 for i in _stops(text, lo, pos)]
    after = _stops(text, pos, hi)
    return (before[-1] if before else lo), (after[0] if after else hi)


# A country that is a place, not a side: where someone is posted ("ປະຈຳ ສສ ຫວຽດນາມ"), lives, studies or goes ("ຢູ່
# ປະເທດໄທ", "ໄປຍັງ ຍີ່ປຸ່ນ"), a state form or ປະເທດ allowed between.
_PLACE_BEFORE = re.compile(rf"(?:ປະຈຳ|ຢູ່|ທີ່|ໃນ|ໄປ|ຍັງ|ເຖິງ)\s*(?:ປະເທດ)?\s*(?:{_STATE_FORM.pattern})?$")


def _country_words(text: str, start: int, end: int, known, country_at) -> list[tuple]:
    """Countries named as words of their own in text[start:end]: after a state form or ແຫ່ງ ("ແຫ່ງ ສສ ຫວຽດນາມ"),
    or ending a word ("ພັກກອມມູນິດຫວຽດນາມ"); not a country that is a place (_PLACE_BEFORE)."""
    found = []
    words = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\s,.;:()\"“”]+", text[start:end])]
    words += [
        (start + m.end(), None) for m in re.finditer(r"ແຫ່ງ(?=\S)", text[start:end])
    ]  # "…ແຫ່ງຣາຊະອານາຈັກໄທ"
    words += [  # "ສະຖານທູດຈີນປະຈໍາລາວ": the country whose embassy or envoy it is ends where ປະຈຳ begins
        (w_start, start + m.start())
        for m in re.finditer(_alt(_POSTED), text[start:end])
        for w_start, w_end in list(words)
        if w_end and w_start < start + m.start() < w_end
    ]
    for pos, word_end in sorted(words):
        if _PLACE_BEFORE.search(text[max(0, pos - 30) : pos]):
            continue
        named = country_named(text, pos, known, country_at)
        at = (named[0], pos, named[1]) if named else None
        at = at or (word_end and _ends_with_country(text, pos, word_end, known, country_at))
        if at and (not found or found[-1][2] <= at[1]):
            found.append(at)
    return found


def _encounter(text: str, known, country_at) -> list[tuple]:
    """The two sides of an encounter: a country named before a verb of meeting someone (ENCOUNTER) in its clause,
    and another right after it: "ເລຂາທິການໃຫຍ່ພັກປະຊາຊົນປະຕິວັດລາວ ພົບປະ ເລຂາທິການໃຫຍ່ພັກກອມມູນິດຫວຽດນາມ",
    "… ແຫ່ງ ສປປ ລາວ ໄດ້ເຂົ້າຢ້ຽມຂ່ຳນັບ ສະຫາຍ … ແຫ່ງ ສສ ຫວຽດນາມ"."""
    for m in _ENCOUNTER.finditer(text):
        start, end = _clause_around(text, m.start())
        before = [
            c for c in _country_words(text, start, m.start(), known, country_at) if not _posted_to(text, c[1])
        ]
        after = _country_words(text, m.end(), end, known, country_at)
        if before and after and before[-1][0]["code"] != after[0][0]["code"]:
            return [before[-1], after[0]]
    return []


def _posted_to(text: str, start: int) -> bool:
    """Whether the country at start is where a diplomat is posted ("ສະຖານທູດຈີນປະຈໍາລາວ", China's embassy to Laos),
    not the side they speak for: ປະຈຳ right before it, a state form allowed between."""
    before = _STATE_FORM_BEFORE.sub("", text[max(0, start - 12) : start].rstrip())
    return before.rstrip().endswith(_POSTED)


def _between(text: str, known, country_at) -> list[tuple]:
    for m in _BETWEEN.finditer(text):
        if any(word in m["name"] for word in _ABOUT):
            continue
        a = _ends_with_country(text, m.start("a"), m.end("a"), known, country_at)
        b = _ends_with_country(text, m.start("b"), m.end("b"), known, country_at)
        if a and b and a[0]["code"] != b[0]["code"]:
            return [a, b]
    return []


# The two sides a meeting is between, named with their bodies: "ກອງປະຊຸມພົບປະມິດຕະພາບ ລະຫວ່າງ ຄະນະຜູ້ແທນແຂວງຜົ້ງສາລີ
# ແຫ່ງ ສປປ ລາວ ແລະ ຄະນະຜູ້ແທນເມືອງຈຽງເຊິນ … ແຫ່ງ ສປ ຈີນ ໄດ້ຈັດຂຶ້ນ": ລະຫວ່າງ in the meeting's clause (no stop and no
# ໄດ້ between), then the last country before a joining word (ແລະ, ກັບ) and the first after it, in the clause.
_BETWEEN_SIDES = re.compile(r"ກອງປະຊຸມ(?P<name>[^.;\n]{0,80}?)(?:ລະຫວ່າງ|ລະຫ່ວາງ)\s*")
_JOINING = re.compile(r"\s(?:ແລະ|ກັບ)\s")
_CLAUSE_ENDS = re.compile(r"ໄດ້|ຈັດຂຶ້ນ|ຈັດຂື້ນ|ໂດຍ|ເພື່ອ|\.\s|\n")


def _between_sides(text: str, known, country_at) -> list[tuple]:
    for m in _BETWEEN_SIDES.finditer(text[:800]):
        if "ໄດ້" in m["name"] or any(word in m["name"] for word in _ABOUT):
            continue
        stop = _CLAUSE_ENDS.search(text, m.end(), m.end() + 250)
        end = stop.start() if stop else min(len(text), m.end() + 250)
        for joining in _JOINING.finditer(text, m.end(), end):
            a = _country_words(text, m.end(), joining.start(), known, country_at)
            b = _country_words(text, joining.end(), end, known, country_at)
            if a and b and a[-1][0]["code"] != b[0][0]["code"]:
                return [a[-1], b[0]]
    return []


# Two sides named as a pair of countries after "ສອງຝ່າຍ"/"ສອງປະເທດ" (the two sides, the two countries) in the
# sentence that names a meeting: "ກອງປະຊຸມຄະນະກໍາມາທິການຮ່ວມ ວ່າດ້ວຍການຮ່ວມມືສອງຝ່າຍ ລາວ-ກໍາປູເຈຍ".
_PAIR = re.compile(r"(?:ສອງຝ່າຍ|ສອງປະເທດ|ສອງຊາດ)\s*")


def _two_sides(text: str, known, country_at) -> list[tuple]:
    for m in _PAIR.finditer(text[:800]):
        start = _clause_around(text, m.start())[0]
        if "ກອງປະຊຸມ" not in text[start : m.start()]:
            continue
        a = country_named(text, m.end(), known, country_at)
        dash = a and re.match(r"\s*[-–]\s*", text[a[1] :])
        b = dash and country_named(text, a[1] + dash.end(), known, country_at)
        if a and b and a[0]["code"] != b[0]["code"] and re.match(r"\s*(?:[\s,.;()]|$)", text[b[1] :]):
            return [(a[0], m.end(), a[1]), (b[0], a[1] + dash.end(), b[1])]
    return []


def _co_chairs(text: str, known, country_at) -> list[tuple]:
    """Countries as co-chairs ("ປະທານຮ່ວມຂອງ ສສ. ຫວຽດນາມ ແລະ ສ.ອາເມລິກາ"), or the states of the co-chairs
    ("ປະທານຮ່ວມລະຫວ່າງທ່ານ … ແຫ່ງ ສປປ ລາວ ແລະທ່ານ … ແຫ່ງຣາຊະອານາຈັກໄທ"): each named first, or after ແຫ່ງ or a
    joining word, in the clause."""
    for m in _CO_CHAIRS.finditer(text):
        named, end = [], _clause_around(text, m.end())[1]
        # "…, ພ້ອມດ້ວຍບັນດາປະເທດສະມາຊິກ": those who joined them are no co-chairs
        others = _OTHERS.search(text, m.end(), end)
        for at in _country_words(text, m.end(), end, known, country_at):
            if others and at[1] >= others.start():
                break
            before = text[m.end() : at[1]].rstrip()
            # each named first, after ແຫ່ງ/ຂອງ or a joining word, or ending a co-chair's title before the next
            after = re.match(r"\s*(?:,|ແລະ|$)", text[at[2] : end])
            joined = at[1] == m.end() or before.endswith(("ແຫ່ງ", "ແລະ", ",", "ຂອງ")) or after
            if joined and (not named or named[-1][0]["code"] != at[0]["code"]):
                named.append(at)
        if len({entry["code"] for entry, _s, _e in named}) >= 2:
            return named[:2]
    return []


# A state as the chair ("ໂດຍການເປັນປະທານຂອງ ອິນໂດເນເຊຍ", ASEAN chaired by Indonesia): the country right after it.
_CHAIRED_BY = re.compile(r"(?:ການເປັນປະທານຂອງ|ເປັນປະທານໂດຍ|ພາຍໃຕ້ການປະທານຂອງ)\s*")


def _chairing_state(text: str, known, country_at) -> list[tuple]:
    for m in _CHAIRED_BY.finditer(text):
        at = country_named(text, m.end(), known, country_at)
        if at and re.match(r"\s*(?:[\s,.;()]|$)", text[at[1] :]):
            return [(at[0], m.end(), at[1])]
    return []


# Those present, as "ມີ … ເຂົ້າຮ່ວມ" (there were … attending): "ມີການນໍາຂັ້ນສູງ ຂອງ ສປ ຈີນ, … ເຂົ້າຮ່ວມທັງແບບເຊິ່ງໜ້າ": a
# country after ຂອງ/ແຫ່ງ/ຈາກ between them, with no verb (ໄດ້) and no stop between.
_PRESENT = re.compile(r"(?:^|\s|ໂດຍ)ມີ(?!ການ\S*ເພື່ອ)\s*")
_ATTENDING = re.compile("ເຂົ້າຮ່ວມ")


def _present(text: str, known, country_at) -> list[tuple]:
    found = []
    for m in _PRESENT.finditer(text):
        attended = _ATTENDING.search(text, m.end(), m.end() + 200)
        if not attended or re.search(r"ໄດ້|\.\s|\n|;", text[m.end() : attended.start()]):
            continue
        for of in re.finditer(r"(?:ຂອງ|ແຫ່ງ|ຈາກ)\s*", text[m.end() : attended.start()]):
            pos = m.end() + of.end()
            if _PLACE_BEFORE.search(text[max(0, pos - 30) : pos]):
                continue
            at = country_named(text, pos, known, country_at)
            if at:
                found.append((at[0], pos, at[1]))
    return found


def _attending(text: str, known, country_at) -> list[tuple]:
    """A country's delegation, not as the owner of something ("ລາຍງານຂອງຄະນະຜູ້ແທນລາວ", its report) nor as those who
    went elsewhere ("ຄະນະຜູ້ແທນລາວ ທີ່ໄປ…", a debriefing); or a country's officials who attended."""
    found = []
    for marker in (_DELEGATION, _OF):
        for m in marker.finditer(text):
            at = country_named(text, m.end(), known, country_at)
            if not at:
                continue
            if marker is _DELEGATION:
                clause = re.split(r"[,.;\n]", text[at[1] : at[1] + 80], maxsplit=1)[0]
                if text[: m.start()].rstrip().endswith("ຂອງ") or re.search(r"ທີ່\s*(?:ໄດ້)?\s*ໄປ", clause):
                    continue
            elif not _ATTENDED.match(text, at[1]):
                continue
            found.append((at[0], m.end(), at[1]))
    return found


# The meeting of a body of one country, in the text's first 600 characters: "ກອງປະຊຸມໃຫຍ່ ຄັ້ງທີ 14 ຂອງພັກກອມມູນິດຫວຽດນາມ"
# (a party's congress is held in its country). Not a meeting about something of it ("ກອງປະຊຸມ … ກ່ຽວກັບ … ຂອງ"),
# not a body of two countries ("ຂອງຄະນະກຳມະການຮ່ວມ ລາວ-ຫວຽດນາມ") nor one based elsewhere ("ສະຖານທູດ … ປະຈຳ …").
_OWNER = re.compile(
    r"ກອງປະຊຸມ(?P<name>[^,.;()\n]{0,40}?)ຂອງ\s*(?P<body>[^\s,.;()]{2,40})(?:\s+(?P<then>[^\s,.;()]{2,20}))?"
)
_OWNER_NOT = ("ກ່ຽວກັບ", "ວ່າດ້ວຍ", "ການ", "ເລື່ອງ", "ຜູ້ແທນ")


def owner_host(text: str, known, country_at) -> tuple | None:
    """(entry, start, end) of the one foreign country whose body holds a meeting named in the text's first 600
    characters (the title's "ກອງປະຊຸມໃຫຍ່ … ຂອງພັກ" names none; the first sentence names the party in full)."""
    for m in _OWNER.finditer(text[:600]):
        if any(word in m["name"] + m["body"] for word in _OWNER_NOT):
            return None
        at = _ends_with_country(text, m.start("body"), m.end("body"), known, country_at)
        if not at and m["then"]:
            named = country_named(text, m.start("then"), known, country_at)
            at = named and named[1] == m.end("then") and (named[0], m.start("then"), named[1])
        if not at:
            continue
        if at[0]["code"] == "LA" or (
            re.match(r"\s*(?:[-–]|ແລະ|ປະຈຳ|\S)", text[at[2] :]) and not re.match(r"\s+ໄດ້", text[at[2] :])
        ):
            return (
                None  # Laos's own, another country joined to it, a body based elsewhere, or the name goes on
            )
        return at
    return None


def read_sides(text: str, known, country_at) -> list[tuple]:
    """(entry, start, end) of each country the sentence's grammar makes a party to the meeting, in order of the
    rules above, each country once."""
    found, seen = [], set()
    rules = (
        _encounter,
        _between,
        _between_sides,
        _two_sides,
        _co_chairs,
        _attending,
        _chairing_state,
        _present,
    )
    for rule in rules:
        for entry, start, end in rule(text, known, country_at):
            if entry["code"] not in seen:
                seen.add(entry["code"])
                found.append((entry, start, end))
    return found
