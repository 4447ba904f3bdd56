"""Countries and the kind of meeting in a Lao news text (see :mod:`meetings.importing.lao_facts`)."""

from __future__ import annotations

import re
from functools import lru_cache

from meetings.importing import lao_people, lao_sides
from meetings.importing.fact import Fact
from meetings.importing.lao_patterns import LAO_DIGITS, sentence_bounds
from meetings.importing.lao_patterns import alt as _alt
from meetings.importing.lao_tables import (
    ANNUAL_NAMES,
    CONSULTATION_WITH,
    COUNTRIES_SENTENCE,
    COUNTRY_CAPITALS,
    ENCOUNTER,
    HELD_VERBS,
    HOST_AFTER,
    HOST_BEFORE,
    INTERNATIONAL_BODIES,
    INTERNATIONAL_WORDS,
    KIND_WORDS,
    MONTHS,
    NAME_ABOUT,
    NAME_ENDS,
    PART_OF_YEAR,
    STATE_FORMS,
    TRAINING_HELD,
    TRAINING_THIS,
    VENUE_VERBS,
    YEARLY,
)
from meetings.rules.text import normalise_text


def _country_at(text: str, pos: int, known) -> tuple[dict, int] | None:
    """The country whose name (any recorded name or spelling) starts at pos and ends at a word boundary."""
    for entry in known.countries:
        for name in entry["names"]:
            end = pos + len(name)
            if text.startswith(name, pos) and lao_people.is_word(text, pos, end):
                return entry, end
    return None


def _country_fact(field_name: str, entry: dict, start: int, end: int, text: str):
    return Fact(field_name, {"pk": entry["pk"], "code": entry["code"]}, text[start:end], start, end)


_LAO_MONTH = _alt(name for names in MONTHS.values() for name in names if not name.isascii())
# The scene-setting adjunct of a news text's first sentence: the date ("ຜ່ານມາ", past, may follow it), then where
# (ທີ່/ຢູ່ + a place of at most two words + ປະເທດ + the country, ending the phrase): "ໃນວັນທີ 26 ຕຸລານີ້ ທີ່
# ກົວລາລຳເປີ ປະເທດມາເລເຊຍ,"; or a capital (COUNTRY_CAPITALS): "ໃນວັນທີ 11 ມັງກອນ 2018, ທີ່ ນະຄອນຫຼວງພະນົມເປັນ".
_DATE = (
    rf"ວັນທີ່?\s*\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s*(?:{_LAO_MONTH})?\s*(?:\d{{4}})?\s*(?:ນີ້)?\s*"
    rf"(?:(?:ທີ່)?\s*ຜ່ານມາ)?\s*,?\s*(?:ທີ່|ຢູ່)\s*(?!ຜ່ານ)"
)
_DATE_THEN_PLACE = re.compile(rf"{_DATE}(?:[^\s,.;:()\n]+\s*){{0,2}}?(?:ປະເທດ|,)\s*")
_DATE_THEN_CAPITAL = re.compile(rf"{_DATE}(?:ນະຄອນຫຼວງ|ນະຄອນຫລວງ|ນະຄອນ)?\s*")
# The same adjunct the other way round, the place right before the text's first date: "ທີ່ເມືອງເມວເບີນປະເທດ
# ອົດສະຕຣາລີ ໃນລະຫວ່າງວັນທີ 11-13 ພະຈິກ 2025" (a city, ເມືອງ/ນະຄອນ + one word, then ປະເທດ + the country).
_PLACE_THEN_DATE = re.compile(r"(?:ທີ່|ຢູ່)\s*(?:ເມືອງ|ນະຄອນ)[^\s,.;:()\n]+?\s*,?\s*ປະເທດ\s*")
_THEN_DATE = re.compile(r"\s*,?\s*(?:ໃນ)?\s*(?:ລະຫວ່າງ)?\s*ວັນທີ")
_VERBS = re.compile(_alt(VENUE_VERBS))
_CAPITALS = sorted(
    ((normalise_text(n), code) for code, names in COUNTRY_CAPITALS.items() for n in names),
    key=lambda pair: len(pair[0]),
    reverse=True,
)


