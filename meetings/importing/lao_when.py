"""The meeting's date in a news text: ``ວັນທີ 15 ກຸມພາ 2024``, ranges within and across months, Lao digits, a day
without its year (taken from the post's date), and which of several dates is the meeting's."""

from __future__ import annotations

import datetime
import re

from meetings.importing import lao_people
from meetings.importing.fact import Fact
from meetings.importing.lao_patterns import alt as _alt
from meetings.importing.lao_patterns import sentence_bounds
from meetings.importing.lao_tables import (
    CLOSING_VERBS,
    DATE_MARKERS,
    HELD_VERBS,
    HOLDS,
    MONTHS,
    OCCASION,
    RANGE_WORDS,
)
from meetings.rules.text import normalise_text

_MONTH_OF = {normalise_text(name).casefold(): n for n, names in MONTHS.items() for name in names}
# a month name ends where no Latin letter follows ("Mar" is not "March"); a year may follow it unspaced (ກັນຍາ2021)
_MONTH = rf"(?:{_alt(normalise_text(n) for names in MONTHS.values() for n in names)})(?![A-Za-z])\.?"
_MARKER = rf"(?:{_alt(DATE_MARKERS)})"
# the second day of a range may repeat the marker: "ແຕ່ວັນທີ 31 ພຶດສະພາ ເຖິງ ວັນທີ 1 ມິຖຸນາ 2022"
_RANGE = rf"\s*(?:{_alt(RANGE_WORDS)})\s*(?:{_MARKER}\s*)?"
# a year, also written with the word ປີ (year) before it: "ວັນທີ 5 ເມສາ ປີ 1961"
_Y1 = r"(?:ປີ\s*)?(?P<y1>\d{4})"
_Y2 = r"(?:ປີ\s*)?(?P<y2>\d{4})"
_CLOSING = rf"(?:{_alt(CLOSING_VERBS)})\s*(?:ໃນ\s*)?(?:{_MARKER}\s*)?"
_CLOSING_BEFORE = re.compile(rf"{_CLOSING}$")
# A date after ລົງ (dated: a decree, a letter), ນັບແຕ່ (counting from, since) or a document's number (ເລກທີ 05/ກຍທ,
# ວັນທີ …) is never the meeting's.
# A date after ຮອດ, ກ່ອນ, ພາຍໃນ or ພາຍຫຼັງ (until, before, within, after it) bounds something else: a deadline ("ສະເໜີໃຫ້
# ປະຕິບັດການແຍກຫ່າງ … ຮອດວັນທີ 30 ເມສາ 2020"), not the day of a meeting.
_NOT_THE_MEETINGS = re.compile(
    rf"(?:ລົງ|ນັບແຕ່|ນັບຕັ້ງແຕ່|ຮອດ|ກ່ອນ|ພາຍໃນ|ພາຍຫຼັງ|ພາຍຫລັງ|ເລກທີ\s*\d+\s*(?:/\s*[^\s,]+)?\s*,?)\s*{_MARKER}?\s*$"
)
# A clock time right after a date without its marker: the page's publication stamp ("01/12/2010 12:00:00 am").
_STAMP = re.compile(r"\s*\d{1,2}:\d{2}")
_DATE_PATTERNS = [
    # ວັນທີ 8 ແລະ ອັດລົງ ໃນວັນທີ 9 ມິຖຸນາ 2017 (opened on one day, closed on a later day of the same month)
    re.compile(
        rf"(?P<d1>\d{{1,2}})\s*(?:ແລະ|,)?\s*{_CLOSING}(?P<d2>\d{{1,2}})\s*(?P<m2>{_MONTH})\s*,?\s*{_Y2}"
    ),
    # 30 ພະຈິກ - 2 ທັນວາ 2022 (a range across months)
    re.compile(
        rf"(?P<d1>\d{{1,2}})\s*(?P<m1>{_MONTH})\s*(?:{_Y1}\s*)?{_RANGE}(?P<d2>\d{{1,2}})\s*(?P<m2>{_MONTH})\s*,?\s*{_Y2}"
    ),
    # 27-28 ມີນາ 2023 (a range within a month)
    re.compile(rf"(?P<d1>\d{{1,2}}){_RANGE}(?P<d2>\d{{1,2}})\s*(?P<m2>{_MONTH})\s*,?\s*{_Y2}"),
    # 15 ກຸມພາ 2024, 15 February 2024
    re.compile(rf"(?P<d2>\d{{1,2}})\s*(?P<m2>{_MONTH})\s*,?\s*{_Y2}"),
    # February 15, 2024
    re.compile(rf"(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}),?\s*{_Y2}"),
    # 20/07/1955 – 20/07/2025 (a range of dates in digits: an anniversary's span, or a meeting's days)
    re.compile(
        rf"(?<![\d/.])(?P<d1>\d{{1,2}})/(?P<n1>\d{{1,2}})/(?P<y1>\d{{4}}){_RANGE}"
        r"(?P<d2>\d{1,2})/(?P<n2>\d{1,2})/(?P<y2>\d{4})(?![\d/.])"
    ),
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
    if not m or len(set(re.findall(rf"{_MARKER}\s*(\d{{1,2}})", digits))) > 1:
        return None  # none, or days of several events ("ວັນທີ 21 …, ວັນທີ 19 …") with no year: which one?
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


def _of_an_occasion(digits: str, m: re.Match) -> bool:
    """Whether a date is the occasion's ("ໃນໂອກາດເຂົ້າຮ່ວມກອງປະຊຸມສຸດຍອດອາຊຽນ … ໃນວັນທີ 26-28 ຕຸລາ 2025": the summit
    during which the meeting took place), not the meeting's: ໃນໂອກາດ before it in its sentence, and no verb of holding
    between them ("ໃນໂອກາດ … ໄດ້ຈັດພິທີ … ວັນທີ …" dates the ceremony). It may still place a day stated before it."""
    s_start, _end = sentence_bounds(digits, m.start())
    occasion = digits.rfind(OCCASION, s_start, m.start())
    between = digits[occasion : m.start()]
    return occasion != -1 and not any(v in between for v in (*HELD_VERBS, *HOLDS))


def _of_a_trip(digits: str, m: re.Match) -> bool:
    """Whether a range dates a delegation's trip, not the meeting: a verb of travelling (ເດີນທາງ) after it in its
    sentence before any verb of holding ("ໃນລະຫວ່າງວັນທີ 06-08 ກໍລະກົດ 2022, ທ່ານ … ໄດ້ນໍາພາຄະນະຜູ້ແທນ ເດີນທາງເຂົ້າຮ່ວມ
    ກອງປະຊຸມ …": the meeting is one day of the trip, unstated)."""
    if not m.groupdict().get("d1"):
        return False
    s_start, s_end = sentence_bounds(digits, m.start())
    trip = digits.find("ເດີນທາງ", m.end(), s_end)  # and no verb of holding in the sentence before it
    return trip != -1 and not any(v in digits[s_start:trip] for v in (*HELD_VERBS, *HOLDS))


def _of_a_later_event(digits: str, m: re.Match) -> bool:
    """Whether the date's clause speaks of the future (the word ຈະ before the date, after the last comma of its
    sentence) of something other than this meeting ("ກອງປະຊຸມໃຫຍ່ … ຈະໄດ້ຈັດຂຶ້ນໃນລະຫວ່າງວັນທີ 28-29 ສິງຫາ 2025": a
    congress still to come). "ກອງປະຊຸມຄັ້ງນີ້ ຈະດຳເນີນ …" (this meeting will run) dates the meeting itself."""
    s_start, _end = sentence_bounds(digits, m.start())
    clause_start = max(s_start, digits.rfind(",", s_start, m.start()) + 1)
    clause = digits[clause_start : m.start()]
    future = [
        i for i in (w.start() for w in re.finditer("ຈະ", clause)) if lao_people.is_word(clause, i, i + 2)
    ]
    return bool(future) and "ຄັ້ງນີ້" not in clause[: future[0]]


def _page_line(digits: str, m: re.Match) -> bool:
    """Whether a date stands on a short line of its own (at most 40 characters: a byline, a publication or approval
    line), not in a sentence: the page's date, which may date a marked day (:func:`_partial_date`) but is not the
    meeting's."""
    lo = digits.rfind("\n", 0, m.start()) + 1
    hi = digits.find("\n", m.end())
    return len(digits[lo : len(digits) if hi == -1 else hi].strip()) <= 40


def _opening_date(digits: str, m) -> bool:
    """A date in the text's first sentence, not said of a plan or a document (ຕາມແຜນ …, ລົງວັນທີ …)."""
    first_end = min([i for i in (digits.find(". "), digits.find("\n", 1)) if i != -1] + [len(digits)])
    return m.start() < first_end and not re.search(r"ແຜນ|ລົງ\s*$", digits[max(0, m.start() - 20) : m.start()])


def _closing_day(closings: list, start: datetime.date, after: int) -> list[Fact]:
    """The end date from the first closing date after the start ("ເປີດ … ວັນທີ 1 ມີນາ 2024 ແລະ ອັດລົງ ໃນວັນທີ 5
    ມີນາ 2024"), if it is a later day within a month of the start; a closing date before it is of something else."""
    for m in closings:
        g = m.groupdict()
        month = int(g["n2"]) if g.get("n2") else _MONTH_OF.get(g["m2"].rstrip(".").casefold())
        end = _date(g["y2"], month, g["d2"])
        if m.start() >= after and end and 0 < (end - start).days <= 31:
            return [Fact("end_date", end.isoformat(), end.isoformat(), m.start(), m.end())]
    return []


def _day_before_full_date(digits: str, candidates: list) -> list:
    """A day without its year, the first date the text states, before the first full date ("ໃນວັນທີ 26 ຕຸລານີ້ … ໃນໂອກາດ
    ກອງປະຊຸມ … ວັນທີ 26-28 ຕຸລາ 2025"), is the meeting's day when it falls within that date (a day of a longer
    event): the meeting is that day alone, or, when it is the first day of a range not said of an occasion, that range.
    When it falls outside it, the two dates conflict and neither is read."""
    first = min((c for c in candidates if not c[0]), key=lambda c: c[1])
    m = _PARTIAL.search(digits, 0, first[1])
    if not m or re.search(_MARKER, digits[: m.start()]):
        return candidates  # only the first date the text states
    start, end = first[2], first[3] or first[2]
    day = _date(start.year, _MONTH_OF.get(m["m2"].rstrip(".").casefold()), m["d2"])
    if day is None or not start <= day <= end:
        return []
    if day == start < end and not _of_an_occasion(digits, first[4]):
        # "… ໄດ້ເປີດຂຶ້ນໃນຕອນເຊົ້າວັນທີ 23 ພະຈິກນີ້ … ກອງປະຊຸມຄັ້ງນີ້ ຈະດຳເນີນໃນລະຫວ່າງວັນທີ 23-24 ພະຈິກ 2023": the
        # meeting's own days, opening on the day first stated (not the days of an occasion, ໃນໂອກາດ …)
        return [(False, m.start("d2"), day, end, m)]
    return [(False, m.start("d2"), day, None, m)]


def read_dates(digits: str, post_date: datetime.date | None) -> list[Fact]:
    candidates = []
    taken: list[tuple[int, int]] = []
    closings: list[re.Match] = []
    lao_text = re.search("[\u0e80-\u0eff]", digits) is not None
    for index, pattern in enumerate(_DATE_PATTERNS):
        for m in pattern.finditer(digits):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            before = digits[max(0, m.start() - 12) : m.start()].rstrip()
            marked = any(before.endswith(w) for w in DATE_MARKERS)
            if index == 0 and not marked:
                continue  # "ຄັ້ງທີ 5 ແລະ ປິດ… ວັນທີ 9 …": the opening day needs its ວັນທີ too
            if (
                m.groupdict().get("d1")
                and not marked
                and re.search(_MARKER, digits[m.end("d1") : m.start("d2")])
            ):
                continue  # "ຄັ້ງທີ 5 - ວັນທີ 7 …": a range repeats the marker only after a marked first day
            if not marked and _STAMP.match(digits, m.end()):
                taken.append((m.start(), m.end()))
                continue  # "14/07/2017 07:37 GMT+7": a page's publication stamp, not a day the text states
            if index and _CLOSING_BEFORE.search(digits, max(0, m.start() - 30), m.start()):
                taken.append((m.start(), m.end()))
                closings.append(m)
                continue  # "… ແລະ ອັດລົງ ໃນວັນທີ 9 ມິຖຸນາ 2017" alone: the day it closed, not the day it began
            if _NOT_THE_MEETINGS.search(digits, max(0, m.start() - 40), m.start()):
                taken.append((m.start(), m.end()))
                continue  # "ດຳລັດ ລົງວັນທີ 5 ມີນາ 2020", "ນັບແຕ່ວັນທີ 1 ມັງກອນ": a document's date, or since when
            g = m.groupdict()
            month2 = int(g["n2"]) if g.get("n2") else _MONTH_OF.get(g["m2"].rstrip(".").casefold())
            end = _date(g["y2"], month2, g["d2"])
            start = None
            if g.get("d1"):
                month1 = _MONTH_OF.get(g["m1"].rstrip(".").casefold()) if g.get("m1") else month2
                month1 = int(g["n1"]) if g.get("n1") else month1
                start = _date(g.get("y1") or g["y2"], month1, g["d1"])
                if start and start > end and not g.get("y1"):
                    start = _date(int(g["y2"]) - 1, month1, g["d1"])  # 30 ທັນວາ - 2 ມັງກອນ 2024
            spans_years = g.get("y1") and g["y1"] != g["y2"]
            if end is None or (g.get("d1") and not spans_years and (start is None or start >= end)):
                continue
            if g.get("d1") and (start is None or not 0 < (end - start).days <= 31):
                # a span of years ("27 ກຸມພາ 1995-27 ກຸມພາ 2025"): an anniversary, not the meeting's date; a range
                # across a new year ("30 ທັນວາ 2023 ຫາ 2 ມັງກອນ 2024") is one
                taken.append((m.start(), m.end()))
                continue
            taken.append((m.start(), m.end()))
            if lao_text and not marked and re.match(r"[A-Za-z]", g.get("m2") or ""):
                continue  # "Sunday, June 23, 2024" above a Lao text: a page's banner or publication line
            candidates.append((not marked, m.start(), start or end, end if start else None, m))
    if not any(not c[0] for c in candidates):
        partial = _partial_date(digits, post_date, candidates)
        if partial:
            candidates.insert(0, partial)
        elif _PARTIAL.search(digits):
            candidates = []  # "05/03/2024 - … ວັນທີ 4 ມີນາ ຜ່ານມາ": the day marked is the meeting's, and has no year
    else:
        candidates = _day_before_full_date(digits, candidates)
    chosen = []
    for unmarked, _pos, start, end, m in sorted(candidates, key=lambda c: (c[0], c[1])):
        if post_date and abs((start - post_date).days) > 370 and (unmarked or not _opening_date(digits, m)):
            continue  # a date of something else (a plan, a law); the opening sentence's ວັນທີ … is the meeting's
        if unmarked and _page_line(digits, m):
            continue  # "19/02/2021", "ອະນຸມັດວັນທີ: 21/03/2022" on a line of their own: the page's date
        if _of_an_occasion(digits, m) or _of_a_trip(digits, m) or _of_a_later_event(digits, m):
            continue  # "… ໃນໂອກາດເຂົ້າຮ່ວມກອງປະຊຸມສຸດຍອດ … ວັນທີ 26-28 ຕຸລາ 2025": the larger event's days
        chosen = [Fact("start_date", start.isoformat(), start.isoformat(), m.start(), m.end())]
        if end:
            chosen.append(Fact("end_date", end.isoformat(), end.isoformat(), m.start(), m.end()))
        else:
            chosen += _closing_day(closings, start, m.end())
        break
    return chosen
