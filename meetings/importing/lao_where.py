"""Where a meeting was held, in a news text: the venue (``ທີ່`` + a kind of place + its name to the end of its
clause) and the city or province (inside or right after the venue, ``ທີ່`` + a place of the table where the text
sets the scene, or the province of the body that held it). A place where someone lives or comes from is not the
meeting's."""

from __future__ import annotations

import re
from functools import lru_cache

from meetings.importing import lao_people
from meetings.importing.fact import Fact
from meetings.importing.lao_patterns import LAO, phrase_pattern, sentence_bounds
from meetings.importing.lao_patterns import alt as _alt
from meetings.importing.lao_tables import (
    DATE_MARKERS,
    HELD_VERBS,
    HOLDS,
    HONORIFICS,
    KNOWN_VENUES,
    LIVES_AT_VERBS,
    OFFICE_HEADS,
    ORGANISATION_HEADS,
    PLACE_HEADS,
    PLACES,
    STRICT_VENUE_AT,
    STRICT_VENUE_KINDS,
    VENUE_AT,
    VENUE_ENDS,
    VENUE_KINDS,
    VENUE_KINDS_EN,
    VENUE_NOT_NAMES,
    VENUE_REFERENCE,
    VENUE_VERBS,
    WHOLE_VENUES,
)
from meetings.rules.text import words


@lru_cache(maxsize=256)
def _place_pattern(form: str) -> re.Pattern:
    """A city or province as written, also with a space after ແຂວງ/ນະຄອນ/ນະຄອນຫຼວງ ("ແຂວງ ຄຳມ່ວນ", "ນະຄອນຫຼວງ ວຽງຈັນ")."""
    pattern = phrase_pattern(form)
    for prefix in ("ແຂວງ", "ນະຄອນຫຼວງ", "ນະຄອນຫລວງ", "ນະຄອນ"):  # the longest first
        if form.startswith(prefix):
            head = r"\s*".join(re.escape(part) for part in re.split(r"(?<=ນະຄອນ)(?=ຫ)", prefix))
            pattern = head + r"\s*" + phrase_pattern(form[len(prefix) :])  # "ນະຄອນ ຫລວງວຽງຈັນ" too
            break
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


_BRACKET_THEN_SUBJECT = re.compile(rf"\)(?=\s+(?:{_alt([*ORGANISATION_HEADS, *OFFICE_HEADS])}))")


def _venue_stop(text: str, v_start: int, after: int) -> int:
    """Where the venue's run ends: the first clause word (VENUE_ENDS) from ``after``, or a bracketed locality
    followed by the sentence's subject ("ທີ່ຫ້ອງປະຊຸມ ຊັ້ນ 3 (ເຂດ …) ຫ້ອງການ X ຈັດ…"), at most 120 characters on."""
    ends = [text.find(e, after) for e in VENUE_ENDS]
    bracket = _BRACKET_THEN_SUBJECT.search(text, after, v_start + 120)
    if bracket:
        ends.append(bracket.end())
    return min([i for i in ends if i != -1] + [v_start + 120])


def _venue_stated(venue: str, after: str) -> bool:
    """Whether the venue's words are all the venue: not a reference to a place named elsewhere (``ດັ່ງກ່າວ``),
    and not a run up to the verb ໄດ້ that may hold the sentence's subject (an organisation's name after a
    space: ``ທີ່ຫ້ອງປະຊຸມ … ກົມແຜນການ ໄດ້ຈັດ``), where the text does not mark where the venue ends; never a run
    holding a verb (VENUE_VERBS, as a word of its own)."""
    if any(word in venue for word in VENUE_REFERENCE):
        return False
    if _words_at(venue, VENUE_VERBS) or _words_at(venue, VENUE_NOT_NAMES):
        return False  # run into the predicate, or into a person's name: the text does not mark where it ends
    if after.lstrip().startswith("ໄດ້"):
        words = venue.split()
        return not any(w.startswith(tuple(ORGANISATION_HEADS)) for w in words[1:])
    return True


