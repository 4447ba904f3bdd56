"""Faults of the two-node stack under load. Not a test: it prints figures.

    .venv/bin/python benchmarks/node_faults.py [--port 8320] [--seconds 12]   # as root or the user postgres

1. Starts moto's S3 server (tests/s3.py), a throwaway PostgreSQL primary and its streaming replica
   (tests/replication.py: initdb, pg_basebackup -R; DATABASE_URL names only the binaries' machine), and
   ``bin/serve --nodes 2`` with the bucket and DATABASE_REPLICA_URL (nginx PORT, node 1 PORT+1, node 2
   PORT+4), then adds a public meeting with one document (in the bucket).
2. Loads nginx with 4 clients: 3 send GETs (home, meetings list, meeting page, the document, /health/),
   1 sends POSTs (the sign-in form without a CSRF token: the portal answers 403, which counts as served);
   rate limits raised as in stack_bench.py (NO_LIMITS).
   Each request's time and status are kept; an error is a 5xx or no answer.
3. Faults, one after the other, each in a window of --seconds:
   a. the replica stopped (``pg_ctl stop -m immediate``) a third into the window: the anonymous reads it
      served (its connections are counted in pg_stat_activity first) go to the primary; failed GETs must
      be 0. Recovery: from the stop to the last GET that failed or took over a second. It stays down.
   b. node 2 killed (SIGKILL to its gunicorn master and workers) a third into the window: the failed GETs
      must be 0 (nginx's proxy_next_upstream retries them on node 1); failed POSTs are counted (nginx does
      not send a POST twice). Node 2 stays down (the rest runs on one node).
   c. S3 stopped a third into the window and started again at two thirds (moto keeps its objects in
      memory: the bucket and the document are put back at once). Pages keep serving; downloads answer 503
      (a page in Lao and English) meanwhile, never 500. Recovery: from S3's restart to the first successful
      download.
   The page cache and nginx's micro-cache are off (PAGE_CACHE_SECONDS=0): every read reaches a node and
   its database.
4. Stops everything and drops the database, whatever happened.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from search_bench import recreate_database  # noqa: E402
from stack_bench import NO_LIMITS  # noqa: E402

from tests.replication import pg, replication_cluster  # noqa: E402
from tests.s3 import S3Server  # noqa: E402

CONTENT = b"%PDF-1.4\n%node faults\n"
SETUP = f"""
from django.urls import reverse
from django.utils import translation
from tests import factories as f
meeting = f.meeting(title_en="Node faults meeting", visibility="public")
document = f.document(meeting=meeting, name="faults.pdf", content={CONTENT!r})
with translation.override("en"):
    print(reverse("meetings:meeting", kwargs={{"slug": meeting.slug}}))
    print(reverse("meetings:document_download", kwargs={{"pk": document.pk}}))
    print("media/" + document.file.name)
