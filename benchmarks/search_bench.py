"""Search latency on 10,000 meetings (PostgreSQL). Not part of the test suite.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/search_bench.py

Creates its own database ``bench_search`` on the server of DATABASE_URL (dropped first if it exists, and
dropped again at the end unless --keep; ``--reuse`` searches the database a --keep run left instead),
migrates it, loads the two demo meetings and generates 10,000 meetings with their agenda items,
activities, achievements and action items, plus people and organisations. Their Lao and English text
is built from the vocabulary of the demo meetings (ICU words; Lao words joined into runs without spaces,
as Lao is written). It then runs the search engine exactly as
the search page does (all seven kinds, ten results each, anonymous visitor) for 20 Lao and 20 English
queries and prints median and p95 latency, then the query plans of the search conditions.

Every run searches the database: the search results kept per query (``SEARCH_CACHE_SECONDS``,
meetings/search/engine.py) are switched off for the bench (``settings.SEARCH_CACHE_SECONDS = 0``), so
the repeats of a query are not cache hits. ``--results-cache`` keeps the cache on (then the repeats
measure a cache hit).
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

import dj_database_url
import psycopg2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH_DB = "bench_search"


def _admin_connection(url: str):
    cfg = dj_database_url.parse(url)
    conn = psycopg2.connect(
        dbname="postgres",
        user=cfg["USER"],
        password=cfg["PASSWORD"] or None,
        host=cfg["HOST"],
        port=cfg["PORT"],
    )
    conn.autocommit = True
    return conn


def database_url(url: str, name: str = BENCH_DB) -> str:
    cfg = dj_database_url.parse(url)
    auth = cfg["USER"] + (f":{cfg['PASSWORD']}" if cfg["PASSWORD"] else "")
    return f"postgres://{auth}@{cfg['HOST']}:{cfg['PORT'] or 5432}/{name}"


def recreate_database(url: str, *, drop_only=False, name: str = BENCH_DB) -> str:
    conn = _admin_connection(url)
    try:
        with conn.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            if not drop_only:
                cur.execute(f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0")
    finally:
        conn.close()
    return database_url(url, name)


def vocabulary():
    """Lao and English words (ICU segmentation) of the demo meetings and organisations."""
    from meetings.rules.text import words
    from meetings.services import demo

    lao, english = [], []

    def walk(value):
        if isinstance(value, str):
            for word in words(value):
                if any("\u0e80" <= c <= "\u0eff" for c in word):
                    lao.append(word)
                elif any(c.isalpha() for c in word):
                    english.append(word)
        elif isinstance(value, list | tuple | dict):
            for item in value.values() if isinstance(value, dict) else value:
                walk(item)

    walk(demo.MEETINGS)
    walk(demo.ORGANISATIONS)
    walk(demo.PEOPLE)
    return lao, english


class TextMaker:
    def __init__(self, rng: random.Random, lao: list[str], english: list[str]):
        self.rng, self.lao, self.english = rng, lao, english

    def lao_text(self, n_words: int) -> str:
        out, run = [], []
        for _ in range(n_words):
            run.append(self.rng.choice(self.lao))
            if len(run) >= self.rng.randint(3, 8):  # Lao runs of words without spaces
                out.append("".join(run))
                run = []
        if run:
            out.append("".join(run))
        return " ".join(out)

    def english_text(self, n_words: int) -> str:
        text = " ".join(self.rng.choice(self.english) for _ in range(n_words))
        return text[:1].upper() + text[1:]


def generate(n_meetings: int, seed: int = 6) -> None:
    from django.db import transaction

    from meetings import models as m

    rng = random.Random(seed)
    lao, english = vocabulary()
    make = TextMaker(rng, lao, english)
    with transaction.atomic():
        orgs = m.Organisation.objects.bulk_create(
            m.Organisation(
                slug=f"bench-org-{i}",
                name=make.lao_text(4),
                name_lo=make.lao_text(4),
                name_en=make.english_text(5),
                short_name_en="".join(w[0] for w in make.english_text(3).split()).upper(),
            )
            for i in range(300)
        )
        people = m.Person.objects.bulk_create(
            m.Person(
                slug=f"bench-person-{i}",
                name=make.lao_text(2),
                name_lo=make.lao_text(2),
                name_en=make.english_text(2),
                position_lo=make.lao_text(8),
                position_en=make.english_text(8),
                organisation=rng.choice(orgs),
            )
            for i in range(1000)
        )
        statuses = [("published", "public")] * 18 + [("published", "partners"), ("draft", "public")]
        meetings = []
        start = datetime.date(2012, 1, 1)
        for i in range(n_meetings):
            status, visibility = rng.choice(statuses)
            title_lo, title_en = make.lao_text(8), make.english_text(9)
            meetings.append(
                m.Meeting(
                    slug=f"bench-{i}",
                    title=title_lo,
                    title_lo=title_lo,
                    title_en=title_en,
                    start_date=start + datetime.timedelta(days=rng.randrange(0, 14 * 365)),
                    summary_lo=make.lao_text(60),
                    summary_en=make.english_text(70),
                    venue_lo=make.lao_text(2),
                    venue_en=make.english_text(3),
                    city_lo=make.lao_text(1),
                    city_en=make.english_text(2),
                    status=status,
                    visibility=visibility,
                    kind=rng.choice(m.Meeting.Kind.values),
                )
            )
        meetings = m.Meeting.objects.bulk_create(meetings, batch_size=1000)
        m.Meeting.organisers.through.objects.bulk_create(
            m.Meeting.organisers.through(meeting_id=mt.pk, organisation_id=rng.choice(orgs).pk)
            for mt in meetings
        )
        m.Participation.objects.bulk_create(
            (
                m.Participation(meeting=mt, person=p, organisation_id=p.organisation_id)
                for mt in meetings
                for p in rng.sample(people, 3)
            ),
            batch_size=2000,
        )
        agenda, activities, achievements, actions = [], [], [], []
        for mt in meetings:
            for order in (1, 2):
                t_lo, t_en = make.lao_text(8), make.english_text(8)
                agenda.append(
                    m.AgendaItem(
                        meeting=mt,
                        order=order,
                        title=t_lo,
                        title_lo=t_lo,
                        title_en=t_en,
                        summary_lo=make.lao_text(20),
                        summary_en=make.english_text(22),
                    )
                )
            for model, bucket, count in ((m.Activity, activities, 3), (m.Achievement, achievements, 2)):
                for order in range(1, count + 1):
                    t_lo, t_en = make.lao_text(8), make.english_text(8)
                    bucket.append(
                        model(
                            meeting=mt,
                            order=order,
                            title=t_lo,
                            title_lo=t_lo,
                            title_en=t_en,
                            description_lo=make.lao_text(15),
                            description_en=make.english_text(16),
                        )
                    )
            for order in (1, 2, 3):
                t_lo, t_en = make.lao_text(12), make.english_text(14)
                actions.append(m.ActionItem(meeting=mt, order=order, text=t_lo, text_lo=t_lo, text_en=t_en))
        for model, rows in (
            (m.AgendaItem, agenda),
            (m.Activity, activities),
            (m.Achievement, achievements),
            (m.ActionItem, actions),
        ):
            model.objects.bulk_create(rows, batch_size=2000)


def pick_queries(rng: random.Random):
    lao, english = vocabulary()
    lao_words = sorted({w for w in lao if len(w) >= 3})
    english_words = sorted({w for w in english if len(w) >= 4})
    # Words people search for, and a sample of the rest (frequent and rare alike).
    lao_q = ["ຄ້າມະນຸດ", "ເລຂາ", "ກໍາມະການ", "ຜູ້ຖືກເຄາະຮ້າຍ", "ຕ້ານການຄ້າມະນຸດ", "ຍຸຕິທຳ ແຂວງ"]
    lao_q += rng.sample([w for w in lao_words if w not in lao_q], 20 - len(lao_q))
    en_q = ["trafficking", "victim identification", "secretariat", "ASEAN-ACT", "prosecutors", "Vientiane"]
    en_q += rng.sample(
        [w for w in english_words if w.casefold() not in {q.casefold() for q in en_q}], 20 - len(en_q)
    )
    return lao_q, en_q


def measure(queries, repeats: int):
    """Wall time of the whole search per run; per query also the median, its SQL time (one extra run) and the
    median CPU time of this process (Python: building, ranking, passages; not PostgreSQL's)."""
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from meetings.search import search

    timings, per_query = [], {}
    with translation.override("lo"):
        for q in queries:
            search(q, user=AnonymousUser())  # warm
            mine, cpu = [], []
            for _ in range(repeats):
                t0, c0 = time.perf_counter(), time.process_time()
                results = search(q, user=AnonymousUser())
                mine.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
            with CaptureQueriesContext(connection) as captured:
                search(q, user=AnonymousUser())
            sql_ms = sum(float(entry["time"]) for entry in captured.captured_queries) * 1000
            timings += mine
            per_query[q] = (
                results.total,
                results.more_than,
                statistics.median(mine),
                sql_ms,
                len(captured.captured_queries),
                statistics.median(cpu),
            )
    return timings, per_query


def p95(values):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


def explain(q: str) -> None:
    """EXPLAIN ANALYZE of the statement the search page runs for ``q``: planning and running time, and the
    time and rows of each of its parts (one per kind and set of candidates, in the order of
    ``engine._branches``)."""
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from meetings.search import search

    with CaptureQueriesContext(connection) as captured:
        search(q, user=AnonymousUser())
    print(f"\n=== {q!r}: the search ran {len(captured.captured_queries)} queries")
    for entry in captured.captured_queries:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) " + entry["sql"])
            plan = [row[0] for row in cursor.fetchall()]
        parts = [line.strip() for line in plan if line.startswith("  ->  Subquery Scan on q")]
        print(
            "\n".join(f"    part {n:2}: {line.split('(', 1)[1].rstrip(')')}" for n, line in enumerate(parts))
        )
        print("\n".join(f"    {line}" for line in plan if line.startswith(("Planning", "Execution"))))


