"""The meeting page's parts statement is prepared once per PostgreSQL session (meetings/selectors/prepared.py):
the same rows as the plain statement, one query per run, and a session that lost it prepares it again."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from meetings.selectors import prepared
from meetings.selectors.meetings import STAND_IN_PK, _page_statement
from meetings.selectors.rows import Statement, run

pytestmark = pytest.mark.django_db(transaction=True)


def test_placeholders_are_numbered_and_literal_percent_signs_kept():
    sql = "SELECT %s, '100%%', x LIKE %s FROM t WHERE y = %s"
    assert prepared.numbered(sql) == "SELECT $1, '100%', x LIKE $2 FROM t WHERE y = $3"
    assert prepared.statement_name(sql) == prepared.statement_name(sql) != prepared.statement_name(sql + " ")


def _rows(statement, meeting):
    params = [meeting.pk if value == STAND_IN_PK else value for value in statement.params]
    return [[(type(obj), obj.pk) for obj in part] for part in run(statement, params)]


def _plain(statement):
    return Statement(statement.sql, statement.params, statement.db, statement.models)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_the_page_statement_runs_prepared_with_the_rows_of_the_plain_statement(demo):
    meeting = demo[0]
    with translation.override("lo"):
        statement = _page_statement(AnonymousUser())
    assert statement.prepared
    expected = _rows(_plain(statement), meeting)
    assert sum(map(len, expected)) > 10  # a real page: organisers, participants, agenda...
    connection.close()  # a new session, whatever earlier tests prepared
    with CaptureQueriesContext(connection) as first:
        assert _rows(statement, meeting) == expected
    with CaptureQueriesContext(connection) as again:
        assert _rows(statement, meeting) == expected
        assert _rows(statement, demo[1]) == _rows(_plain(statement), demo[1])
    assert [q["sql"].split()[0] for q in first.captured_queries] == ["PREPARE"]  # PREPARE and EXECUTE at once
    assert [q["sql"].split()[0] for q in again.captured_queries][:2] == ["EXECUTE", "EXECUTE"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE name = %s",
            [prepared.statement_name(statement.sql)],
        )
        assert cursor.fetchone() == (1,)
        cursor.execute("DEALLOCATE ALL")  # the session lost it (as behind a pooler)
    assert _rows(statement, meeting) == expected  # prepared again
    connection.close()  # a new session starts with nothing prepared
    assert _rows(statement, meeting) == expected


def _statements(queries) -> list[str]:
    return [q["sql"].split()[0] for q in queries.captured_queries]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_a_select_that_repeats_in_a_page_is_prepared_once_and_answers_the_same(demo):
    connection.close()  # a new session
    sql = "SELECT slug FROM meetings_meeting WHERE start_date >= %s AND slug LIKE '%%-%%' ORDER BY slug"
    answers = []
    with prepared.repeated_selects(), CaptureQueriesContext(connection) as queries:
        for day in ("2000-01-01", "2000-01-01", "2021-01-01", "2000-01-01"):
            with connection.cursor() as cursor:
                cursor.execute(sql, [day])
                answers.append(cursor.fetchall())
    assert _statements(queries) == ["SELECT", "PREPARE", "EXECUTE", "EXECUTE"]
    assert answers[0] == answers[1] == answers[3] == sorted((m.slug,) for m in demo)
    assert answers[2] == [(demo[0].slug,)]  # other values, the same statement
    with CaptureQueriesContext(connection) as outside, connection.cursor() as cursor:
        cursor.execute(sql, ["2000-01-01"])
    assert _statements(outside) == ["SELECT"]  # only within the block


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_a_select_postgresql_will_not_prepare_runs_as_it_is():
    unpreparable = "SELECT %s IS NULL"  # PostgreSQL cannot tell the parameter's type
    with prepared.repeated_selects(), CaptureQueriesContext(connection) as queries:
        for _ in range(4):
            with connection.cursor() as cursor:
                cursor.execute(unpreparable, [None])
                assert cursor.fetchone() == (True,)
    assert _statements(queries) == ["SELECT"] * 4  # the refused PREPARE was followed by the SELECT itself
    assert unpreparable in prepared._unpreparable  # and is not tried again
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE name = %s",
            [prepared.statement_name(unpreparable)],
        )
        assert cursor.fetchone() == (0,)
