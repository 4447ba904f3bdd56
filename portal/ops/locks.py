"""Locks every app node sees: PostgreSQL advisory locks on the primary database.

A lock is named by a string (e.g. ``"minutes-pdf:minutes/12/public/en-3f2a….pdf"``), turned into the 64-bit
key PostgreSQL takes. It is held by one database session: two gunicorn workers, or two machines, asking for
the same name get it one after the other; a process that dies (or loses its connection) lets go at once.
Nothing is written on a local disk. On SQLite (the one-process demo) there is nobody to coordinate with and
every lock is taken at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import time
from collections.abc import Iterator

from django.db import DEFAULT_DB_ALIAS, connections

logger = logging.getLogger(__name__)


def lock_key(name: str) -> int:
    """The signed 64-bit key of ``name`` (the type of ``pg_try_advisory_lock(bigint)``)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


@contextlib.contextmanager
def advisory_lock(
    name: str, *, wait: float = 0.0, poll: float = 0.05, using=DEFAULT_DB_ALIAS
) -> Iterator[bool]:
    """Hold the advisory lock ``name`` for the ``with`` block; yields whether it was taken. Waits up to
    ``wait`` seconds for a holder to let go (asking every ``poll`` seconds, so that no worker sleeps inside
    PostgreSQL), then yields ``False``: the caller decides whether to go on without it."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield True
        return
    key = lock_key(name)
    deadline = time.monotonic() + wait
    with connection.cursor() as cursor:
        while True:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            taken = cursor.fetchone()[0]
            if taken or time.monotonic() >= deadline:
                break
            time.sleep(poll)
    try:
        yield taken
    finally:
        if taken:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
            except Exception as error:  # a lost connection has let go of the lock already
                logger.warning(
                    "advisory lock %r not released (%r); the session's end releases it", name, error
                )
