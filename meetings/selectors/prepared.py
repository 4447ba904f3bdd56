"""A few fixed, large statements kept prepared on each PostgreSQL connection.

The meeting page's parts are one ``UNION ALL`` statement of eleven ``SELECT``s (:mod:`meetings.selectors.rows`).
PostgreSQL took about 6 ms to plan it and 1 ms to run it, and planning it again on every fresh render was
more than half of the page's time. Prepared (``PREPARE``) on the connection, it is parsed once; after five
runs PostgreSQL keeps one generic plan for it (``plan_cache_mode = auto``) and a run costs about 1 ms.

Only statements compiled once and kept for the life of the process are prepared, each under a name derived
from its SQL, so a connection holds a small, fixed number of them. The data is read afresh on every run;
only the plan is kept. A plan follows schema changes by itself (PostgreSQL plans again), and the statement's
result is always ``(int, jsonb, bigint)`` rows, so a migration never makes a kept plan fail.

On another database (SQLite, the demo's) the statement runs as it is.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from django.db import DatabaseError

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


def _names_on(connection) -> set[str]:
    """The names prepared on ``connection``'s current database session (a new session starts empty)."""
    kept = getattr(connection, "_portal_prepared", None)
    if kept is None or kept[0] is not connection.connection:
        kept = (connection.connection, set())
        connection._portal_prepared = kept
    return kept[1]


def execute(connection, cursor, sql: str, params: Sequence) -> None:
    """Runs ``sql`` with ``params`` on ``cursor`` (of ``connection``), prepared once per session on
    PostgreSQL: the first run sends ``PREPARE`` and ``EXECUTE`` together (one round trip), later runs only
    ``EXECUTE``."""
    params = list(params)
    if connection.vendor != "postgresql":
        cursor.execute(sql, params)
        return
    connection.ensure_connection()
    names = _names_on(connection)
    name = statement_name(sql)
    run = f"EXECUTE {name}({', '.join(['%s'] * len(params))})" if params else f"EXECUTE {name}"
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
    prepare = f"PREPARE {name} AS {numbered(sql)}".replace("%", "%%")
    try:
        cursor.execute(f"{prepare}; {run}", params)
    finally:  # a PREPARE outlives the failure of the run beside it (it is not undone with a transaction)
        names.add(name)
