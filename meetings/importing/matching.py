"""Known records are matched, never duplicated: meetings (is a news post about a meeting already in the
portal? same date, and a similar title or the same venue) and people (by name in either script, and by the
older spellings their records had).

A post about a meeting entered by hand (or by the demo, or by an earlier post of the same export) is offered
as "link to the existing meeting" instead of becoming a second draft. The rule is deliberately narrow: the
start date must be the same (a meeting on another day is another meeting), and then either the titles are
alike once spaces, case and the spellings of the stored form are set aside (the Lao titles of two posts
about one meeting differ by a space or a vowel written apart, ``ຫຼູ``/``ຫຼຸ``), or the venues are the same.
Two different meetings held on one day in one venue with unlike titles stay apart unless the venue is named
the same way; an officer can still make a new draft of a linked post (``import_wordpress --new-draft``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from meetings.importing.lao_patterns import name_key

TITLE_ALIKE = 0.8  # SequenceMatcher ratio of the titles' keys at or above which two titles name one meeting
MIN_VENUE_KEY = 5  # a venue key shorter than this ("ທີ່ນີ້") says nothing


@dataclass(frozen=True)
class Candidate:
    pk: int | None  # None: a draft this export would make (the preview), not saved yet
    start_date: datetime.date
    titles: tuple[str, ...]
    venues: tuple[str, ...]
    label: str


@lru_cache(maxsize=16384)
def _key(text: str) -> str:
    """name_key, kept: the same recorded titles are compared with every post of their day."""
    return name_key(text)


def _alike(ka: str, kb: str) -> float:
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    return SequenceMatcher(None, ka, kb, autojunk=False).ratio()


def title_similarity(a: str, b: str) -> float:
    """How alike two titles are, 0 to 1, compared as keys (no spaces, case or spelling variants)."""
    return _alike(_key(a), _key(b))


def same_venue(a: str, b: str) -> bool:
    ka, kb = _key(a), _key(b)
    return len(ka) >= MIN_VENUE_KEY and ka == kb


@dataclass
class MeetingMatcher:
    """The recorded meetings, by start date, to match posts against; drafts made meanwhile are added."""

    by_date: dict[datetime.date, list[Candidate]] = field(default_factory=dict)

    @classmethod
    def from_database(cls, dates=None) -> MeetingMatcher:
        from meetings.models import Meeting

        meetings = Meeting.objects.all()
        if dates is not None:
            meetings = meetings.filter(start_date__in=set(dates))
        matcher = cls()
        rows = meetings.values_list("pk", "start_date", "title_lo", "title_en", "venue_lo", "venue_en")
        for pk, start, title_lo, title_en, venue_lo, venue_en in rows:
            matcher.add(
                Candidate(
                    pk=pk,
                    start_date=start,
                    titles=tuple(t for t in (title_lo, title_en) if t),
                    venues=tuple(v for v in (venue_lo, venue_en) if v),
                    label=title_lo or title_en or "",
                )
            )
        return matcher

    def add(self, candidate: Candidate) -> None:
        self.by_date.setdefault(candidate.start_date, []).append(candidate)

    def find(self, *, start_date, title: str, venue: str = "") -> Candidate | None:
        """The recorded meeting this post is about, or None: same start date, and a title alike
        (:data:`TITLE_ALIKE`) or the same venue. The most alike title wins when several match."""
        if start_date is None:
            return None
        key = _key(title)
        best, best_score = None, -1.0
        for candidate in self.by_date.get(start_date, []):
            score = max((_alike(key, _key(t)) for t in candidate.titles), default=0.0)
            alike = score >= TITLE_ALIKE or (venue and any(same_venue(venue, v) for v in candidate.venues))
            if alike and score > best_score:  # the first of equals wins, as with max()
                best, best_score = candidate, score
        return best


def post_facts(reading, post_date) -> tuple[datetime.date | None, str]:
    """The start date and venue a post's draft would get: the date read from its text (else the post's own
    date, as the draft takes it) and the venue read."""
    start = reading.get("start_date")
    day = datetime.date.fromisoformat(start) if start else (post_date.date() if post_date else None)
    return day, reading.get("venue") or ""


def older_names(model) -> dict[int, set[str]]:
    """Each record's earlier names, Lao and English, from its edit history (a name corrected or re-spelt
    since: a post written before still uses it)."""
    names: dict[int, set[str]] = {}
    rows = model.history.values_list("id", "name_lo", "name_en").distinct()
    for pk, name_lo, name_en in rows:
        names.setdefault(pk, set()).update(n for n in (name_lo, name_en) if n)
    return names


def people_entries() -> list[dict]:
    """The recorded people as the reader matches them: current names in both scripts, then older names."""
    from meetings.models import Person

    older = older_names(Person)
    entries = []
    for pk, slug, name_lo, name_en in Person.objects.values_list("pk", "slug", "name_lo", "name_en"):
        current = {n for n in (name_lo, name_en) if n}
        entries.append(
            {
                "pk": pk,
                "slug": slug,
                "name_lo": name_lo or "",
                "name_en": name_en or "",
                "older": sorted(older.get(pk, set()) - current),
            }
        )
    return entries


def people_by_key(entries: list[dict]) -> dict[str, dict]:
    """Name key → person; a current name wins over another person's older one."""
    index: dict[str, dict] = {}
    for entry in entries:
        for name in entry.get("older", ()):
            index.setdefault(name_key(name), entry)
    for entry in entries:
        for name in (entry["name_lo"], entry["name_en"]):
            if name:
                index[name_key(name)] = entry
    return index


def recorded_person_pk(name_lo: str, name_en: str) -> int | None:
    """The recorded person of this name (either script, any spacing or typing, current or older name)."""
    index = people_by_key(people_entries())
    for name in (name_lo, name_en):
        if name and (entry := index.get(name_key(name))):
            return entry["pk"]
    return None