def _capital_at(text: str, pos: int, known) -> tuple[dict, int] | None:
    """The country whose capital (COUNTRY_CAPITALS) is named at pos, ending at a word boundary."""
    for name, code in _CAPITALS:
        end = pos + len(name)
        if text.startswith(name, pos) and lao_people.is_word(text, pos, end):
            entry = next((e for e in known.countries if e["code"] == code), None)
            return (entry, end) if entry else None
    return None


def _named(text: str, pos: int, known) -> tuple[dict, int] | None:
    """The country named at pos, a state form allowed before it ("ສສ ຫວຽດນາມ")."""
    return lao_sides.country_named(text, pos, known, _country_at)


# A city, then its country, ending the phrase that says where the meeting was: "ເຂົ້າຮ່ວມກອງປະຊຸມສາກົນ … ທີ່
# ນະຄອນຊຽງໄຮ້, ສປ ຈີນ." (in a sentence that names a meeting, in the text's first 600 characters).
_CITY_THEN_COUNTRY = re.compile(
    r"(?:ທີ່|ຢູ່)\s*(?:ເມືອງ|ນະຄອນ|ແຂວງ)\s*[^\s,.;:()\n]+\s*,?\s*(?:ແຂວງ\s*[^\s,.;:()\n]+\s*,?\s*)?(?:ປະເທດ\s*)?"
)


# A sentence about the meeting: one that names it, or a verb of meeting someone ("ເຂົ້າຢ້ຽມຂໍ່ານັບ", a courtesy call).
_MET = re.compile(_alt(["ປະຊຸມ", *ENCOUNTER, "ຢ້ຽມຂໍ່ານັບ", "ຢ້ຽມຂໍານັບ"]))


def _host_by_the_city(text: str, known) -> tuple | None:
    """The country named right after the city, district or province where the meeting was ("ຢູ່ ແຂວງເຫງະອານ,
    ສສ.ຫວຽດນາມ"), in a sentence about the meeting; none for Laos (the host is only stated for meetings abroad)."""
    for m in _CITY_THEN_COUNTRY.finditer(text[:600]):
        at = _named(text, m.end(), known)
        sentence = text[slice(*sentence_bounds(text, m.start()))]
        if at and re.match(r"\s*(?:[,.;\n]|$)", text[at[1] :]) and re.search(_MET, sentence):
            return None if at[0]["code"] == "LA" else (at[0], m.end(), at[1])
    return None


def _host_by_the_date(text: str, known) -> tuple | None:
    """The host country named where the text's first date says the meeting was (see _DATE_THEN_PLACE,
    _DATE_THEN_CAPITAL, _PLACE_THEN_DATE); a country after ປະເທດ must end the phrase (a comma, a full stop or
    the line's end follows, or the date)."""
    digits = text.translate(LAO_DIGITS)
    first = digits.find("ວັນທີ")
    if first == -1:
        return None
    m = _DATE_THEN_PLACE.match(digits, first)
    if m:
        place = digits[m.start() : m.end()].rsplit("ທີ່" if "ທີ່" in m.group() else "ຢູ່", 1)[-1]
        at = None if any(verb in place for verb in VENUE_VERBS) else _named(text, m.end(), known)
        if at and re.match(r"\s*(?:[,.;\n]|$)", text[at[1] :]):  # not "ທີ່ ກະຊວງ ໄດ້ສົ່ງ ປະເທດໄທ"
            return (at[0], m.end(), at[1])
    m = _DATE_THEN_CAPITAL.match(digits, first)
    if m and (at := _capital_at(text, m.end(), known)):
        return (at[0], m.end(), at[1])
    for m in _PLACE_THEN_DATE.finditer(digits[:first]):
        at = _named(text, m.end(), known)
        if at and (then := _THEN_DATE.match(digits, at[1])) and then.end() == first + len("ວັນທີ"):
            return (at[0], m.end(), at[1])
    return None


