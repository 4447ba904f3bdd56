"""Open data: meetings, organisations, people and action items as CSV and JSON.

Field names are stable (documented in docs/en/partners/open-data.md); every translated field appears twice, with
``_lo`` and ``_en`` suffixes. Rows come from :mod:`meetings.selectors` for the reader (organisations and
people too: only those known from what the reader may see). Each dataset is built with a fixed number of
queries.
"""

from __future__ import annotations

import csv
import io
import json

from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from meetings import selectors
from portal.ops.csvsafe import csv_row

FORMATS = ("csv", "json")
LANGS = ("lo", "en")


def _slugs(objs) -> str:
    return " ".join(sorted(o.slug for o in objs))


def _urls(obj, base: str) -> dict[str, str]:
    """Absolute addresses of the record's page in each language."""
    out = {}
    for lang in LANGS:
        with translation.override(lang):
            out[f"url_{lang}"] = base + obj.get_absolute_url()
    return out


def _date(value) -> str:
    return value.isoformat() if value else ""


def meeting_rows(user, base="", *, meetings=None):
    """Rows of the meetings ``user`` may see (only those of ``meetings`` when given)."""
    listed = selectors.listed_meetings(user)
    if meetings is not None:
        listed = listed.filter(pk__in=meetings.values("pk"))
    meetings = listed.prefetch_related("countries").order_by("start_date", "pk")
    for m in meetings:
        yield {
            "slug": m.slug,
            "title_lo": m.title_lo or "",
            "title_en": m.title_en or "",
            "kind": m.kind,
            "format": m.format,
            "start_date": _date(m.start_date),
            "end_date": _date(m.end_date),
            "venue_lo": m.venue_lo or "",
            "venue_en": m.venue_en or "",
            "city_lo": m.city_lo or "",
            "city_en": m.city_en or "",
            "organisers": _slugs(m.organisers.all()),
            "programme": m.programme.slug if m.programme else "",
            "attendance_total": m.attendance_total,
            "attendance_women": m.attendance_women,
            "attendance_online": m.attendance_online,
            "summary_lo": m.summary_lo or "",
            "summary_en": m.summary_en or "",
            **_urls(m, base),
            "countries": " ".join(sorted(c.code for c in m.countries.all())),
        }


def organisation_rows(user, base=""):
    for o in selectors.organisations(user).select_related("parent", "country").order_by("slug"):
        yield {
            "slug": o.slug,
            "name_lo": o.name_lo or "",
            "name_en": o.name_en or "",
            "short_name_lo": o.short_name_lo or "",
            "short_name_en": o.short_name_en or "",
            "kind": o.kind,
            "country": o.country.code if o.country else "",
            "parent": o.parent.slug if o.parent else "",
            **_urls(o, base),
        }


def person_rows(user, base=""):
    for p in selectors.people(user).select_related("organisation").order_by("slug"):
        yield {
            "slug": p.slug,
            "name_lo": p.name_lo or "",
            "name_en": p.name_en or "",
            "honorific_lo": p.honorific_lo or "",
            "honorific_en": p.honorific_en or "",
            "position_lo": p.position_lo or "",
            "position_en": p.position_en or "",
            "organisation": p.organisation.slug if p.organisation else "",
            **_urls(p, base),
        }


def action_item_rows(user, base=""):
    items = selectors.action_items(user).order_by("meeting__start_date", "meeting__pk", "order")
    for a in items:
        updates = list(a.updates.all())
        yield {
            "meeting": a.meeting.slug,
            "number": a.order,
            "text_lo": a.text_lo or "",
            "text_en": a.text_en or "",
            "responsible": _slugs(a.responsible.all()),
            "due_date": _date(a.due_date),
            "status": a.reader_status,
            "last_update_meeting": updates[-1].meeting.slug if updates else "",
            "updates": len(updates),
        }


FIELDS = {
    "meetings": [
        "slug",
        "title_lo",
        "title_en",
        "kind",
        "format",
        "start_date",
        "end_date",
        "venue_lo",
        "venue_en",
        "city_lo",
        "city_en",
        "organisers",
        "programme",
        "attendance_total",
        "attendance_women",
        "attendance_online",
        "summary_lo",
        "summary_en",
        "url_lo",
        "url_en",
        "countries",
    ],
    "organisations": [
        "slug",
        "name_lo",
        "name_en",
        "short_name_lo",
        "short_name_en",
        "kind",
        "country",
        "parent",
        "url_lo",
        "url_en",
    ],
    "people": [
        "slug",
        "name_lo",
        "name_en",
        "honorific_lo",
        "honorific_en",
        "position_lo",
        "position_en",
        "organisation",
        "url_lo",
        "url_en",
    ],
    "action-items": [
        "meeting",
        "number",
        "text_lo",
        "text_en",
        "responsible",
        "due_date",
        "status",
        "last_update_meeting",
        "updates",
    ],
}

DATASETS = {
    "meetings": (_("Meetings"), meeting_rows),
    "organisations": (_("Organisations"), organisation_rows),
    "people": (_("People"), person_rows),
    "action-items": (_("Action items"), action_item_rows),
}


def rows(dataset: str, user, base: str = "") -> list[dict]:
    """The rows of ``dataset`` that ``user`` may see; ``base`` (scheme and host) makes page URLs absolute."""
    return list(DATASETS[dataset][1](user, base))


def to_csv(dataset: str, data: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS[dataset], lineterminator="\r\n")
    writer.writeheader()
    for row in data:
        writer.writerow(csv_row(row))  # formulas neutralised (portal/ops/csvsafe.py)
    return out.getvalue()


def download(request, dataset: str, fmt: str):
    if dataset not in DATASETS or fmt not in FORMATS:
        raise Http404
    data = rows(dataset, request.user, base=request.build_absolute_uri("/").rstrip("/"))
    if fmt == "csv":
        # A byte-order mark lets spreadsheet programs read the Lao text as UTF-8.
        response = HttpResponse("\ufeff" + to_csv(dataset, data), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{dataset}.{fmt}"'
    return response
