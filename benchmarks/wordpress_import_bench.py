"""Import of 1,000 WordPress news posts (target: under 60 s on the 2-core machine). Not a timed test.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/wordpress_import_bench.py

Creates its own database ``bench_wordpress`` (dropped first, and again at the end unless --keep), migrates
it and loads the demo records (names to match). Builds an export of --posts posts from the items of the
fixture that WordPress exported (tests/meetings/fixtures/wordpress/committee-news.wxr.xml), each copy with
its own GUID and post number, attachments included, and times ``import_wxr`` (every post read, a draft
with its suggestions and documents written), then a second import of the same file (nothing to do).

The copies repeat the same few meetings, so the import would link most of them to the first copy's draft
(or to the demo's meetings) instead of making drafts (meetings/importing/matching.py). The first import
therefore asks for a draft of every post (``new_draft_guids``, as ``import_wordpress --new-draft`` does; the
matching still runs for each post); a third import of the same posts under new GUIDs times the other path,
every post linked to a meeting already in the portal.

    --out FILE   also write the figures to FILE (e.g. benchmarks/results/import-2026-12-05.txt)
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
FIXTURES = ROOT / "tests" / "meetings" / "fixtures" / "wordpress"


def build_export(n_posts: int, guid_suffix: str = "copy") -> bytes:
    """The fixture's export with its items repeated until there are ``n_posts`` posts."""
    xml = (FIXTURES / "committee-news.wxr.xml").read_text(encoding="utf-8")
    head, rest = xml.split("<item>", 1)
    items = ["<item>" + chunk for chunk in rest.split("<item>")]
    tail = items[-1][items[-1].index("</item>") + len("</item>") :]
    items[-1] = items[-1][: items[-1].index("</item>") + len("</item>")]
    posts = [i for i in items if "<wp:post_type><![CDATA[post]]>" in i and "lao-new-year" not in i]
    attachments = [i for i in items if "<wp:post_type><![CDATA[attachment]]>" in i]
    out, post_id, count = [], 1000, 0
    while count < n_posts:
        for item in posts:
            if count >= n_posts:
                break
            count += 1
            post_id += 1
            old_id = re.search(r"<wp:post_id>(\d+)</wp:post_id>", item).group(1)
            copy = re.sub(r"<guid([^>]*)>([^<]+)</guid>", rf"<guid\1>\2?{guid_suffix}={post_id}</guid>", item)
            copy = re.sub(
                r"<wp:post_name><!\[CDATA\[([^\]]*)\]\]>", rf"<wp:post_name><![CDATA[\1-{post_id}]]>", copy
            )
            out.append(
                copy.replace(f"<wp:post_id>{old_id}</wp:post_id>", f"<wp:post_id>{post_id}</wp:post_id>")
            )
            new_parent = post_id
            for attachment in attachments:
                if f"<wp:post_parent>{old_id}</wp:post_parent>" in attachment:
                    post_id += 1
                    a_old = re.search(r"<wp:post_id>(\d+)</wp:post_id>", attachment).group(1)
                    out.append(
                        attachment.replace(f"<wp:post_parent>{old_id}</wp:post_parent>", f"<wp:post_parent>{new_parent}</wp:post_parent>")
                        .replace(f"<wp:post_id>{a_old}</wp:post_id>", f"<wp:post_id>{post_id}</wp:post_id>")
                    )  # fmt: skip
    return (head + "\n".join(out) + tail).encode("utf-8")  # attachments keep their parent's new number


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the bench_wordpress database afterwards")
    parser.add_argument("--out", help="also write the figures to this file")
    parser.add_argument("--database", default="bench_wordpress", help="the database to (re)create and use")
    args = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not base_url.startswith("postgres"):
        sys.exit("wordpress_import_bench needs a PostgreSQL DATABASE_URL")
    from search_bench import recreate_database

    os.environ["DATABASE_URL"] = recreate_database(base_url, name=args.database)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.development")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    try:
        call_command("migrate", verbosity=0)
        from meetings.importing import services
        from meetings.models.imports import ImportedPost, Suggestion
        from meetings.services.demo import load_demo_data

        load_demo_data()
        data = build_export(args.posts)
        relinked = build_export(args.posts, guid_suffix="again")
        guids = set(re.findall(r"<guid[^>]*>([^<]+)</guid>", data.decode()))
        load = os.getloadavg()[0]
        with tempfile.TemporaryDirectory() as media:
            settings.MEDIA_ROOT = media
            t0, c0 = time.perf_counter(), time.process_time()
            report = services.import_wxr(
                file=data, by=None, media_dir=FIXTURES / "uploads", new_draft_guids=guids
            )
            t1, c1 = time.perf_counter(), time.process_time()
            again = services.import_wxr(file=data, by=None, media_dir=FIXTURES / "uploads")
            t2 = time.perf_counter()
            linked = services.import_wxr(file=relinked, by=None, media_dir=FIXTURES / "uploads")
            t3 = time.perf_counter()
        created = report.count(services.CREATED)
        lines = [
            f"export: {len(data) / 1e6:.1f} MB, {args.posts} posts; {os.cpu_count()} CPUs, "
            f"load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end",
            f"first import : {t1 - t0:.1f} s for {created} drafts ({(t1 - t0) / max(created, 1) * 1000:.0f} ms a post), "
            f"{Suggestion.objects.count()} suggestions, {sum(r.documents for r in report.results)} documents; "
            f"CPU time of the importing process {c1 - c0:.1f} s (the rest is waiting for PostgreSQL and the CPUs)",
            f"second import: {t2 - t1:.1f} s, {again.count(services.UNCHANGED)} already imported, "
            f"{again.count(services.CREATED)} created",
            f"third import (same posts, new GUIDs): {t3 - t2:.1f} s, {linked.count(services.LINKED)} linked to "
            f"meetings already in the portal, {linked.count(services.CREATED)} created",
        ]
        print("\n".join(lines))
        if args.out:
            stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
            header = f"benchmarks/wordpress_import_bench.py --posts {args.posts}, {stamp}\n"
            Path(args.out).write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
        assert created == args.posts and linked.count(services.LINKED) == args.posts
        assert ImportedPost.objects.count() == 2 * args.posts
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            recreate_database(base_url, drop_only=True, name=args.database)


if __name__ == "__main__":
    main()