def _capital_where_held(text: str, known) -> tuple | None:
    """A capital (COUNTRY_CAPITALS) as the locative of the sentence that says where the meeting was held, within
    120 characters after ຈັດຂຶ້ນຢູ່/ທີ່ (HOST_BEFORE) and with no verb between: "ໄດ້ຈັດຂຶ້ນຢູ່ກອງປະຊຸມ ຢຽນຮົ່ງ,
    ຫໍສະພາແຫ່ງຊາດ (ຢູ່ນະຄອນຫຼວງຮ່າໂນ້ຍ)"; not "… ໄດ້ເດີນທາງໄປຢ້ຽມຢາມ ທີ່ຮ່າໂນ້ຍ" (a verb comes between)."""
    for m in re.finditer(_alt(HOST_BEFORE), text):
        end = min(sentence_bounds(text, m.start())[1], m.end() + 120)
        for at_place in re.finditer(r"(?:ຢູ່|ທີ່)\s*(?:ນະຄອນຫຼວງ|ນະຄອນຫລວງ|ນະຄອນ)?\s*", text[m.start() : end]):
            pos = m.start() + at_place.end()
            between = text[m.end() : m.start() + at_place.start()]
            at = _capital_at(text, pos, known)
            if at and not any(
                lao_people.is_word(between, v.start(), v.end()) for v in _VERBS.finditer(between)
            ):
                return (at[0], pos, at[1])
        return None  # the first sentence that says where it was held
    return None


def read_countries(text: str, known) -> list:
    """The host country (``ຈັດຂຶ້ນຢູ່ … ສປ ຈີນ``, ``ປະເທດ X ເປັນເຈົ້າພາບ``) and the participating countries: a list of
    three or more recorded countries after ປະເທດ, joined by commas and ແລະ, in a sentence about taking part."""
    facts: list = []
    if not known.countries:
        return facts
    # "ປະເທດ ກຳປູເຈຍ - ລາວ - ມຽນມາ - ໄທ", "…, ຫວຽດນາມ ແລະ ປະເທດຕີມໍເລສເຕ": joining words may follow each other
    joiner = re.compile(r"(?:\s*(?:,|ແລະ|ປະເທດ|[-–])\s*)+|\s+")
    for m in re.finditer(r"ປະເທດ|ຄື\s*:", text):  # "… ປະເທດສະມາຊິກແມ່ນ້ຳຂອງຄື: ກຳປູເຈຍ, ສປປລາວ, ສສ. ມຽນມາ"
        pos, members = m.end(), []
        while True:
            gap = joiner.match(text, pos)
            at = _named(text, gap.end() if gap else pos, known)
            if not at:
                break
            members.append((at[0], gap.end() if gap else pos, at[1]))
            pos = at[1]
        s_start, s_end = sentence_bounds(text, m.start())
        if len({e["code"] for e, _s, _e in members}) >= 3 and any(
            w in text[s_start:s_end] for w in COUNTRIES_SENTENCE
        ):
            seen = set()
            for entry, start, end in members:
                if entry["code"] not in seen:
                    seen.add(entry["code"])
                    facts.append(_country_fact("country", entry, start, end, text))
            break
    if not facts:
        for entry, start, end in _counted_list(text, known):
            facts.append(_country_fact("country", entry, start, end, text))
    host = None
    for m in re.finditer(_alt(HOST_AFTER), text):  # "… ປະເທດ X ເປັນເຈົ້າພາບ": the country right before it
        for pos in range(max(0, m.start() - 40), m.start()):
            at = _country_at(text, pos, known)
            if at and not text[at[1] : m.start()].strip():
                host = (at[0], pos, at[1])
                break
        if host:
            break
    if not host:
        host = _host_by_the_date(text, known)
    if not host:
        for m in re.finditer(_alt(HOST_BEFORE), text):
            clause_end = min(
                [i for i in (text.find(c, m.end()) for c in ",.;\n") if i != -1] + [m.end() + 80, len(text)]
            )  # capped at the text's end: a stored excerpt may stop right after ຈັດຂຶ້ນທີ່
            named = []
            for pos in range(m.end(), clause_end):
                # "… ແຂວງໄຫຫຼຳປະເທດຈີນ", "ນະຄອນຫລວງ ບາງ ກອກ ຂອງໄທ"
                starts = pos == m.end() or text[pos - 1].isspace() or text.endswith(("ປະເທດ", "ຂອງ"), 0, pos)
                if starts and (at := _country_at(text, pos, known)):  # "… ແຂວງໄຫຫຼຳປະເທດຈີນ"
                    named.append((at[0], pos, at[1]))
            if len({entry["code"] for entry, _s, _e in named}) > 1:
                break  # two countries in the place's clause: which one hosts is not said
            if named:
                host = named[-1]
                break
    if not host:
        host = _capital_where_held(text, known)
    if not host:
        host = _host_by_the_city(text, known)
    if not host:
        host = lao_sides.owner_host(text, known, _country_at)
    listed = {f.value["code"] for f in facts}
    if (
        host and listed and host[0]["code"] not in listed
    ):  # the host of a meeting of many countries takes part
        facts.append(_country_fact("country", host[0], host[1], host[2], text))
    if not listed:
        for entry, start, end in lao_sides.read_sides(text, known, _country_at):
            facts.append(_country_fact("country", entry, start, end, text))
    if host:
        facts.append(_country_fact("host_country", host[0], host[1], host[2], text))
    return facts


