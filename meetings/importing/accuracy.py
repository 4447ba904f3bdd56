"""How well the fact reader reads: the facts each test article states, compared with what it reads.

``EXPECTED`` lists, per article in ``tests/meetings/fixtures/wordpress/posts/``, every fact the text states
(for the two seed articles: the facts of ``shared/seeds/README.md``; for the variants: what their text
says). A fact is *right* when read with the stated value, *wrong* when read with another value or when the
reader finds a fact the text does not state, and *missed* when not read. Names are matched against the
demo data's records (load it first: ``manage.py load_demo``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from meetings.importing.lao_facts import Known, Reading, read_facts

POSTS_DIR = Path(settings.BASE_DIR) / "tests" / "meetings" / "fixtures" / "wordpress" / "posts"
VIENTIANE = "ນະຄອນຫຼວງວຽງຈັນ"

EXPECTED = {
    "01-npsc-2023-meeting.lo.txt": {
        "start_date": "2024-02-15",
        "venue": "ໂຮງແຮມລາວເທວ",
        "city": VIENTIANE,
        "format": "hybrid",
        "attendance_total": 24,
        "attendance_women": 10,
        "attendance_online": 2,
        "kind": "steering_committee",
        "person:kenchanh-phommachack": "co_chair ພົຈວ",
        "person:kate-wallace": "co_chair ທ່ານ ນາງ",
        "person:kikeo-chanthalangsy": "presenter ພັອ",
        "organiser:secretariat-national-committee": True,
        "organiser:asean-act-lao-pdr": True,
        "programme": "asean-act",
    },
    "02-annual-review-2019.lo.txt": {
        "start_date": "2020-02-13",
        "venue": "ຫໍປະຊຸມແຫ່ງຊາດ",
        "city": VIENTIANE,
        "kind": "annual_review",
        "person:sonexay-siphandone": "chair ທ່ານ",
        "person:vilay-lakhamfong": "presenter ພົທ",
        "person:phengsavanh-thipphavongxay": "presenter ພັອ ປະລິນຍາເອກ",
        "organiser:national-committee-anti-human-trafficking": True,
    },
    "03-training-luang-prabang.lo.txt": {
        "start_date": "2023-03-27",
        "end_date": "2023-03-28",
        "time_of_day": "morning",
        "venue": "ຫ້ອງປະຊຸມພະແນກປ້ອງກັນຄວາມສະຫງົບແຂວງຫຼວງພະບາງ",
        "city": "ແຂວງຫຼວງພະບາງ",
        "kind": "training",  # "ໄດ້ຈັດຊຸດຝຶກອົບຮົມ", a training course held (stated; read from round 4 on)
        "attendance_total": 35,
        "attendance_women": 12,
        "person:kikeo-chanthalangsy": "chair ພັອ",
        "organiser:anti-human-trafficking-police-department": True,
    },
    "04-online-consultation.lo.txt": {
        "start_date": "2022-11-30",
        "end_date": "2022-12-02",
        "format": "online",
        "kind": "consultation",
        "attendance_total": 48,
        "attendance_women": 21,
        "person:new:ບຸນມີ ສີສຸວັນ": "chair ທ່ານ ນາງ",
        "organiser:secretariat-national-committee": True,
    },
    "05-hybrid-coordination.lo.txt": {
        "start_date": "2024-09-05",
        "venue": "ໂຮງແຮມດອນຈັນພາເລດ",
        "city": VIENTIANE,
        "format": "hybrid",
        "attendance_total": 60,
        "attendance_women": 31,
        "attendance_online": 12,
        "kind": "coordination",
        "person:new:ສົມພອນ ວົງສາ": "chair ປອ",
        "organiser:national-committee-anti-human-trafficking": True,
        "organiser:lao-womens-union": True,
    },
    "06-workshop.en.txt": {
        "start_date": "2023-06-12",
        "venue": "Lao Plaza Hotel",
        "city": VIENTIANE,
        "format": "hybrid",
        "attendance_total": 40,
        "attendance_women": 18,
        "attendance_online": 6,
        "person:kikeo-chanthalangsy": "chair Pol. Col.",
        "organiser:secretariat-national-committee": True,
        "organiser:asean-act-lao-pdr": True,
        "programme": "asean-act",
    },
    "07-new-year-greeting.lo.txt": {},
}
SEEDS = ("01-npsc-2023-meeting.lo.txt", "02-annual-review-2019.lo.txt")


def comparable(reading: Reading) -> dict:
    """The facts of a reading in the form of ``EXPECTED``."""
    out = {}
    for fact in reading.facts:
        value = fact.value
        if fact.field == "city":
            out["city"] = value["lo"]
        elif fact.field == "time_of_day":
            out["time_of_day"] = value["en"]
        elif fact.field == "person":
            who = (
                value.get("slug")
                if value.get("person")
                else "new:" + (value.get("name_lo") or value.get("name_en"))
            )
            out[f"person:{who}"] = f"{value['role']} {value['honorific_lo'] or value['honorific_en']}"
        elif fact.field == "organiser":
            out[f"organiser:{value['slug']}"] = True
        elif fact.field == "programme":
            out["programme"] = value["slug"]
        else:
            out[fact.field] = value
    return out


@dataclass
class Score:
    name: str
    stated: int
    right: int
    wrong: list[str]
    missed: list[str]


def score(name: str, text: str, expected: dict, known: Known) -> Score:
    read = comparable(read_facts(text, known=known))
    right = [k for k, v in expected.items() if read.get(k) == v]
    wrong = [f"{k}: read {read[k]!r}, stated {expected.get(k)!r}" for k in read if read[k] != expected.get(k)]
    missed = [k for k in expected if k not in read]
    return Score(name, len(expected), len(right), wrong, missed)


def scores(known: Known | None = None) -> list[Score]:
    known = known or Known.from_database()
    return [
        score(name, (POSTS_DIR / name).read_text(encoding="utf-8"), expected, known)
        for name, expected in EXPECTED.items()
    ]


def table(rows: list[Score]) -> str:
    lines = ["| article | stated | right | wrong | missed |", "|---|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r.name} | {r.stated} | {r.right} | {len(r.wrong)} | {len(r.missed)} |")
    for label, group in (("seed articles", [r for r in rows if r.name in SEEDS]), ("all", rows)):
        lines.append(
            f"| **{label}** | {sum(r.stated for r in group)} | {sum(r.right for r in group)} | "
            f"{sum(len(r.wrong) for r in group)} | {sum(len(r.missed) for r in group)} |"
        )
    return "\n".join(lines)
