"""Search on PostgreSQL is served by trigram indexes on the generated search columns (migration 0006); on
SQLite (the demo database) the migrations still run and search gives the same results without them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.utils import translation

from meetings import models as m
from meetings.rules.text import words
from meetings.search import KINDS, KINDS_BY_KEY, matches, parse_query, search
from tests.meetings.test_search import ANON, _texts_of

ROOT = Path(__file__).resolve().parents[2]


def _index_definitions():
    with connection.cursor() as cursor:
        cursor.execute(
            "select tablename, indexname, indexdef from pg_indexes where indexdef like '%gin_trgm_ops%'"
        )
        return cursor.fetchall()


def test_every_search_column_has_its_trigram_index_and_nothing_else_does(db):
    definitions = _index_definitions()
    wanted = {(kind.model._meta.db_table, column) for kind in KINDS for column in set(kind.search_columns)}
    found = set()
    for table, _name, definition in definitions:
        column = definition.rsplit("(", 1)[1].split()[0]
        found.add((table, column))
    assert found == wanted
    assert len(definitions) == len(wanted)  # the per-column indexes of migration 0005 are gone


def test_the_search_column_holds_every_searched_field_upper_cased_after_any_write(demo):
    meeting = demo[0]
    kind = KINDS_BY_KEY["meetings"]
    stored = m.Meeting.objects.values_list("search_title", "search_text").get(pk=meeting.pk)
    texts = [getattr(meeting, column) or "" for column in kind.columns]

    def search_form(text):
        for joiner in m.SEARCH_JOINERS:
            text = text.replace(joiner, m.SEARCH_JOINER_MARK)
        return text.upper()

    assert stored[0] == search_form("\n".join(texts[:2]))
    assert stored[1] == search_form("\n".join(texts))
    # A bulk update sends no signal and calls no save(): the database keeps the column right anyway.
    m.Meeting.objects.filter(pk=meeting.pk).update(city_en="Luang Prabang")
    assert m.Meeting.objects.filter(matches(kind, ("luang prabang",)), pk=meeting.pk).exists()
    assert "LUANG PRABANG" in m.Meeting.objects.values_list("search_text", flat=True).get(pk=meeting.pk)


def test_a_joined_name_is_one_word_for_the_index_and_found_only_where_joined(demo):
    meeting = demo[0]
    kind = KINDS_BY_KEY["meetings"]
    m.Meeting.objects.filter(pk=meeting.pk).update(
        city_en="ASEAN-ACT office", venue_en="ASEAN hall, ACT room"
    )
    other = demo[1]
    m.Meeting.objects.filter(pk=other.pk).update(city_en="ASEAN", venue_en="ACT")
    for typed in ("ASEAN-ACT", "asean-act"):
        found = m.Meeting.objects.filter(matches(kind, parse_query(typed).terms))
        assert list(found.values_list("pk", flat=True)) == [meeting.pk]
    with connection.cursor() as cursor:
        cursor.execute("set local enable_seqscan = off")
        cursor.execute(
            "select count(*) from meetings_meeting where search_text like %s",
            ["%ASEAN" + m.SEARCH_JOINER_MARK + "ACT%"],
        )
        assert cursor.fetchone()[0] == 1


def test_rows_with_long_text_are_kept_inline_for_search_rechecks(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "select relname, reloptions from pg_class where relname in "
            "('meetings_meeting', 'meetings_agendaitem', 'meetings_activity', 'meetings_achievement', "
            "'meetings_actionitem')"
        )
        options = dict(cursor.fetchall())
    assert len(options) == 5
    assert all("toast_tuple_target=8160" in (value or []) for value in options.values()), options


@pytest.mark.parametrize("term", ["ຄ້າມະນຸດ", "trafficking"])
def test_the_planner_uses_the_indexes_for_the_search_conditions(demo, term):
    query = parse_query(term)
    with connection.cursor() as cursor:
        cursor.execute(
            "set local enable_seqscan = off"
        )  # tiny test tables: make the planner show its options
    for key, index in (("meetings", "meeting_search_text_trgm"), ("actions", "actionitem_search_text_trgm")):
        kind = KINDS_BY_KEY[key]
        plan = kind.model.objects.filter(matches(kind, query.terms)).order_by().explain()
        assert "Bitmap Index Scan on " + index in plan, plan
        assert "Seq Scan" not in plan, plan


# --- SQLite: same results -----------------------------------------------------------------------------------
def fingerprint(meetings) -> dict:
    """For every word of the demo meetings: the groups found (kind, total) and the meetings found."""
    out = {}
    with translation.override("lo"):
        for meeting in meetings:
            for word in sorted({w for text in _texts_of(meeting) for w in words(text)}):
                results = search(word, user=ANON)
                slugs = sorted({hit.meeting.slug for g in results.groups for hit in g.hits if hit.meeting})
                ranked = [(g.kind.key, g.total, [str(h.obj) for h in g.hits]) for g in results.groups]
                out[word] = {"meetings": slugs, "groups": ranked}
    return out


SQLITE_SCRIPT = """
import json
from meetings.services.demo import load_demo_data
from tests.meetings.test_search_indexes import fingerprint
print("FINGERPRINT" + json.dumps(fingerprint(load_demo_data()), ensure_ascii=False))
"""


def test_sqlite_demo_database_migrates_and_finds_the_same(demo, tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}"}
    run = [sys.executable, "manage.py"]
    migrate = subprocess.run(
        [*run, "migrate", "--noinput"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert migrate.returncode == 0, migrate.stderr
    assert "_search_trigram_indexes... OK" in migrate.stdout  # a no-op on SQLite, but it runs
    assert "_search_columns... OK" in migrate.stdout
    shell = subprocess.run(
        [*run, "shell", "-c", SQLITE_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert shell.returncode == 0, shell.stderr
    on_sqlite = json.loads(shell.stdout.split("FINGERPRINT", 1)[1])
    on_postgresql = json.loads(json.dumps(fingerprint(demo), ensure_ascii=False))
    assert len(on_postgresql) > 300
    differences = [word for word in on_postgresql if on_postgresql[word] != on_sqlite.get(word)]
    assert differences == []
