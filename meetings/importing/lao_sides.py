"""The countries taking part in a meeting, read from the grammar of its two sides (see
:func:`meetings.importing.lao_countries.read_countries`, which reads lists of three or more and the host).

Each rule names a country in a place of the sentence that only a party to the meeting fills:

* the two sides of a talk: "… ແຫ່ງ ສປປ ລາວ ໄດ້ພົບປະກັບ ທ່ານ … ແຫ່ງ ລາຊະອານາຈັກກຳປູເຈຍ" (someone *of* X met someone
  *of* Y);
* the two bodies a meeting is between, right after its name: "ກອງປະຊຸມສຳມະນາ … ຄັ້ງທີ 4 ລະຫວ່າງພັກກອມມູນິດຫວຽດນາມ
  ແລະ ພັກປະຊາຊົນປະຕິວັດລາວ" (each ends with its country); not "ກອງປະຊຸມກ່ຽວກັບການຮ່ວມມືລະຫວ່າງ …" (a meeting
  *about* the cooperation between two countries, which may be held by one);
* countries as co-chairs: "ໂດຍການເປັນປະທານຮ່ວມຂອງ ສສ. ຫວຽດນາມ ແລະ ສ.ອາເມລິກາ";
* a delegation named by its country ("ຄະນະຜູ້ແທນລາວ"), or the officials of a country as the subject of
  "attended" ("ເຈົ້າໜ້າທີ່ອາວຸໂສ ຂອງ ສປປ ລາວ ໄດ້ເຂົ້າຮ່ວມ").
"""

from __future__ import annotations

import re

from meetings.importing import lao_people
from meetings.importing.lao_tables import STATE_FORMS

_STATE_FORM = re.compile(rf"(?:{'|'.join(re.escape(f) for f in STATE_FORMS)})\s*\.?\s*")
# "ໄດ້ພົບປະກັບ", "ໄດ້ພົບປະສອງຝ່າຍກັບ", "ເຈລະຈາກັບ": someone met (with) someone
_MEETS_WITH = re.compile(r"\s*,?\s*(?:ໄດ້)?\s*(?:ພົບປະ|ພົບປະຫາລື|ເຈລະຈາ|ປຶກສາຫາລື)(?:ສອງຝ່າຍ)?\s*ກັບ\s*")
# a meeting's name, then its ordinal, then ລະຫວ່າງ: the name may not say what it is about (ກ່ຽວກັບ, ວ່າດ້ວຍ, ການ…)
_BETWEEN = re.compile(
    r"ກອງປະຊຸມ(?P<name>[^\s,.;()]*?)\s*(?:ຄັ້ງທີ\s*[^\s,.;()]+\s*)?ລະຫວ່າງ\s*"
    r"(?P<a>[^\s,.;()]{2,40})\s+(?:ແລະ|ກັບ)\s+(?P<b>[^\s,.;()]{2,40})(?=[\s,.;()]|$)"
)
_ABOUT = ("ກ່ຽວກັບ", "ວ່າດ້ວຍ", "ການ", "ເລື່ອງ")
_CO_CHAIRS = re.compile(r"ປະທານຮ່ວມ(?:ຂອງ|ໂດຍ)?\s*")
_DELEGATION = re.compile(r"ຄະນະຜູ້ແທນ\s*")
_OF = re.compile(r"(?:ຂອງ|ແຫ່ງ)\s*")
_ATTENDED = re.compile(r"\s*,?\s*ໄດ້ເຂົ້າຮ່ວມ")


def country_named(text: str, pos: int, known, country_at) -> tuple[dict, int] | None:
    """The country named at pos, a state form allowed before it ("ສສ. ຫວຽດນາມ", "ລາຊະອານາຈັກກຳປູເຈຍ")."""
    at = country_at(text, pos, known)
    if at:
        return at
    form = _STATE_FORM.match(text, pos)
    return country_at(text, form.end(), known) if form and form.end() > pos else None


def _ends_with_country(text: str, start: int, end: int, known, country_at) -> tuple[dict, int, int] | None:
    """The country that ends the word text[start:end] (at an ICU word boundary): "ພັກກອມມູນິດຫວຽດນາມ"."""
    for pos in range(start, end):
        at = country_at(text, pos, known)
        if at and at[1] == end and lao_people.is_word(text, pos, end):
            return (at[0], pos, end)
    return None


def _talks(text: str, known, country_at) -> list[tuple]:
    found = []
    for m in re.finditer(r"ແຫ່ງ\s*", text):
        first = country_named(text, m.end(), known, country_at)
        verb = first and _MEETS_WITH.match(text, first[1])
        if not verb:
            continue
        rest = text[verb.end() : verb.end() + 140]
        rest = re.split(r"[.;\n]|ແລະ", rest, maxsplit=1)[0]  # the other side is named in the same clause
        other = re.search(r"ແຫ່ງ\s*", rest)
        second = other and country_named(text, verb.end() + other.end(), known, country_at)
        if second and second[0]["code"] != first[0]["code"]:
            found += [(first[0], m.end(), first[1]), (second[0], verb.end() + other.end(), second[1])]
            break
    return found


def _between(text: str, known, country_at) -> list[tuple]:
    for m in _BETWEEN.finditer(text):
        if any(word in m["name"] for word in _ABOUT):
            continue
        a = _ends_with_country(text, m.start("a"), m.end("a"), known, country_at)
        b = _ends_with_country(text, m.start("b"), m.end("b"), known, country_at)
        if a and b and a[0]["code"] != b[0]["code"]:
            return [a, b]
    return []


def _co_chairs(text: str, known, country_at) -> list[tuple]:
    for m in _CO_CHAIRS.finditer(text):
        first = country_named(text, m.end(), known, country_at)
        joined = first and re.compile(r"\s*(?:,|ແລະ)\s*").match(text, first[1])
        second = joined and country_named(text, joined.end(), known, country_at)
        if second and second[0]["code"] != first[0]["code"]:
            return [(first[0], m.end(), first[1]), (second[0], joined.end(), second[1])]
    return []


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


def read_sides(text: str, known, country_at) -> list[tuple]:
    """(entry, start, end) of each country the sentence's grammar makes a party to the meeting, in order of the
    rules above, each country once."""
    found, seen = [], set()
    for rule in (_talks, _between, _co_chairs, _attending):
        for entry, start, end in rule(text, known, country_at):
            if entry["code"] not in seen:
                seen.add(entry["code"])
                found.append((entry, start, end))
    return found
