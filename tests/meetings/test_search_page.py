"""The public search page /lo/search/ and /en/search/: grouping, highlighting, filters, visibility,
odd queries and a query count that does not grow with the number of records."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from meetings import models as m
from meetings.rules import roles
from tests import factories as f


def url(lang="lo"):
    with translation.override(lang):
        return reverse("meetings:search")


def page(client, lang="lo", **params):
    response = client.get(url(lang), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_lives_under_each_language():
    assert url("lo") == "/lo/search/"
    assert url("en") == "/en/search/"


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_empty_page_invites_a_search(client, db, lang):
    html = page(client, lang)
    assert 'name="q"' in html and 'role="search"' in html
    assert "<mark>" not in html


def test_results_grouped_by_kind_with_the_match_highlighted(client, demo):
    html = page(client, "lo", q="ເລຂາ")
    headings = re.findall(r'<h2 id="heading-(\w+)"', html)
    assert headings == ["meetings", "people", "organisations"]
    assert "ກອງ<mark>ເລຂາ</mark>ຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ" in html


def test_an_english_search_on_the_lao_page_shows_the_english_passage(client, demo):
    html = page(client, "lo", q="victim identification")
    assert '<p class="search-hit__passage" lang="en"><mark>Identifying</mark> <mark>victims</mark> of' in html


def test_decomposed_sara_am_in_the_box_finds_precomposed_text(client, demo):
    html = page(client, "en", q="ກໍາມະການ")
    assert "<mark>ກຳມະການ</mark>" in html
    assert 'value="ກຳມະການ"' in html


def test_user_text_is_escaped_before_it_is_marked(client, db):
    f.meeting(
        title_en="<script>alert('x')</script> tampering & trafficking", title_lo="ທົດລອງ", validate=False
    )
    html = page(client, "en", q="<script> tampering")
    assert "<script>alert" not in html
    assert (
        "&lt;<mark>script</mark>&gt;alert(&#x27;x&#x27;)&lt;/<mark>script</mark>&gt; <mark>tampering</mark> "
        "&amp; trafficking" in html
    )


def test_a_hits_meta_line_is_escaped_and_dated(client, db):
    # the line under a hit's title is written in Python (meetings/public/search_hits.py), not by a template
    org = f.organisation(name_en="Union A&B 'East'", short_name_en="U&B", name_lo="ສະຫະພັນ")
    person = f.person(name_en="Khamla O'tamper", organisation=org)
    meeting = f.meeting(
        title_en="Review <em>one</em> & two", start_date=datetime.date(2024, 2, 15), validate=False
    )
    f.participation(meeting=meeting, person=person, organisation=org)
    f.action_item(meeting=meeting, text_en="Print the tamper handbook", text_lo="ພິມປຶ້ມ")
    html = page(client, "en", q="tamper")
    hits = re.findall(r'<li class="search-hit">.*?</li>', html, re.S)
    assert len(hits) == 2 and "<em>one" not in html
    action, known = hits
    assert "<span>Meeting: Review &lt;em&gt;one&lt;/em&gt; &amp; two</span>" in action
    assert '<time datetime="2024-02-15">' in action and f'href="{meeting.get_absolute_url()}"' in action
    assert "<span>Union A&amp;B &#x27;East&#x27;</span>" in known and "<time" not in known
    org_hits = re.findall(r'<li class="search-hit">.*?</li>', page(client, "en", q="Union"), re.S)
    assert any("<span>U&amp;B</span>" in hit for hit in org_hits)


def test_the_page_never_shows_what_the_user_may_not_see(client, db, django_user_model):
    draft = f.meeting(title_lo="ກອງປະຊຸມລັບສະເພາະ", status=m.Meeting.Status.DRAFT)
    f.action_item(meeting=draft, text_lo="ວຽກລັບສະເພາະ", text_en="hush-hush errand")
    partners = f.meeting(title_en="Partners hush-hush review", visibility=m.Meeting.Visibility.PARTNERS)
    for q in ("ລັບສະເພາະ", "hush-hush"):
        html = page(client, "en", q=q)
        assert 'class="search-hit"' not in html and "Nothing was found" in html
        assert "ກອງປະຊຸມລັບສະເພາະ" not in html and "errand" not in html and "Partners hush-hush" not in html
    # Years of hidden meetings are not offered as filters either.
    f.meeting(title_en="Old", start_date=datetime.date(2011, 1, 1), status=m.Meeting.Status.DRAFT)
    assert '<option value="2011"' not in page(client, "en")
    client.force_login(f.user(role=roles.PARTNER, username="partner"))
    assert "Partners <mark>hush-hush</mark> review" in page(client, "en", q="hush-hush")
    assert partners.title_en not in page(client, "en", q="errand")


def test_filters_combine_with_the_search(client, demo):
    html = page(client, "en", q="ຄ້າມະນຸດ", year="2020")
    assert "2019" in html and "NPSC" not in html
    html = page(client, "en", q="ຄ້າມະນຸດ", kind="actions")
    assert re.findall(r'<h2 id="heading-(\w+)"', html) == ["actions"]
    # The Lao Women's Union and its counselling centre: the centre is responsible for one action item.
    html = page(client, "en", q="ຕິດຕາມ", organisation="lao-womens-union")
    assert re.findall(r'<h2 id="heading-(\w+)"', html) == ["actions"]
    assert html.count('class="search-hit"') == 1 and "referral of victims" in html
    assert 'value="lao-womens-union" selected' in html


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_unknown_filter_values_are_reported_and_ignored(client, demo, lang):
    html = page(client, lang, q="ຄ້າມະນຸດ", year="1066", kind="secrets", organisation="no-such-body")
    assert html.count('class="search-form__error"') == 3
    assert "<mark>ຄ້າມະນຸດ</mark>" in html
    if lang == "lo":
        assert "This choice is not available" not in html  # the message is translated


@pytest.mark.parametrize(
    "q",
    ["", "   ", "?!…", "\u0ecd", "\u0ec8", "ASEANຄ້າມະນຸດ", "x" * 500, "ຄ້າມະນຸດ " * 60, "%_%", "\x00", "\u0ecd\u0eb2",
     "' OR 1=1 --", "<b>", "ﷺ", "😀", "%ED%A0%80", "%FF%FE"],
    ids=["empty", "spaces", "punctuation", "lone-nikhahit", "lone-tone", "mixed-run", "500-x", "long-lao",
         "wildcards", "nul", "decomposed-am-alone", "sql", "tag", "arabic-ligature", "emoji", "raw-surrogate-bytes",
         "raw-invalid-utf8"],
)  # fmt: skip
@pytest.mark.parametrize("lang", ["lo", "en"])
def test_odd_queries_give_a_sensible_page(client, demo, q, lang):
    if q.startswith("%"):  # bytes as a browser may send them, not valid UTF-8
        response = client.get(f"{url(lang)}?q={q}")
        assert response.status_code == 200
        html = response.content.decode()
    else:
        html = page(client, lang, q=q)
    assert 'role="search"' in html
    assert "<b>" not in html


def test_odd_queries_say_what_happened(client, demo):
    with translation.override("en"):
        assert "no letters or numbers" in page(client, "en", q="\u0ecd")
        assert "longer than 200 characters" in page(client, "en", q="ຄ້າມະນຸດ " * 60)
        assert "Nothing was found" in page(client, "en", q="ASEANຄ້າມະນຸດ")
    lao = page(client, "lo", q="\u0ecd")
    assert "no letters or numbers" not in lao


def test_more_results_link_keeps_the_query_and_filters(client, db):
    for day in range(1, 26):
        f.meeting(title_en=f"Border meeting {day}", start_date=datetime.date(2022, 5, day))
    html = page(client, "en", q="border", year="2022")
    assert html.count('class="search-hit"') == 10
    assert "More than 20 records found" in html and "(20+)" in html
    assert 'href="?q=border&amp;year=2022&amp;kind=meetings"' in html
    html = page(client, "en", q="border", year="2022", kind="meetings")
    assert html.count('class="search-hit"') == 25
    assert "25 records found" in html


def test_query_count_does_not_grow_with_the_records(client, db):
    organisation = f.organisation(name_en="Border office", name_lo="ຫ້ອງການຊາຍແດນ")

    def build(n):
        for _ in range(n):
            meeting = f.meeting(title_en="Border review", summary_en="border crossing")
            f.action_item(meeting=meeting, text_en="Border follow-up", text_lo="ຕິດຕາມຊາຍແດນ")
            f.participation(
                meeting=meeting, person=f.person(name_en="Border officer", organisation=organisation)
            )

    def count():
        with CaptureQueriesContext(connection) as ctx:
            page(client, "en", q="border")
        return len(ctx.captured_queries)

    build(2)
    few = count()
    build(5)
    assert count() == few
    build(30)  # more matches than one page: one extra count query per kind at most
    assert count() <= few + 4
