"""The summary report: only visible meetings count; figures, charts and form errors."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings import models as m
from meetings import selectors
from meetings.models import ActionItemStatus
from meetings.rules import roles
from meetings.selectors.stats import bar_chart_svg
from reports import summary
from tests import factories
from tests.reports.conftest import pdftotext, squash

TODAY = datetime.date(2024, 6, 1)


@pytest.fixture
def year_2024(db):
    org = factories.organisation(name_en="Lao Women's Union", name_lo="ສູນກາງສະຫະພັນແມ່ຍິງລາວ")
    programme = m.Programme.objects.create(name_lo="ແຜນງານ", name_en="Programme X")
    public = factories.meeting(
        start_date=datetime.date(2024, 2, 15),
        attendance_total=20,
        attendance_women=8,
        attendance_online=3,
        organisers=[org],
        programme=programme,
    )
    other = factories.meeting(start_date=datetime.date(2024, 3, 1), attendance_total=10, attendance_women=2)
    factories.meeting(start_date=datetime.date(2024, 3, 5), attendance_total=500, status="draft")
    factories.meeting(start_date=datetime.date(2024, 4, 5), attendance_total=700, visibility="internal")
    factories.meeting(start_date=datetime.date(2023, 12, 31), attendance_total=900)
    factories.action_item(meeting=public, status="done")
    factories.action_item(meeting=public, status="dropped")
    factories.action_item(meeting=public, due_date=datetime.date(2024, 5, 1))  # overdue on TODAY
    factories.action_item(meeting=other, status="in_progress", due_date=datetime.date(2024, 12, 1))
    return {"org": org, "programme": programme, "public": public, "other": other}


def test_statistics_count_only_visible_meetings_of_the_period(year_2024):
    from django.contrib.auth.models import AnonymousUser

    meetings = summary.meetings_in(AnonymousUser(), summary.Period.year(2024))
    items = selectors.action_items(AnonymousUser()).filter(meeting__in=meetings)
    with CaptureQueriesContext(connection) as queries:
        stats = summary.statistics(meetings, items, today=TODAY)
    assert len(queries) == 3
    assert stats["meetings"] == 2
    assert (stats["attendance"], stats["women"], stats["online"]) == (30, 10, 3)
    assert stats["women_percent"] == 33
    assert stats["actions"] == {"opened": 4, "done": 1, "dropped": 1, "unfinished": 2, "overdue": 1}
    assert stats["closed"] == 2
    assert stats["per_month"] == {datetime.date(2024, 2, 1): 1, datetime.date(2024, 3, 1): 1}

    staff = factories.user(role=roles.EDITOR, username="staff")
    staff_meetings = summary.meetings_in(staff, summary.Period.year(2024))
    staff_items = selectors.action_items(staff).filter(meeting__in=staff_meetings)
    assert summary.statistics(staff_meetings, staff_items, today=TODAY)["meetings"] == 4


def test_organisation_and_programme_filters(year_2024):
    from django.contrib.auth.models import AnonymousUser

    period = summary.Period(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    by_org = summary.meetings_in(AnonymousUser(), period, organisation=year_2024["org"])
    assert list(by_org) == [year_2024["public"]]
    # taking part counts too, and a meeting is counted once however many of its people came
    for _ in range(3):
        factories.participation(
            meeting=year_2024["other"], person=factories.person(), organisation=year_2024["org"]
        )
    by_org = summary.meetings_in(AnonymousUser(), period, organisation=year_2024["org"])
    items = selectors.action_items(AnonymousUser()).filter(meeting__in=by_org)
    assert summary.statistics(by_org, items, today=TODAY)["attendance"] == 30
    by_programme = summary.meetings_in(AnonymousUser(), period, programme=year_2024["programme"])
    assert list(by_programme) == [year_2024["public"]]


def test_summary_pdf_in_lao(client, year_2024, tmp_path):
    response = client.get("/lo/reports/summary/", {"year": 2024})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    text = squash(pdftotext(response.content, tmp_path))
    assert squash("ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ") in text
    assert squash(year_2024["public"].title_lo) in text
    assert squash(year_2024["other"].title_lo) in text
    assert "700" not in text and "500" not in text  # the hidden meetings' attendance
    # The statistics page's charts, with their Lao labels set as shaped text (WeasyPrint draws SVG text
    # glyph by glyph, which breaks Lao marks; the PDF draws the same rows as HTML bars).
    from django.utils import translation

    from meetings.selectors.stats import CHART_TITLES

    with translation.override("lo"):
        for title in CHART_TITLES.values():
            assert squash(str(title)) in text, title
        assert squash(str(ActionItemStatus.IN_PROGRESS.label)) in text


def test_summary_pdf_in_english_for_a_range_and_organisation(client, year_2024, tmp_path):
    response = client.get(
        "/en/reports/summary/",
        {"start": "2024-02-01", "end": "2024-02-29", "organisation": year_2024["org"].pk},
    )
    assert response.status_code == 200
    text = squash(pdftotext(response.content, tmp_path))
    assert squash("From 1 February 2024 to 29 February 2024") in text
    assert squash("Lao Women's Union") in text
    assert squash(year_2024["public"].title_en) in text
    assert squash(year_2024["other"].title_en) not in text


def test_summary_form_page_and_errors(client, db):
    page = client.get("/en/reports/summary/")
    assert page.status_code == 200
    assert b'name="year"' in page.content and b'name="organisation"' in page.content
    cases = [
        ({"year": "abc"}, "Enter the year as a number, for example 2024."),
        ({"year": "1900"}, "Enter a year between 1975 and 2100."),
        ({"start": "31/02/2024", "end": "2024-03-01"}, "Enter a date such as 2024-02-15."),
        ({"year": 2024, "start": "2024-01-01", "end": "2024-02-01"}, "either a year or a date range"),
        ({"start": "2024-01-01"}, "needs both a first and a last day"),
        ({"start": "2024-03-01", "end": "2024-01-01"}, "cannot be before the first day"),
        ({"organisation": "999999", "year": 2024}, "Choose an organisation from the list."),
        ({"programme": "x", "year": 2024}, "Choose a programme from the list."),
        ({"organisation": ""}, "Choose a year or a date range."),
    ]
    for params, message in cases:
        response = client.get("/en/reports/summary/", params)
        assert response.status_code == 400, params
        assert message in response.content.decode(), params
    lao = client.get("/lo/reports/summary/", {"start": "2024-03-01", "end": "2024-01-01"})
    assert lao.status_code == 400
    assert "ວັນສຸດທ້າຍບໍ່ສາມາດກ່ອນວັນທຳອິດໄດ້" in lao.content.decode()


def test_chart_labels_are_escaped():
    svg = bar_chart_svg([('<script>x</script>"', 3), ("ມັງກອນ", 1)], title='a"b<')
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'aria-label="a&quot;b&lt;"' in svg
    assert svg.count("<rect") == 2


def test_long_listings_are_capped_but_counted(year_2024, monkeypatch, tmp_path):
    from django.contrib.auth.models import AnonymousUser
    from django.utils import translation

    monkeypatch.setattr(summary, "MAX_LISTED", 1)
    with translation.override("en"):
        report = summary.build_report(user=AnonymousUser(), period=summary.Period.year(2024), today=TODAY)
        assert len(report["meetings"]) == 1 and report["more_meetings"] == 1
        text = squash(pdftotext(summary.render_report(report), tmp_path))
    assert squash("and 1 more meeting, counted in the figures above") in text
