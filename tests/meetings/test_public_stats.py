"""Statistics: the numbers, the SVG charts (valid, escaped, no script) and the statistics page."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from meetings import models as m
from meetings.selectors import stats
from tests import factories as f
from tests.meetings.public_helpers import hidden_meetings

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def data(db):
    f.meeting(start_date=datetime.date(2023, 1, 10), kind="training", attendance_total=40, attendance_women=10,
              attendance_online=4)  # fmt: skip
    f.meeting(start_date=datetime.date(2023, 6, 1), kind="training", attendance_total=60, attendance_women=30)
    f.meeting(start_date=datetime.date(2024, 2, 2), kind="annual_review", attendance_total=1200)
    f.meeting(start_date=datetime.date(2024, 3, 3), kind="annual_review")
    done = f.meeting(start_date=datetime.date(2024, 4, 4), kind="consultation")
    f.action_item(meeting=done, status="done")
    f.action_item(meeting=done, status="open")
    f.action_item(meeting=done, status="open")
    hidden_meetings()  # must not be counted


def visible():
    return m.Meeting.objects.visible_to(AnonymousUser()), m.ActionItem.objects.visible_to(AnonymousUser())


def test_meetings_per_year_and_kind(data):
    rows, kinds = stats.meetings_per_year_and_kind(visible()[0])
    assert [(r.year, r.total, r.by_kind) for r in rows] == [
        (2023, 2, {"training": 2}),
        (2024, 3, {"annual_review": 2, "consultation": 1}),
    ]
    assert [k for k, _label in kinds] == ["annual_review", "consultation", "training"]


def test_attendance_shares_only_over_meetings_that_counted(data):
    rows = stats.attendance_per_year(visible()[0])
    y2023, y2024 = rows
    assert (y2023.participants, y2023.women, y2023.online) == (100, 40, 4)
    assert y2023.women_share == pytest.approx(0.4)
    assert y2023.online_share == pytest.approx(4 / 40)  # only the first meeting counted online participants
    assert y2024.participants == 1200
    assert y2024.women_share is None and y2024.online_share is None


def test_action_items_by_status_and_key_figures(data):
    meetings, items = visible()
    with translation.override("en"):
        by_status = stats.action_items_by_status(items)
    assert by_status == [
        ("open", "Open", 2),
        ("in_progress", "In progress", 0),
        ("done", "Done", 1),
        ("dropped", "Dropped", 0),
    ]
    figures = stats.key_figures(meetings, items)
    assert figures["meetings"] == 5
    assert figures["participants"] == 1300
    assert figures["women_share"] == pytest.approx(0.4)
    assert (figures["action_items"], figures["action_items_unfinished"], figures["action_items_done"]) == (
        3,
        2,
        1,
    )


def test_statistics_context_query_count(data, django_assert_num_queries):
    meetings, items = visible()
    with django_assert_num_queries(5):
        ctx = stats.statistics_context(meetings, items)
    assert set(ctx["charts"]) == {
        "meetings_per_year",
        "participants_per_year",
        "women_share",
        "online_share",
        "action_items_by_status",
    }


def test_charts_are_valid_svg_with_escaped_text(data):
    with translation.override("en"):
        ctx = stats.statistics_context(*visible())
    for name, svg in ctx["charts"].items():
        root = ET.fromstring(str(svg))
        assert root.tag == f"{SVG}svg", name
        assert root.get("role") == "img" and root.find(f"{SVG}title").text
        assert "<script" not in svg and "href" not in svg
    bars = ET.fromstring(str(ctx["charts"]["participants_per_year"])).findall(f"{SVG}rect")
    widths = [float(b.get("width")) for b in bars]
    assert widths[1] > widths[0] * 10  # 1,200 against 100 participants
    texts = [t.text for t in ET.fromstring(str(ctx["charts"]["participants_per_year"])).iter(f"{SVG}text")]
    assert "1,200" in texts and "2023" in texts
    evil = stats.bar_chart_svg([('<script>alert("x")</script> & co', 3)], title="<b>title</b>")
    root = ET.fromstring(str(evil))
    assert root.find(f"{SVG}title").text == "<b>title</b>"
    assert "<script>" not in evil


def test_numbers_in_lao_format(data):
    with translation.override("lo"):
        ctx = stats.statistics_context(*visible())
    texts = [t.text for t in ET.fromstring(str(ctx["charts"]["participants_per_year"])).iter(f"{SVG}text")]
    assert "1.200" in texts  # Lao groups thousands with a dot


def test_empty_charts_say_no_data(db):
    with translation.override("en"):
        svg = stats.bar_chart_svg([], title="Nothing")
    assert "No data" in svg
    ET.fromstring(str(svg))


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_statistics_page_has_charts_and_tables(client, data, lang):
    html = client.get(f"/{lang}/statistics/").content.decode()
    assert html.count("<svg") == 5
    assert html.count("<table") == 3
    assert "<caption>" in html
    if lang == "lo":
        assert "1.300" in html and "40 %" in html
    else:
        assert "1,300" in html and "40 %" in html


# --- A figure that was not recorded is "not recorded", never 0 ------------------------------------------
def test_a_year_without_attendance_is_not_recorded_not_zero(demo, client):
    """The demo's 2020 annual review recorded no attendance: its year says "not recorded" on the page,
    has no bar (a gap) in the chart, and its figures are None, never 0."""
    rows = {r.year: r for r in stats.attendance_per_year(visible()[0])}
    assert (rows[2020].participants, rows[2020].women, rows[2020].online) == (None, None, None)
    assert rows[2024].participants == 24  # a recorded year keeps its number
    for lang, words in (("en", "not recorded"), ("lo", "ບໍ່ໄດ້ບັນທຶກ")):
        html = client.get(f"/{lang}/statistics/").content.decode()
        row = html.split('<th scope="row">2020</th>', 1)[1].split("</tr>", 1)[0]
        cells = [cell.split("</td>")[0] for cell in row.split("<td>")[1:]]
        # meetings, meetings online (a count, 0 is true), participants, women, share, online, share
        assert cells == ["1", "0", words, words, "–", words, "–"], cells
        with translation.override(lang):
            svg = str(stats.statistics_context(*visible())["charts"]["participants_per_year"])
        labels = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
        assert labels == ["2020", words, "2024", "24"]
        assert len(ET.fromstring(svg).findall(f"{SVG}rect")) == 1  # 2024's bar only: 2020 is a gap
    with translation.override("en"):
        chart = {c.title: c for c in stats.statistics_charts(*visible())}["Participants per year"]
    assert [(r.label, r.value, r.shown) for r in chart.rows] == [
        ("2020", None, "not recorded"),
        ("2024", 24, "24"),
    ]


def test_open_data_leaves_a_figure_not_recorded_empty(demo, client):
    import csv
    import io
    import json

    text = client.get("/en/data/meetings.csv").content.decode("utf-8-sig")
    review = next(
        r for r in csv.DictReader(io.StringIO(text)) if r["slug"] == "2020-02-13-annual-review-2019"
    )
    assert (review["attendance_total"], review["attendance_women"], review["attendance_online"]) == (
        "",
        "",
        "",
    )
    data = json.loads(client.get("/en/data/meetings.json").content)
    review = next(r for r in data if r["slug"] == "2020-02-13-annual-review-2019")
    assert review["attendance_total"] is None and review["attendance_women"] is None
