"""Sessions as Django's ``cached_db`` (read from the cache, written through to the database), read in one
round trip together with what a signed-in request needs next.

A signed-in request used to ask the cache one thing after another: the session, then the content version,
then the kept user (``portal.http.cached_auth``), then, for a public page, the reader's audience
(``portal.http.pagecache.audience_key``). Every one of those keys is known from the session key alone
(the kept user and the audience are kept per session), so ``load`` asks for all of them at once (one
``MGET``) and leaves the others in ``read_along`` for the code that checks them (``take_along``, once).
Nothing read along is trusted for being there: each is checked as if it had been read alone (the session
hash, the content version, the user id; ``pagecache.trusted``), and none is used after this process has
moved the content version on since it was read.

The session itself is loaded exactly as ``cached_db`` loads it (from the database when the cache has no
copy, which is then kept); nothing about sessions changes, and this engine may replace ``cached_db``
without signing anyone out.
"""

from __future__ import annotations

from django.contrib.sessions.backends import cached_db

from portal.http.cached_auth import reader_keys
from portal.http.pagecache import bumps


class SessionStore(cached_db.SessionStore):
    def __init__(self, session_key=None):
        super().__init__(session_key)
        self.read_along: dict[str, object] = {}
        self._read_at = -1

    def load(self):
        key = self.cache_key
        along = reader_keys(self.session_key)
        try:
            found = self._cache.get_many([key, *along])
        except Exception:  # noqa: BLE001 - as cached_db: a key the cache refuses reads as no session there
            found = {}
        self.read_along = {name: found.get(name) for name in along}  # None: not in the cache
        self._read_at = bumps()
        data = found.get(key)
        if data is None:
            stored = self._get_session_from_db()
            if stored:
                data = self.decode(stored.session_data)
                self._cache.set(key, data, self.get_expiry_age(expiry=stored.expire_date))
            else:
                data = {}
        return data

    def take_along(self, key: str, default=None):
        """A value read along with the session, or ``default`` (not read along, taken already, or read
        before this process moved the content version on: then it is read again)."""
        value = self.read_along.pop(key, default)
        return value if self._read_at == bumps() else default
