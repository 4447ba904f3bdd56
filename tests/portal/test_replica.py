"""A real streaming replica (portal/http/replica.py): a throwaway primary cluster and a replica made from it with
``pg_basebackup -R`` on another port, from the installed PostgreSQL binaries (as bin/test starts its
cluster; as the user postgres when run as root). The journeys themselves (tests/portal/replica_journey.py)
run in a pytest process of their own whose DATABASE_URL is that primary and DATABASE_REPLICA_URL that
replica, as a node configured so would run."""

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.mail import free_port

ROOT = Path(__file__).resolve().parents[2]
PGBIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))[-1]
AS = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def pg(tool: str, *args: str, **kw):
    return subprocess.run([*AS, f"{PGBIN}/{tool}", *args], check=True, capture_output=True, text=True, **kw)


@pytest.fixture(scope="module")
def replication():
    # its own folder under /tmp (as bin/test's cluster): pytest's folders are closed to the user postgres
    folder = Path(tempfile.mkdtemp(prefix="portal-replication."))
    if AS:
        os.chown(folder, *__import__("pwd").getpwnam("postgres")[2:4])
    primary, replica = folder / "primary", folder / "replica"
    ports = {"primary": free_port(), "replica": free_port()}
    options = "-c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c wal_level=replica"
    pg("initdb", "-D", str(primary), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8")
    pg("pg_ctl", "-D", str(primary), "-l", str(folder / "primary.log"), "-w", "-o",
       f"-p {ports['primary']} -k {folder} {options}", "start")  # fmt: skip
    started = [primary]
    try:
        pg("pg_basebackup", "-h", "127.0.0.1", "-p", str(ports["primary"]), "-U", "postgres", "-D", str(replica),
           "-R", "-X", "stream")  # fmt: skip
        pg("pg_ctl", "-D", str(replica), "-l", str(folder / "replica.log"), "-w", "-o",
           f"-p {ports['replica']} -k {folder} {options} -c hot_standby=on", "start")  # fmt: skip
        started.append(replica)
        yield {"ports": ports, "replica_dir": replica, "folder": folder}
    finally:
        for data in reversed(started):
            subprocess.run(
                [*AS, f"{PGBIN}/pg_ctl", "-D", str(data), "-m", "immediate", "stop"], capture_output=True
            )
        shutil.rmtree(folder, ignore_errors=True)


def test_reads_go_to_the_replica_or_the_primary_as_they_should(replication):
    ports = replication["ports"]
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}},
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{ports['primary']}/portal",
        "DATABASE_REPLICA_URL": f"postgres://postgres@127.0.0.1:{ports['replica']}/portal",
        "PORTAL_TEST_REPLICA_DIR": str(replication["replica_dir"]),
        "PORTAL_TEST_PG_CTL": " ".join([*AS, f"{PGBIN}/pg_ctl"]),
        "PORTAL_TEST_REPLICA_OPTIONS": f"-p {ports['replica']} -k {replication['folder']} -c listen_addresses=127.0.0.1",
    }
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/portal/replica_journey.py", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    (Path(tempfile.gettempdir()) / "portal-replica-journey.log").write_text(result.stdout + result.stderr)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout, result.stdout[-2000:]
    print(f"replica journeys: {result.stdout.strip().splitlines()[-1]} ({time.monotonic() - started:.0f} s)")