_FIELD = r"[^\s,.;()]+"
_FIELDS = re.compile(rf",\s*(?P<fields>(?:{_FIELD}\s*,\s*)*{_FIELD})\s+ແລະ\s+(?P<last>{_FIELD})")
_OFFICE_FIELD = re.compile(rf"(?:{_alt(OFFICE_HEADS)})\s*{_FIELD}$")
_NOT_A_FIELD = (*OFFICE_HEADS, *ORGANISATION_HEADS, *HONORIFICS, *VENUE_VERBS, "ໂດຍ", "ມີ", "ເຊິ່ງ", "ຊຶ່ງ", "ເພື່ອ")


def _office_fields_end(text: str, v_start: int, stop: int) -> int | None:
    """Where an office's name that lists its fields ends: "ທີ່ຫ້ອງປະຊຸມພະແນກຖະແຫຼງຂ່າວ, ວັດທະນະທຳ ແລະ ທ່ອງທ່ຽວ ແຂວງ"
    runs past the comma to the last field after ແລະ (and a province glued to it). Only one-word fields: none a
    name, an office, a place or a verb ("ທີ່ພະແນກການເງິນ, ທ່ານ ກ ແລະ …" and "…, ພະແນກແຜນການ ແລະ …" end the venue
    at the comma)."""
    if not _OFFICE_FIELD.search(text, v_start, stop):
        return None
    m = _FIELDS.match(text, stop)
    if not m:
        return None
    fields = [f.strip() for f in m["fields"].split(",")] + [m["last"]]
    if any(f.startswith(_NOT_A_FIELD) or any(v in f for v in VENUE_VERBS) for f in fields):
        return None
    # "… ແລະ ການລົງທຶນແຂວງອັດຕະປື": the last field may carry its province, no other field a place
    last = _place_in(fields[-1], 0, len(fields[-1]))
    if any(_place_in(f, 0, len(f)) for f in fields[:-1]) or (last and last[1][0] == 0):
        return None
    return m.end()


def _follows_venue(text: str, venue_end: int, place_start: int) -> bool:
    """A place after the venue is its city only right after it ("ໂຮງແຮມ X, ນະຄອນຫຼວງວຽງຈັນ"), with at most a
    district between ("…, ເມືອງ ໄຊເສດຖາ, ນະຄອນຫຼວງວຽງຈັນ"); not a province in the name of the subject that
    follows ("ທີ່ຫ້ອງປະຊຸມ ເມືອງ X, ພະແນກຍຸຕິທຳແຂວງ Y ໄດ້…": the department's province)."""
    between = text[venue_end:place_start]
    return re.fullmatch(rf"[\s,]*(?:\([^()]*\)[\s,]*)?(?:ເມືອງ\s*{_FIELD}[\s,]*)?", between) is not None


def _scene(text: str) -> list[tuple[int, int]]:
    """Sentences that set the meeting's scene: the text's first Lao sentence (its title or lead) and the one of
    its first date (ວັນທີ …). A place named elsewhere ("ປະຊາຊົນທີ່ອາໃສຢູ່ … ຢູ່ແຂວງ X", where people live) is not
    where the meeting was held."""
    firsts = (re.search(f"[{LAO}]", text), re.search(_alt(w for w in DATE_MARKERS if not w.isascii()), text))
    return [sentence_bounds(text, m.start()) for m in firsts if m]


def _is_word(text: str, start: int, end: int) -> bool:
    """:func:`lao_people.is_word`, with a number glued before counting as a word's end ("2022ທີ່ໂຮງແຮມ", which ICU
    reads as one word)."""
    if start > 0 and text[start - 1].isdigit():
        return lao_people.is_word(text[start:], 0, end - start)
    return lao_people.is_word(text, start, end)


def _district_then(text: str, at: int, place_start: int) -> bool:
    """The province right at ``at``, or after a district ("ຢູ່ເມືອງວັງວຽງ, ແຂວງວຽງຈັນ")."""
    return re.fullmatch(rf"(?:ເມືອງ\s*{_FIELD}[\s,]*)?", text[at:place_start]) is not None


_AT = "ຢູ່"


