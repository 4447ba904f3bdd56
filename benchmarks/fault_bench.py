"""Faults and memory of the production stack under load. Not a test: it prints figures.

    .venv/bin/python benchmarks/fault_bench.py            # as root, on the 2-core machine: ~6 minutes

1. Starts its own throwaway PostgreSQL cluster (initdb/pg_ctl from /usr/lib/postgresql/*/bin, as in
   bin/test; port 5440 or a free one, in a temporary folder, as user postgres when run as root), creates the
   database ``fault_bench``, migrates it and loads the two demo meetings. Restarting that cluster disturbs
   no one else's server.
2. Starts the real stack with ``bin/serve --detach --port 8095 --state /tmp/portal-fault-stack`` (nginx
   8095, gunicorn 8096, Redis 8097; production settings, page cache on, nginx's micro-cache off so that
   every figure is the portal's own, rate limits raised as in stack_bench.py).
3. Loads it with 8 clients (threads, one keep-alive connection each) cycling through a mix of URLs (home,
   meeting page, meetings list, statistics, action items, search, a minutes PDF, /health/) and records each
   request's start, end and status, so that every error is placed in time.
4. Under that load, one fault after another, each in a window [fault start, fault end]:
   a. PostgreSQL restarted (``pg_ctl restart -m fast``), gunicorn left running;
   b. Redis stopped (SIGTERM to bin/serve's Redis) for a while, then started again with bin/serve's
      command line;
   c. one gunicorn worker killed with SIGKILL (the window ends when the master has forked a replacement);
   d. on a stack restarted with ``bin/serve --file-cache`` (no Redis: the shared cache is the folder
      CACHE_DIR), the rendered PDFs removed and both cache folders (CACHE_DIR and REPORTS_CACHE_ROOT) made
      unwritable while the load asks for all six minutes PDFs of the two meetings, then made writable
      again. Root ignores file modes, so the folders get ``chmod 0555`` (what stops a ``portal`` user) and
      ``chattr +i`` (what stops root); the script checks that root cannot create a file there.
   e. the SMTP server down for 30 s while mail is queued, and f. the task worker killed while it sends
      (benchmarks/mail_faults.py, on its own stack with the worker and a local SMTP server);
   For each: requests, errors (5xx, connection errors, other), when they happened, and the recovery time:
   from the fault's end to the first request of the first run of 20 successive successful requests.
5. Memory: the workers' RSS before and after 10,000 mixed requests, once with deploy/gunicorn.conf.py's
   recycling (max_requests 2000 + jitter) and once with it off (GUNICORN_MAX_REQUESTS=0), which is the
   honest figure for a long-lived worker.
6. Stops the stack and the cluster and removes their folders, whatever happened.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mail_faults  # noqa: E402
from fault_cluster import Cluster, free_port  # noqa: E402
from search_bench import recreate_database  # noqa: E402
from stack_bench import PY, ROOT, sh, start_stack, stop_stack, worker_memory  # noqa: E402

PORT = 8095  # nginx; gunicorn 8096, Redis 8097 (never the lead's 8090-8092)
STATE = Path("/tmp/portal-fault-stack")  # noqa: S108 - a loopback benchmark's own state
PG_PORT = 5440
DB = "fault_bench"
CLIENTS = 8
TIMEOUT = 30.0  # seconds a client waits for an answer; a longer wait is a connection error
RUN = 20  # recovered: the first request of the first run of this many successive successful requests
SEARCH = "/lo/search/?q=" + quote("ຄ້າມະນຸດ")


def now() -> float:
    return time.monotonic()


@dataclass(frozen=True)
class Sample:
    start: float
    end: float
    path: str
    status: int  # 0: no answer (connection refused or reset, time-out)
    error: str = ""  # the exception without an answer; the start of the body of an error answer

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 400 and not self.error


class Load:
    """``clients`` threads, each with one keep-alive connection to nginx, cycling through ``paths`` (which
    may be replaced while it runs) until stopped or until ``limit`` requests have been sent."""

    def __init__(self, paths: list[str], *, clients: int = CLIENTS, limit: int | None = None):
        self.paths = paths
        self.limit = limit
        self.samples: list[Sample] = []
        self._sent = itertools.count()
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._client, args=(i,), daemon=True) for i in range(clients)
        ]

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join()

    def wait(self) -> None:
        for thread in self._threads:
            thread.join()

    def _client(self, index: int) -> None:
        connection = None
        for turn in itertools.count(index * 3):
            if self._stop.is_set() or (self.limit is not None and next(self._sent) >= self.limit):
                break
            paths = self.paths
            path = paths[turn % len(paths)]
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=TIMEOUT)
            start = now()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
                status = response.status
                error = "" if 200 <= status < 400 else body[:100].decode(errors="replace").replace(",", ";")
                if status == 200 and path.endswith(".pdf") and not body.startswith(b"%PDF"):
                    error = "not a PDF"
                if response.will_close:
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException) as exc:
                status, error = 0, type(exc).__name__
                connection.close()
                connection = None
            self.samples.append(Sample(start, now(), path, status, error))
        if connection is not None:
            connection.close()


# --- one fault under load --------------------------------------------------------------------------------
@dataclass
class Fault:
    name: str
    samples: list[Sample]
    start: float
    end: float
    note: str = ""
    log: dict[str, int] = field(default_factory=dict)  # counts of lines in gunicorn's log during the run

    def errors(self) -> list[Sample]:
        return [s for s in self.samples if not s.ok]

    def page_5xx(self) -> list[Sample]:
        return [s for s in self.samples if s.status >= 500 and s.path != "/health/"]

    def health_5xx(self) -> list[Sample]:
        return [s for s in self.samples if s.status >= 500 and s.path == "/health/"]

    def connection_errors(self) -> list[Sample]:
        return [s for s in self.samples if s.status == 0]

    def outside(self) -> list[Sample]:
        """Errors of requests that began after the fault's end or ended before its start."""
        return [s for s in self.errors() if s.end < self.start or s.start > self.end]

    def recovery(self) -> float | None:
        """Seconds from the fault's end to the first request of the first run of ``RUN`` successive
        successful requests (by start) that all began after it, or of the error-free run that ends the load."""
        after = sorted((s for s in self.samples if s.start >= self.end), key=lambda s: s.start)
        streak = 0
        for i, sample in enumerate(after):
            streak = streak + 1 if sample.ok else 0
            if streak == RUN or (streak and i == len(after) - 1):
                return after[i - streak + 1].start - self.end
        return None

    def phase(self, which: str) -> str:
        chosen = {
            "before": [s for s in self.samples if s.end < self.start],
            "during": [s for s in self.samples if s.start >= self.start and s.end <= self.end],
            "after": [s for s in self.samples if s.start > self.end],
        }[which]
        if not chosen:
            return f"{which}: no request"
        span = max(s.end for s in chosen) - min(s.start for s in chosen)
        pages = sorted(s.end - s.start for s in chosen if s.ok and s.path != "/health/")
        p50 = statistics.median(pages) * 1000 if pages else float("nan")
        p95 = pages[int(len(pages) * 0.95)] * 1000 if pages else float("nan")
        return (
            f"{which}: {len(chosen) / max(span, 0.001):.0f} req/s, pages p50 {p50:.0f} ms, p95 {p95:.0f} ms"
        )

    def report(self) -> None:
        errors = self.errors()
        others = [s for s in errors if 0 < s.status < 500]
        print(f"\n== {self.name}: fault window {self.end - self.start:.2f} s. {self.note}")
        print(
            f"   {len(self.samples)} requests; {len(errors)} errors: {len(self.page_5xx())} 5xx of pages, "
            f"{len(self.health_5xx())} /health/ 5xx, {len(self.connection_errors())} connection errors, "
            f"{len(others)} other (4xx, or a PDF that is not one)"
        )
        if errors:
            first = min(s.start for s in errors) - self.start
            last = max(s.end for s in errors) - self.start
            kinds: dict[str, int] = {}
            for s in errors:
                key = f"{s.status or s.error} {s.path}" + (f" {s.error}" if s.path == "/health/" else "")
                kinds[key] = kinds.get(key, 0) + 1
            print(f"   errors from {first:+.2f} s to {last:+.2f} s after the fault's start; "
                  f"{len(self.outside())} outside the window")  # fmt: skip
            print("   " + "; ".join(f"{n}× {k}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1])))
        recovery = self.recovery()
        print(f"   recovery: {'not within the run' if recovery is None else f'{recovery:.2f} s'}")
        print("   " + " | ".join(self.phase(which) for which in ("before", "during", "after")))


def under_load(paths: list[str], name: str, fault, *, before: float, after: float) -> Fault:
    """Runs ``fault(load)`` (returns (start, end, note)) between ``before`` and ``after`` seconds of load."""
    with Load(paths) as load:
        time.sleep(before)
        start, end, note = fault(load)
        time.sleep(after)
    return Fault(name, load.samples, start, end, note)


def log_lines(path: Path, since: int, *needles: str) -> dict[str, int]:
    text = path.read_text(errors="replace")[since:] if path.exists() else ""
    return {needle: text.count(needle) for needle in needles}


def wait_until(condition, *, timeout: float, step: float = 0.01) -> bool:
    deadline = now() + timeout
    while now() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def warm_up(paths: list[str]) -> None:
    """Each page once, so that the runs start with the PDF rendered and the pages cached."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
    for path in paths:
        connection.request("GET", path)
        connection.getresponse().read()
    connection.close()


def healthy() -> bool:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
        connection.request("GET", "/health/")
        return connection.getresponse().status == 200
    except OSError:
        return False


def stop() -> None:
    """``bin/serve --stop``, then wait until nginx, gunicorn (it finishes requests in flight) and Redis are gone."""
    pids = [int(text) for f in STATE.glob("*.pid") if (text := f.read_text().strip()).isdigit()]
    stop_stack(state=STATE)
    wait_until(lambda: not any(alive(pid) for pid in pids), timeout=40, step=0.1)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


# --- the faults ------------------------------------------------------------------------------------------
def restart_postgres(cluster: Cluster):
    def fault(_load):
        start = now()
        cluster.restart()
        return start, now(), "pg_ctl restart -m fast; gunicorn not restarted."

    return fault


REDIS_HOLD = 8.0


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", PORT + 2), timeout=0.5) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def stop_redis(_load):
    pid = int((STATE / "redis.pid").read_text())
    start = now()
    os.kill(pid, signal.SIGTERM)
    wait_until(lambda: not alive(pid), timeout=10)
    time.sleep(REDIS_HOLD)
    # bin/serve's command line
    subprocess.run(
        [shutil.which("redis-server") or "/usr/bin/redis-server", "--port", str(PORT + 2), "--bind", "127.0.0.1",
         "--save", "", "--appendonly", "no", "--daemonize", "yes", "--pidfile", str(STATE / "redis.pid"),
         "--logfile", str(STATE / "redis.log"), "--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru"],
        check=True,
    )  # fmt: skip
    wait_until(redis_answers, timeout=10)
    return start, now(), f"Redis down {REDIS_HOLD:.0f} s, then started again."


def kill_worker(_load):
    before = set(worker_memory(state=STATE))
    victim = min(before)
    start = now()
    os.kill(victim, signal.SIGKILL)
    wait_until(lambda: set(worker_memory(state=STATE)) - before, timeout=30)
    end = now()
    return (
        start,
        end,
        f"worker {victim} SIGKILLed; the window ends when the master has forked its replacement.",
    )


DISK_HOLD = 10.0  # seconds at least, and until PDFS_IN_FAULT PDF requests begun in the window are answered
PDFS_IN_FAULT = 3


class UnwritableCaches:
    """Removes the rendered PDFs, makes CACHE_DIR and REPORTS_CACHE_ROOT unwritable (even for root) and adds
    ``pdfs`` to the load for at least ``DISK_HOLD`` seconds, then makes them writable again."""

    folders = (STATE / "cache", STATE / "reports")

    def __init__(self, pdfs: list[str]):
        self.pdfs = pdfs
        self.restored = 0.0  # wall-clock time of the restore

    def __call__(self, load: Load):
        modes = {folder: folder.stat().st_mode & 0o7777 for folder in self.folders}
        start = now()
        shutil.rmtree(STATE / "reports" / "minutes", ignore_errors=True)  # no PDF rendered yet
        for folder in self.folders:
            folder.chmod(0o555)  # what stops the portal's own user on a server
            subprocess.run(["chattr", "-R", "+i", str(folder)], check=True)  # what stops root
        refused = []
        for folder in self.folders:
            try:
                (folder / "probe").write_bytes(b"x")
            except OSError:
                refused.append(folder.name)
        load.paths = load.paths + self.pdfs
        time.sleep(DISK_HOLD)
        # A render takes seconds on a busy machine: hold until PDFs have been answered within the fault too.
        wait_until(lambda: len(self.pdfs_answered(load, start)) >= PDFS_IN_FAULT, timeout=60, step=0.2)
        for folder in self.folders:
            subprocess.run(["chattr", "-R", "-i", str(folder)], check=True)
            folder.chmod(modes[folder])
        self.restored = time.time()
        end = now()
        note = (
            f"chmod 0555 + chattr +i on CACHE_DIR and REPORTS_CACHE_ROOT (root refused a new file in: "
            f"{', '.join(refused) or 'NONE, the fault did not take'}); rendered PDFs removed at the start; "
            f"{len(self.pdfs) + 1} minutes PDFs in the mix from then on; "
            f"{sum(s.ok for s in self.pdfs_answered(load, start))} PDFs answered 200 within the window."
        )
        return start, end, note

    @staticmethod
    def pdfs_answered(load: Load, start: float) -> list[Sample]:
        return [s for s in list(load.samples) if s.path.endswith(".pdf") and s.start >= start]

    def afterwards(self) -> str:
        stored = list((STATE / "reports").rglob("*.pdf"))
        written = [p for p in (STATE / "cache").iterdir() if p.stat().st_mtime >= self.restored]
        return f"after the restore: {len(stored)} PDFs stored, {len(written)} files written to CACHE_DIR"


def undo_immutable() -> None:
    for folder in (STATE / "cache", STATE / "reports"):
        if folder.exists():
            subprocess.run(["chattr", "-R", "-i", str(folder)], check=False, stderr=subprocess.DEVNULL)


# nginx's one-second micro-cache would answer most public requests itself during a fault (and keep them
# from the workers whose memory is measured): switched off, so every figure is the portal's own.
PORTAL_ITSELF = {"PROXY_CACHE_SECONDS": "0"}


# --- memory ----------------------------------------------------------------------------------------------
def memory_run(database_url: str, paths: list[str], requests: int, **env) -> tuple[dict, dict, float, int]:
    start_stack(database_url, port=PORT, state=STATE, **PORTAL_ITSELF, **env)
    before = worker_memory(state=STATE)
    started = now()
    load = Load(paths, limit=requests)
    with load:
        load.wait()
    seconds = now() - started
    after = worker_memory(state=STATE)
    failed = sum(not s.ok for s in load.samples)
    stop()
    return before, after, seconds, failed


def describe(memory: dict[int, float], earlier: dict[int, float]) -> str:
    return ", ".join(f"{mb:.0f}{'' if pid in earlier else ' (new)'}" for pid, mb in sorted(memory.items()))


def keep(folder: Path, faults: list[Fault], cluster: Cluster) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for fault in faults:
        with (folder / f"{fault.name[0]}.csv").open("w") as out:
            out.write("start_s,end_s,status,error,path\n")  # seconds from the fault's start
            for s in sorted(fault.samples, key=lambda s: s.start):
                out.write(
                    f"{s.start - fault.start:.3f},{s.end - fault.start:.3f},{s.status},{s.error},{s.path}\n"
                )
    for log in [*STATE.glob("*.log"), STATE / "nginx" / "error.log", cluster.dir / "server.log"]:
        if log.exists():
            shutil.copy(log, folder / log.name)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=10_000, help="requests of each memory run")
    parser.add_argument("--before", type=float, default=4.0, help="seconds of load before each fault")
    parser.add_argument("--after", type=float, default=8.0, help="seconds of load after each fault")
    parser.add_argument("--only", default="abcdefm", help="which runs: a b c d e f (faults), m (memory)")
    parser.add_argument(
        "--keep", type=Path, help="folder to write every request (CSV) and the stack's logs to"
    )
    args = parser.parse_args()
    load_start = os.getloadavg()
    print(f"{time.strftime('%Y-%m-%d %H:%M')}; load average at the start: {load_start}", flush=True)

    cluster = Cluster(free_port(PG_PORT))
    faults: list[Fault] = []
    memory: list[tuple[str, dict, dict, float, int]] = []
    try:
        cluster.start()
        database_url = recreate_database(cluster.url, name=DB)
        dev = {"DATABASE_URL": database_url, "PORTAL_ENV": "development"}
        sh(PY, "manage.py", "migrate", "--noinput", env=dev, stdout=subprocess.DEVNULL)
        sh(PY, "manage.py", "load_demo", env=dev, stdout=subprocess.DEVNULL)
        slugs = subprocess.run(
            [PY, "manage.py", "shell", "-v", "0", "-c",
             "from meetings.models import Meeting\n"
             "for m in Meeting.objects.order_by('-start_date'): print(m.slug)"],
            cwd=ROOT, env={**os.environ, **dev}, capture_output=True, text=True, check=True,
        ).stdout.split()  # fmt: skip
        print(f"== PostgreSQL {cluster.bin.parent.name} on 127.0.0.1:{cluster.port} ({cluster.dir}); "
              f"meetings: {', '.join(slugs)}", flush=True)  # fmt: skip
        mix = [
            "/lo/",
            f"/lo/meetings/{slugs[0]}/",
            "/en/meetings/",
            "/lo/statistics/",
            "/lo/action-items/",
            SEARCH,
            f"/lo/reports/minutes/{slugs[0]}/lo.pdf",
            "/health/",
        ]
        # not yet rendered during fault d (the mix's PDF too: the rendered ones are removed)
        pdfs = [f"/lo/reports/minutes/{slugs[0]}/en.pdf", f"/en/reports/minutes/{slugs[-1]}/bilingual.pdf"]
        log = STATE / "gunicorn.log"
        if set("abc") & set(args.only):
            start_stack(database_url, port=PORT, state=STATE, **PORTAL_ITSELF)
            print(f"== stack on 127.0.0.1:{PORT} (bin/serve, Redis); {CLIENTS} clients cycling through {mix}",
                  flush=True)  # fmt: skip
            runs = [
                ("a", "a. PostgreSQL restart", lambda: restart_postgres(cluster)),
                ("b", "b. Redis stopped", lambda: stop_redis),
                ("c", "c. gunicorn worker SIGKILL", lambda: kill_worker),
            ]
            for key, name, make in runs:
                if key not in args.only:
                    continue
                wait_until(healthy, timeout=30, step=0.2)
                warm_up(mix)
                since = log.stat().st_size if log.exists() else 0
                fault = under_load(mix, name, make(), before=args.before, after=args.after)
                fault.log = log_lines(
                    log, since, "Traceback", "Internal Server Error", "failed, serving without"
                )
                fault.report()
                print(f"   gunicorn log: {fault.log}", flush=True)
                faults.append(fault)
            stop()
        if "d" in args.only:
            start_stack(database_url, port=PORT, state=STATE, options=["--file-cache"], **PORTAL_ITSELF)
            print(f"\n== stack restarted with --file-cache (CACHE_DIR={STATE / 'cache'})", flush=True)
            warm_up(mix)
            since = log.stat().st_size if log.exists() else 0
            unwritable = UnwritableCaches(pdfs)
            fault = under_load(
                mix, "d. cache folders unwritable", unwritable, before=args.before, after=args.after
            )
            fault.log = log_lines(
                log, since, "Traceback", "Internal Server Error", "failed, serving without", "not cached"
            )
            fault.report()
            print(f"   {unwritable.afterwards()}")
            print(f"   gunicorn log: {fault.log}", flush=True)
            faults.append(fault)
            stop()
        if set("ef") & set(args.only):
            print("\n== mail faults (benchmarks/mail_faults.py)", flush=True)
            mail_faults.run(cluster.url, only="".join(k for k in "ef" if k in args.only))
        if "m" in args.only:
            for label, env in (
                ("recycling on (max_requests 2000 + jitter 200, deploy/gunicorn.conf.py)", {}),
                ("recycling off (GUNICORN_MAX_REQUESTS=0)", {"GUNICORN_MAX_REQUESTS": "0"}),
            ):
                before, after, seconds, failed = memory_run(database_url, mix, args.requests, **env)
                memory.append((label, before, after, seconds, failed))
                print(
                    f"== memory, {label}: {args.requests} requests in {seconds:.0f} s, {failed} failed",
                    flush=True,
                )
    finally:
        undo_immutable()
        stop()
        if args.keep:
            keep(args.keep, faults, cluster)
        cluster.remove()
        shutil.rmtree(STATE, ignore_errors=True)

    print(f"\nload average at the end: {os.getloadavg()} (start: {load_start}); {os.cpu_count()} cores; "
          f"{CLIENTS} clients; recovery = fault end → first of {RUN} successive successful requests")  # fmt: skip
    print("\n| fault | requests | 5xx (pages + /health/) | connection errors | errors outside the fault window "
          "| recovery | target | result |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    targets = {
        "a": ("no error outside the restart window, recovery < 2 s",
              lambda f: not f.outside() and f.recovery() is not None and f.recovery() < 2),
        "b": ("still serves, no 5xx on pages", lambda f: not f.page_5xx() and not f.connection_errors()),
        "c": ("(figures only)", None),
        "d": ("no 5xx on pages and PDFs", lambda f: not f.page_5xx() and not f.connection_errors()),
    }  # fmt: skip
    for fault in faults:
        target, check = targets[fault.name[0]]
        recovery = fault.recovery()
        result = "—" if check is None else ("PASS" if check(fault) else "FAIL")
        print(
            f"| {fault.name} | {len(fault.samples)} | {len(fault.page_5xx())} + {len(fault.health_5xx())} "
            f"| {len(fault.connection_errors())} | {len(fault.outside())} "
            f"| {'never' if recovery is None else f'{recovery:.2f} s'} | {target} | {result} |"
        )
    if memory:
        print(
            "\n| gunicorn workers | requests | RSS MB before (per worker) | RSS MB after | target < 200 MB |"
        )
        print("|---|---|---|---|---|")
        for label, before, after, _seconds, _failed in memory:
            ok = max(after.values(), default=0) < 200 and max(before.values(), default=0) < 200
            print(
                f"| {label} | {args.requests} | {describe(before, before)} | {describe(after, before)} "
                f"| {'PASS' if ok else 'FAIL'} |"
            )
        print("(new): a worker forked during the run (a recycled or replaced one); RSS counts the pages shared "
              "with the master (app preloaded).")  # fmt: skip


if __name__ == "__main__":
    main()
