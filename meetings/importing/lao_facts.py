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
from dataclasses import dataclass, field
from typing import Any

from meetings.rules.text import normalise_text, search_key

# ==== Tables (extend these) ==============================================================================

# Month names as written in Lao news (and in English). Add spellings as they are met.
MONTHS = {
    1: ["ມັງກອນ", "January", "Jan"],
    2: ["ກຸມພາ", "February", "Feb"],
    3: ["ມີນາ", "March", "Mar"],
    4: ["ເມສາ", "April", "Apr"],
    5: ["ພຶດສະພາ", "May"],
    6: ["ມິຖຸນາ", "June", "Jun"],
    7: ["ກໍລະກົດ", "July", "Jul"],
    8: ["ສິງຫາ", "August", "Aug"],
    9: ["ກັນຍາ", "September", "Sep"],
    10: ["ຕຸລາ", "October", "Oct"],
    11: ["ພະຈິກ", "November", "Nov"],
    12: ["ທັນວາ", "December", "Dec"],
}
# Words right before a date that make it the meeting's date (within a few characters).
DATE_MARKERS = ["ວັນທີ", "ວັນທີ່", "ແຕ່ວັນທີ", "On", "on", "From", "from"]
# Words between the two days of a range.
RANGE_WORDS = ["-", "–", "ຫາ", "ເຖິງ", "to", "and"]
# Time of day: phrase -> (Lao, English).
TIMES_OF_DAY = {
    "ຕອນເຊົ້າ": ("ຕອນເຊົ້າ", "morning"),
    "ຕອນບ່າຍ": ("ຕອນບ່າຍ", "afternoon"),
    "ຕອນແລງ": ("ຕອນແລງ", "evening"),
    "in the morning": ("ຕອນເຊົ້າ", "morning"),
    "in the afternoon": ("ຕອນບ່າຍ", "afternoon"),
}

# A venue: "at" + a kind of place + its name (up to a comma, bracket or space).
VENUE_AT = ["ທີ່", "ທີ", "ຢູ່", "ນະ"]
VENUE_KINDS = ["ໂຮງແຮມ", "ຫໍປະຊຸມ", "ຫ້ອງປະຊຸມ", "ສູນປະຊຸມ", "ສະໂມສອນ", "ສະຖາບັນ"]
VENUE_KINDS_EN = ["Hotel", "Hall", "Convention Centre", "Convention Center", "Conference Centre", "Centre"]
# Venues whose city is known (Lao name -> city key in PLACES).
KNOWN_VENUES = {"ຫໍປະຊຸມແຫ່ງຊາດ": "vientiane-capital"}
# Cities and provinces: key -> (forms in a text, Lao name to store, English name to store).
PLACES = {
    "vientiane-capital": (
        ["ນະຄອນຫຼວງວຽງຈັນ", "ນະຄອນຫລວງວຽງຈັນ", "Vientiane Capital"],
        "ນະຄອນຫຼວງວຽງຈັນ",
        "Vientiane Capital",
    ),
    "phongsaly": (["ແຂວງຜົ້ງສາລີ", "Phongsaly"], "ແຂວງຜົ້ງສາລີ", "Phongsaly Province"),
    "luang-namtha": (["ແຂວງຫຼວງນ້ຳທາ", "Luang Namtha"], "ແຂວງຫຼວງນ້ຳທາ", "Luang Namtha Province"),
    "oudomxay": (["ແຂວງອຸດົມໄຊ", "Oudomxay"], "ແຂວງອຸດົມໄຊ", "Oudomxay Province"),
    "bokeo": (["ແຂວງບໍ່ແກ້ວ", "Bokeo"], "ແຂວງບໍ່ແກ້ວ", "Bokeo Province"),
    "luang-prabang": (
        ["ແຂວງຫຼວງພະບາງ", "ແຂວງຫລວງພະບາງ", "Luang Prabang"],
        "ແຂວງຫຼວງພະບາງ",
        "Luang Prabang Province",
    ),
    "houaphanh": (["ແຂວງຫົວພັນ", "Houaphanh"], "ແຂວງຫົວພັນ", "Houaphanh Province"),
    "xayaboury": (["ແຂວງໄຊຍະບູລີ", "Xayaboury"], "ແຂວງໄຊຍະບູລີ", "Xayaboury Province"),
    "xiengkhouang": (["ແຂວງຊຽງຂວາງ", "Xiengkhouang"], "ແຂວງຊຽງຂວາງ", "Xiengkhouang Province"),
    "vientiane-province": (["ແຂວງວຽງຈັນ", "Vientiane Province"], "ແຂວງວຽງຈັນ", "Vientiane Province"),
    "bolikhamxay": (["ແຂວງບໍລິຄຳໄຊ", "Bolikhamxay"], "ແຂວງບໍລິຄຳໄຊ", "Bolikhamxay Province"),
    "khammouane": (["ແຂວງຄຳມ່ວນ", "Khammouane"], "ແຂວງຄຳມ່ວນ", "Khammouane Province"),
    "savannakhet": (["ແຂວງສະຫວັນນະເຂດ", "Savannakhet"], "ແຂວງສະຫວັນນະເຂດ", "Savannakhet Province"),
    "salavan": (["ແຂວງສາລະວັນ", "Salavan"], "ແຂວງສາລະວັນ", "Salavan Province"),
    "sekong": (["ແຂວງເຊກອງ", "Sekong"], "ແຂວງເຊກອງ", "Sekong Province"),
    "champasak": (["ແຂວງຈຳປາສັກ", "Champasak"], "ແຂວງຈຳປາສັກ", "Champasak Province"),
    "attapeu": (["ແຂວງອັດຕະປື", "Attapeu"], "ແຂວງອັດຕະປື", "Attapeu Province"),
    "xaisomboun": (["ແຂວງໄຊສົມບູນ", "Xaisomboun"], "ແຂວງໄຊສົມບູນ", "Xaisomboun Province"),
}

