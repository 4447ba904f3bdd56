"""Where an uncached public page spends its time, page by page. Not a test.

    DATABASE_URL=postgres://... REDIS_URL=redis://127.0.0.1:6379/9 .venv/bin/python benchmarks/page_profile.py

It loads ``portal.wsgi.application`` with the production settings (persistent database connections, the
Redis cache when REDIS_URL is set), the object gunicorn serves, with the page cache and the micro-cache
off, and calls it the way gunicorn does (a WSGI environ per request, the response iterated to the end), on
the database of DATABASE_URL (``load_demo`` data: the two real meetings). For each page it prints the
time per request, the time inside the database driver and the number of queries, then a profile of the
Python time by where it goes (Django's ORM building and compiling queries, templates, modeltranslation,
the portal's own code, other). Run it on a quiet machine; compare shares, not absolute times across
machines.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import importlib
import io
import os
import pstats
import sys
import time
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "meeting page": "/lo/meetings/{slug}/",
    "home": "/lo/",
    "meetings list": "/en/meetings/",
    "statistics": "/lo/statistics/",
    "action items": "/lo/action-items/",
    "search": "/lo/search/?q=%E0%BA%84%E0%BB%89%E0%BA%B2%E0%BA%A1%E0%BA%B0%E0%BA%99%E0%BA%B8%E0%BA%94",
    "floor: a 404 page (no query)": "/lo/no-such-page/",
}
TEMPLATE_RENDER = ("django/template/backends/django.py", "render")


def environ(path: str) -> dict:
    route, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET", "PATH_INFO": unquote(route).encode().decode("latin-1"), "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "REMOTE_ADDR": "127.0.0.1",
        "HTTP_X_FORWARDED_FOR": "127.0.0.1", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr, "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.version": (1, 0),
        "wsgi.multithread": True, "wsgi.multiprocess": True, "wsgi.run_once": False,
    }  # fmt: skip


ORM = "Django ORM (building, compiling, model instances)"
DRIVER = "database driver (includes waiting for PostgreSQL)"
COLUMNS = (ORM, DRIVER, "Django templates", "modeltranslation", "portal code")


def category(filename: str, function: str) -> str:
    if "site-packages/django/db/models" in filename:
        return ORM
    if "site-packages/django/template" in filename or "django/templatetags" in filename:
        return "Django templates"
    if "site-packages/modeltranslation" in filename:
        return "modeltranslation"
    if "psycopg2" in function or "site-packages/django/db/backends" in filename:
        return DRIVER
    if str(ROOT) in filename and ".venv" not in filename:
        return "portal code"
    return "other (Django core, middleware, stdlib)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("PORTAL_ENV", "production")
    os.environ.setdefault("SECRET_KEY", "page-profile-" + "x" * 40)
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
    os.environ.setdefault("EMAIL_HOST", "127.0.0.1")  # required in production; no mail is sent here
    os.environ.setdefault("DEFAULT_FROM_EMAIL", "portal@example.org")
    os.environ["SECURE_SSL_REDIRECT"] = "false"
    os.environ["PAGE_CACHE_SECONDS"] = "0"  # uncached: also switches the micro-cache marks off
    os.environ.setdefault("RATE_LIMIT_SEARCH", "100000000/m")
    sys.path.insert(0, str(ROOT))
    application = importlib.import_module("portal.wsgi").application  # sets Django up first
    from django.db import connection

    from meetings.models import Meeting

    slug = (
        Meeting.objects.filter(status="published").order_by("-start_date").values_list("slug", flat=True)[0]
    )
    driver = [0.0, 0]

    def timed(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            driver[0] += time.perf_counter() - start
            driver[1] += 1

    def call(path: str) -> str:
        status = []
        b"".join(application(environ(path), lambda s, h, e=None: status.append(s)))
        return status[0]

    print(
        f"{args.requests} requests per page through portal.wsgi.application (production settings); load {os.getloadavg()}"
    )
    print(
        "| page | status | ms/request | in the driver ms | queries | rendering the template (cumulative) | "
        + " | ".join(COLUMNS)
        + " | other |"
    )
    print("|---|---|---|---|---|---|" + "---|" * (len(COLUMNS) + 1))
    for name, pattern in PAGES.items():
        path = pattern.format(slug=slug)
        for _ in range(10):
            call(path)
        driver[:] = [0.0, 0]
        with connection.execute_wrapper(timed):
            start = time.perf_counter()
            for _ in range(args.requests):
                status = call(path)
            elapsed = (time.perf_counter() - start) / args.requests * 1000
        in_driver, queries = driver[0] / args.requests * 1000, driver[1] / args.requests
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(max(20, args.requests // 5)):
            call(path)
        profile.disable()
        shares = collections.Counter()
        rendering = 0.0  # cumulative time inside template rendering (includes what the template calls)
        for (filename, _line, function), (_cc, _nc, own, cumulative, _callers) in pstats.Stats(
            profile
        ).stats.items():
            shares[category(filename, function)] += own
            if filename.endswith(TEMPLATE_RENDER[0]) and function == TEMPLATE_RENDER[1]:
                rendering = max(rendering, cumulative)
        total = sum(shares.values()) or 1
        cells = [f"{shares[c] / total:.0%}" for c in COLUMNS]
        other = 1 - sum(shares[c] / total for c in COLUMNS)
        print(
            f"| {name} | {status.split()[0]} | {elapsed:.1f} | {in_driver:.1f} | {queries:.0f} | "
            f"{rendering / total:.0%} | " + " | ".join(cells) + f" | {other:.0%} |"
        )
    print(
        "(shares of the Python profile: own time by where the code lives; rendering the template: the time"
        " from the view's render() call to its end, whatever it calls, e.g. queries of lazy values)"
    )


if __name__ == "__main__":
    main()