# "ສາມປະເທດ", "3 ປະເທດ", "ສອງປະເທດ": how many countries the text says take part (two to five).
_COUNT_OF_COUNTRIES = re.compile(r"(?<![\d.,])(?P<n>[2-5]|ສອງ|ສາມ|ສີ່|ຫ້າ)\s*ປະເທດ")
_NUMBERS = {"ສອງ": 2, "ສາມ": 3, "ສີ່": 4, "ຫ້າ": 5}
# between the members of a list of countries: "ຫວຽດນາມ - ລາວ - ກຳປູເຈຍ", "ລາວ, ໄທ ແລະ ຫວຽດນາມ"
_LIST_JOINER = re.compile(r"(?:\s*(?:,|ແລະ|ປະເທດ|[-–])\s*)+|\s+")


# Words of the relations between countries: "ສາຍພົວພັນມິດຕະພາບສອງປະເທດ ລາວ-ຫວຽດນາມ" counts no one taking part.
_RELATIONS = ("ພົວພັນ", "ມິດຕະພາບ", "ຮ່ວມມື")
_OF_A_MEETING = (*COUNTRIES_SENTENCE, "ກອງປະຊຸມ", "ປະຊຸມ", "ພົບປະ")


def _counts_of_parties(text: str) -> list[re.Match]:
    """The counts of countries said of those taking part: in a sentence that names the meeting or taking part
    ("ການພົບປະລະຫວ່າງລັດຖະມົນຕີ … 3 ປະເທດ"), not of the relations between them."""
    found = []
    for m in _COUNT_OF_COUNTRIES.finditer(text):
        s_start, s_end = sentence_bounds(text, m.start())
        if any(w in text[max(s_start, m.start() - 15) : m.start()] for w in _RELATIONS):
            continue
        if any(w in text[s_start:s_end] for w in _OF_A_MEETING):
            found.append(m)
    return found


def _chain(text: str, pos: int, known) -> list[tuple[dict, int, int]]:
    """The countries named one after another from pos, joined by commas, ແລະ, ປະເທດ, dashes or spaces."""
    members: list[tuple[dict, int, int]] = []
    while at := _named(text, pos, known):
        members.append((at[0], pos, at[1]))
        gap = _LIST_JOINER.match(text, at[1])
        if not gap:
            break
        pos = gap.end()
    return members


@lru_cache(maxsize=8)
def _heads(names: tuple[str, ...]) -> re.Pattern:
    """Where a country's name or a state form may begin (the list's walk checks the rest)."""
    return re.compile(_alt(sorted({*names, *STATE_FORMS}, key=len, reverse=True)))


