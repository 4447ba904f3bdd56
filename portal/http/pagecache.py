"""Public pages that cost almost nothing when nothing changed: kept per audience, never per person.

Two middlewares. ``PageCacheMiddleware`` sits right after the security and static-file middleware. For an
anonymous reader (a ``GET`` without a session or messages cookie) of a public page (``CACHED_VIEWS``, under
``/lo/`` or ``/en/``) it answers the whole page from the cache, skipping sessions, authentication, the view
and its templates, with an ``ETag`` and ``Last-Modified`` (304 on a match). It marks every answer to a
signed-in reader ``Cache-Control: private``.

``AudiencePageCacheMiddleware`` sits after authentication and serves everyone else (partners, staff, a
reader with a session cookie but signed out). It keeps the page per *audience* (``audience_key``: the read
layer's "public", "partners", or "staff" with the set of rights), never per person: everything a public
page shows is decided by the audience (``meetings.models.audience_of``). The only per-person part, the
header's account part (``portal.http.account_nav``: sign-in link, or name and sign-out form with its CSRF
token), is a hole (``HOLE``) in the kept page, filled for each request. A page whose own body used a CSRF
token is never kept.

Both keys hold the audience, the content version, the language (the path's prefix), the scheme and host
(pages carry absolute links), the full path with its query, the local date (pages mark overdue items) and
a fingerprint of the templates and catalogues. A page whose view reads its query string in a normal form
(``settings.PAGE_CACHE_QUERY``: the search page, whose query is compared without case or extra spaces) is
kept under that form, so ``?q=Trafficking&year=2024`` and ``?year=2024&q=trafficking`` are one entry; the
view works the page out from the same form, so the entry does not depend on who asked first.

A search answered from the cache is not counted by the rate limit (``portal/http/ratelimit.py``; the
anonymous page is answered before it): the limit guards against the cost of searching, which a kept page
does not have, as nginx's micro-cache answers kept PDFs without counting them.

Invalidation: every save, delete or many-to-many change of a record of the ``meetings`` app (and every
bulk write, see ``meetings/history.py``), every change of a user's, group's or right's (an audience may
change), and every newly stored PDF moves the content version on, at once and again when the transaction
commits; every page cached before is then never served again. A cache outage may lose that move
(``portal/ops/resilient_cache.py`` skips the cache after a failure): after any cache failure in this process
nothing stored is trusted until a new content version has reached the cache (``trusted``).

In front of the portal, nginx keeps what the portal marks as shareable for ``PROXY_CACHE_SECONDS`` (1 s;
``X-Accel-Expires``, see ``share_with_proxy``): these pages, and minutes PDFs and documents, answered to an
anonymous request. nginx uses the same rule for "anonymous" (no session or messages cookie,
deploy/nginx/portal.conf.template), so under load it answers nearly every public request itself, and an
edit shows within a second.
"""

from __future__ import annotations

import contextvars
import hashlib
import logging
import time
import uuid
from functools import cache as memoize
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe
from django.utils.module_loading import import_string

from portal.http.account_nav import account_nav

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:content-version"
CACHED_VIEWS = {
    "meetings:home",
    "meetings:meeting_list",
    "meetings:year_archive",
    "meetings:meeting",
    "meetings:organisation_list",
    "meetings:organisation",
    "meetings:person_list",
    "meetings:person",
    "meetings:action_items",
    "meetings:statistics",
    "meetings:open_data",
    "meetings:feed_atom",
    "meetings:feed_ical",
    "meetings:search",
}
WATCHED_APPS = {"meetings"}


# --- Content version ---------------------------------------------------------------------------------
# The cache's failure count (portal/ops/resilient_cache.py) when a new version last reached the cache. While the
# count has moved on since, a write may have been lost (the bump itself, skipped in the retry window), so
# nothing stored before is trusted: see trusted().
_trusted_at_failures = 0


def _failures() -> int:
    counter = getattr(cache, "failures", None)
    return counter() if counter else 0


