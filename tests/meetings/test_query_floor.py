"""Query budgets of issue 23: a search of every kind, the meeting page rendered fresh and the signed-in
floor (a 404 through every middleware) each cost a small, fixed number of SQL queries.

The tests run outside a test transaction (``transactional_db``), as the portal runs: rules worked out once
per content version (which organisations a reader may know of) are then kept as in production, and a
first request warms them before the counted one.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import translation

from meetings.rules import roles
from meetings.search import KINDS, search
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)

SEARCH_BUDGET = 5


@pytest.fixture
def records(demo):
    partner_meeting = f.meeting(
        visibility="partners", title_en="Partners trafficking review", title_lo="ທົບທວນການຄ້າມະນຸດ ຄູ່ຮ່ວມງານ"
    )
    return demo, partner_meeting


@pytest.mark.parametrize("role", [None, roles.PARTNER, roles.PUBLISHER])
def test_a_search_of_every_kind_costs_at_most_five_queries(
    records, role, settings, django_assert_max_num_queries
):
    settings.SEARCH_CACHE_SECONDS = 0  # every search below asks the database (none is a kept result)
    user = AnonymousUser() if role is None else f.user(role=role)
    with translation.override("en"):
        terms = ("trafficking", "ຄ້າມະນຸດ", "victim identification", "ກອງປະຊຸມ")
        for term in terms:  # per-content-version rules worked out once, each set of kinds' statement compiled
            search(term, user=user)
        for term in terms:
            with django_assert_max_num_queries(SEARCH_BUDGET) as counted:
                results = search(term, user=user)
            assert len(counted.captured_queries) >= 1, term  # searched, not answered from a cache
            assert results.total > 0, term  # a real search with hits, not an empty one
    # every kind was searched in those queries: a term found in several kinds comes back in several groups
    with translation.override("en"), django_assert_max_num_queries(SEARCH_BUDGET):
        kinds = {group.kind.key for group in search("ການຄ້າມະນຸດ", user=user).groups}
    assert len(kinds) >= 3 and kinds <= {kind.key for kind in KINDS}


def test_the_search_page_costs_at_most_five_queries(records, client, django_assert_max_num_queries):
    url = reverse("meetings:search") + "?q="
    client.get(url + "warm")
    with django_assert_max_num_queries(SEARCH_BUDGET):
        page = client.get(url + "trafficking")
    assert page.status_code == 200 and "search-hit" in page.content.decode()


MEETING_PAGE_BUDGET = 6


@pytest.mark.parametrize("role", [None, roles.PARTNER, roles.PUBLISHER])
def test_the_meeting_page_rendered_fresh_costs_at_most_six_queries(
    records, role, client, settings, django_assert_max_num_queries
):
    """Caches off (as after an edit): the meeting, its parts and the minutes' links, whatever it holds."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.SESSION_ENGINE = "portal.http.sessions"  # as in production
    (meeting, _other), partner_meeting = records
    item = f.action_item(meeting=meeting, responsible=list(meeting.organisers.all()[:2]))
    assert item.responsible.count() and meeting.participations.count() and meeting.agenda_items.count()
    if role is not None:
        client.force_login(f.user(role=role))
    with translation.override("lo"):  # the Lao page, whatever language an earlier test left active
        url = meeting.get_absolute_url()
    client.get(url)  # per-content-version rules and the reader worked out once
    with django_assert_max_num_queries(MEETING_PAGE_BUDGET):
        page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200 and item.text_lo in html
    for participation in meeting.participations.all()[:3]:
        assert participation.person.get_absolute_url() in html
    shown = client.get(partner_meeting.get_absolute_url()).status_code
    assert shown == (404 if role is None else 200)
