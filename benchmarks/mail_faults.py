"""Mail faults on the production stack: not a test, it prints figures (README, "Mail and the task queue").

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/mail_faults.py

Creates the database ``mail_faults`` on that server (dropped afterwards), starts ``bin/serve --detach`` on
port 8195 (nginx, gunicorn, Redis, the task worker and the local SMTP server that keeps mail in a maildir;
retries after 2, 4, 8 … s, mail lost after 3 s) and runs two faults:

e. SMTP down for 30 s: the SMTP server is stopped, 20 mails are queued (as a workflow step queues them),
   30 s pass, the server is started again with bin/serve's command line. Printed: delivered, duplicates
   (the same Message-ID twice in the maildir), and the time from the restart to the last delivery.
f. The worker killed during a send: 200 mails are queued and the worker is killed with SIGKILL while it
   delivers them; a new worker is started with bin/serve's command line and the retry timer's command
   (``mail_timers retry``) runs. Printed: delivered before the kill, in the end, duplicates, left pending.

Target: every mail delivered; none twice (a mail the SMTP server accepted just before the kill may go out
twice with the same Message-ID: counted, never hidden).
"""

from __future__ import annotations

import mailbox
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import recreate_database  # noqa: E402
from stack_bench import PY, ROOT, sh, start_stack, stop_stack  # noqa: E402

PORT = 8195
STATE = Path("/tmp/portal-mail-faults")  # noqa: S108 - a loopback benchmark's own state
DB = "mail_faults"
MAILDIR = STATE / "maildir"
FAST = {"MAIL_RETRY_BASE_SECONDS": "2", "MAIL_RETRY_MAX_MINUTES": "1", "MAIL_LOST_AFTER_SECONDS": "3"}

QUEUE = """
from django.db import transaction
from notifications.outbox import Recipient, queue_mail
from notifications.models import Message
from notifications.tasks import send_soon
from meetings.models import Meeting
meeting = Meeting.objects.first()
with transaction.atomic():
    queued = [queue_mail(key="{prefix}-%d" % n, recipient=Recipient("reader%d@example.org" % n),
                         kind="bench", template="meeting_published",
                         context={{"meeting": meeting, "public_url": "", "review_url": ""}})
              for n in range({count})]
    send_soon(queued)
"""
STATUS = """
from collections import Counter
from notifications.models import Message
print(dict(Counter(Message.objects.filter(key__startswith="{prefix}-").values_list("status", flat=True))))
"""


def env(database_url: str) -> dict:
    return {
        "PORTAL_ENV": "production", "SECRET_KEY": "bench-" + "x" * 50, "ALLOWED_HOSTS": "127.0.0.1",
        "REDIS_URL": f"redis://127.0.0.1:{PORT + 2}/0", "DATABASE_URL": database_url,
        "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(PORT + 3), "DEFAULT_FROM_EMAIL": "bench@localhost",
        "SECURE_SSL_REDIRECT": "false", **FAST,
    }  # fmt: skip


def manage(database_url: str, *args: str, **kw) -> str:
    return sh(PY, "manage.py", *args, env=env(database_url), capture_output=True, text=True, **kw).stdout


def mail_ids(database_url: str, prefix: str) -> set[str]:
    """The Message-IDs the outbox gave the mails of one run."""
    out = manage(database_url, "shell", "-v", "0", "-c",
                 "from notifications.models import Message\nfrom notifications.outbox import message_id\n"
                 f"for m in Message.objects.filter(key__startswith='{prefix}-'): print(message_id(m))")  # fmt: skip
    return set(out.split())


def arrived(ids: set[str]) -> Counter:
    box = mailbox.Maildir(MAILDIR, create=True)
    return Counter(m["Message-ID"] for m in box if m["Message-ID"] in ids)


def pid(name: str) -> int:
    return int((STATE / f"{name}.pid").read_text().strip())


