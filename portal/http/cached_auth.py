"""The signed-in reader without a query per request: the user (with its rights) kept in the cache.

Django's ``AuthenticationMiddleware`` loads the user row on every request of a signed-in reader, and the
first check of a right loads the user's and groups' permissions (two more queries). Here the loaded user,
its rights already worked out, is kept in the cache per session with the content version it was loaded at
(``portal.http.pagecache.content_version``: every change of a user, group or right moves it on, as does a
deactivation; a kept user of another version is not used), so a signed-in request costs no query for who
the reader is. Sessions are kept in the cache too (``portal.http.sessions``, ``cached_db`` in production),
so a signed-in 404 costs none at all; and the session, the content version, the kept user and the kept
audience are read in one round trip (``reader_keys``, read with the session).

What Django checks is still checked on every request: the session names a configured backend, and its
session hash matches the user's (a password change signs other sessions out). Anything else (no kept user,
a hash that does not match, a cache that is not trusted after an outage) goes through Django's own
``auth.get_user``, which also handles the secret-key fallbacks and flushes a stale session. Nothing about
sessions changes: a deploy signs no one out.

The kept user carries no password hash: the cache holds the session hash Django derives from it, and the
password field is left deferred, so the rare code that needs it (a password check) loads it from the
database, and a save writes only the loaded fields.
"""

from __future__ import annotations

import copy

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.core.cache import cache
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject

from portal.http.pagecache import VERSION_KEY, audience_memo_key, content_version, read_along, trusted

USER_SECONDS = 600


def _key(session_key) -> str:
    return f"auth:reader:{session_key}"


def reader_keys(session_key) -> list[str]:
    """What a signed-in request reads next, read with its session (``portal.http.sessions``): the content
    version, the kept user and the kept audience (``portal.http.pagecache.audience_key``)."""
    return [VERSION_KEY, _key(session_key), audience_memo_key(session_key)]


def cached_user(request):
    """The reader, as ``django.contrib.auth.get_user`` would return it, from the cache when possible: kept
    for this session, at the current content version, for the user and session hash the session names."""
    session = request.session
    user_id = session.get(auth.SESSION_KEY)
    backend = session.get(auth.BACKEND_SESSION_KEY)
    session_hash = session.get(auth.HASH_SESSION_KEY)
    if (
        user_id is None
        or backend not in settings.AUTHENTICATION_BACKENDS
        or not session_hash
        or not trusted()
    ):
        return auth.get_user(request)
    version = content_version(request)
    kept = read_along(request, _key(session.session_key))
    if (
        isinstance(kept, tuple)
        and len(kept) == 4
        and kept[0] == version
        and kept[1] == str(user_id)
        and constant_time_compare(session_hash, kept[2])
    ):
        return kept[3]
    user = auth.get_user(request)
    if user.is_authenticated and str(user.pk) == str(user_id) and session.session_key:
        user.get_all_permissions()  # the rights, worked out once and kept with the user
        entry = (version, str(user_id), user.get_session_auth_hash(), without_password(user))
        cache.set(_key(session.session_key), entry, USER_SECONDS)
    return user


def without_password(user):
    """A copy of ``user`` whose password field is deferred (loaded from the database only if used)."""
    kept = copy.copy(user)
    kept.__dict__.pop("password", None)
    return kept


class CachedAuthenticationMiddleware(AuthenticationMiddleware):
    """``AuthenticationMiddleware`` whose ``request.user`` comes from :func:`cached_user`."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: cached_user(request))
