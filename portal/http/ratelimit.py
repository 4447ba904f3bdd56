"""Rate limits for expensive pages (search, PDF generation), counted per client in Django's cache.

``RateLimitMiddleware`` applies them to every URL whose view name or route says "search" or "pdf"
(``settings.RATE_LIMITED_URLS``), so new search and PDF views are limited without any change to them.
Or use the decorator on a view: ``@rate_limit("search")``. The rate comes from ``settings.RATE_LIMITS``
(``"60/m"``: 60 requests a minute; units s, m, h). A client over the limit gets 429 with a message in
Lao and English and a ``Retry-After`` header. Signed-in secretariat staff are counted per account,
everyone else per address (:func:`portal.http.client.client_address`, the real client behind nginx).

A view is also counted as "pdf" by what it does: once a view has answered a PDF, every later request to
it is counted and limited, whatever its name (and the PDF it answered was counted too). If the cache
cannot be used (Redis down, cache folder not writable), requests are let through and a warning is
logged: a broken cache never answers 500.
"""

from __future__ import annotations

import functools
import logging
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string

from portal.http.client import client_address
from portal.ops.resilient_cache import add_and_incr

logger = logging.getLogger(__name__)
_UNITS = {"s": 1, "m": 60, "h": 3600}


def parse_rate(rate: str) -> tuple[int, int]:
    count, _sep, unit = rate.partition("/")
    return int(count), _UNITS[unit or "m"]


def client_key(request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return "ip:" + client_address(request)


def is_limited(request, scope: str, *, identity: str | None = None) -> tuple[bool, int]:
    """Count this request; (True, seconds to wait) once the scope's limit is passed in this window.

    Counted per client (:func:`client_key`), or per ``identity`` when given (e.g. a hashed e-mail address,
    so that requests about one address are limited whoever sends them)."""
    limit, window = parse_rate(settings.RATE_LIMITS[scope])
    now = int(time.time())
    slot = now // window
    key = f"ratelimit:{scope}:{identity or client_key(request)}:{slot}"
    try:
        count = _count(key, window + 1)
    except Exception as error:  # noqa: BLE001 - any cache failure: serve without limiting, never a 500
        logger.warning("rate limit %s not counted, the cache failed: %r", scope, error)
        return False, 0
    return count > limit, (slot + 1) * window - now


def _count(key: str, timeout: int) -> int:
    """Add one to the counter ``key`` and return it: one round trip to Redis through the portal's cache
    (``portal.ops.resilient_cache``), ``add`` then ``incr`` on any other back-end."""
    counter = getattr(cache, "count", None)
    return counter(key, timeout) if counter is not None else add_and_incr(cache, key, timeout)


def too_many(request, retry_after: int) -> HttpResponse:
    body = render_to_string("portal/rate_limited.html", {"retry_after": retry_after}, request)
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def refusal(request, scope: str) -> HttpResponse | None:
    """Count this request in ``scope``: the 429 answer once the limit is passed, else None."""
    limited, retry_after = is_limited(request, scope)
    return too_many(request, retry_after) if limited else None


def rate_limit(scope: str):
    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            return refusal(request, scope) or view(request, *args, **kwargs)

        return wrapped

    return decorator


# Views (by view name) that have answered a PDF in this process: counted as "pdf" from then on.
PDF_VIEWS: set[str] = set()


def answers_pdf(response) -> bool:
    return response.get("Content-Type", "").split(";")[0].strip() == "application/pdf"


def _site_match(request):
    """The URL match of a request to the site (not the admin, whose previews are for staff only)."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.app_name == "admin" or match.namespace.startswith("admin"):
        return None
    return match


class RateLimitMiddleware:
    """Applies the limits without touching the views: a URL whose view name or route matches a pattern of
    ``settings.RATE_LIMITED_URLS`` (``{"search": r"search", "pdf": r"pdf|^reports:"}``) is counted in that
    scope, and so is every view that has answered a PDF (see the module's documentation).
    Views may also use the :func:`rate_limit` decorator directly (not both for one view)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = _site_match(request)
        if answers_pdf(response) and match is not None and not getattr(request, "_rate_counted", False):
            # A view that renders PDFs under a name no pattern knows: count this one, limit the next ones.
            PDF_VIEWS.add(match.view_name)
            is_limited(request, "pdf")
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = _site_match(request)
        if match is None:
            return None
        where = f"{match.view_name} {match.route}".lower()
        for scope, pattern in settings.RATE_LIMITED_URLS.items():
            if re.search(pattern, where) or (scope == "pdf" and match.view_name in PDF_VIEWS):
                request._rate_counted = True
                limited, retry_after = is_limited(request, scope)
                return too_many(request, retry_after) if limited else None
        return None