# How many times this process has moved the version on: a version (or anything checked against one) read
# before the count last moved is not used again (see content_version, portal/http/sessions.py).
_bumps = 0


def bumps() -> int:
    return _bumps


def _bump() -> bool:
    """Move the content version on; True when the new version reached the cache. Tried even within the
    resilient cache's retry window (``set_strict``): a lost bump is what would leave old pages valid."""
    global _trusted_at_failures, _bumps
    _bumps += 1
    seen = _failures()
    write = getattr(cache, "set_strict", None)
    try:
        if write is None:
            cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        else:
            write(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception as error:  # noqa: BLE001 - counted by the cache; the page cache stays untrusted
        logger.error("content version not moved on (cache unavailable): %r", error)
        return False
    _trusted_at_failures = seen
    return True


def content_changed() -> None:
    """Every cached page is stale from now on (and again when the current transaction commits, so that a
    page rendered from the old data between now and the commit is not served afterwards either)."""
    _bump()
    transaction.on_commit(_bump)


def trusted() -> bool:
    """Whether what the cache holds may be used. After any cache failure in this process (a bump may have
    been lost, and Redis may still hold the old version and its pages), nothing is trusted until a new
    version has reached the cache: the first use after the retry window makes one."""
    if _failures() == _trusted_at_failures:
        return True
    is_down = getattr(cache, "is_down", None)
    if is_down is not None and is_down():
        return False
    return _bump()


# The request being answered (set by PageCacheMiddleware): content_version() called without one, e.g. by
# meetings.models.base.once_per_content_version, reads the version once per request too.
_current_request = contextvars.ContextVar("pagecache_current_request", default=None)


def content_version(request=None) -> str:
    """The current content version; a new random one at every call while the cache is not trusted (so that
    nothing worked out or stored before matches). Read once per request (or with its session,
    ``read_along``) unless this process moves the version on meanwhile: the request given, else the one
    being answered in this thread (``PageCacheMiddleware``)."""
    if not trusted():
        return "untrusted-" + uuid.uuid4().hex
    if request is None:
        request = _current_request.get()
    memo = getattr(request, "_content_version", None)
    if memo is not None and memo[0] == _bumps:
        return memo[1]
    seen = _bumps
    version = read_along(request, VERSION_KEY) if request is not None else cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    if request is not None:
        request._content_version = (seen, version)
    return version


_NOT_READ = object()


def read_along(request, key: str):
    """``cache.get(key)``, unless the request's session read it already with the session itself (one round
    trip, ``portal.http.sessions``): what a signed-in request needs next is read with its session."""
    take = getattr(getattr(request, "session", None), "take_along", None)
    value = take(key, _NOT_READ) if take is not None else _NOT_READ
    return cache.get(key) if value is _NOT_READ else value


def _on_change(sender, **kwargs):
    app = sender._meta.app_label
    if app in WATCHED_APPS:
        content_changed()
    elif (
        app == "auth"
        and not kwargs.get("created")
        and kwargs.get("update_fields") != frozenset({"last_login"})
    ):
        # a change of users, groups or rights: a reader's audience (kept per content version, audience_key)
        # may change (not a new account, which has none kept, nor a sign-in)
        content_changed()


def connect_signals() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    post_save.connect(_on_change, dispatch_uid="pagecache-save")
    post_delete.connect(_on_change, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_on_change, dispatch_uid="pagecache-m2m")


@memoize
def code_fingerprint() -> str:
    """Changes when a template or a compiled catalogue changes (a new release never serves old pages)."""
    digest = hashlib.sha256()
    folders = [Path(settings.BASE_DIR) / "templates", *map(Path, settings.LOCALE_PATHS)]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in {".html", ".mo", ".txt", ".xml"}:
                stat = path.stat()
                digest.update(f"{path}|{stat.st_mtime_ns}|{stat.st_size}".encode())
    return digest.hexdigest()[:12]


# --- Who may get a shared page --------------------------------------------------------------------------
def private_cookies() -> tuple[str, ...]:
    return (settings.SESSION_COOKIE_NAME, "messages")


def anonymous(request) -> bool:
    """A request that carries no session, no one-time message and no credentials: the one rule for "may be
    answered with a page kept for everyone" (nginx's ``$portal_private_cookie`` is the same rule)."""
    return not any(name in request.COOKIES for name in private_cookies()) and (
        "HTTP_AUTHORIZATION" not in request.META
    )


def proxy_keeps(request) -> bool:
    """Whether nginx's micro-cache may keep the answer to ``request`` (if it is a complete 200): an
    anonymous ``GET``/``HEAD`` of someone not signed in, with the micro-cache on. A view that would hand
    nginx a file (``X-Accel-Redirect``, never kept by nginx) sends the file itself then."""
    user = getattr(request, "user", None)
    return (
        settings.PROXY_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and anonymous(request)
        and not (user is not None and user.is_authenticated)
    )


def share_with_proxy(request, response):
    """Mark ``response`` for nginx's micro-cache (``X-Accel-Expires``; nginx does not pass it on) when
    ``proxy_keeps(request)`` and it is a 200 that sets no cookie. Returns ``response``."""
    if proxy_keeps(request) and response.status_code == 200 and not response.cookies:
        # "@<time>": kept until the end of that second (nginx counts whole seconds and serves an entry
        # through its last second), so never longer than PROXY_CACHE_SECONDS after it was rendered
        until = int(time.time()) + settings.PROXY_CACHE_SECONDS - 1
        response["X-Accel-Expires"] = f"@{until}"
    return response


# --- Audiences -----------------------------------------------------------------------------------------
def audience_key(request) -> str:
    """What decides the content of a public page for this reader: "public", "partners", or "staff" with the
    set of rights (``settings.PAGE_CACHE_AUDIENCE``, the read layer's audiences). Never the person.

    A signed-in reader's audience takes permission queries; it is kept in the cache per session (read with
    the session itself, ``audience_memo_key``) with the user, second factor and content version it was
    worked out for (every change of a user, group or right moves the content version on), so a page from
    the cache costs no permission query. Whether the account is still active is checked on every request
    by authentication itself (an inactive account reads as anonymous)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_active:
        return "public"
    is_verified = getattr(user, "is_verified", None)
    facts = (content_version(request), str(user.pk), bool(callable(is_verified) and is_verified()))
    memo = audience_memo_key(getattr(getattr(request, "session", None), "session_key", None), user.pk)
    kept = read_along(request, memo)
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == facts:
        return kept[1]
    audience = import_string(settings.PAGE_CACHE_AUDIENCE)(user)
    if audience not in ("public", "partners"):
        rights = sorted(user.get_all_permissions()) + [f"superuser={user.is_superuser}"]
        audience += ":" + hashlib.sha256("|".join(rights).encode()).hexdigest()[:16]
    cache.set(memo, (facts, audience), settings.PAGE_CACHE_SECONDS)
    return audience


def audience_memo_key(session_key: str | None, user_id=None) -> str:
    """Where a signed-in reader's audience is kept: per session (read with it), else per user."""
    return f"pagecache:audience:{session_key}" if session_key else f"pagecache:audience:user:{user_id}"


# --- Which requests -------------------------------------------------------------------------------------
def cached_view(request) -> str | None:
    """The view name of a public page that may come from the cache (a ``GET`` of ``CACHED_VIEWS`` under a
    language prefix, with the page cache on), else None. Worked out once per request."""
    if hasattr(request, "_page_cache_view"):
        return request._page_cache_view
    name = None
    if settings.PAGE_CACHE_SECONDS > 0 and request.method == "GET":
        path = request.path_info
        language = next((code for code, _name in settings.LANGUAGES if path.startswith(f"/{code}/")), None)
        if language is not None:
            try:
                with translation.override(language):  # i18n_patterns resolve the active language's prefix
                    name = resolve(path).view_name
            except Resolver404:
                name = None
    request._page_cache_view = name if name in CACHED_VIEWS else None
    return request._page_cache_view


@memoize
def _imported(dotted_path: str):
    return import_string(dotted_path)


def _key(request, kind: str, audience: str) -> str | None:
    """The cache key of a page for ``audience``; None when the cache may not be used now. The host and
    scheme are part of it: pages carry absolute links (``hreflang``) for the host they were asked on."""
    if not trusted():
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # Django answers 400 further on
    normal_query = settings.PAGE_CACHE_QUERY.get(cached_view(request))
    if normal_query:  # a page read from its query string in a normal form: variants share one entry
        path = request.path + "?" + _imported(normal_query)(request.GET)
    else:
        path = request.get_full_path()
    raw = "|".join(
        [
            audience,
            content_version(request),
            code_fingerprint(),
            timezone.localdate().isoformat(),
            request.scheme,
            host,
            path,
        ]
    )
    return f"pagecache:{kind}:" + hashlib.sha256(raw.encode()).hexdigest()


# --- The per-person hole ----------------------------------------------------------------------------------
# base.html's header writes the account part (portal.http.account_nav) through ``{% account_nav %}``. In a
# page that may be cached it writes HOLE instead; the hole is filled for each request (the reader's name, the
# sign-out form and its CSRF token), so the page around it is the same for everyone of an audience. Record
# text is escaped, so no record can contain HOLE.
HOLE = "<!--portal:account-nav-->"


def leaves_hole(request) -> bool:
    return bool(request is not None and getattr(request, "_page_cache_hole", False))


def _filled(request, content: bytes) -> bytes:
    if HOLE.encode() not in content:
        return content
    return content.replace(HOLE.encode(), account_nav(request).encode(), 1)


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control


# --- Middleware -----------------------------------------------------------------------------------------
def _anonymous_page(request) -> str | None:
    """The view name of a cacheable public page requested anonymously, else None."""
    if not anonymous(request):
        return None
    return cached_view(request)


def _from_store(stored, cache_state: str) -> HttpResponse:
    content, headers = stored
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = cache_state
    return response


class PageCacheMiddleware:
    """Before sessions: whole pages for anonymous requests (no cookie to look up), ETags and 304s; marks
    every answer to a signed-in reader private."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        current = _current_request.set(request)
        try:
            return self._page(request)
        finally:
            _current_request.reset(current)

    def _page(self, request):
        page = _anonymous_page(request)
        key = _key(request, "page", "public") if page else None
        if key:
            stored = cache.get(key)
            if stored is not None:
                return self._answer(request, _from_store(stored, "hit"))
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in:
            patch_cache_control(response, private=True)
        elif key and _storable(request, response):
            response["ETag"] = '"' + hashlib.md5(response.content, usedforsecurity=False).hexdigest() + '"'
            response["Last-Modified"] = http_date()  # rendered now: nothing it shows changed later
            response["X-Page-Cache"] = "miss"
            cache.set(key, (response.content, list(response.items())), settings.PAGE_CACHE_SECONDS)
            return self._answer(request, response)
        return response

    @staticmethod
    def _answer(request, response):
        share_with_proxy(request, response)
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response["Last-Modified"]),
            response=response,
        )


class AudiencePageCacheMiddleware:
    """After authentication: the page body per audience (``audience_key``), with the per-person hole
    filled for each request. Serves everyone, signed in or not, whom ``PageCacheMiddleware`` did not."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cached_view(request) or "messages" in request.COOKIES:
            return self.get_response(request)
        request._page_cache_hole = True
        key = _key(request, "body", audience_key(request))
        stored = cache.get(key) if key else None
        if stored is not None:
            response = _from_store(stored, "hit")
        else:
            token_before = request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
            response = self.get_response(request)
            # a body that used a CSRF token (a form for this person) is never shared
            personal = request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False) and not token_before
            if key and not personal and _storable(request, response):
                headers = [(k, v) for k, v in response.items() if k.lower() != "content-length"]
                cache.set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
                response["X-Page-Cache"] = "miss"
        if not response.streaming:
            response.content = _filled(request, response.content)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
