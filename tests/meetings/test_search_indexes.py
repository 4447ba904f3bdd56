"""Search on PostgreSQL is served by the trigram indexes of migration 0002; on SQLite (the demo database)
the migrations still run and search gives the same results without them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.utils import translation

from meetings.search import KINDS, KINDS_BY_KEY, matches, parse_query, search
from meetings.text import words
from tests.meetings.test_search import ANON, _texts_of

ROOT = Path(__file__).resolve().parents[2]


def _index_definitions():
    with connection.cursor() as cursor:
        cursor.execute(
            "select tablename, indexname, indexdef from pg_indexes where indexdef like '%gin_trgm_ops%'"
        )
        return cursor.fetchall()


def test_every_searched_column_has_a_trigram_index_on_upper(db):
    definitions = _index_definitions()
    missing = []
    for kind in KINDS:
        table = kind.model._meta.db_table
        for column in kind.columns:
            wanted = (f"upper(({column})::text)", f"upper({column})")
            if not any(t == table and any(w in d for w in wanted) for t, _n, d in definitions):
                missing.append(f"{table}.{column}")
    assert missing == []
    assert len(definitions) == sum(len(kind.columns) for kind in KINDS)


@pytest.mark.parametrize("term", ["ຄ້າມະນຸດ", "trafficking"])
def test_the_planner_uses_the_indexes_for_the_search_conditions(demo, term):
    query = parse_query(term)
    with connection.cursor() as cursor:
        cursor.execute(
            "set local enable_seqscan = off"
        )  # tiny test tables: make the planner show its options
    for key, index in (("meetings", "meeting_title_lo_trgm"), ("actions", "actionitem_text_en_trgm")):
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
from meetings.demo import load_demo_data
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
    shell = subprocess.run(
        [*run, "shell", "-c", SQLITE_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert shell.returncode == 0, shell.stderr
    on_sqlite = json.loads(shell.stdout.split("FINGERPRINT", 1)[1])
    on_postgresql = json.loads(json.dumps(fingerprint(demo), ensure_ascii=False))
    assert len(on_postgresql) > 300
    differences = [word for word in on_postgresql if on_postgresql[word] != on_sqlite.get(word)]
    assert differences == []