def _lives_at(text: str, at: int) -> bool:
    """Whether the locative at ``at`` follows a verb of living or staying (LIVES_AT_VERBS)."""
    before = text[max(0, at - 20) : at].rstrip()
    before = before.removesuffix(_AT).rstrip()  # "ອາໃສຢູ່ທີ່ …": the locative may be two words
    return before.endswith(tuple(LIVES_AT_VERBS))  # not an ICU check: it cuts "ທີ່ພັກ|ເຊົາ" (lodging, then stop)


def _held_before(text: str, pos: int) -> bool:
    """Whether a verb of holding the meeting (HELD_VERBS) comes before ``pos`` in its sentence: its subject is
    then before the venue, not after it."""
    s_start, _end = sentence_bounds(text, pos)
    return any(v in text[s_start:pos] for v in HELD_VERBS)


ROOMS = ("ຫ້ອງປະຊຸມ",)
# buildings, not bodies: "…, ພະແນກຍຸຕິທຳແຂວງ X ໄດ້ຈັດ" after a room is the sentence's subject
_BUILDINGS = ["ຫ້ອງວ່າການ", "ໂຮງແຮມ", "ຫໍປະຊຸມ", "ສູນປະຊຸມ", "ສະໂມສອນ", "ຫໍວັດທະນະທຳ", "ທຳນຽບ"]
_ROOM_THEN_BUILDING = re.compile(rf"\s*,\s*(?:{_alt(_BUILDINGS)})")


def _lao_venue_stop(text: str, m: re.Match) -> int:
    """Where the venue that starts at ``m`` ends (see :func:`_lao_venue`)."""
    v_start = m.start("v")
    stop = _venue_stop(text, v_start, v_start)
    fields_end = _office_fields_end(text, v_start, stop)
    if fields_end:
        stop = _venue_stop(text, v_start, fields_end)
    building = _ROOM_THEN_BUILDING.match(text, stop) if text.startswith(ROOMS, v_start) else None
    if building:  # "ທີ່ຫ້ອງປະຊຸມຊັ້ນ 3, ຫ້ອງວ່າການແຂວງ X": a room, then the building it is in
        further = _venue_stop(text, v_start, building.end())
        stop = stop if text[further:].lstrip().startswith("ໄດ້") else further
    place = _place_in(text, v_start, stop)
    if place and text[place[1][1] :].lstrip().startswith((*VENUE_VERBS, *VENUE_NOT_NAMES)):
        return place[1][1]  # "ທີ່ສະໂມສອນເມືອງ Xແຂວງວຽງຈັນໄດ້ຈັດ…": the province ends it, the predicate follows
    if _held_before(text, m.start()):  # "… ຈັດຂຶ້ນ … ຢູ່ທີ່ຫ້ອງການ Xດຳເນີນເປັນເວລາ 1 ວັນ": the first verb ends it
        verbs = [v_start + i for i in _words_at(text[v_start:stop], VENUE_VERBS) if i > 0]
        stop = min([stop, *verbs])
    return stop


def _words_at(run: str, words) -> list[int]:
    """Where any of ``words`` stands in ``run`` as a word of its own (ICU)."""
    return [
        m.start()
        for w in words
        for m in re.finditer(re.escape(w), run)
        if lao_people.is_word(run, m.start(), m.end())
    ]


