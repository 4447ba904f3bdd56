"""Reads from a PostgreSQL streaming replica (``DATABASE_REPLICA_URL``), where they cannot surprise anyone.

:class:`ReadReplicaMiddleware` decides per request, :class:`ReplicaRouter` applies it:

- the replica answers only an anonymous reader's ``GET``/``HEAD`` (no session or message cookie: the rule
  of the page cache, :func:`portal.http.pagecache.private_cookies`), and only while the replica is reachable
  and at most ``REPLICA_MAX_LAG_SECONDS`` behind (checked at the start of each such request; a replica
  that failed is not asked again for ``REPLICA_RETRY_SECONDS``);
- read-your-writes: once a request has written, its further reads go to the primary, and the answer
  sets the cookie ``portal_primary`` for ``READ_YOUR_WRITES_SECONDS``: that browser's next requests read
  from the primary too, so the reader sees what they just did even if the replica is a moment behind;
- everything else (signed-in readers, the admin, forms, the task worker, management commands, locks)
  reads and writes on the primary.

Each read sent to the replica is logged at DEBUG on ``portal.http.replica`` ("read <model> on replica").
"""

from __future__ import annotations

import logging
import time
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

logger = logging.getLogger(__name__)
REPLICA = "replica"
PRIMARY_COOKIE = "portal_primary"
SAFE_METHODS = {"GET", "HEAD"}
# Seconds the replica is behind: 0 when it has replayed all it received, else the age of its last replay.
LAG_SQL = (
    "SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
    "ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END, pg_is_in_recovery()"
)


@dataclass
class _Request:
    replica: bool  # reads of this request may go to the replica
    wrote: bool = False


_current: ContextVar[_Request | None] = ContextVar("portal_replica_request", default=None)
_down_until = 0.0  # monotonic time until which the replica is not asked again


def configured() -> bool:
    return REPLICA in settings.DATABASES


def replica_usable() -> bool:
    """Whether the replica answers now and is at most ``REPLICA_MAX_LAG_SECONDS`` behind."""
    global _down_until
    if time.monotonic() < _down_until:
        return False
    connection = connections[REPLICA]
    try:
        with connection.cursor() as cursor:
            cursor.execute(LAG_SQL)
            lag, in_recovery = cursor.fetchone()
    except Exception as error:  # down, refusing, or gone mid-connection: the primary answers
        logger.warning("read replica unreachable, reading from the primary: %r", error)
        connection.close()
        _down_until = time.monotonic() + settings.REPLICA_RETRY_SECONDS
        return False
    if not in_recovery:  # promoted, or pointed at a primary by mistake: not a replica any more
        logger.warning("DATABASE_REPLICA_URL is not a replica (not in recovery); reading from the primary")
        return False
    if float(lag) > settings.REPLICA_MAX_LAG_SECONDS:
        logger.warning(
            "read replica %.1f s behind (limit %s s); reading from the primary",
            lag,
            settings.REPLICA_MAX_LAG_SECONDS,
        )
        return False
    return True


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        state = _current.get()
        if state is not None and state.replica and not state.wrote:
            logger.debug("read %s on replica", model._meta.label)
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        state = _current.get()
        if state is not None:
            state.wrote = True  # read-your-writes: the rest of this request reads from the primary
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


def _anonymous(request) -> bool:
    from portal.http.pagecache import private_cookies

    return not any(name in request.COOKIES for name in (*private_cookies(), PRIMARY_COOKIE))


class ReadReplicaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not configured():
            return self.get_response(request)
        replica = request.method in SAFE_METHODS and _anonymous(request) and replica_usable()
        state = _Request(replica=replica)
        token = _current.set(state)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        if state.wrote or request.method not in SAFE_METHODS:
            response.set_cookie(
                PRIMARY_COOKIE, "1", max_age=settings.READ_YOUR_WRITES_SECONDS, httponly=True,
                samesite="Lax", secure=settings.SESSION_COOKIE_SECURE,
            )  # fmt: skip
        return response