"""


def two_node_stack(env: dict, *, port: int, state: Path, setup: str) -> str:
    """``bin/serve --nodes 2 --detach`` with ``env``, then ``setup`` run by ``manage.py shell`` against the
    same database and bucket; its output. ``bin/serve --nodes 2 --stop`` (:func:`stop_two_nodes`) ends it."""
    serve = [str(ROOT / "bin/serve"), "--nodes", "2", "--port", str(port), "--state", str(state)]
    subprocess.run([*serve, "--detach"], env=env, check=True, capture_output=True, timeout=300)
    return subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", "shell", "-c", setup],
        env=env, cwd=ROOT, check=True, capture_output=True, text=True, timeout=120,
    ).stdout  # fmt: skip


def stop_two_nodes(env: dict, *, state: Path) -> None:
    subprocess.run(
        [str(ROOT / "bin/serve"), "--stop", "--state", str(state)], env=env, check=False, timeout=60
    )


class Load:
    """Clients hammering nginx; every answer kept as (start, end, kind, path, status or None)."""

    def __init__(self, base: str, gets: list[str]):
        self.base, self.gets, self.records, self.stopping = base, gets, [], threading.Event()
        self.lock = threading.Lock()

    def _client(self, paths: list[str], method: str):
        session, i = requests.Session(), 0
        while not self.stopping.is_set():
            path, i = paths[i % len(paths)], i + 1
            start = time.monotonic()
            try:
                status = session.request(
                    method, self.base + path, timeout=20, allow_redirects=False
                ).status_code
            except requests.RequestException:
                status = None
            with self.lock:
                self.records.append((start, time.monotonic(), method, path, status))

    def __enter__(self):
        self.threads = [threading.Thread(target=self._client, args=(self.gets, "GET")) for _ in range(3)]
        self.threads.append(threading.Thread(target=self._client, args=(["/en/accounts/login/"], "POST")))
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join()

    def between(self, start: float, end: float):
        return [r for r in self.records if start <= r[0] < end]


def failed(record) -> bool:
    return record[4] is None or record[4] >= 500


def report(name: str, records, fault_at: float, extra: str = ""):
    gets = [r for r in records if r[2] == "GET"]
    posts = [r for r in records if r[2] == "POST"]
    bad_gets, bad_posts = [r for r in gets if failed(r)], [r for r in posts if failed(r)]
    print(f"\n== {name}")
    print(f"   GETs {len(gets)}, failed {len(bad_gets)}; POSTs {len(posts)}, failed {len(bad_posts)}")
    for r in (bad_gets + bad_posts)[:8]:
        print(f"   {r[2]} {r[3]} at +{r[0] - fault_at:.2f} s: {r[4] or 'no answer'}")
    last = max((r[1] for r in bad_gets + bad_posts), default=None)
    print(f"   last error +{last - fault_at:.2f} s after the fault" if last else "   no error")
    if extra:
        print("   " + extra)
    return bad_gets, bad_posts


def kill_node(state: Path, node: int) -> None:
    master = int((state / f"node{node}" / "gunicorn.pid").read_text())
    workers = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout.split()
    for pid in [master, *map(int, workers)]:
        os.kill(pid, signal.SIGKILL)


@contextlib.contextmanager
def shared_services(
    name: str, *, replica: bool = False, **extra
) -> Iterator[tuple[S3Server, dict, Path, dict]]:
    """Everything two nodes share, started for a run and stopped (and dropped) after it, whatever happened:
    moto's S3 server with the bucket ``name``, a database ``<name>_<random>`` (on DATABASE_URL's server,
    or with ``replica`` on a throwaway primary with a streaming replica), and a state folder. Yields the
    S3 server, the nodes' environment, the folder and the replication cluster (``{}`` without)."""
    s3 = S3Server()
    s3.start()
    bucket = name.replace("_", "-")
    s3.client().create_bucket(Bucket=bucket)
    state = Path(tempfile.mkdtemp(prefix=bucket + "-"))
    with contextlib.ExitStack() as stack:
        stack.callback(s3.stop)
        stack.callback(shutil.rmtree, state, ignore_errors=True)
        cluster, server = {}, os.environ.get("DATABASE_URL", "")
        if replica:
            cluster = stack.enter_context(replication_cluster())
            server = f"postgres://postgres@127.0.0.1:{cluster['ports']['primary']}/postgres"
        url = recreate_database(server, name=f"{name}_{uuid.uuid4().hex[:8]}")
        stack.callback(recreate_database, server, drop_only=True, name=url.rsplit("/", 1)[1])
        env = {
            **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "PORTAL_ENV"}},
            **s3.environment(bucket), **NO_LIMITS, "DATABASE_URL": url, **extra,
        }  # fmt: skip
        if replica:
            env["DATABASE_REPLICA_URL"] = url.replace(
                f":{cluster['ports']['primary']}/", f":{cluster['ports']['replica']}/"
            )
        stack.callback(stop_two_nodes, env, state=state)
        yield s3, env, state, cluster


def connections(url: str) -> int:
    """The portal's connections open on the server of ``url`` (pg_stat_activity), to its database."""
    import psycopg2

    database = url.rsplit("/", 1)[1]
    with (
        contextlib.closing(psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")) as conn,
        conn.cursor() as cur,
    ):
        cur.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [database]
        )
        return cur.fetchone()[0]


