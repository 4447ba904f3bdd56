"""One plan per session for the search of a small database (meetings/search/engine.py, GENERIC_PLAN_ROWS):
the statement of every kind behind gates, run with PostgreSQL's generic plan, finds exactly what the statement
planned for each search finds, for every audience; a large table keeps the plan per search (a never-analysed one counts as full as its pages can be);
a session keeps a bounded number of such statements."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from meetings import models as m
from meetings.rules import roles
from meetings.search import engine, search
from meetings.selectors import prepared
from tests import factories as f

pytestmark = [
    pytest.mark.django_db(transaction=True),  # one plan per session only outside a transaction
    pytest.mark.skipif(connection.vendor != "postgresql", reason="generic plans are PostgreSQL's"),
]
TERMS = ("zebrafinch", "harbour", "ຊາຍແດນ", "zebrafinch harbour", "keo", "nowhere-at-all")


@pytest.fixture
def records(settings):
    """Matches in several kinds, some hidden from anonymous readers, and fresh planner's counts."""
    settings.SEARCH_CACHE_SECONDS = 0
    public = f.meeting(title_en="Zebrafinch harbour review", title_lo="ທົບທວນຊາຍແດນ", summary_en="harbour")
    f.meeting(title_en="Zebrafinch draft", status=m.Meeting.Status.DRAFT)
    f.meeting(title_en="Harbour partners", visibility=m.Meeting.Visibility.PARTNERS)
    m.AgendaItem(meeting=public, order=1, title_en="Zebrafinch report", title_lo="ລາຍງານຊາຍແດນ").save()
    f.action_item(meeting=public, text_en="Harbour follow-up")
    f.participation(meeting=public, person=f.person(name_en="Zebrafinch Keo"))
    f.person(name_en="Hidden Keo")  # known from no meeting
    readers = [
        AnonymousUser(),
        f.user(role=roles.PARTNER, username="partner"),
        f.user(role=roles.EDITOR, username="officer"),
    ]
    _analyse()
    return readers


def _analyse():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _found(user, term):
    with translation.override("en"):
        results = search(term, user=user)
    return [(g.kind.key, g.total, [hit.obj.pk for hit in g.hits]) for g in results.groups]


def _statements(queries) -> list[str]:
    return [q["sql"].split(" ", 4)[:4] for q in queries.captured_queries]


def test_a_small_database_is_searched_with_one_plan_per_session_and_finds_the_same(records, monkeypatch):
    connection.close()  # a new session: nothing prepared yet
    with monkeypatch.context() as per_search:
        per_search.setattr(engine, "GENERIC_PLAN_ROWS", -1)  # every table "large": planned for each search
        expected = {(n, t): _found(user, t) for n, user in enumerate(records) for t in TERMS}
    assert expected[(0, "zebrafinch")] != expected[(2, "zebrafinch")]  # the draft is the staff's only
    assert expected[(0, "harbour")] != expected[(1, "harbour")]  # the partners' meeting
    assert expected[(0, "keo")] == [("people", 1, [m.Person.objects.get(name_en="Zebrafinch Keo").pk])]
    assert expected[(0, "nowhere-at-all")] == []
    _found(records[0], "zebrafinch")  # learns the tables the statement reads
    with CaptureQueriesContext(connection) as queries:
        got = {(n, t): _found(user, t) for n, user in enumerate(records) for t in TERMS}
    assert got == expected
    runs = [q["sql"] for q in queries.captured_queries if "row_values" in q["sql"] or "EXECUTE" in q["sql"]]
    assert runs and all("SET LOCAL plan_cache_mode = force_generic_plan" in sql for sql in runs)
    with connection.cursor() as cursor:
        cursor.execute("SELECT sum(generic_plans), sum(custom_plans) FROM pg_prepared_statements")
        generic, custom = cursor.fetchone()
    assert generic >= len(runs) and custom == 0
    # one search: the kinds that can match (with the tables' sizes), then the statement
    with CaptureQueriesContext(connection) as one:
        _found(records[1], "harbour")
    assert len(one.captured_queries) == 2