def compare_plans(queries, repeats: int = 5) -> None:
    """For each query: how many records of each kind have its terms (counted up to 2,001), and the search
    statement's time planned for the terms (as run on a large database) against its time with one plan made
    without them (PostgreSQL's generic plan, as run on a small database: engine.GENERIC_PLAN_ROWS); the
    rows must be the same. Each time is the better of two medians of ``repeats`` runs."""
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.utils import translation

    from meetings.search import KINDS, engine
    from meetings.search.query import matches, parse_query
    from meetings.selectors import prepared

    def counts(query):
        found = []
        with connection.cursor() as cursor:
            for kind in KINDS:
                queryset = kind.model._base_manager.filter(matches(kind, query.terms)).order_by().values("pk")
                sql, params = queryset[:2001].query.sql_with_params()
                cursor.execute(f"SELECT count(*) FROM ({sql}) s", params)  # noqa: S608 (Django's SQL)
                found.append(cursor.fetchone()[0])
        return found

    def timed(run) -> float:
        medians = []
        for _ in range(2):
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                run()
                times.append((time.perf_counter() - start) * 1000)
            medians.append(statistics.median(times))
        return min(medians)

    print(
        f"\n[search bench] plans per term: records with the terms per kind ({', '.join(k.key for k in KINDS)})"
    )
    with translation.override("lo"), connection.cursor() as cursor:
        for text in queries:
            query = parse_query(text)
            compiled = engine._compiled(
                list(KINDS), len(query.terms), user=AnonymousUser(), year=None, orgs=None, limit=10,
                version="bench",
            )  # fmt: skip
            statement = compiled.statement
            params = engine._with_terms(statement.params, compiled.slots, query, connection)

            def custom(statement=statement, params=params):
                cursor.execute(statement.sql, params)
                return cursor.fetchall()

            def generic(statement=statement, params=params):
                prepared.execute(connection, cursor, statement.sql, params, generic=True)
                return cursor.fetchall()

            same = sorted(map(str, custom())) == sorted(map(str, generic()))
            per_term, one_plan = timed(custom), timed(generic)
            found = counts(query)
            print(
                f"    {text:24} most {max(found):5}  {found}  planned per term {per_term:6.1f} ms, one plan"
                f" {one_plan:6.1f} ms ({one_plan / per_term:.2f}x){'' if same else '  ROWS DIFFER'}"
            )