def window(load: Load, seconds: float, fault, *, until: Callable | None = None):
    """Runs ``fault`` a third into a window of ``seconds`` (and ``until`` at two thirds); returns the
    window's records and the moments of the fault and of ``until``."""
    start = time.monotonic()
    time.sleep(seconds / 3)
    at = time.monotonic()
    fault()
    back = None
    if until is not None:
        time.sleep(seconds / 3)
        back = time.monotonic()
        until()
    time.sleep(max(0.0, seconds - (time.monotonic() - start)))
    return load.between(start, time.monotonic()), at, back


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8320)
    parser.add_argument("--seconds", type=float, default=12)
    args = parser.parse_args()
    print("load average:", Path("/proc/loadavg").read_text().split()[:3], "cores:", os.cpu_count())
    services = shared_services("node_faults", replica=True, GUNICORN_WORKERS="2", PAGE_CACHE_SECONDS="0")
    with services as (s3, env, state, cluster):
        out = two_node_stack(env, port=args.port, state=state, setup=SETUP)
        meeting, document, key = out.split()[-3:]
        base = f"http://127.0.0.1:{args.port}"
        with Load(base, ["/en/", "/en/meetings/", meeting, document, "/health/"]) as load:
            time.sleep(2)
            on_replica = connections(env["DATABASE_REPLICA_URL"])

            def stop_replica():
                pg("pg_ctl", "-D", str(cluster["replica_dir"]), "-m", "immediate", "stop")

            records, stopped, _ = window(load, args.seconds, stop_replica)
            after = [r for r in records if r[0] >= stopped and r[2] == "GET"]
            troubled = [r[1] for r in after if failed(r) or r[1] - r[0] > 1.0]
            first_ok = min((r[1] for r in after if r[4] == 200), default=None)
            bad_gets, _ = report(
                "replica stopped (pg_ctl stop -m immediate) under load", records, stopped,
                f"portal connections on the replica before the stop: {on_replica}; on the primary after: "
                f"{connections(env['DATABASE_URL'])}; first GET answered 200 after the stop: "
                f"+{first_ok - stopped:.2f} s; slowest GET started after the stop: "
                f"{max((r[1] - r[0] for r in after), default=0):.2f} s; reads back to normal (last failed or "
                f"over-1-s GET) +{(max(troubled) - stopped) if troubled else 0:.2f} s",
            )  # fmt: skip
            print("   PASS: 0 failed GETs, reads on the primary" if not bad_gets else "   FAIL: GETs failed")

            records, killed, _ = window(load, args.seconds, lambda: kill_node(state, 2))
            bad_gets, _ = report("node 2 killed (SIGKILL) under load", records, killed)
            print("   PASS: 0 failed GETs" if not bad_gets else "   FAIL: GETs failed")

            def s3_back():
                s3.start()
                s3.client().create_bucket(Bucket=env["S3_BUCKET"])
                s3.client().put_object(Bucket=env["S3_BUCKET"], Key=key, Body=CONTENT)

            records, s3_down, s3_up = window(load, args.seconds, s3.stop, until=s3_back)
            pages = [r for r in records if r[3] != document and r[2] == "GET"]
            ok_after = [r[1] for r in records if r[3] == document and r[4] == 200 and r[0] >= s3_up]
            recovery = f"{min(ok_after) - s3_up:.2f} s" if ok_after else "not within the window"
            during = Counter(r[4] for r in records if r[3] == document and s3_down <= r[0] < s3_up)
            report(
                "S3 stopped (moto) for a third of the window", records, s3_down,
                f"pages other than the document: {len(pages)}, failed {sum(map(failed, pages))}; "
                f"document downloads while S3 was down, by status: {dict(during)}; "
                f"a download answered 200 again {recovery} after S3's restart",
            )  # fmt: skip
            print("   PASS: no 500" if 500 not in during else "   FAIL: a download answered 500")


if __name__ == "__main__":
    main()
