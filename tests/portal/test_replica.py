"""A real streaming replica (portal/http/replica.py): a throwaway primary cluster and a replica made from it with
``pg_basebackup -R`` on another port, from the installed PostgreSQL binaries (as bin/test starts its
cluster; as the user postgres when run as root). The journeys themselves (tests/portal/replica_journey.py)
run in a pytest process of their own whose DATABASE_URL is that primary and DATABASE_REPLICA_URL that
replica, as a node configured so would run."""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.replication import AS, PGBIN, replication_cluster

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def replication():
    with replication_cluster() as cluster:
        yield cluster


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
