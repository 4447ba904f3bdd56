"""Only one import at a time, across every app node and the ``import_wordpress`` command: a PostgreSQL
advisory lock (portal/ops/locks.py) held while posts are written. Two officers confirming imports on two
nodes at once would otherwise both see a post as new and import it twice. The second is told to wait;
nothing of theirs is lost (the uploaded export stays in the shared storage until it is imported)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from portal.ops.locks import advisory_lock

IMPORT_LOCK = "wordpress-import"
MSG_BUSY = _(
    "Another import is running just now (perhaps started by a colleague). Your file is kept: press "
    "“Import” again in a minute."
)


class ImportBusy(Exception):
    """Another import holds the lock."""


@contextlib.contextmanager
def one_import_at_a_time() -> Iterator[None]:
    """Hold the import lock for the ``with`` block, or raise :class:`ImportBusy` at once."""
    with advisory_lock(IMPORT_LOCK) as taken:
        if not taken:
            raise ImportBusy(str(MSG_BUSY))
        yield
