"""A throwaway PostgreSQL primary and a streaming replica made from it with ``pg_basebackup -R``, each on a
port of its own, from the installed PostgreSQL binaries (as the user postgres when run as root). Used by
tests/portal/test_replica.py and benchmarks/node_faults.py (the replica stopped under load)."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tests.mail import free_port

PGBIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))[-1]
AS = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
OPTIONS = "-c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c wal_level=replica"


def pg(tool: str, *args: str, **kw):
    return subprocess.run([*AS, f"{PGBIN}/{tool}", *args], check=True, capture_output=True, text=True, **kw)


@contextlib.contextmanager
def replication_cluster() -> Iterator[dict]:
    """Yields ``{"ports": {"primary", "replica"}, "replica_dir", "folder"}``; stops both and removes them."""
    # its own folder under /tmp (as bin/test's cluster): pytest's folders are closed to the user postgres
    folder = Path(tempfile.mkdtemp(prefix="portal-replication."))
    if AS:
        os.chown(folder, *pwd.getpwnam("postgres")[2:4])
    primary, replica = folder / "primary", folder / "replica"
    ports = {"primary": free_port(), "replica": free_port()}
    pg("initdb", "-D", str(primary), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8")
    pg("pg_ctl", "-D", str(primary), "-l", str(folder / "primary.log"), "-w", "-o",
       f"-p {ports['primary']} -k {folder} {OPTIONS}", "start")  # fmt: skip
    started = [primary]
    try:
        pg("pg_basebackup", "-h", "127.0.0.1", "-p", str(ports["primary"]), "-U", "postgres", "-D", str(replica),
           "-R", "-X", "stream")  # fmt: skip
        replica_options = f"-p {ports['replica']} -k {folder} {OPTIONS} -c hot_standby=on"
        pg(
            "pg_ctl",
            "-D",
            str(replica),
            "-l",
            str(folder / "replica.log"),
            "-w",
            "-o",
            replica_options,
            "start",
        )
        started.append(replica)
        yield {"ports": ports, "replica_dir": replica, "folder": folder, "replica_options": replica_options}
    finally:
        for data in reversed(started):
            subprocess.run(
                [*AS, f"{PGBIN}/pg_ctl", "-D", str(data), "-m", "immediate", "stop"], capture_output=True
            )
        shutil.rmtree(folder, ignore_errors=True)
