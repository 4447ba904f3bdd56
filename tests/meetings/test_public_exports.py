"""Open data: CSV and JSON round-trip with the database; stable field names; only visible rows."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import translation

from meetings import models as m
from meetings.public import exports
from tests.meetings.public_helpers import hidden_meetings

pytestmark = pytest.mark.django_db

DOCUMENTED = {
    "meetings": [
        "slug", "title_lo", "title_en", "kind", "format", "start_date", "end_date", "venue_lo", "venue_en",
        "city_lo", "city_en", "organisers", "programme", "attendance_total", "attendance_women",
        "attendance_online", "summary_lo", "summary_en", "url_lo", "url_en", "countries",
    ],
    "organisations": ["slug", "name_lo", "name_en", "short_name_lo", "short_name_en", "kind", "country", "parent", "url_lo", "url_en"],
    "people": [
        "slug", "name_lo", "name_en", "honorific_lo", "honorific_en", "position_lo", "position_en", "organisation", "url_lo", "url_en",
    ],
    "action-items": [
        "meeting", "number", "text_lo", "text_en", "responsible", "due_date", "status", "last_update_meeting", "updates",
    ],
}  # fmt: skip


def download(client, dataset, fmt, lang="en"):
    with translation.override(lang):
        path = reverse("meetings:export", kwargs={"dataset": dataset, "fmt": fmt})
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{dataset}.{fmt}"'
    return response


def expected_counts():
    return {
        "meetings": m.Meeting.objects.visible_to(AnonymousUser()).count(),
        "organisations": m.Organisation.objects.count(),
        "people": m.Person.objects.count(),
        "action-items": m.ActionItem.objects.visible_to(AnonymousUser()).count(),
    }


def test_field_names_are_the_documented_ones():
    assert exports.FIELDS == DOCUMENTED
    from pathlib import Path

    from django.conf import settings

    page = (Path(settings.BASE_DIR) / "docs" / "en" / "partners" / "open-data.md").read_text(encoding="utf-8")
    for dataset, fields in DOCUMENTED.items():
        assert f"`{dataset}`" in page
        for field in fields:
            assert f"`{field}`" in page, field


@pytest.mark.parametrize("dataset", list(DOCUMENTED))
def test_csv_and_json_round_trip(client, demo, dataset):
    hidden_meetings()
    expected = expected_counts()[dataset]
    assert expected > 0
    response = download(client, dataset, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0].keys()) == DOCUMENTED[dataset]
    assert len(rows) == expected
    response = download(client, dataset, "json", lang="lo")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    assert len(data) == expected
    assert all(list(row) == DOCUMENTED[dataset] for row in data)
    # the two formats carry the same values, Lao and English side by side
    for row_csv, row_json in zip(rows, data, strict=True):
        assert row_csv == {k: "" if v is None else str(v) for k, v in row_json.items()}
    assert "SECRET" not in text and "SECRET" not in response.content.decode()


def test_meeting_export_values_match_the_database(client, demo):
    demo[0].countries.set(m.Country.objects.filter(code__in=["TH", "AU"]))
    data = json.loads(download(client, "meetings", "json").content)
    assert {row["slug"]: row["countries"] for row in data}[demo[0].slug] == "AU TH"
    by_slug = {row["slug"]: row for row in data}
    for meeting in m.Meeting.objects.visible_to(AnonymousUser()):
        row = by_slug[meeting.slug]
        assert row["title_lo"] == meeting.title_lo and row["title_en"] == meeting.title_en
        assert row["start_date"] == meeting.start_date.isoformat()
        assert row["attendance_women"] == meeting.attendance_women
        assert set(row["organisers"].split()) == {o.slug for o in meeting.organisers.all()}
        assert row["countries"].split() == sorted(c.code for c in meeting.countries.all())
        assert row["url_lo"] == f"http://testserver/lo/meetings/{meeting.slug}/"
        assert row["url_en"] == f"http://testserver/en/meetings/{meeting.slug}/"


def test_csv_escapes_commas_quotes_and_newlines(client, db):
    from tests import factories as f

    f.meeting(title_en='A "quoted", comma\nand newline', title_lo="ກອງປະຊຸມ, ທົດລອງ")
    text = download(client, "meetings", "csv").content.decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["title_en"] == 'A "quoted", comma\nand newline'
    assert row["title_lo"] == "ກອງປະຊຸມ, ທົດລອງ"
