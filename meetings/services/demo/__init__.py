"""The two real source meetings (``shared/seeds``), entered as a secretariat officer would: Lao first,
English beside it. Facts come from the Lao news reports and the English fact sheet; summaries are our own
words. Loading is idempotent: every record has a natural key (slug, or meeting + number/person), so a
second run updates in place and creates nothing twice.
"""

from __future__ import annotations

from django.db import transaction

from meetings import models as m
from meetings.services.countries import seed_countries
from meetings.services.demo.data import MEETINGS, ORGANISATIONS, PEOPLE, PROGRAMME


def _tr(field: str, pair: tuple[str, str]) -> dict[str, str]:
    return {f"{field}_lo": pair[0], f"{field}_en": pair[1]}


def _upsert(model, lookup: dict, values: dict):
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    for key, value in values.items():
        setattr(obj, key, value)
    obj.full_clean()
    obj.save()
    return obj


def _ordered_children(model, meeting, rows, build):
    keep = []
    for order, row in enumerate(rows, start=1):
        obj = _upsert(model, {"meeting": meeting, "order": order}, build(row))
        keep.append(obj.pk)
    model.objects.filter(meeting=meeting).exclude(pk__in=keep).delete()
    return keep


@transaction.atomic
def load_demo_data() -> list[m.Meeting]:
    """Create or update the demo records. Returns the two meetings, newest first."""
    seed_countries(m.Country)
    countries = {c.code: c for c in m.Country.objects.all()}
    orgs: dict[str, m.Organisation] = {}
    for slug, parent, kind, country, name, short in ORGANISATIONS:
        orgs[slug] = _upsert(
            m.Organisation,
            {"slug": slug},
            {
                "parent": orgs.get(parent),
                "kind": kind,
                "country": countries[country],
                **_tr("name", name),
                **_tr("short_name", short),
            },
        )
    people = {
        slug: _upsert(
            m.Person,
            {"slug": slug},
            {
                "organisation": orgs[org],
                "gender": gender,
                **_tr("name", name),
                **_tr("honorific", honorific),
                **_tr("position", position),
            },
        )
        for slug, org, gender, name, honorific, position in PEOPLE
    }
    programme = _upsert(
        m.Programme,
        {"slug": PROGRAMME["slug"]},
        {
            **_tr("name", PROGRAMME["name"]),
            **_tr("short_name", PROGRAMME["short_name"]),
            **_tr("description", PROGRAMME["description"]),
            "start_year": PROGRAMME["start_year"],
            "end_year": PROGRAMME["end_year"],
        },
    )
    programme.partners.set([orgs[s] for s in PROGRAMME["partners"]])

    meetings = []
    for data in MEETINGS:
        total, women, online = data["attendance"]
        meeting = _upsert(
            m.Meeting,
            {"slug": data["slug"]},
            {
                **_tr("title", data["title"]),
                **_tr("venue", data["venue"]),
                **_tr("city", data["city"]),
                **_tr("summary", data["summary"]),
                "kind": data["kind"],
                "start_date": data["start_date"],
                "format": data["format"],
                "programme": programme if data["programme"] else None,
                "attendance_total": total,
                "attendance_women": women,
                "attendance_online": online,
                "status": m.Meeting.Status.PUBLISHED,
                "visibility": m.Meeting.Visibility.PUBLIC,
            },
        )
        if meeting.published_at is None:
            meeting.published_at = meeting.created_at
            meeting.save(update_fields=["published_at"])
        meeting.organisers.set([orgs[s] for s in data["organisers"]])

        keep = []
        for person_slug, role, online_flag in data["participants"]:
            person = people[person_slug]
            part = _upsert(
                m.Participation,
                {"meeting": meeting, "person": person},
                {"role": role, "online": online_flag, "organisation": person.organisation},
            )
            keep.append(part.pk)
        meeting.participations.exclude(pk__in=keep).delete()

        _ordered_children(
            m.AgendaItem,
            meeting,
            data["agenda"],
            lambda row: {**_tr("title", row[0]), "presenter": people[row[1]], **_tr("summary", row[2])},
        )
        for model, key in ((m.Activity, "activities"), (m.Achievement, "achievements")):
            _ordered_children(
                model,
                meeting,
                data[key],
                lambda row: {
                    **_tr("title", row[0]),
                    **_tr("description", row[1]),
                    "organisation": orgs.get(row[2]) if row[2] else None,
                },
            )
        _ordered_children(
            m.ActionItem,
            meeting,
            data["action_items"],
            lambda row: {**_tr("text", row[0]), "due_date": row[2]},
        )
        for item, row in zip(meeting.action_items.order_by("order"), data["action_items"], strict=True):
            item.responsible.set([orgs[s] for s in row[1]])
        meetings.append(meeting)
    return sorted(meetings, key=lambda mt: mt.start_date, reverse=True)