# The whole meeting held at a distance (-> online, or hybrid when it also had a venue).
ONLINE_MEETING = [
    "ປະຊຸມທາງໄກ",
    "ຜ່ານລະບົບປະຊຸມທາງໄກ",
    "ຜ່ານລະບົບວີດີໂອ",
    "ຜ່ານລະບົບອອນລາຍ",
    "ປະຊຸມຜ່ານວີດີໂອ",
    "ປະຊຸມອອນລາຍ",
    "video conference",
    "videoconference",
    "held online",
]
# Joining online, before a count ("ທາງອອນລາຍອີກ 02 ທ່ານ"); and English "6 of them joined online".
ONLINE_WORDS = ["ອອນລາຍ", "ອອນໄລນ໌", "ອອນໄລ", "ທາງໄກ", "online"]
ONLINE_NOT = ["ສັງຄົມ", "ສື່"]  # "social media online", "online media": not a way of attending
# Counting people: the words after a number.
PEOPLE_UNITS = ["ທ່ານ", "ຄົນ", "ທ່ານ"]
ATTENDANCE_TOTAL = ["ຜູ້ເຂົ້າຮ່ວມທັງໝົດ", "ຜູ້ເຂົ້າຮ່ວມທັງຫມົດ", "ຜູ້ເຂົ້າຮ່ວມກອງປະຊຸມທັງໝົດ", "ຜູ້ເຂົ້າຮ່ວມລວມທັງໝົດ", "ຜູ້ເຂົ້າຮ່ວມ"]
ATTENDANCE_WOMEN = ["ແມ່ຍິງ", "ແມ່ຍີງ", "ເພດຍິງ", "ຍິງ", "ຍີງ"]

