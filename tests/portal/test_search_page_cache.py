# ruff: noqa: F811 - the fixture imported from the page cache tests is used by name
"""The search page from the page cache (issue 23): kept per audience, language, host, content version and
the query in its normal form (case, spaces and the order of the parameters aside), never per person."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from meetings.rules import roles
from meetings.services import publish_meeting
from tests import factories as f
from tests.portal.test_page_cache import meetings  # noqa: F401

HITS = re.compile(r'<li class="search-hit">.*?</li>', re.S)


def search_url(query: str, lang: str = "en") -> str:
    with translation.override(lang):
        return reverse("meetings:search") + query


def hits(response) -> str:
    """The results shown, as text (the matches' marks taken out)."""
    return re.sub(r"</?mark>", "", "".join(HITS.findall(response.content.decode())))


def reader(who: str) -> Client:
    client = Client()
    if who == "partner":
        client.force_login(f.user(role=roles.PARTNER))
    return client


@pytest.mark.parametrize("who", ["anonymous", "partner"])
def test_the_same_search_twice_costs_no_query_the_second_time(
    meetings, who, settings, django_assert_num_queries
):
    settings.SESSION_ENGINE = "portal.http.sessions"  # as in production
    client = reader(who)
    url = search_url("?q=meeting")
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss" and "Open meeting" in hits(first)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit" and hits(second) == hits(first)
    assert ("Partners meeting" in hits(second)) == (who == "partner")


def test_a_partners_search_never_reaches_an_anonymous_reader(meetings):
    _public, shared = meetings
    url = search_url("?q=meeting")
    partner = reader("partner")
    assert shared.title_en in hits(partner.get(url))
    assert partner.get(url)["X-Page-Cache"] == "hit"  # kept for partners
    anonymous = Client().get(url)
    assert anonymous["X-Page-Cache"] == "miss"
    assert "Open meeting" in hits(anonymous) and shared.title_en not in anonymous.content.decode()
    # and the other way round: the anonymous page kept first is not the partners'
    lao = search_url("?q=meeting", "lo")
    assert shared.title_en not in Client().get(lao).content.decode()
    assert shared.title_lo in hits(reader("partner").get(lao))


def test_a_publish_makes_the_next_search_show_it(meetings):
    draft = f.meeting(status="draft", title_en="Budget meeting")
    client = Client()
    url = search_url("?q=budget")
    assert "Budget meeting" not in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"
    publish_meeting(meeting=draft, by=f.user(role=roles.PUBLISHER), personal_data_confirmed=True)
    page = client.get(url)
    assert page["X-Page-Cache"] == "miss" and "Budget meeting" in hits(page)


@pytest.mark.parametrize("who", ["anonymous", "partner"])
def test_variants_of_one_search_share_a_page_and_other_searches_do_not(meetings, who):
    public, _shared = meetings
    year = public.start_date.year
    client = reader(who)
    first = client.get(search_url(f"?q=Open+Meeting&year={year}"))
    assert first["X-Page-Cache"] == "miss" and "Open meeting" in hits(first)
    for variant in (
        f"?q=open+meeting&year={year}",  # case
        f"?q=%20open%20%20%20meeting%20&year={year}",  # spaces
        f"?year={year}&q=OPEN+meeting",  # the order of the parameters
        f"?q=open+meeting&year={year}&kind=&utm_source=mail",  # an empty filter, a parameter the page ignores
    ):
        page = client.get(search_url(variant))
        assert page["X-Page-Cache"] == "hit", variant
        assert hits(page) == hits(first)
    # the page shows the query in its normal form, whoever asked first
    assert 'value="open meeting"' in first.content.decode()
    for other in (
        "?q=open+meeting",  # no year filter
        f"?q=open+meeting&year={year - 1}",  # another year
        f"?q=open+meeting&year={year}&kind=meetings",  # one kind only
        f"?q=open&year={year}",  # another query
        f"?q=open+meeting&year={year}&organisation=someone",  # another organisation (reported as unknown)
    ):
        assert client.get(search_url(other))["X-Page-Cache"] == "miss", other
    assert client.get(search_url(f"?q=open+meeting&year={year}", "lo"))["X-Page-Cache"] == "miss"  # Lao page
