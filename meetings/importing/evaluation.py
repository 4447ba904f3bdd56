"""How well the fact reader does on real posts it was not written against: precision and recall per fact kind.

The evaluation set is ``tests/meetings/fixtures/evaluation/``: real Lao news posts (one file each, its first
line ``source: <address>``) and ``truth.json``, their facts read by hand. A fact the text does not state is
left out of the truth. The set was split at random (the seed is in the file) into a development half, which
the rules were written against, and a test half, which was only scored.

Scoring, per fact kind: a fact read with the stated value is *right*; a fact read with another value, or read
where the text states none, is *wrong*; a stated fact not read is *missed*. Lists (chairs, co-chairs, who
opened or closed, participating countries) count each member. Posts that are not about a meeting are scored
only on whether the preview unticks them (no draft).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from meetings.importing.lao_facts import Known, Reading, read_facts
from meetings.importing.lao_patterns import modern_spelling, reading_form
from meetings.importing.lao_subject import looks_like_meeting
from meetings.importing.lao_tables import PLACES
from meetings.rules.text import normalise_text

EVAL_DIR = Path(settings.BASE_DIR) / "tests" / "meetings" / "fixtures" / "evaluation"
SCALARS = [
    "start_date",
    "end_date",
    "time_of_day",
    "format",
    "attendance_total",
    "attendance_women",
    "venue",
    "city",
    "host_country",
    "kind",
]
LISTS = ["chair", "co_chairs", "opened_by", "closed_by", "countries"]
KINDS = SCALARS + LISTS
ROLE_LISTS = {"chair": "chair", "co_chair": "co_chairs"}
_PLACE_FORMS = sorted({normalise_text(f) for forms, _lo, _en in PLACES.values() for f in forms}, key=len)[
    ::-1
]


def load_truth() -> dict:
    return json.loads((EVAL_DIR / "truth.json").read_text(encoding="utf-8"))


def post_text(name: str) -> str:
    """The post's text without its ``source:`` line."""
    text = (EVAL_DIR / name).read_text(encoding="utf-8")
    return text.split("\n", 1)[1] if text.startswith("source:") else text


def _key(value) -> str:
    """A value compared in the reader's form (ນໍ້າ = ນ້ຳ) and spelling (ຫລ = ຫຼ), without spaces or dots."""
    return re.sub(r"[\s.]", "", modern_spelling(reading_form(str(value))))


def venue_key(value: str) -> str:
    """A venue compared without spaces, bracketed localities and a trailing city or province (read apart)."""
    key = re.sub(r"\([^)]*\)", "", _key(value))
    for form in _PLACE_FORMS:
        form = _key(form)
        if key.endswith(form) and len(key) > len(form):
            key = re.sub("ຂອງ$", "", key[: -len(form)])
            break
    return key


def as_truth(reading: Reading) -> dict:
    """A reading in the form of ``truth.json``'s facts."""
    out: dict = {}
    for fact in reading.facts:
        value = fact.value
        if fact.field == "city":
            out["city"] = value["lo"]
        elif fact.field == "time_of_day":
            out["time_of_day"] = value["en"]
        elif fact.field == "host_country":
            out["host_country"] = value["code"]
        elif fact.field == "country":
            out.setdefault("countries", []).append(value["code"])
        elif fact.field == "person":
            name = value.get("name") or value.get("name_lo") or value.get("name_en")
            if value["role"] in ROLE_LISTS:
                out.setdefault(ROLE_LISTS[value["role"]], []).append(name)
            for flag, kind in (("opened", "opened_by"), ("closed", "closed_by")):
                if value.get(flag):
                    out.setdefault(kind, []).append(name)
        elif fact.field in SCALARS:
            out[fact.field] = value
    return out


@dataclass
class Tally:
    stated: int = 0
    right: int = 0
    wrong: int = 0
    missed: int = 0

    def add(self, other: Tally) -> None:
        for name in ("stated", "right", "wrong", "missed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float | None:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else None

    @property
    def recall(self) -> float | None:
        return self.right / self.stated if self.stated else None


@dataclass
class HalfScore:
    name: str
    posts: int = 0
    meetings: int = 0
    kinds: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    drafts_for_non_meetings: int = 0
    non_meetings: int = 0
    meetings_unticked: int = 0  # posts about a meeting the preview would leave unticked (no draft by default)

    @property
    def total(self) -> Tally:
        total = Tally()
        for tally in self.kinds.values():
            total.add(tally)
        return total


def _compare(kind: str, read, stated) -> Tally:
    if kind in LISTS:
        read_keys = {_key(v) for v in read or []}
        stated_keys = {_key(v) for v in stated or []}
        return Tally(
            len(stated_keys),
            len(read_keys & stated_keys),
            len(read_keys - stated_keys),
            len(stated_keys - read_keys),
        )
    same = venue_key(read) == venue_key(stated) if kind == "venue" and read and stated else read == stated
    return Tally(
        int(stated is not None),
        int(stated is not None and same),
        int(read is not None and not same),
        int(stated is not None and read is None),
    )


def score_half(half: str, known: Known | None = None) -> HalfScore:
    truth = load_truth()
    known = known if known is not None else Known.for_evaluation()
    result = HalfScore(half)
    for name in truth["split"][half]:
        post = truth["posts"][name]
        text = post_text(name)
        result.posts += 1
        if not post["meeting"]:
            result.non_meetings += 1
            title, _sep, body = text.partition("\n")
            result.drafts_for_non_meetings += looks_like_meeting(title, body)
            continue
        result.meetings += 1
        title, _sep, body = text.partition("\n")
        result.meetings_unticked += not looks_like_meeting(title, body)
        read = as_truth(read_facts(text, known=known, language="lo"))
        for kind in KINDS:
            tally = _compare(kind, read.get(kind), post["facts"].get(kind))
            result.kinds[kind].add(tally)
            if tally.wrong:
                result.wrong.append(
                    f"{name} {kind}: read {read.get(kind)!r}, stated {post['facts'].get(kind)!r}"
                )
            if tally.missed:
                result.missed.append(
                    f"{name} {kind}: stated {post['facts'].get(kind)!r}, read {read.get(kind)!r}"
                )
    return result


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def table(halves: list[HalfScore]) -> str:
    """One Markdown table: per fact kind, each half's stated / right / wrong / precision / recall."""
    head = (
        "| fact | "
        + " | ".join(f"{h.name}: stated | right | wrong | precision | recall" for h in halves)
        + " |"
    )
    lines = [head, "|---|" + "---:|" * (5 * len(halves))]
    for kind in [*KINDS, "all"]:
        cells = []
        for h in halves:
            t = h.total if kind == "all" else h.kinds[kind]
            cells += [str(t.stated), str(t.right), str(t.wrong), _pct(t.precision), _pct(t.recall)]
        label = "**all facts**" if kind == "all" else kind
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
