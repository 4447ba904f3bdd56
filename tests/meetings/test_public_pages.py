"""Public pages in Lao and English: content, language switching, fallbacks, filters and bad input."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from meetings import models as m
from tests import factories as f

pytestmark = pytest.mark.django_db

NPSC = "2024-02-15-asean-act-npsc-2023"
REVIEW = "2020-02-13-annual-review-2019"


def url(name, lang, **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def page(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.content.decode()


def public_pages(demo):
    meeting = m.Meeting.objects.get(slug=NPSC)
    org = meeting.organisers.first()
    person = meeting.participations.first().person
    return [
        ("meetings:home", {}),
        ("meetings:meeting_list", {}),
        ("meetings:year_archive", {"year": 2024}),
        ("meetings:meeting", {"slug": meeting.slug}),
        ("meetings:organisation_list", {}),
        ("meetings:organisation", {"slug": org.slug}),
        ("meetings:person_list", {}),
        ("meetings:person", {"slug": person.slug}),
        ("meetings:action_items", {}),
        ("meetings:statistics", {}),
        ("meetings:open_data", {}),
    ]


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_every_page_type_in_each_language(client, demo, lang):
    other = "en" if lang == "lo" else "lo"
    for name, kwargs in public_pages(demo):
        path = url(name, lang, **kwargs)
        assert path.startswith(f"/{lang}/")
        html = page(client, path)
        assert f'<html lang="{lang}">' in html
        # the language switcher points at this same page in the other language, with hreflang alternates
        other_path = url(name, other, **kwargs)
        assert f'href="{other_path}" hreflang="{other}"' in html
        assert f'<link rel="alternate" hreflang="{other}" href="http://testserver{other_path}">' in html
        assert f'<link rel="alternate" hreflang="{lang}" href="http://testserver{path}">' in html
        assert 'href="#main"' in html and '<main id="main"' in html
        assert "<nav" in html and "<header" in html and "<footer" in html


def test_meeting_page_in_lao_shows_lao_text_dates_and_numbers(client, demo):
    html = page(client, url("meetings:meeting", "lo", slug=NPSC))
    meeting = m.Meeting.objects.get(slug=NPSC)
    assert meeting.title_lo in html
    assert meeting.title_en not in html
    assert "15 ກຸມພາ 2024" in html  # the Lao date format with the Lao month name
    assert "ຜູ້ເຂົ້າຮ່ວມ" in html  # "participants" heading in Lao
    assert "{# PDF_LINKS #}" not in html  # a template comment, left for the PDF links, never shown


def test_meeting_page_in_english_shows_everything_recorded(client, demo):
    meeting = m.Meeting.objects.get(slug=NPSC)
    html = page(client, url("meetings:meeting", "en", slug=NPSC))
    assert meeting.title_en in html
    assert "15 February 2024" in html  # day month year, as the Lao pages and partners write it
    assert f"{meeting.attendance_total}, of whom {meeting.attendance_women} women" in html
    assert f"{meeting.attendance_online} online" in html
    for part in meeting.participations.all():
        assert part.person.get_absolute_url().replace("/lo/", "/en/") in html
    for org in meeting.organisers.all():
        assert org.name_en in html
    for item in meeting.action_items.all():
        assert item.text_en in html
    for child in [*meeting.agenda_items.all(), *meeting.activities.all(), *meeting.achievements.all()]:
        assert child.title_en.replace("'", "&#x27;") in html


@pytest.mark.parametrize("active", ["lo", "en"])
def test_saving_in_either_language_keeps_a_missing_translation_missing(db, active):
    # Regression: normalising text on save wrote the fallback (Lao) text into the English column when
    # English was the active language (as in an English admin session).
    with translation.override(active):
        meeting = f.meeting(title_lo="ກອງປະຊຸມ\u0ecd\u0eb2", title_en="")
        person = f.person(name_lo="ທ່ານ ກ", name_en="", position_lo="", position_en="Officer")
    meeting.refresh_from_db()
    person.refresh_from_db()
    assert meeting.title_en == "" and meeting.title_lo == "ກອງປະຊຸມ\u0eb3"
    assert person.name_en == "" and person.position_lo == "" and person.position_en == "Officer"


def test_missing_english_shows_lao_with_a_note_and_lang_attribute(client, db):
    meeting = f.meeting(title_lo="ກອງປະຊຸມທົດລອງ", title_en="", summary_lo="ສະຫຼຸບເນື້ອໃນ", summary_en="")
    html = page(client, url("meetings:meeting", "en", slug=meeting.slug))
    assert (
        '<span lang="lo">ກອງປະຊຸມທົດລອງ</span> <small class="lang-note" lang="en">(in Lao only)</small>' in html
    )
    assert re.search(r'<div lang="lo" class="other-language"><p>ສະຫຼຸບເນື້ອໃນ</p>', html)
    # the page title has the Lao text too, never a blank
    assert "<title>ກອງປະຊຸມທົດລອງ" in html
    # in Lao the same record needs no note
    html_lo = page(client, url("meetings:meeting", "lo", slug=meeting.slug))
    assert "ກອງປະຊຸມທົດລອງ" in html_lo and "lang-note" not in html_lo


def test_missing_lao_shows_english_with_a_note_in_lao(client, db):
    org = f.organisation(name_lo="ອົງການ ທົດລອງ")
    person = f.person(name_lo="ທ່ານ ທົດລອງ", position_lo="", position_en="Programme officer", organisation=org)
    f.participation(meeting=f.meeting(), person=person)  # people are shown through the meetings they attended
    html = page(client, url("meetings:person", "lo", slug=person.slug))
    assert '<span lang="en">Programme officer</span>' in html
    assert 'class="lang-note" lang="lo"' in html


def test_translated_tag_escapes_user_text(client, db):
    meeting = f.meeting(title_en="<script>alert(1)</script>", summary_en="<b>bold</b>", validate=False)
    html = page(client, url("meetings:meeting", "en", slug=meeting.slug))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_ignored_filter_notice_in_lao(client, demo):
    html = page(client, url("meetings:meeting_list", "lo") + "?kind=nonsense")
    assert "ບໍ່ເຂົ້າໃຈ" in html
    assert "ignored" not in page(client, url("meetings:meeting_list", "en") + "?kind=training")


def test_language_switch_keeps_page_and_query(client, demo):
    html = page(client, url("meetings:meeting_list", "en") + "?kind=annual_review")
    assert 'href="/lo/meetings/?kind=annual_review" hreflang="lo"' in html


def test_root_redirects_to_lao(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/lo/"


def test_meeting_list_filters(client, demo):
    base = url("meetings:meeting_list", "en")
    review = m.Meeting.objects.get(slug=REVIEW)
    npsc = m.Meeting.objects.get(slug=NPSC)

    def listed(query):
        html = page(client, base + query)
        return {s for s in (NPSC, REVIEW) if f"/en/meetings/{s}/" in html}

    assert listed("") == {NPSC, REVIEW}
    assert listed("?year=2020") == {REVIEW}
    assert listed("?kind=steering_committee") == {NPSC}
    assert listed(f"?format={review.format}") == {REVIEW}
    assert listed(f"?programme={npsc.programme.slug}") == {NPSC}
    org = npsc.organisers.exclude(pk__in=review.organisers.all()).first()
    assert listed(f"?organisation={org.slug}") == {NPSC}
    assert "1 meeting" in page(client, base + "?year=2024")


@pytest.mark.parametrize(
    "query",
    [
        "?year=abc",
        "?year=99999999999999999999",
        "?kind=nonsense",
        "?organisation=no-such-org",
        "?programme=%00",
        "?format[]=x",
        "?page=abc",
        "?page=-1",
        "?page=9999",
        "?year=2020&kind=nonsense",
    ],
)
def test_bad_filter_values_are_ignored(client, demo, query):
    html = page(client, url("meetings:meeting_list", "en") + query)
    if "page=" not in query and "[]" not in query:  # unknown parameters are simply not filters
        assert "Some filter values were not understood and have been ignored." in html
    # invalid values are dropped, valid ones still apply
    if "year=2020" in query:
        assert REVIEW in html and NPSC not in html
    else:
        assert REVIEW in html and NPSC in html


@pytest.mark.parametrize(
    "query", ["?status=bogus", "?organisation=zzz", "?year=x", "?status=%00", "?page=%ff"]
)
def test_bad_action_item_filters_are_ignored(client, demo, query):
    html = page(client, url("meetings:action_items", "en") + query)
    assert m.ActionItem.objects.first().text_en.split()[0] in html


def test_action_item_filters(client, demo):
    today = datetime.date.today()
    meeting = f.meeting(start_date=today - datetime.timedelta(days=60))
    org = f.organisation(name_en="Responsible unit")
    late = f.action_item(
        meeting=meeting, text_en="LATE-ITEM", due_date=today - datetime.timedelta(days=1), responsible=[org]
    )
    f.action_item(meeting=meeting, text_en="DONE-ITEM", status="done", responsible=[org])
    f.action_item(meeting=meeting, text_en="FUTURE-ITEM", due_date=today + datetime.timedelta(days=30))
    base = url("meetings:action_items", "en")
    assert "LATE-ITEM" in page(client, base + "?overdue=on")
    assert "FUTURE-ITEM" not in page(client, base + "?overdue=on")
    assert "DONE-ITEM" not in page(client, base + "?overdue=on")
    html = page(client, base + f"?organisation={org.slug}")
    assert "LATE-ITEM" in html and "DONE-ITEM" in html and "FUTURE-ITEM" not in html
    html = page(client, base + "?status=done")
    assert "DONE-ITEM" in html and "LATE-ITEM" not in html
    html = page(client, base + f"?year={meeting.start_date.year}")
    assert "LATE-ITEM" in html
    assert late.is_overdue()


def test_action_item_history_across_meetings(client, db):
    from meetings.services import record_action_item_update

    first = f.meeting(start_date=datetime.date(2023, 3, 1))
    second = f.meeting(start_date=datetime.date(2023, 9, 1), title_en="SECOND-MEETING")
    item = f.action_item(meeting=first, text_en="TRACKED-ITEM")
    record_action_item_update(action_item=item, meeting=second, status="done", note_en="Finished in August")
    html = page(client, url("meetings:action_items", "en"))
    assert "TRACKED-ITEM" in html and "Finished in August" in html
    assert second.get_absolute_url().replace("/lo/", "/en/") in html
    # the later meeting shows the follow-up of the earlier item
    html = page(client, url("meetings:meeting", "en", slug=second.slug))
    assert "Follow-up of earlier action items" in html and "TRACKED-ITEM" in html


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("meetings:meeting", {"slug": "no-such-meeting"}),
        ("meetings:organisation", {"slug": "no-such-org"}),
        ("meetings:person", {"slug": "no-such-person"}),
        ("meetings:year_archive", {"year": 1999}),
        ("meetings:year_archive", {"year": 0}),
        ("meetings:year_archive", {"year": 10000}),
        ("meetings:year_archive", {"year": 99999999999999999999}),
        ("meetings:export", {"dataset": "secrets", "fmt": "csv"}),
        ("meetings:export", {"dataset": "meetings", "fmt": "xml"}),
    ],
)
def test_unknown_addresses_give_404(client, demo, name, kwargs):
    for lang in ("lo", "en"):
        assert client.get(url(name, lang, **kwargs)).status_code == 404


def test_unknown_path_gives_404(client, db):
    assert client.get("/en/meetings/bad slug/").status_code == 404
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    response = client.get("/lo/meetings/no-such-meeting/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="lo">' in html and "ບໍ່ພົບໜ້ານີ້" in html


def test_organisation_page(client, demo):
    org = m.Organisation.objects.get(slug="secretariat-national-committee")
    html = page(client, url("meetings:organisation", "en", slug=org.slug))
    assert org.name_en in html
    assert org.parent.get_absolute_url().replace("/lo/", "/en/") in html
    for meeting in org.organised_meetings.all():
        assert meeting.get_absolute_url().replace("/lo/", "/en/") in html
    parent = page(client, url("meetings:organisation", "en", slug=org.parent.slug))
    assert org.get_absolute_url().replace("/lo/", "/en/") in parent  # child units are listed


def test_person_page_groups_meetings_by_role(client, db):
    person = f.person(name_en="Role Person")
    chaired = f.meeting(title_en="CHAIRED-MEETING")
    attended = f.meeting(title_en="ATTENDED-MEETING", start_date=datetime.date(2023, 5, 5))
    f.participation(meeting=chaired, person=person, role="chair")
    f.participation(meeting=attended, person=person, role="participant", online=True)
    html = page(client, url("meetings:person", "en", slug=person.slug))
    chair_at = html.index("<h3>Chair</h3>")
    participant_at = html.index("<h3>Participant</h3>")
    assert chair_at < html.index("CHAIRED-MEETING") < participant_at < html.index("ATTENDED-MEETING")


def test_pagination_and_year_counts(client, db):
    for i in range(25):
        f.meeting(
            title_en=f"PAGED-{i:02d}", start_date=datetime.date(2022, 1, 1) + datetime.timedelta(days=i)
        )
    f.meeting(title_en="OTHER-YEAR", start_date=datetime.date(2021, 5, 5))
    base = url("meetings:meeting_list", "en")
    first = page(client, base)
    assert "26 meetings" in first and "Page 1 of 2" in first
    assert first.count("PAGED-") == 20 and 'rel="next"' in first
    second = page(client, base + "?page=2")
    assert second.count("PAGED-") == 5 and "OTHER-YEAR" in second
    assert '<a href="/en/meetings/2022/">2022</a> <span class="muted">(25)</span>' in first
    assert '<a href="/en/meetings/2021/">2021</a> <span class="muted">(1)</span>' in first
    archive = page(client, url("meetings:year_archive", "en", year=2021))
    assert "OTHER-YEAR" in archive and "PAGED-" not in archive
    # filters carry over to the next page
    filtered = page(client, base + "?kind=other")
    assert 'href="?kind=other&amp;page=2"' in filtered


def test_organisation_page_shows_latest_rows_and_links_to_the_full_lists(client, db):
    org = f.organisation(name_en="Busy secretariat")
    for i in range(12):
        meeting = f.meeting(
            organisers=[org], start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=i)
        )
        f.action_item(meeting=meeting, responsible=[org])
    html = page(client, url("meetings:organisation", "en", slug=org.slug))
    assert html.count('class="meeting-item"') == 10
    assert f'href="/en/meetings/?organisation={org.slug}">All 12 meetings</a>' in html
    assert f'href="/en/action-items/?organisation={org.slug}">All 12 action items</a>' in html
    full = page(client, url("meetings:meeting_list", "en") + f"?organisation={org.slug}")
    assert "12 meetings" in full
