"""Atom and iCalendar feeds (parsed with real parsers) and sitemap.xml (every public page, both languages)."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import icalendar
import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import translation

from meetings import models as m
from tests import factories as f
from tests.meetings.public_helpers import hidden_meetings

pytestmark = pytest.mark.django_db


def get(client, name, lang, **kwargs):
    with translation.override(lang):
        path = reverse(name, kwargs=kwargs or None)
    response = client.get(path)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_atom_feed_is_valid_and_lists_visible_meetings(client, demo, lang):
    hidden_meetings()
    response = get(client, "meetings:feed_atom", lang)
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == lang
    visible = m.Meeting.objects.visible_to(AnonymousUser())
    assert len(feed.entries) == visible.count() == 2
    titles = {e.title for e in feed.entries}
    assert titles == {getattr(mt, f"title_{lang}") for mt in visible}
    for entry in feed.entries:
        assert entry.link.startswith(f"http://testserver/{lang}/meetings/")
        assert entry.id and entry.updated_parsed


def test_atom_feed_falls_back_to_lao_title(client, db):
    f.meeting(title_lo="ກອງປະຊຸມພາສາລາວເທົ່ານັ້ນ", title_en="")
    feed = feedparser.parse(get(client, "meetings:feed_atom", "en").content)
    assert [e.title for e in feed.entries] == ["ກອງປະຊຸມພາສາລາວເທົ່ານັ້ນ"]


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_icalendar_feed_is_valid_and_lists_visible_meetings(client, demo, lang):
    hidden_meetings()
    multi_day = f.meeting(
        title_en="Two-day workshop",
        start_date=datetime.date(2025, 3, 10),
        end_date=datetime.date(2025, 3, 11),
    )
    response = get(client, "meetings:feed_ical", lang)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    assert body.startswith(b"BEGIN:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))  # RFC 5545 line folding
    cal = icalendar.Calendar.from_ical(body)
    events = cal.walk("VEVENT")
    visible = m.Meeting.objects.visible_to(AnonymousUser())
    assert len(events) == visible.count() == 3
    by_summary = {str(e["SUMMARY"]): e for e in events}
    assert set(by_summary) == {getattr(mt, f"title_{lang}") or mt.title_lo for mt in visible}
    workshop = by_summary[getattr(multi_day, f"title_{lang}") or multi_day.title_lo]
    assert workshop.decoded("DTSTART") == datetime.date(2025, 3, 10)
    assert workshop.decoded("DTEND") == datetime.date(2025, 3, 12)  # DTEND of an all-day event is exclusive
    assert len({str(e["UID"]) for e in events}) == len(events)
    npsc = by_summary[
        m.Meeting.objects.get(slug="2024-02-15-asean-act-npsc-2023").title_lo
        if lang == "lo"
        else m.Meeting.objects.get(slug="2024-02-15-asean-act-npsc-2023").title_en
    ]
    assert str(npsc["URL"]).endswith(f"/{lang}/meetings/2024-02-15-asean-act-npsc-2023/")
    assert "Vientiane" in str(npsc["LOCATION"]) or "ນະຄອນຫຼວງ" in str(npsc["LOCATION"])


def test_sitemap_lists_every_public_page_in_both_languages(client, demo):
    hidden = hidden_meetings()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(response.content)
    locs = {el.text for el in root.findall("s:url/s:loc", ns)}
    expected = set()
    for lang in ("lo", "en"):
        with translation.override(lang):
            for name in (
                "home",
                "meeting_list",
                "organisation_list",
                "person_list",
                "action_items",
                "statistics",
                "open_data",
            ):
                expected.add(reverse(f"meetings:{name}"))
            for year in (2020, 2024):
                expected.add(reverse("meetings:year_archive", kwargs={"year": year}))
            for meeting in m.Meeting.objects.visible_to(AnonymousUser()):
                expected.add(meeting.get_absolute_url())
            for org in m.Organisation.objects.all():
                expected.add(org.get_absolute_url())
            for person in m.Person.objects.all():
                expected.add(person.get_absolute_url())
    public = {
        loc for loc in locs if not loc.startswith("http://testserver/help/")
    }  # the guide: tests/portal/test_help.py
    assert public == {f"http://testserver{p}" for p in expected}
    for meeting in hidden.values():
        assert meeting.slug.encode() not in response.content
    # each entry names its other-language version
    first = root.find("s:url", ns)
    assert {a.get("hreflang") for a in first.findall("x:link", ns)} == {"lo", "en", "x-default"}
