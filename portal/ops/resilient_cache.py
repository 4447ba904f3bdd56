"""Cache back-ends that never turn a cache failure into a 500.

The cache holds rate-limit counters and cached pages; all of it can be recomputed. When Redis is stopped or
the cache folder cannot be written, a read is a miss, a write is skipped, and a warning is logged; the site
keeps serving (slower, without rate limits). After a failure the cache is not tried again for
``RETRY_AFTER`` seconds, so a stopped Redis does not cost a connection time-out on every request.

What is skipped during an outage may be a write that made older entries wrong (the page cache's content
version). So every failure is counted (``failures()``), and ``set_strict`` writes past the retry window and
raises on failure: the page cache (``portal.http.pagecache``) trusts nothing it stored until a new content
version has reached the cache after the last failure this process saw.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
RETRY_AFTER = 5.0


def add_and_incr(cache, key, timeout: int, version=None) -> int:
    """The counter ``key`` of any cache back-end, plus one: made with 0 to live ``timeout`` seconds when it is
    new, then incremented (1 when it expired in between, or the cache is unavailable)."""
    cache.add(key, 0, timeout, version)
    try:
        return cache.incr(key, 1, version)
    except ValueError:
        cache.set(key, 1, timeout, version)
        return 1


class _Resilient:
    _down_until = 0.0
    _failures = 0

    def _failed(self, name, error) -> None:
        cls = type(self)
        cls._down_until = time.monotonic() + RETRY_AFTER
        cls._failures += 1
        logger.warning("cache %s failed, serving without the cache: %r", name, error)

    def failures(self) -> int:
        """How many cache calls have failed in this process (never goes down)."""
        return type(self)._failures

    def is_down(self) -> bool:
        """Within ``RETRY_AFTER`` seconds of a failure: calls are skipped."""
        return time.monotonic() < self._down_until

    def _guard(self, name, default, call):
        if self.is_down():
            return default
        try:
            return call()
        except Exception as error:  # noqa: BLE001 - a cache failure must never reach the reader
            self._failed(name, error)
            return default

    def set_strict(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        """``set`` that is tried even within the retry window and raises when it does not reach the cache
        (counted as a failure like any other)."""
        try:
            super().set(key, value, timeout, version)
        except Exception as error:
            self._failed("set", error)
            raise

    def get(self, key, default=None, version=None):
        return self._guard("get", default, lambda: super(_Resilient, self).get(key, default, version))

    def get_many(self, keys, version=None):
        return self._guard("get_many", {}, lambda: super(_Resilient, self).get_many(keys, version))

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("set", None, lambda: super(_Resilient, self).set(key, value, timeout, version))

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(
            "set_many", list(data), lambda: super(_Resilient, self).set_many(data, timeout, version)
        )

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("add", False, lambda: super(_Resilient, self).add(key, value, timeout, version))

    def incr(self, key, delta=1, version=None):
        # A missing key still raises ValueError (callers rely on it); other failures count as "not there".
        if self.is_down():
            raise ValueError(f"Key '{key}' not found (cache unavailable)")
        try:
            return super().incr(key, delta, version)
        except ValueError:
            raise
        except Exception as error:  # noqa: BLE001
            self._failed("incr", error)
            raise ValueError(f"Key '{key}' not counted (cache unavailable)") from error

    def count(self, key, timeout: int, version=None) -> int:
        """Add one to the counter ``key`` (made to live ``timeout`` seconds when it is new) and return its
        value; 1 when the cache is unavailable (the request is then not counted, as with ``incr``)."""
        return add_and_incr(self, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard("delete", False, lambda: super(_Resilient, self).delete(key, version))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard("touch", False, lambda: super(_Resilient, self).touch(key, timeout, version))

    def has_key(self, key, version=None):
        return self._guard("has_key", False, lambda: super(_Resilient, self).has_key(key, version))


class ResilientRedisCache(_Resilient, RedisCache):
    """Django's own RedisCache (the ``redis`` package), shared by all workers and machines."""

    def count(self, key, timeout: int, version=None) -> int:
        """As :meth:`_Resilient.count`, in one round trip: ``SET NX EX`` and ``INCR`` sent together (the
        generic way is three: Django's ``add``, then ``incr``'s ``EXISTS`` and ``INCRBY``)."""
        if self.is_down():
            return 1
        try:
            full = self.make_and_validate_key(key, version=version)
            pipe = self._cache.get_client(full, write=True).pipeline(transaction=False)
            pipe.set(full, 0, ex=int(timeout), nx=True)  # an int is stored as itself (RedisSerializer)
            pipe.incr(full)
            return int(pipe.execute()[1])
        except Exception as error:  # noqa: BLE001 - a cache failure must never reach the reader
            self._failed("count", error)
            return 1


class ResilientFileBasedCache(_Resilient, FileBasedCache):
    """Django's file cache in ``CACHE_DIR``, for a single machine without Redis."""

    def _createdir(self):
        # Django creates the folder when the cache is first used; a folder that cannot be made is a cache
        # that fails at each use (handled above), not a server error.
        try:
            super()._createdir()
        except OSError as error:
            logger.warning("cache folder %s cannot be created: %r", self._dir, error)
