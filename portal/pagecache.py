"""Public pages that cost almost nothing when nothing changed, and ``Cache-Control: private`` for
everyone signed in.

``PageCacheMiddleware`` sits right after the security and static-file middleware. For an anonymous reader
(a ``GET`` without a session or messages cookie) of a public page (``CACHED_VIEWS``, under ``/lo/`` or
``/en/``) it answers from the cache, skipping sessions, authentication, the view and its templates. The
cache key holds the content version, the language (the path's prefix), the full path with its query, the
local date (pages mark overdue items) and a fingerprint of the templates and catalogues. Only responses
to such anonymous requests are stored, and only when they set no cookie and are not private: a page
rendered for a partner or an officer is never stored, and a signed-in reader never gets a stored page
(a signed-in browser always sends its session cookie).

Invalidation: every save, delete or many-to-many change of a record of the ``meetings`` app (and every
bulk write, see ``meetings/history.py``) and every newly stored PDF moves the content version on, at once
and again when the transaction commits; every page cached before is then never served again.
Stored pages carry an ``ETag`` and a ``Last-Modified`` (when they were rendered); a matching
``If-None-Match`` or ``If-Modified-Since`` gets 304.

In front of the portal, nginx keeps what the portal marks as shareable for ``PROXY_CACHE_SECONDS`` (1 s;
``X-Accel-Expires``, see ``share_with_proxy``): these pages, and minutes PDFs and documents, answered to an
anonymous request. nginx uses the same rule for "anonymous" (no session or messages cookie,
deploy/nginx/portal.conf.template), so under load it answers nearly every public request itself, and an
edit shows within a second.

Any response to a signed-in user gets ``Cache-Control: private`` (HTML, CSV/JSON, feeds, files), so no
shared cache between the reader and the portal keeps it.
"""

from __future__ import annotations

import hashlib
import logging
import time
import uuid
from functools import cache as memoize
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe

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
}
WATCHED_APPS = {"meetings"}


# --- Content version ---------------------------------------------------------------------------------
def _bump() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def content_changed() -> None:
    """Every cached page is stale from now on (and again when the current transaction commits, so that a
    page rendered from the old data between now and the commit is not served afterwards either)."""
    _bump()
    transaction.on_commit(_bump)


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    return version


def _on_change(sender, **kwargs):
    if sender._meta.app_label in WATCHED_APPS:
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


# --- Middleware -----------------------------------------------------------------------------------------
def _anonymous_page(request) -> str | None:
    """The view name of a cacheable public page requested anonymously, else None."""
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method != "GET" or not anonymous(request):
        return None
    path = request.path_info
    language = next((code for code, _name in settings.LANGUAGES if path.startswith(f"/{code}/")), None)
    if language is None:
        return None
    try:
        with translation.override(language):  # i18n_patterns resolve the active language's prefix
            name = resolve(path).view_name
    except Resolver404:
        return None
    return name if name in CACHED_VIEWS else None


def _key(request) -> str:
    raw = "|".join(
        [content_version(), code_fingerprint(), timezone.localdate().isoformat(), request.get_full_path()]
    )
    return "pagecache:page:" + hashlib.sha256(raw.encode()).hexdigest()


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    if "private" in control or "no-store" in control:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        page = _anonymous_page(request)
        key = _key(request) if page else None
        if key:
            stored = cache.get(key)
            if stored is not None:
                content, headers = stored
                response = HttpResponse(content)
                for name, value in headers:
                    response[name] = value
                response["X-Page-Cache"] = "hit"
                return self._answer(request, response)
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
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