def _lao_venue(text: str, m: re.Match) -> tuple[list[Fact], tuple | None]:
    """The venue from ``m`` (a locative + a kind of place) up to the end of its clause, and the city or province
    named inside it or right after it."""
    v_start = m.start("v")
    stop = _lao_venue_stop(text, m)
    bracket = re.match(r"\s*\([^()\n]{1,20}\)", text[stop:])
    if text[stop : stop + 1] == "(" or (bracket and text[stop] != ","):
        stop += bracket.end() if bracket else 0
    venue_end = len(text[v_start:stop].rstrip()) + v_start
    city = _place_in(text, v_start, min(len(text), stop + 40))
    if city and city[1][0] >= stop and not _follows_venue(text, stop, city[1][0]):
        city = None
    if city and v_start < city[1][0] < venue_end + 2 and text[city[1][0] - 1] in " ,":
        venue_end = len(text[v_start : city[1][0]].rstrip(" ,")) + v_start  # "ໂຮງແຮມ X ນະຄອນຫຼວງວຽງຈັນ"
        district = re.search(rf" ເມືອງ\s*{_FIELD}$", text[v_start:venue_end])
        if district and len(text[v_start : v_start + district.start()]) > len(m["v"]):
            # "ໂຮງຮຽນ ມສ X ເມືອງ Y ແຂວງ Z": the district is not the venue's (when more than its kind remains)
            venue_end = v_start + district.start()
    whole = re.match(
        rf"(?:{_alt(WHOLE_VENUES)}|{_ROOM_ON_A_FLOOR})(?= (?:{_alt(ORGANISATION_HEADS)}))",
        text[v_start:venue_end],
    )
    if whole:  # "ທີ່ສະພາແຫ່ງຊາດ ຄະນະປະຈຳສະພາ … ໄດ້ຈັດ": the name, then the sentence's subject
        venue_end = v_start + whole.end()
        city = city if city and city[1][0] < venue_end else None
    venue = text[v_start:venue_end]
    # "ຫໍປະຊຸມແຫ່ງຊາດ (ຮ່າໂນ້" in an excerpt that stops there: the name alone
    if venue.count("(") > venue.count(")"):
        venue_end = v_start + len(venue[: venue.rindex("(")].rstrip())
        venue = text[v_start:venue_end]
    if _dangles(venue):
        return [], None  # "ທີ່ຫ້ອງປະຊຸມຂອງຕົນ", "ທີ່ຫ້ອງປະຊຸມຂອງ …": no name is stated, or it was cut
    unended = stop >= v_start + 120 < len(text)  # no clause word nor the text's end within 120 characters
    if not whole and (
        unended or not _venue_stated(venue, text[stop : stop + 4]) or _cut_word(text, v_start, stop)
    ):
        return [], None  # no venue: a city is read only where ທີ່/ຢູ່ names it
    if not city and venue in KNOWN_VENUES and not text[venue_end : venue_end + 2].lstrip().startswith("("):
        # not when a bracket says where it is ("ຫໍປະຊຸມແຫ່ງຊາດ (ຮ່າໂນ້": Hanoi's, of the same name)
        city = (KNOWN_VENUES[venue], (v_start, venue_end))
    bare = len(venue) - len(_PROVINCE)
    if not city and venue.endswith(_PROVINCE) and _is_word(venue, bare, len(venue)):
        city = _the_province(text)
    return [Fact("venue", venue, venue, v_start, venue_end)], city


_PROVINCE = "ແຂວງ"
# A room by its floor alone is a whole name too: "ທີ່ຫ້ອງປະຊຸມຊັ້ນ2 ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກໄດ້ຈັດ…" (the subject follows).
_ROOM_ON_A_FLOOR = r"ຫ້ອງປະຊຸມ\s*ຊັ້ນ\s*\d{1,2}"
# Words a name never ends with: a possessive, a reflexive pronoun, a conjunction or a preposition. A venue that ends
# with one names nothing ("ຫ້ອງປະຊຸມຂອງຕົນ", its own meeting room) or was cut before its owner's name.
_DANGLING = ("ຂອງ", "ຕົນ", "ຕົນເອງ", "ແລະ", "ກັບ", "ໂດຍ", "ໃນ", "ທີ່", "ຢູ່", "ຫຼື", "ຫລື")


def _dangles(venue: str) -> bool:
    """Whether the venue's last word (ICU) is one a name cannot end with (:data:`_DANGLING`)."""
    last = words(venue.rstrip(" ,"))
    return bool(last) and last[-1] in _DANGLING


def _cut_word(text: str, v_start: int, stop: int) -> bool:
    """Whether the venue ends at a line break that cuts a word in two ("ທີ່ຫ້ອງປະຊຸມພະແນກກະສິ\nກຳ ແລະ ປ່າໄມ້", a
    copy's broken line): joined again, its last character is not at a word's end (ICU), so the run is no whole name."""
    if text[stop : stop + 1] != "\n" or not re.match(f"[{LAO}]", text[stop + 1 : stop + 2]):
        return False
    joined = text[v_start:stop] + text[stop + 1 : stop + 30].split(" ")[0]
    return not lao_people.is_word(joined, 0, stop - v_start)


