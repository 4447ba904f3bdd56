"""A few fixed, large statements kept prepared on each PostgreSQL connection.

The meeting page's parts are one ``UNION ALL`` statement of eleven ``SELECT``s (:mod:`meetings.selectors.rows`).
PostgreSQL took about 6 ms to plan it and 1 ms to run it, and planning it again on every fresh render was
more than half of the page's time. Prepared (``PREPARE``) on the connection, it is parsed once; after five
runs PostgreSQL keeps one generic plan for it (``plan_cache_mode = auto``) and a run costs about 1 ms.

Only statements compiled once and kept for the life of the process are prepared, each under a name derived
from its SQL, so a connection holds a small, fixed number of them; statements run with one plan made
without their values (``generic=True``, the search of a small database) are kept up to GENERIC_KEPT. The
data is read afresh on every run; only the plan is kept. A plan follows schema changes by itself
(PostgreSQL plans again), and the statement's result is always ``(int, jsonb, bigint)`` rows, so a
migration never makes a kept plan fail.

On another database (SQLite, the demo's) the statement runs as it is.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import re
from collections import OrderedDict
from collections.abc import Sequence

from django.db import DatabaseError, connections

_PLACEHOLDER = re.compile(r"%(%|s)")
MISSING = "26000"  # PostgreSQL's invalid_sql_statement_name: no prepared statement of that name


def statement_name(sql: str) -> str:
    """A name for ``sql`` on a connection: the same SQL always gets the same name."""
    return "portal_" + hashlib.sha256(sql.encode()).hexdigest()[:24]


def numbered(sql: str) -> str:
    """Django's ``%s`` placeholders as PostgreSQL's ``$1``, ``$2``…, with ``%%`` as ``%`` again."""
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        if match.group(1) == "%":
            return "%"
        count += 1
        return f"${count}"

    return _PLACEHOLDER.sub(replace, sql)


class _Session:
    """What this process prepared on one database session (a new session starts with nothing)."""

    def __init__(self, raw):
        self.raw = raw
        self.names: set[str] = set()  # every name prepared on the session
        self.repeated: OrderedDict[str, None] = OrderedDict()  # those :func:`repeated_selects` prepared
        self.seen: OrderedDict[str, int] = OrderedDict()  # how often each SELECT ran, not yet prepared
        self.generic: OrderedDict[str, None] = OrderedDict()  # those run with ``generic=True``, oldest first


def _session(connection) -> _Session:
    session = getattr(connection, "_portal_prepared", None)
    if session is None or session.raw is not connection.connection:
        session = connection._portal_prepared = _Session(connection.connection)
    return session


def _names_on(connection) -> set[str]:
    return _session(connection).names


# A statement run with ``generic=True`` is planned once per session without its values, and that one plan is
# used for every run (``plan_cache_mode = force_generic_plan``, set for that statement only: ``SET LOCAL`` in
# the same message, which PostgreSQL runs as one transaction). Such statements (the search's, one per shape)
# can be many and each plan holds about 2 MB of the session's memory, so a session keeps the GENERIC_KEPT
# most recently used (the oldest is deallocated first, by a statement of its own).
GENERIC_KEPT = 8
_GENERIC = "SET LOCAL plan_cache_mode = force_generic_plan; "


def execute(connection, cursor, sql: str, params: Sequence, *, generic: bool = False) -> None:
    """Runs ``sql`` with ``params`` on ``cursor`` (of ``connection``), prepared once per session on
    PostgreSQL: the first run sends ``PREPARE`` and ``EXECUTE`` together (one round trip), later runs only
    ``EXECUTE``. ``generic``: every run uses one plan made without the values (see above); only outside a
    transaction (``SET LOCAL`` would last to its end), else the statement runs as it is."""
    params = list(params)
    if connection.vendor != "postgresql" or (generic and connection.in_atomic_block):
        cursor.execute(sql, params)
        return
    connection.ensure_connection()
    session = _session(connection)
    names = session.names
    name = statement_name(sql)
    run = (_GENERIC if generic else "") + _run(name, params)
    if generic:
        _keep_generic(session, name, cursor)
    if name in names:
        try:
            cursor.execute(run, params)
            return
        except DatabaseError as error:
            # The session lost it (e.g. a pooler handed over another session): prepared again where that is
            # safe; inside a transaction the error stands, as any failed query's would.
            if getattr(error.__cause__, "pgcode", None) != MISSING or connection.in_atomic_block:
                raise
            names.discard(name)
    try:
        cursor.execute(f"{_prepare(name, sql)}; {run}", params)
    finally:  # a PREPARE outlives the failure of the run beside it (it is not undone with a transaction)
        names.add(name)


def _keep_generic(session: _Session, name: str, cursor) -> None:
    """``name`` as the most recently used generic statement of ``session``; the oldest beyond GENERIC_KEPT
    is deallocated (outside a transaction: a statement the session no longer has is no failure)."""
    session.generic.pop(name, None)
    session.generic[name] = None
    if len(session.generic) > GENERIC_KEPT:
        oldest, _ = session.generic.popitem(last=False)
        if oldest in session.names:
            session.names.discard(oldest)
            with contextlib.suppress(DatabaseError):
                cursor.execute(f"DEALLOCATE {oldest}")


def _run(name: str, params: Sequence) -> str:
    return f"EXECUTE {name}({', '.join(['%s'] * len(params))})" if params else f"EXECUTE {name}"


def _prepare(name: str, sql: str) -> str:
    return f"PREPARE {name} AS {numbered(sql)}".replace("%", "%%")


# --- Repeated SELECTs of a page ---------------------------------------------------------------------------
# The queries a page builds with the ORM (the home page's lists, figures and their prefetches) are the same
# SQL on every request, with the same or other values. Within :func:`repeated_selects`, a SELECT run
# ``REPEATS`` times on a session is prepared there and run with EXECUTE from then on. A session keeps at
# most ``KEPT`` of them (the least recently used is deallocated). Only in autocommit: a statement PostgreSQL
# will not prepare (a parameter whose type it cannot tell) is then run as it is, and never tried again.
REPEATS = 2
KEPT = 64
SEEN = 512
_unpreparable: set[str] = set()


def _repeated_select(execute_next, sql, params, many, context):
    connection = context["connection"]
    if (
        many
        or params is None
        or connection.vendor != "postgresql"
        or connection.in_atomic_block
        or not sql.startswith("SELECT ")
        or getattr(context["cursor"].cursor, "name", None)  # a server-side cursor (iterator())
        or sql in _unpreparable
    ):
        return execute_next(sql, params, many, context)
    session = _session(connection)
    name = statement_name(sql)
    if name in session.repeated:
        session.repeated.move_to_end(name)
        try:
            return execute_next(_run(name, params), params, many, context)
        except DatabaseError:  # e.g. lost with the session: as it is from now on
            session.repeated.pop(name, None)
            session.names.discard(name)
            _unpreparable.add(sql)
            return execute_next(sql, params, many, context)
    count = session.seen.pop(name, 0) + 1
    if count < REPEATS:
        session.seen[name] = count
        if len(session.seen) > SEEN:
            session.seen.popitem(last=False)
        return execute_next(sql, params, many, context)
    try:
        result = execute_next(f"{_prepare(name, sql)}; {_run(name, params)}", params, many, context)
    except DatabaseError:
        if len(_unpreparable) < SEEN:
            _unpreparable.add(sql)
        return execute_next(sql, params, many, context)
    session.names.add(name)
    session.repeated[name] = None
    if len(session.repeated) > KEPT:
        oldest, _ = session.repeated.popitem(last=False)
        session.names.discard(oldest)
        execute_next(f"DEALLOCATE {oldest}", None, False, context)
    return result


@contextlib.contextmanager
def repeated_selects():
    """Within the block, SELECTs that repeat are prepared on their session (see above)."""
    with contextlib.ExitStack() as stack:
        for alias in connections:
            stack.enter_context(connections[alias].execute_wrapper(_repeated_select))
        yield


def with_repeated_selects(view):
    """A view whose SELECTs are prepared once they repeat (:func:`repeated_selects`)."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        with repeated_selects():
            return view(*args, **kwargs)

    return wrapped
