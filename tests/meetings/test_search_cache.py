"""Search results are kept per (normalised query, audience, language, content version) (issue 23)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from meetings.rules import roles
from meetings.rules.roles import AudienceReader
from meetings.search import search
from tests import factories as f


def _titles(results):
    return [hit.title.text for group in results.groups for hit in group.hits]


@pytest.fixture
def records(db):
    return (
        f.meeting(title_en="Border trafficking review", title_lo="ທົບທວນການຄ້າມະນຸດຊາຍແດນ"),
        f.meeting(
            visibility="partners", title_en="Border partners trafficking", title_lo="ຄູ່ຮ່ວມງານ ການຄ້າມະນຸດ"
        ),
    )


def test_a_repeated_search_is_a_cache_hit(records, django_assert_num_queries):
    with translation.override("en"):
        first = search("trafficking", user=AnonymousUser())
        with django_assert_num_queries(0):
            again = search("  TRAFFICKING ", user=AnonymousUser())  # the same query once normalised
    assert _titles(first) == _titles(again) == ["Border trafficking review"]


def test_kept_results_are_per_audience_and_language(records):
    with translation.override("en"):
        public = search("trafficking", user=AnonymousUser())
        partners = search("trafficking", user=f.user(role=roles.PARTNER))
        also_partners = search("trafficking", user=AudienceReader("partners"))
    assert "Border partners trafficking" not in _titles(public)
    assert "Border partners trafficking" in _titles(partners) and _titles(partners) == _titles(also_partners)
    with translation.override("lo"):
        lao = search("trafficking", user=AnonymousUser())
    assert _titles(lao) == ["ທົບທວນການຄ້າມະນຸດຊາຍແດນ"]


def test_an_edit_is_searched_afresh(records):
    public, _shared = records
    with translation.override("en"):
        assert _titles(search("trafficking", user=AnonymousUser())) == ["Border trafficking review"]
        public.title_en = "Border review"
        public.save()
        assert _titles(search("trafficking", user=AnonymousUser())) == []