def _the_province(text: str) -> tuple | None:
    """The province a venue names by the bare word ແຂວງ ("ທີ່ຫ້ອງວ່າການແຂວງ", the province's own hall): the one
    province the opening of the text names, when it names one only and not as where someone came from
    ("ຄະນະຜູ້ແທນຈາກແຂວງ X", a visiting delegation: their province is not the host's)."""
    head = text[:600]
    named = {}
    for key, (forms, _lo, _en) in PLACES.items():
        for form in forms:
            for m in _place_pattern(form).finditer(head):
                named.setdefault(key, []).append(m)
    if len(named) != 1:
        return None
    key, mentions = next(iter(named.items()))
    if any(head[max(0, m.start() - 6) : m.start()].rstrip().endswith("ຈາກ") for m in mentions):
        return None
    return key, mentions[0].span()


# "ກອງບັນຊາການທະຫານ ນະຄອນຫຼວງວຽງຈັນ (ນວ) ໄດ້ຈັດຂຶ້ນ": a bracketed abbreviation may follow the name before the verb
# "ເຊິ່ງແຂວງຄຳມ່ວນເປັນເຈົ້າພາບ": the province that hosts it holds it
_HOLDS = re.compile(rf"\s*(?:\([^()\n]{{1,12}}\)\s*)?(?:ໄດ້\s*)?(?P<verb>{_alt([*HOLDS, 'ເປັນເຈົ້າພາບ'])})")
_ELSEWHERE = re.compile(rf"(?:{_alt(VENUE_AT)})\s*(?:{_alt(PLACE_HEADS)})")


def _province_that_holds(text: str) -> tuple | None:
    """The province that ends the subject of the first verb of holding in the opening of the text ("ເມືອງລອງ ແຂວງ X
    ໄດ້ຈັດພິທີ …", "ຫ້ອງວ່າການແຂວງ X ໄດ້ຈັດກອງປະຊຸມ"): a local body holds its meetings at home. Not when that
    sentence places the meeting elsewhere (ທີ່/ຢູ່ + a town, district, province or country the reader does not know,
    unless written by reference: ທີ່ເມືອງດັ່ງກ່າວ), nor for a body named as coming from it (ຈາກ), nor for a place
    that is the possessor (ຂອງ) of what the subject names (the event's topic, not the body that holds it), nor for
    the last place of a list."""
    head = min(len(text), 600)
    place = _place_in(text, 0, head)
    while place and not _holds_after(text, place[1][1]):
        place = _place_in(text, place[1][1], head)
    if not place or text[max(0, place[1][0] - 6) : place[1][0]].rstrip().endswith(("ຈາກ", "ຂອງ", "ແລະ", ",")):
        # coming from it, its possessive ("ບ້ານເປົ້າໝາຍ ຂອງແຂວງ X": villages it has, not a body), or the last of a
        # list ("ໃນ 05 ແຂວງເປົ້າໝາຍຄື: … ຄຳມ່ວນ ແລະ ນະຄອນຫຼວງວຽງຈັນ ຈັດຂຶ້ນ": the places it concerns)
        return None
    sentence = text[slice(*sentence_bounds(text, place[1][0]))]
    for m in _ELSEWHERE.finditer(sentence):
        if not any(r in sentence[m.end() : m.end() + 20] for r in VENUE_REFERENCE):
            return None
    return place


_OWN_ROOM = re.compile(rf"ຂອງ\s*(?:{_alt([*OFFICE_HEADS, *ORGANISATION_HEADS])})$")


def _holds_after(text: str, pos: int) -> bool:
    verb = _HOLDS.match(text, pos)
    return verb is not None and _is_word(text, verb.start("verb"), verb.end("verb"))