def start_smtp() -> None:
    process = subprocess.Popen(
        [PY, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{PORT + 3}", "-c", "aiosmtpd.handlers.Mailbox",
         str(MAILDIR)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    (STATE / "smtp.pid").write_text(str(process.pid))


def start_worker(database_url: str) -> None:
    log = open(STATE / "worker.log", "a")  # noqa: SIM115 - the worker's own log, kept open by it
    process = subprocess.Popen(
        [PY, "manage.py", "db_worker", "--queue-name", "*", "--no-reload", "--interval", "0.5"],
        cwd=ROOT, env={**os.environ, **env(database_url)}, stdout=log, stderr=log, start_new_session=True,
    )  # fmt: skip
    (STATE / "worker.pid").write_text(str(process.pid))


def wait_for(ids: set[str], timeout: float) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if set(arrived(ids)) >= ids:
            return time.monotonic() - start
        time.sleep(0.2)
    return None


def took(seconds: float | None) -> str:
    return f"{seconds:.1f} s" if seconds is not None else "NOT within 180 s"


def smtp_down(database_url: str) -> str:
    os.kill(pid("smtp"), signal.SIGTERM)
    time.sleep(0.5)
    manage(database_url, "shell", "-v", "0", "-c", QUEUE.format(prefix="e", count=20))
    ids = mail_ids(database_url, "e")
    time.sleep(30)
    during = sum(arrived(ids).values())
    start_smtp()
    seconds = wait_for(ids, timeout=180)
    counts = arrived(ids)
    status = manage(database_url, "shell", "-v", "0", "-c", STATUS.format(prefix="e")).strip()
    return (f"e. SMTP down for 30 s: 20 queued, {during} arrived while down, {len(counts)} delivered, "
            f"{sum(c - 1 for c in counts.values())} duplicates, all delivered "
            f"{took(seconds)} after the restart; "
            f"outbox {status}")  # fmt: skip


def worker_killed(database_url: str) -> str:
    manage(database_url, "shell", "-v", "0", "-c", QUEUE.format(prefix="f", count=200))
    ids = mail_ids(database_url, "f")
    while sum(arrived(ids).values()) < 20:  # the worker is sending
        time.sleep(0.05)
    os.kill(pid("worker"), signal.SIGKILL)
    before = sum(arrived(ids).values())
    time.sleep(1)
    start_worker(database_url)
    time.sleep(4)  # past MAIL_LOST_AFTER_SECONDS: the retry timer finds the rows of the lost tasks
    retry = manage(database_url, "mail_timers", "retry").strip()
    seconds = wait_for(ids, timeout=180)
    counts = arrived(ids)
    status = manage(database_url, "shell", "-v", "0", "-c", STATUS.format(prefix="f")).strip()
    return (f"f. worker SIGKILL while sending: 200 queued, {before} delivered before the kill, "
            f"{len(counts)} delivered in the end ({took(seconds)}), "
            f"{sum(c - 1 for c in counts.values())} duplicates; {retry}; outbox {status}")  # fmt: skip


def run(server: str, only: str = "ef") -> None:
    """The faults of ``only`` (e, f) on a database of the PostgreSQL server ``server`` (fault_bench.py
    calls this with its throwaway cluster)."""
    database_url = recreate_database(server, name=DB)
    try:
        dev = {"DATABASE_URL": database_url, "PORTAL_ENV": "development"}
        sh(PY, "manage.py", "migrate", "--noinput", env=dev, stdout=subprocess.DEVNULL)
        sh(PY, "manage.py", "load_demo", env=dev, stdout=subprocess.DEVNULL)
        stop_stack(state=STATE)
        shutil.rmtree(STATE, ignore_errors=True)  # no mail of an earlier run is counted
        start_stack(database_url, port=PORT, state=STATE, **FAST)
        if "e" in only:
            print(smtp_down(database_url), flush=True)
        if "f" in only:
            print(worker_killed(database_url), flush=True)
    finally:
        stop_stack(state=STATE)
        recreate_database(server, name=DB, drop_only=True)


def main() -> None:
    print(f"{time.strftime('%Y-%m-%d %H:%M')}; load average {os.getloadavg()}", flush=True)
    run(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))


if __name__ == "__main__":
    main()