def generate_database(n_meetings: int) -> None:
    """Migrate, load the demo and generate ``n_meetings`` (trigram indexes built after the data)."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    t0 = time.perf_counter()
    # Tables first, trigram indexes after the data: migrate, drop the trigram indexes, load, rebuild.
    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("select indexname, indexdef from pg_indexes where indexdef like '%gin_trgm_ops%'")
        trigram_indexes = cursor.fetchall()
        for name, _definition in trigram_indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    # Generated rows are benchmark data, not edits: no edit history for them.
    settings.SIMPLE_HISTORY_ENABLED = False
    from meetings.services.demo import load_demo_data

    load_demo_data()
    generate(n_meetings)
    t1 = time.perf_counter()
    with connection.cursor() as cursor:
        for _name, definition in trigram_indexes:
            cursor.execute(definition)
        cursor.execute("ANALYZE")
    print(f"[search bench] generated in {t1 - t0:.0f} s, indexes built in {time.perf_counter() - t1:.0f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the bench_search database afterwards")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="search the bench_search database kept by an earlier --keep run (not generated again; kept)",
    )
    parser.add_argument(
        "--database",
        default=BENCH_DB,
        help=f"the bench database's name (default {BENCH_DB}; another name keeps helpers' runs apart)",
    )
    parser.add_argument(
        "--plans",
        action="store_true",
        help="also compare, per query, the plan made for its terms with one plan made without them",
    )
    parser.add_argument(
        "--results-cache",
        action="store_true",
        help="keep the search results cache on (repeats are cache hits)",
    )
    args = parser.parse_args()

    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not base_url.startswith("postgres"):
        sys.exit("search_bench needs a PostgreSQL DATABASE_URL (it creates its own database bench_search)")
    name = args.database
    os.environ["DATABASE_URL"] = (
        database_url(base_url, name) if args.reuse else recreate_database(base_url, name=name)
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.development")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    if not args.results_cache:
        settings.SEARCH_CACHE_SECONDS = 0  # every run searches the database (see the docstring)
    try:
        if not args.reuse:
            generate_database(args.meetings)
        with connection.cursor() as cursor:
            cursor.execute("select count(*) from meetings_meeting")
            n_meetings = cursor.fetchone()[0]
            counts = []
            for table in ("agendaitem", "activity", "achievement", "actionitem", "person"):
                cursor.execute(f"select count(*) from meetings_{table}")  # noqa: S608 (fixed names)
                counts.append(cursor.fetchone()[0])
            cursor.execute("select version()")
            version = cursor.fetchone()[0]
        print(f"[search bench] {version}")
        print(
            f"[search bench] {n_meetings} meetings, {counts[0]} agenda items, {counts[1]} activities, "
            f"{counts[2]} achievements, {counts[3]} action items, {counts[4]} people"
            + (" (the database of an earlier run, --reuse)" if args.reuse else "")
        )
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"[search bench] machine: {os.cpu_count()} CPUs, load average {load} (shared machine)")
        lao_q, en_q = pick_queries(random.Random(42))
        print(
            "[search bench] whole search as the page runs it: 7 kinds, 10 shown each, anonymous visitor; "
            f"search results cache {'on' if args.results_cache else 'off (every run searches the database)'}"
        )
        for label, queries in (("Lao", lao_q), ("English", en_q)):
            timings, per_query = measure(queries, args.repeats)
            print(
                f"[search bench] {label:7} {len(queries)} queries x {args.repeats}: "
                f"median {statistics.median(timings):.1f} ms, p95 {p95(timings):.1f} ms, max {max(timings):.1f} ms; "
                f"SQL median {statistics.median(v[3] for v in per_query.values()):.1f} ms, "
                f"Python CPU median {statistics.median(v[5] for v in per_query.values()):.1f} ms "
                f"(load average now {os.getloadavg()[0]:.1f})"
            )
            for q, (total, more, median, sql_ms, n_sql, cpu_ms) in per_query.items():
                print(
                    f"    {q:24} {'>' if more else ' '}{total:4} results  median {median:6.1f} ms"
                    f"  (SQL {sql_ms:5.1f} ms in {n_sql} queries, Python CPU {cpu_ms:5.1f} ms)"
                )
        if args.plans:
            compare_plans(lao_q + en_q)
        explain("ຄ້າມະນຸດ")
        explain("victim identification")
        explain("ASEAN-ACT")  # a joined name: one word for the trigram index
    finally:
        connection.close()
        if not (args.keep or args.reuse):
            recreate_database(base_url, drop_only=True, name=name)


if __name__ == "__main__":
    main()