def _venue_of_the_meeting(venue_re: re.Pattern, text: str, head: int) -> re.Match | None:
    """A venue past the text's opening, in a sentence that names the meeting before it: "… ໄດ້ເຂົ້າຮ່ວມ ກອງປະຊຸມ
    ຕິດຕາມ-ຊຸກຍູ້ … ທີ່ຫ້ອງປະຊຸມກົມປ່າໄມ້ ໂດຍການເປັນປະທານຂອງ …" (the place the meeting phrase is at)."""
    for m in venue_re.finditer(text, head):
        s_start, _end = sentence_bounds(text, m.start())
        if "ກອງປະຊຸມ" in text[s_start : m.start()]:
            return m
    return None


def read_place(text: str, language: str) -> list[Fact]:
    """Venue (``ທີ່``/``ຢູ່`` + a kind of place + its name up to the end of the clause) and city or province, in
    the opening of the text: inside or right after the venue; the one province the text names, for a venue named
    by the bare word ແຂວງ; ``ທີ່``/``ຢູ່`` (+ a district) + a place of PLACES in the sentences that set the scene;
    or, with no venue, the province ending the subject of the verb of holding."""
    facts, city = [], None
    head = len(text) if language != "lo" else min(len(text), 600)
    if language == "lo":
        venue_re = re.compile(rf"(?:{_alt(VENUE_AT)})\s*(?P<v>(?:{_alt(VENUE_KINDS)}))")
        m = venue_re.search(text, 0, head) or _venue_of_the_meeting(venue_re, text, head)
    else:
        m = re.search(rf"\bat (?:the )?(?P<v>(?:[A-Z][\w'’-]*\s)+?(?:{_alt(VENUE_KINDS_EN)}))\b", text)
    if language == "lo":  # "ຢູ່ທີ່ກະຊວງຍຸຕິທຳ": a ministry after a strict locative, when it comes first
        strict = re.compile(rf"(?:{_alt(STRICT_VENUE_AT)})\s*(?P<v>(?:{_alt(STRICT_VENUE_KINDS)}))").search(
            text, 0, head
        )
        if strict and (not m or strict.start() < m.start()):
            m = strict
    if m and language == "lo" and not _is_word(text, m.start(), m.start("v")):
        m = next(  # "ຄະນະພະແນກ" is not "ນະ" (at) + a venue: the marker must be a word of its own
            (v for v in venue_re.finditer(text, m.end(), head) if _is_word(text, v.start(), v.start("v"))),
            None,
        )
    if m and language == "lo" and _lives_at(text, m.start()):
        m = None  # "ແຮງງານທີ່ພັກເຊົາຢູ່ໂຮງແຮມ X": where someone stays, not where the meeting was
    if m and language == "lo":
        venue, city = _lao_venue(text, m)
        facts += venue
    elif m:
        facts.append(Fact("venue", m.group("v"), m.group("v"), m.start("v"), m.end("v")))
        city = _place_in(text, m.end(), m.end() + 40)
    if not city and language == "lo":
        at = re.compile(rf"(?:{_alt(VENUE_AT)})\s*").finditer(text, 0, head)
        scene = _scene(text)
        for a in (a for a in at if any(lo <= a.start() < hi for lo, hi in scene)):
            found = _place_in(text, a.end(), a.end() + 25)
            marker_end = a.start() + len(a.group().rstrip())
            if _lives_at(text, a.start()):
                continue  # "ປະຊາຊົນທີ່ອາໃສຢູ່ແຂວງ X": where people live
            if found and _district_then(text, a.end(), found[1][0]) and _is_word(text, a.start(), marker_end):
                city = found
                break
    own = [f for f in facts if f.field == "venue" and _OWN_ROOM.search(f.value)]
    if not city and own:  # "ທີ່ຫ້ອງປະຊຸມຂອງພະແນກ": the holding body's own room, in its province
        city = _province_that_holds(text)
    if not city and language == "lo" and not any(f.field == "venue" for f in facts):
        # a venue read without its city may be anywhere ("ຢູ່ທີ່ກະຊວງ X", "ຫ້ອງປະຊຸມ ເມືອງ X"): not from the subject
        city = _province_that_holds(text)
    if city:
        _forms, lo, en = PLACES[city[0]]
        facts.append(Fact("city", {"lo": lo, "en": en}, lo if language == "lo" else en, *city[1]))
    return facts