# Honorifics and ranks (Lao as written -> English). Longest first is not needed: the reader tries all.
HONORIFICS = {
    "ທ່ານ ນາງ": "Ms",
    "ທ່ານນາງ": "Ms",
    "ທ່ານ": "Mr",
    "ນາງ": "Ms",
    "ທ້າວ": "Mr",
    # police ranks, in full and abbreviated
    "ພົນຕຳຫຼວດເອກ": "Pol. Gen.",
    "ພົນຕຳຫຼວດໂທ": "Pol. Lt. Gen.",
    "ພົນຕຳຫຼວດຕີ": "Pol. Maj. Gen.",
    "ພົນຈັດຕະວາຕຳຫຼວດ": "Pol. Brig. Gen.",
    "ພັນເອກຕຳຫຼວດ": "Pol. Col.",
    "ພັນໂທຕຳຫຼວດ": "Pol. Lt. Col.",
    "ພັນຕີຕຳຫຼວດ": "Pol. Maj.",
    "ພົອ": "Pol. Gen.",
    "ພົທ": "Pol. Lt. Gen.",
    "ພົຕ": "Pol. Maj. Gen.",
    "ພົຈວ": "Pol. Brig. Gen.",
    "ພັອ": "Pol. Col.",
    "ພັທ": "Pol. Lt. Col.",
    "ພັຕ": "Pol. Maj.",
    # army ranks
    "ພົນເອກ": "Gen.",
    "ພົນໂທ": "Lt. Gen.",
    "ພົນຕີ": "Maj. Gen.",
    "ພົນຈັດຕະວາ": "Brig. Gen.",
    "ພັນເອກ": "Col.",
    "ພັນໂທ": "Lt. Col.",
    "ພັນຕີ": "Maj.",
    # academic titles
    "ປະລິນຍາເອກ": "Dr",
    "ປອ": "Dr",
    "ດຣ": "Dr",
    "ຮສ": "Assoc. Prof.",
    "ຮອງສາດສະດາຈານ": "Assoc. Prof.",
    "ສຈ": "Prof.",
    "ສາດສະດາຈານ": "Prof.",
}
PLAIN_HONORIFICS = {"ທ່ານ", "ທ່ານ ນາງ", "ທ່ານນາງ", "ນາງ", "ທ້າວ"}  # also counters ("24 ທ່ານ"): need care
HONORIFICS_EN = {
    "H.E.": "H.E.",
    "Mr": "Mr",
    "Mr.": "Mr",
    "Ms": "Ms",
    "Ms.": "Ms",
    "Mrs": "Mrs",
    "Dr": "Dr",
    "Dr.": "Dr",
    "Pol. Gen.": "Pol. Gen.",
    "Pol. Lt. Gen.": "Pol. Lt. Gen.",
    "Pol. Maj. Gen.": "Pol. Maj. Gen.",
    "Pol. Brig. Gen.": "Pol. Brig. Gen.",
    "Pol. Col.": "Pol. Col.",
    "Pol. Lt. Col.": "Pol. Lt. Col.",
    "Pol. Maj.": "Pol. Maj.",
}
# A name is two words; these words start a position or a phrase, never a name.
NOT_NAME_START = [
    "ຮອງ", "ຫົວໜ້າ", "ລັດຖະມົນຕີ", "ປະທານ", "ເລຂາ", "ຜູ້", "ກະຊວງ", "ກົມ", "ຄະນະ", "ອົງການ", "ສູນ",
    "ຈາກ", "ທີ່", "ແລະ", "ໄດ້", "ຂອງ", "ກໍ່", "ເປັນ", "ທັງ", "ໃນ", "ມີ", "ບັນດາ", "ພະແນກ", "ສະຖານທູດ",
]  # fmt: skip
# Where a position ends (after the name).
POSITION_ENDS = [",", "(", " ແລະ ", " ໄດ້", " ເປັນ", " ກ່ຽວກັບ", " ມີ", ";", "."]
# Roles: phrases before the person (in the same sentence, the nearest wins) and after the person.
ROLE_BEFORE = [
    ("ປະທານຮ່ວມ", "co_chair"),
    ("ເປັນປະທານ", "chair"),
    ("ປະທານໂດຍ", "chair"),
    ("ລາຍງານຈາກ", "presenter"),
    ("ນຳສະເໜີໂດຍ", "presenter"),
    ("co-chaired by", "co_chair"),
    ("chaired by", "chair"),
    ("presented by", "presenter"),
]
ROLE_AFTER = [
    ("ເປັນປະທານຮ່ວມ", "co_chair"),
    ("ເປັນປະທານ", "chair"),
    ("ໄດ້ລາຍງານ", "presenter"),
    ("ໄດ້ນຳສະເໜີ", "presenter"),
    ("presented", "presenter"),
    ("reported", "presenter"),
]
# The verb after the organisers ("X ໄດ້ຈັດກອງປະຊຸມ", "X held a workshop").
ORGANISED = ["ໄດ້ຈັດ", "ຈັດຂຶ້ນ", "ເປັນເຈົ້າພາບ", "organised", "organized", "held", "hosted"]
# Words that make a post look like a meeting report (the preview ticks those).
MEETING_WORDS = ["ກອງປະຊຸມ", "ປະຊຸມ", "ຝຶກອົບຮົມ", "ສຳມະນາ", "meeting", "workshop", "training", "conference"]

