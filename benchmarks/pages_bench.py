"""Speed of the public pages on a large archive (PostgreSQL). Not part of the test suite.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/pages_bench.py

Creates its own database ``bench_pages`` on the server of DATABASE_URL (dropped at the end unless --keep),
migrates it, loads the two demo meetings and generates --meetings meetings (10,000 by default) with their
items, people and organisations, as ``search_bench.py`` does. Then requests every public page in Lao and
English as an anonymous visitor through Django's test client (the whole middleware stack, templates
included, no network) and prints, per page, the median and p95 time and the number of SQL queries.
Target: p95 under 200 ms for every page on this machine. Query counts are asserted in the tests
(``tests/meetings/test_public_queries.py``); here they are printed to show they stay small at this size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from search_bench import generate, p95, recreate_database  # noqa: E402

BENCH_DB = "bench_pages"
TARGET_MS = 200


def pages():
    """(label, URL name, kwargs) of every public page, with real objects of the archive."""
    from meetings import models as m

    meeting = m.Meeting.objects.published().filter(visibility="public").order_by("-start_date").first()
    organisation = m.Organisation.objects.filter(slug__startswith="bench-org").first()
    person = m.Person.objects.filter(slug__startswith="bench-person").first()
    year = meeting.start_date.year
    return [
        ("home", "meetings:home", {}, ""),
        ("meetings list", "meetings:meeting_list", {}, ""),
        ("meetings list, page 50", "meetings:meeting_list", {}, "?page=50"),
        ("meetings of a year", "meetings:year_archive", {"year": year}, ""),
        ("meeting", "meetings:meeting", {"slug": meeting.slug}, ""),
        ("organisations", "meetings:organisation_list", {}, ""),
        ("organisation", "meetings:organisation", {"slug": organisation.slug}, ""),
        ("people", "meetings:person_list", {}, ""),
        ("person", "meetings:person", {"slug": person.slug}, ""),
        ("action items", "meetings:action_items", {}, ""),
        ("statistics", "meetings:statistics", {}, ""),
        ("open data", "meetings:open_data", {}, ""),
        ("Atom feed", "meetings:feed_atom", {}, ""),
        ("search", "meetings:search", {}, "?q=ຄ້າມະນຸດ"),
    ]


def measure(repeats: int):
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings
    from django.urls import reverse
    from django.utils import translation

    no_limit = dict.fromkeys(settings.RATE_LIMITS, "1000000/m")
    rows = []
    with override_settings(RATE_LIMITS=no_limit, ALLOWED_HOSTS=["testserver"]):
        client = Client()
        for lang in ("lo", "en"):
            for label, name, kwargs, query in pages():
                with translation.override(lang):
                    url = reverse(name, kwargs=kwargs) + query
                response = client.get(url)  # warm
                assert response.status_code == 200, (url, response.status_code)
                times = []
                for _ in range(repeats):
                    t0 = time.perf_counter()
                    response = client.get(url)
                    times.append((time.perf_counter() - t0) * 1000)
                with CaptureQueriesContext(connection) as captured:
                    client.get(url)
                rows.append(
                    (lang, label, statistics.median(times), p95(times), len(captured.captured_queries))
                )
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep the bench_pages database afterwards")
    args = parser.parse_args()

    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not base_url.startswith("postgres"):
        sys.exit("pages_bench needs a PostgreSQL DATABASE_URL (it creates its own database bench_pages)")
    os.environ["DATABASE_URL"] = recreate_database(base_url, name=BENCH_DB)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.development")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    try:
        t0 = time.perf_counter()
        call_command("migrate", verbosity=0)
        settings.SIMPLE_HISTORY_ENABLED = False  # generated rows are benchmark data, not edits
        from meetings.services.demo import load_demo_data

        load_demo_data()
        generate(args.meetings)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(
            f"[pages bench] {args.meetings} generated meetings with their items ({time.perf_counter() - t0:.0f} s)"
        )
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(
            f"[pages bench] machine: {os.cpu_count()} CPUs, load average {load}; {args.repeats} requests per page"
        )
        rows = measure(args.repeats)
        print(f"    {'lang':4} {'page':24} {'median':>8} {'p95':>8} {'queries':>8}")
        for lang, label, median, p95_ms, queries in rows:
            print(f"    {lang:4} {label:24} {median:6.1f}ms {p95_ms:6.1f}ms {queries:8}")
        worst = max(rows, key=lambda row: row[3])
        verdict = "met" if worst[3] < TARGET_MS else "NOT met"
        print(
            f"[pages bench] slowest p95: {worst[1]} ({worst[0]}) {worst[3]:.1f} ms; "
            f"target p95 < {TARGET_MS} ms for every page: {verdict}"
        )
    finally:
        connection.close()
        if not args.keep:
            recreate_database(base_url, drop_only=True, name=BENCH_DB)


if __name__ == "__main__":
    main()
