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


def test_the_statement_is_compiled_once_per_shape_and_run_with_each_searchs_terms(records, monkeypatch):
    """Compiling the search's querysets costs more than running them: one statement per shape (kinds,
    number of terms, audience, filters, language, content version), the terms put in as parameters."""
    from meetings.search import engine
    from meetings.selectors import rows

    compiled = []
    real = rows.compile_parts

    def counting(parts, **kw):
        # (on PostgreSQL each shape also has a statement of every kind behind gates: test_search_plans.py)
        if not kw.get("gated"):
            compiled.append(1)
        return real(parts, **kw)

    monkeypatch.setattr(rows, "compile_parts", counting)
    monkeypatch.setattr(engine, "_statements", engine.OrderedDict())
    public, shared = records
    with translation.override("en"):
        assert _titles(search("trafficking", user=AnonymousUser())) == ["Border trafficking review"]
        assert _titles(search("review", user=AnonymousUser())) == ["Border trafficking review"]
        assert _titles(search("partners", user=AnonymousUser())) == []
        assert len(compiled) == 1  # three terms, one statement
        assert _titles(search("partners", user=AudienceReader("partners"))) == ["Border partners trafficking"]
        assert len(compiled) == 2  # another audience, its own statement
        assert _titles(search("border review", user=AnonymousUser())) == ["Border trafficking review"]
        assert len(compiled) == 3  # two terms: another shape
        public.title_en = "Harbour review"
        public.save()  # a new content version: compiled afresh
        assert _titles(search("harbour", user=AnonymousUser())) == ["Harbour review"]
        assert len(compiled) == 4
    with translation.override("lo"):
        assert _titles(search("ຊາຍແດນ", user=AnonymousUser())) == ["ທົບທວນການຄ້າມະນຸດຊາຍແດນ"]
        assert len(compiled) == 5  # the Lao page: its own statement