def test_a_large_table_keeps_the_plan_per_search(records, monkeypatch):
    monkeypatch.setattr(engine, "GENERIC_PLAN_ROWS", 1)  # some table holds more rows than that
    _found(records[0], "zebrafinch")
    with CaptureQueriesContext(connection) as queries:
        assert _found(records[0], "harbour")
    assert len(queries.captured_queries) == 2
    assert not any("plan_cache_mode" in q["sql"] for q in queries.captured_queries)
    assert queries.captured_queries[1]["sql"].startswith("SELECT 0 AS part")


def test_a_table_never_analysed_counts_as_full_as_its_pages_can_be(records, monkeypatch):
    m.AgendaItem(meeting=m.Meeting.objects.first(), order=9, title_en="Harbour note").save()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE meetings_achievement")  # no planner's count at all (-1)...
    m.Achievement(meeting=m.Meeting.objects.first(), order=1, title_en="Harbour kept").save()  # ...one page
    monkeypatch.setattr(engine, "GENERIC_PLAN_ROWS", 200)  # a page of 8 KB can hold 291 rows
    _found(records[0], "zebrafinch")
    with CaptureQueriesContext(connection) as queries:
        _found(records[0], "harbour")
    assert not any("plan_cache_mode" in q["sql"] for q in queries.captured_queries)
    monkeypatch.setattr(engine, "GENERIC_PLAN_ROWS", 300)
    _found(records[0], "zebrafinch")
    with CaptureQueriesContext(connection) as queries:
        _found(records[0], "harbour")
    assert all("plan_cache_mode" in q["sql"] for q in queries.captured_queries)
    monkeypatch.setattr(engine, "GENERIC_PLAN_ROWS", 200)
    _analyse()  # now counted: one row
    _found(records[0], "zebrafinch")
    with CaptureQueriesContext(connection) as queries:
        _found(records[0], "harbour")
    assert all("plan_cache_mode" in q["sql"] for q in queries.captured_queries)


def test_a_session_keeps_a_bounded_number_of_generic_statements(records, monkeypatch):
    monkeypatch.setattr(prepared, "GENERIC_KEPT", 2)
    connection.close()
    anonymous, partner, officer = records
    for user in (anonymous, partner, officer, anonymous):  # each audience its own statement
        _found(user, "zebrafinch")
        _found(user, "zebrafinch harbour")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        assert cursor.fetchone()[0] == 2  # the two most recently used
        cursor.execute("DEALLOCATE ALL")  # the session lost them (as behind a pooler)
    assert _found(anonymous, "harbour") == _found(anonymous, "harbour")  # prepared again


def test_the_demo_loader_analyses_its_tables_so_edits_keep_the_search_on_one_plan(settings):
    """A freshly loaded demo database has tables autovacuum never analysed; bounded by their pages, the two
    meetings' table counted as 1,164 rows, and one edit adding a page (1,455) made every search plan its
    statement afresh, as on a large database (the stack bench's edit did that)."""
    settings.SEARCH_CACHE_SECONDS = 0
    call_command("load_demo", stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_class WHERE relname LIKE 'meetings\\_%%' AND relkind = 'r' AND reltuples < 0"
        )
        assert cursor.fetchall() == []
    meeting = m.Meeting.objects.order_by("pk").first()
    for n in range(40):  # each save leaves a row version behind: the table grows by pages
        meeting.title_en = f"Edited {n} " + "x" * 200
        meeting.save()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_relation_size('meetings_meeting') / current_setting('block_size')::int")
        assert cursor.fetchone()[0] > 5  # more rows than GENERIC_PLAN_ROWS, by the pages alone
    term = meeting.title_lo.split()[0]
    _found(AnonymousUser(), term)  # learns the tables the statement reads
    with CaptureQueriesContext(connection) as queries:
        assert _found(AnonymousUser(), term)
    assert len(queries.captured_queries) == 2
    assert all("plan_cache_mode = force_generic_plan" in q["sql"] for q in queries.captured_queries)
