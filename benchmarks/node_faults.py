"""Faults of the two-node stack under load. Not a test: it prints figures.

    DATABASE_URL=postgres://... .venv/bin/python benchmarks/node_faults.py [--port 8320] [--seconds 12]

1. Starts moto's S3 server (tests/s3.py), a throwaway database ``node_faults_<random>`` on the PostgreSQL
   of DATABASE_URL, and ``bin/serve --nodes 2`` with the bucket (nginx PORT, node 1 PORT+1, node 2 PORT+4),
   then adds a public meeting with one document (in the bucket).
2. Loads nginx with 4 clients: 3 send GETs (home, meetings list, meeting page, the document, /health/),
   1 sends POSTs (the sign-in form without a CSRF token: the portal answers 403, which counts as served);
   rate limits raised as in stack_bench.py (NO_LIMITS).
   Each request's time and status are kept; an error is a 5xx or no answer.
3. Faults, one after the other, each in a window of --seconds:
   a. node 2 killed (SIGKILL to its gunicorn master and workers) a third into the window: the failed GETs
      must be 0 (nginx's proxy_next_upstream retries them on node 1); failed POSTs are counted (nginx does
      not send a POST twice). Node 2 stays down (the rest runs on one node).
   b. S3 stopped a third into the window and started again at two thirds (moto keeps its objects in
      memory: the bucket and the document are put back at once). Pages keep serving; downloads fail
      meanwhile. Recovery: from S3's restart to the first successful download.
   The replica fault is in tests/portal/test_replica.py (replica stopped: reads on the primary within a
   second); this script has no replica.
4. Stops everything and drops the database, whatever happened.
"""

from __future__ import annotations

import argparse
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
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from search_bench import recreate_database  # noqa: E402
from stack_bench import NO_LIMITS  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8320)
    parser.add_argument("--seconds", type=float, default=12)
    args = parser.parse_args()
    print("load average:", Path("/proc/loadavg").read_text().split()[:3], "cores:", os.cpu_count())
    s3 = S3Server()
    s3.start()
    bucket = "node-faults"
    s3.client().create_bucket(Bucket=bucket)
    url = recreate_database(os.environ["DATABASE_URL"], name="node_faults_" + uuid.uuid4().hex[:8])
    state = Path(tempfile.mkdtemp(prefix="node-faults-"))
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "PORTAL_ENV"}},
        **s3.environment(bucket), **NO_LIMITS, "DATABASE_URL": url, "GUNICORN_WORKERS": "2",
    }  # fmt: skip
    try:
        out = two_node_stack(env, port=args.port, state=state, setup=SETUP)
        meeting, document, key = out.split()[-3:]
        base = f"http://127.0.0.1:{args.port}"
        third = args.seconds / 3
        with Load(base, ["/en/", "/en/meetings/", meeting, document, "/health/"]) as load:
            time.sleep(2)
            start = time.monotonic()
            time.sleep(third)
            killed = time.monotonic()
            kill_node(state, 2)
            time.sleep(args.seconds - third)
            bad_gets, _ = report(
                "node 2 killed (SIGKILL) under load", load.between(start, time.monotonic()), killed
            )
            print("   PASS: 0 failed GETs" if not bad_gets else "   FAIL: GETs failed")

            start = time.monotonic()
            time.sleep(third)
            s3_down = time.monotonic()
            s3.stop()
            time.sleep(third)
            s3.start()
            s3_up = time.monotonic()
            s3.client().create_bucket(Bucket=bucket)
            s3.client().put_object(Bucket=bucket, Key=key, Body=CONTENT)
            time.sleep(args.seconds - 2 * third)
            records = load.between(start, time.monotonic())
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
    finally:
        stop_two_nodes(env, state=state)
        shutil.rmtree(state, ignore_errors=True)
        s3.stop()
        recreate_database(os.environ["DATABASE_URL"], drop_only=True, name=url.rsplit("/", 1)[1])


if __name__ == "__main__":
    main()