# ==== The reader =========================================================================================

LAO_DIGITS = str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789")
_LAO = "\u0e80-\u0eff"


@dataclass(frozen=True)
class Fact:
    """One suggestion: a field, its value (JSON-able), a label, and where in the text it was read."""

    field: str
    value: Any
    label: str
    start: int
    end: int


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

    @classmethod
    def from_database(cls) -> Known:
        from meetings.models import Organisation, Person, Programme

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
        )


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
            if end is None or (g.get("d1") and (start is None or start >= end or (end - start).days > 31)):
                continue
            taken.append((m.start(), m.end()))
            marked = any(
                digits[max(0, m.start() - 12) : m.start()].rstrip().endswith(w) for w in DATE_MARKERS
            )
            candidates.append((not marked, m.start(), start or end, end if start else None, m))
    chosen = []
    for _unmarked, _pos, start, end, m in sorted(candidates, key=lambda c: (c[0], c[1])):
        if post_date and abs((start - post_date).days) > 370:
            continue  # a date of something else (a plan, a law)
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


def _read_place(text: str, language: str) -> list[Fact]:
    facts = []
    if language == "lo":
        venue_re = rf"(?:{_alt(VENUE_AT)})\s*(?P<v>(?:{_alt(VENUE_KINDS)})[^\s,()]*)"
    else:
        venue_re = rf"\bat (?:the )?(?P<v>(?:[A-Z][\w'’-]*\s)+?(?:{_alt(VENUE_KINDS_EN)}))\b"
    m = re.search(venue_re, text)
    city_key, city_span = None, None
    if m:
        venue = m.group("v")
        facts.append(Fact("venue", venue, venue, m.start("v"), m.end("v")))
        after = text[m.end() : m.end() + 40]
        skip = len(after) - len(after.lstrip(" ,"))
        for key, (forms, _lo, _en) in PLACES.items():
            for form in forms:
                if after[skip:].startswith(form):
                    city_key, city_span = key, (m.end() + skip, m.end() + skip + len(form))
                    break
            if city_key:
                break
        if not city_key and venue in KNOWN_VENUES:
            city_key, city_span = KNOWN_VENUES[venue], (m.start("v"), m.end("v"))
    if city_key:
        _forms, lo, en = PLACES[city_key]
        facts.append(Fact("city", {"lo": lo, "en": en}, lo if language == "lo" else en, *city_span))
    return facts


def _count(text: str, prefixes: list[str], start: int = 0, end: int | None = None, gap: str = r"\s*"):
    units = _alt(PEOPLE_UNITS)
    pattern = rf"(?:{_alt(prefixes)}){gap}(?P<n>\d+)\s*(?:{units})"
    return re.compile(pattern).search(text, start, len(text) if end is None else end)