def _counted_list(text: str, known) -> list[tuple[dict, int, int]]:
    """The countries of a list whose length the text states ("ລັດຖະມົນຕີ … 3 ປະເທດ ຫວຽດນາມ - ລາວ - ກຳປູເຈຍ",
    "ສາມປະເທດ … ການພົວພັນຫວຽດນາມ - ລາວ - ກໍາປູເຈຍ"): two cues that agree. Not when the text states more than one
    count, nor when lists of that length name different countries."""
    counts = {int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"]] for m in _counts_of_parties(text)}
    if len(counts) != 1:
        return []
    (count,) = counts
    lists, covered = [], -1
    for head in _heads(tuple(n for entry in known.countries for n in entry["names"])).finditer(text):
        if head.start() <= covered:
            continue
        chain = _chain(text, head.start(), known)
        if chain:
            covered = chain[-1][2]
            codes = {entry["code"] for entry, _s, _e in chain}
            if len(codes) == count:
                lists.append((codes, chain))
    if not lists or any(codes != lists[0][0] for codes, _chain_ in lists):
        return []
    seen: set[str] = set()
    return [m for m in lists[0][1] if not (m[0]["code"] in seen or seen.add(m[0]["code"]))]


def _heads_name(before: str) -> bool:
    """Whether a kind word right after ``ກອງປະຊຸມ`` + ``before`` heads the meeting's name: nothing before it, or
    only verbs listed with it (``ກອງປະຊຸມຄົ້ນຄ້ວາ, ປຶກສາຫາລື``). Not the object of another verb
    (``ກອງປະຊຸມທົບທວນຄືນຊຸດຝຶກອົບຮົມ``, reviewing a training course) nor a later clause
    (``ກອງປະຊຸມດັ່ງກ່າວໄດ້ມີການປຶກສາຫາລື``)."""
    return re.fullmatch(r"\s*(?:[^\s,.;]{1,12}\s*(?:,|ແລະ)\s*)*", before) is not None


def _yearly(text: str, start: int) -> bool:
    """Whether the name that starts at ``start`` says it covers a year (YEARLY: ປະຈຳປີ, ໃນໄລຍະ 1 ປີຜ່ານມາ, …): the
    name runs to the clause that holds it (NAME_ENDS: ໄດ້, ຈັດຂຶ້ນ, ໂດຍ, …), at most 250 characters."""
    name = text[start : start + 250]
    cut = min([i for i in (name.find(w) for w in NAME_ENDS) if i != -1] + [len(name)])
    name = name[:cut].translate(LAO_DIGITS)
    # "ສະຫຼຸບ 9 ເດືອນ ແລະ ແຜນການປະຈຳປີ": a part of the year summed up, the year's plan only named
    return re.search(YEARLY, name) is not None and re.search(PART_OF_YEAR, name) is None


_CONSULTING = ("ປຶກສາຫາລື", "ປືກສາຫາລື")


def _consults_on(text: str, end: int) -> bool:
    """Whether ປຶກສາຫາລື ending at end says what or whom it consults about or with (CONSULTATION_WITH), what it is
    about not being itself a kind of meeting ("ປຶກສາຫາລື ກ່ຽວກັບການປະສານງານ": discussing coordination, which kind
    is not said)."""
    about = re.match(rf"\s*(?:{_alt(CONSULTATION_WITH)})\s*(?:ການ)?\s*", text[end : end + 30])
    others = (w for kind, words in KIND_WORDS.items() if kind != "consultation" for w in words)
    return about is not None and not any(text.startswith(w, end + about.end()) for w in others)


def _owned_by_a_body(text: str):
    """The first meeting named after an international body (INTERNATIONAL_BODIES) before anything its name says
    it is about (NAME_ABOUT; "ການ" only as a word of its own, not in "ອົງການ"): an international meeting."""
    m = re.search("ກອງປະຊຸມ", text[:400])
    name = m and re.match(r"[^.;,\n]{0,60}", text[m.end() :]).group()
    body = name and re.search(_alt(INTERNATIONAL_BODIES), name)
    if not body:
        return None
    before = name[: body.start()]
    about = re.search(rf"(?:{_alt(NAME_ABOUT)})", before.replace("ອົງການ", "ອົງ___"))
    # "ກອງປະຊຸມຄົບຄະນະ ຄັ້ງທີ 3 ຂອງຄະນະຊີ້ນຳ ກະກຽມ ອາຊຽນ": a national body's meeting that prepares for it
    national = re.search(r"ຂອງ|ກະກຽມ|ແຫ່ງຊາດ", before) or len(before.split()) > 2
    return None if about or national else ("international", m.end() + body.start(), m.end() + body.end())


def _named_kind(text: str):
    """(kind, start, end) from the words that head the name of the first meeting (ກອງປະຊຸມ + ປຶກສາຫາລື,
    ຝຶກອົບຮົມ, …; ພິທີ + ສະຫຼຸບ, a summing-up ceremony, for the annual review only), or a training course held
    (TRAINING_HELD: "ໄດ້ຈັດຊຸດຝຶກອົບຮົມ")."""
    best = None
    for m in re.finditer("ກອງປະຊຸມ|ພິທີ", text[:400]):
        window = re.match(r"[^.;\n]{0,30}", text[m.end() :]).group()
        annual = re.match(rf"\s*(?:{_alt(ANNUAL_NAMES)})", window)  # "ກອງປະຊຸມຜູ້ບໍລິຫານການສຶກສາ"
        if annual and m.group() == "ກອງປະຊຸມ":
            return ("annual_review", m.end(), m.end() + annual.end())
        for kind, words in KIND_WORDS.items():
            if m.group() == "ພິທີ" and kind != "annual_review":
                continue
            for word in words:
                pos = window.find(word)
                if (
                    pos == -1
                    or not _heads_name(window[:pos])
                    or (kind == "annual_review" and not _yearly(text, m.end()))
                    or (word in _CONSULTING and not _consults_on(text, m.end() + pos + len(word)))
                ):
                    continue
                start = m.end() + pos
                if best is None or start < best[1]:
                    best = (kind, start, start + len(word))
        if best:
            return best
    owned = _owned_by_a_body(text)
    if owned:
        return owned
    held = re.search(_alt(TRAINING_HELD), text[:400])  # the text's first event: no ກອງປະຊຸມ before it
    if held and "ກອງປະຊຸມ" not in text[: held.start()]:
        return ("training", held.start(), held.end())
    this = re.search(rf"(?:^|\n|\. )\s*(?P<course>{_alt(TRAINING_THIS)})", text)
    if this and "ກອງປະຊຸມ" not in text[: this.start()]:
        return ("training", this.start("course"), this.end("course"))
    subject = _COURSE_HELD.match(text)
    if subject:
        return ("training", subject.start("course"), subject.end("course"))
    return _kind_predicated(text)


# The course as the subject of the text's first sentence, held: "ຊຸດຝຶກອົບຮົມ ວຽກງານວິຊາສະເພາະ … ໄດ້ຈັດຂຶ້ນວັນທີ …"
_COURSE_HELD = re.compile(
    rf"\s*(?P<course>ຊຸດ(?:ຝຶກອົບຮົມ|ເຝຶກອົບຮົມ|ອົບຮົມ))[^.\n]{{0,120}}?(?:ໄດ້)?\s*(?:{_alt(HELD_VERBS)})"
)


# The meeting as the subject of its sentence, then ", ເປັນການ + a kind" (it was a …): "ກອງປະຊຸມດັ່ງກ່າວໄດ້ຈັດຂຶ້ນ …,
# ເປັນການສືບຕໍ່ປຶກສາຫາລື ລະຫວ່າງ …" (a continued consultation). Not the annual review (ເປັນການສະຫຼຸບ is said of a
# part of any meeting) nor a kind named after a verb ("ເພື່ອປຶກສາຫາລື", to discuss).
_PREDICATED = re.compile(r"(?:^|\n|\. )ກອງປະຊຸມ[^.\n]{0,250}?,\s*ເປັນການ(?:ສືບຕໍ່)?\s*")


def _kind_predicated(text: str):
    m = _PREDICATED.search(text[:600])
    if not m:
        return None
    for kind in ("consultation", "training", "coordination"):
        for word in KIND_WORDS[kind]:
            if text.startswith(word, m.end()):
                return (kind, m.end(), m.end() + len(word))
    return None


def _with_others(text: str, code: str, known) -> bool:
    """Whether the text says others than the host country take part: another recorded country named as a word of
    its own, or a word of international meetings (INTERNATIONAL_WORDS: ອາຊຽນ, ສາກົນ, ຄະນະຜູ້ແທນ, ບັນດາປະເທດ, …)."""
    if any(word in text for word in INTERNATIONAL_WORDS):
        return True
    return any(
        lao_people.is_word(text, m.start(), m.end())
        for entry in known.countries
        if entry["code"] != code
        for name in entry["names"]
        for m in re.finditer(re.escape(name), text)
    )


def read_kind(text: str, facts: list, known):
    """The kind of meeting from the words of its name (:func:`_named_kind`), or international when a foreign
    country hosts it or several countries take part."""
    best = _named_kind(text)
    host = next((f for f in facts if f.field == "host_country"), None)
    countries = [f for f in facts if f.field == "country"]
    if host and host.value["code"] != "LA" and _with_others(text, host.value["code"], known):
        # held abroad with others: international, whatever its name says; a country's own meeting reported from
        # abroad ("ກອງປະຊຸມໃຫຍ່ຂອງພັກກອມມູນິດຫວຽດນາມ …", naming no one else) is no international meeting
        return Fact("kind", "international", "international", host.start, host.end)
    if len(countries) >= 2:
        return Fact("kind", "international", "international", countries[0].start, countries[-1].end)
    if best:
        return Fact("kind", best[0], best[0], best[1], best[2])
    return None
