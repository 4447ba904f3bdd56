"""The kinds of record searched: their fields, order and what a hit shows."""

from __future__ import annotations

import dataclasses
from functools import cached_property

from django.utils.translation import gettext_lazy as _

from meetings import models as m

LANGS = m.SEARCH_LANGUAGES


# --- Kinds of record ----------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Kind:
    """A kind of record searched; its searched fields are the model's ``SEARCH_TITLE`` + ``SEARCH_OTHER``."""

    key: str
    label: str
    model: type
    order: tuple[str, ...]
    select_related: tuple[str, ...] = ()
    date_path: str | None = None
    shown: tuple[str, ...] = ()  # fields a hit shows besides the searched ones (public/search_hits.py)

    @property
    def title_fields(self) -> tuple[str, ...]:
        return self.model.SEARCH_TITLE

    @property
    def other_fields(self) -> tuple[str, ...]:
        return self.model.SEARCH_OTHER

    @cached_property  # read for every candidate of every search
    def fields(self) -> tuple[str, ...]:
        return self.title_fields + self.other_fields

    @cached_property  # read for every candidate of every search
    def columns(self) -> tuple[str, ...]:
        """The fields searched, in Lao and in English (what ranking and passages read in Python)."""
        return tuple(f"{field}_{lang}" for field in self.fields for lang in LANGS)

    @cached_property  # read for every candidate of every search
    def title_columns(self) -> tuple[str, ...]:
        return tuple(f"{field}_{lang}" for field in self.title_fields for lang in LANGS)

    @cached_property  # read for every candidate of every search
    def loaded(self) -> tuple[str, ...]:
        """What a candidate loads: searched and shown fields only (not the long search columns)."""
        return self.columns + self.shown

    @cached_property  # read for every candidate of every search
    def search_columns(self) -> tuple[str, str]:
        """The generated columns matched in SQL: (title text, all text); one column when only a title."""
        return ("search_title" if self.other_fields else "search_text", "search_text")


# the meeting's visibility: a hit in a partners-only meeting is marked so (meetings/public/search_hits.py)
ITEM_SHOWN = (
    "order",
    "meeting",
    *(f"meeting__{f}" for f in ("slug", "start_date", "title_lo", "title_en", "visibility")),
)
ORGANISATION_SHOWN = ("slug", *(f"{f}_{lang}" for f in ("name", "short_name") for lang in LANGS))


def _meeting_part(key: str, label, model) -> Kind:
    """A part of a meeting (agenda item, activity, achievement, action item): listed in its meeting's order,
    newest meeting first, dated by its meeting."""
    return Kind(
        key,
        label,
        model,
        order=("-meeting__start_date", "meeting_id", "order"),
        select_related=("meeting",),
        date_path="meeting.start_date",
        shown=ITEM_SHOWN,
    )


KINDS: tuple[Kind, ...] = (
    Kind(
        "meetings",
        _("Meetings"),
        m.Meeting,
        order=("-start_date", "-pk"),
        date_path="start_date",
        shown=("slug", "start_date", "visibility"),
    ),
    _meeting_part("agenda", _("Agenda items and reports"), m.AgendaItem),
    _meeting_part("activities", _("Activities"), m.Activity),
    _meeting_part("achievements", _("Achievements"), m.Achievement),
    _meeting_part("actions", _("Action items"), m.ActionItem),
    Kind(
        "people",
        _("People"),
        m.Person,
        order=("name_lo", "pk"),
        select_related=("organisation",),
        shown=("slug", "organisation", *(f"organisation__{f}" for f in ORGANISATION_SHOWN)),
    ),
    Kind("organisations", _("Organisations"), m.Organisation, order=("name_lo", "pk"), shown=("slug",)),
)
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}
MEETING_ITEMS = (m.AgendaItem, m.Activity, m.Achievement, m.ActionItem)