def _read_attendance(digits: str, language: str) -> list[Fact]:
    facts = []
    if language == "lo":
        total = _count(digits, ATTENDANCE_TOTAL, gap=r"\s*(?:ທັງໝົດ|ທັງຫມົດ)?\s*(?:ມີ)?\s*")
        if total:
            facts.append(
                Fact("attendance_total", int(total["n"]), total["n"].lstrip("0") or "0", *total.span())
            )
            women = _count(digits, ATTENDANCE_WOMEN, total.end(), total.end() + 60, gap=r"\s*")
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
    if m:
        return Fact("format", "online", "online", m.start(), m.end())
    if venue:
        return Fact("format", "in_person", "in_person", venue.start, venue.end)
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


def _name_key(name: str) -> str:
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
                people_by_key[_name_key(name)] = person
    found = []  # (start, name_start, end, honorific_lo, honorific_en, name, name_en)
    if language == "lo":
        tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]
        i = 0
        while i < len(tokens):
            hon, j = [], i
            while j < len(tokens):
                two = f"{tokens[j][2]} {tokens[j + 1][2]}" if j + 1 < len(tokens) else ""
                if two in HONORIFICS:
                    hon.append(two)
                    j += 2
                elif tokens[j][2] in HONORIFICS:
                    hon.append(tokens[j][2])
                    j += 1
                else:
                    break
            if not hon:
                i += 1
                continue
            previous = tokens[i - 1][2] if i else ""
            counted = hon[0] in PLAIN_HONORIFICS and re.search(r"\d$", previous)
            names = tokens[j : j + 2]
            ok = (
                not counted
                and len(names) == 2
                and all(re.fullmatch(rf"[{_LAO}]{{2,14}}", t[2].rstrip(",.;:")) for t in names)
                and not re.search(r"[,.;:]$", names[0][2])
                and not any(names[0][2].startswith(w) for w in NOT_NAME_START)
                and not any(names[1][2].startswith(w) for w in NOT_NAME_START)
            )
            if not ok:
                i = j if j > i else i + 1
                continue
            name_end = names[1][0] + len(names[1][2].rstrip(",.;:"))
            name = text[names[0][0] : name_end]
            name_en, end = "", name_end
            paren = re.match(r"\s*\(([A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+){1,2})\)", text[name_end:])
            if paren:
                name_en, end = paren.group(1), name_end + paren.end()
            ranks = [h for h in hon if h not in PLAIN_HONORIFICS]
            shown = ranks or hon  # "ທ່ານ ພົຈວ" is recorded as the rank
            found.append(
                (
                    tokens[i][0],
                    names[0][0],
                    end,
                    " ".join(shown),
                    " ".join(HONORIFICS[h] for h in shown),
                    name,
                    name_en,
                )
            )
            i = j + 2
    else:
        hon_re = _alt(HONORIFICS_EN)
        for m in re.finditer(
            rf"(?<![A-Za-z])(?P<h>(?:{hon_re})(?:\s+(?:{hon_re}))*)\s+(?P<n>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{1,2}})",
            text,
        ):
            hon_en = " ".join(HONORIFICS_EN.get(h, h) for h in re.findall(hon_re, m["h"]))
            found.append((m.start(), m.start("n"), m.end(), "", hon_en, m["n"], m["n"]))
    facts = []
    for index, (start, _name_start, end, hon_lo, hon_en, name, name_en) in enumerate(found):
        next_start = found[index + 1][0] if index + 1 < len(found) else len(text)
        role = _role(text, start, end, next_start)
        match = people_by_key.get(_name_key(name)) or (name_en and people_by_key.get(_name_key(name_en)))
        value = {"role": role, "honorific_lo": hon_lo, "honorific_en": hon_en}
        if match:
            value.update(person=match["pk"], slug=match["slug"], name=match["name_lo"] or match["name_en"])
        else:
            value.update(
                person=None,
                name_lo=name if language == "lo" else "",
                name_en=name_en if name_en else ("" if language == "lo" else name),
                position=_position(text, end) if language == "lo" else "",
            )
        label = f"{hon_lo or hon_en} {name}".strip()
        facts.append(Fact("person", value, label, start, end))
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
    text = normalise_text(text or "")
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
    return Reading(text=text, language=language, facts=facts)
