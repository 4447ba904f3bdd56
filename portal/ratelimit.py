"""Rate limits for expensive pages (search, PDF generation), counted per client in Django's cache.

``RateLimitMiddleware`` applies them to every URL whose view name or route says "search" or "pdf"
(``settings.RATE_LIMITED_URLS``), so new search and PDF views are limited without any change to them.
Or use the decorator on a view: ``@rate_limit("search")``. The rate comes from ``settings.RATE_LIMITS``
(``"60/m"``: 60 requests a minute; units s, m, h). A client over the limit gets 429 with a message in
Lao and English and a ``Retry-After`` header. Signed-in secretariat staff are counted per account,
everyone else per address.
"""

from __future__ import annotations

import functools
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string

_UNITS = {"s": 1, "m": 60, "h": 3600}


def parse_rate(rate: str) -> tuple[int, int]:
    count, _sep, unit = rate.partition("/")
    return int(count), _UNITS[unit or "m"]


def client_key(request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "") if settings.PRODUCTION else ""
    return "ip:" + (forwarded.split(",")[-1].strip() or request.META.get("REMOTE_ADDR", ""))


def is_limited(request, scope: str) -> tuple[bool, int]:
    """Count this request; (True, seconds to wait) once the scope's limit is passed in this window."""
    limit, window = parse_rate(settings.RATE_LIMITS[scope])
    now = int(time.time())
    slot = now // window
    key = f"ratelimit:{scope}:{client_key(request)}:{slot}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        count = 1
    return count > limit, (slot + 1) * window - now


def _too_many(request, retry_after: int) -> HttpResponse:
    body = render_to_string("portal/rate_limited.html", {"retry_after": retry_after}, request)
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def rate_limit(scope: str):
    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            limited, retry_after = is_limited(request, scope)
            if limited:
                return _too_many(request, retry_after)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class RateLimitMiddleware:
    """Applies the limits without touching the views: a URL whose view name or route matches a pattern of
    ``settings.RATE_LIMITED_URLS`` (``{"search": r"search", "pdf": r"pdf"}``) is counted in that scope.
    Views may also use the :func:`rate_limit` decorator directly (not both for one view)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is None or match.app_name == "admin" or match.namespace.startswith("admin"):
            return None
        where = f"{match.view_name} {match.route}".lower()
        for scope, pattern in settings.RATE_LIMITED_URLS.items():
            if re.search(pattern, where):
                limited, retry_after = is_limited(request, scope)
                return _too_many(request, retry_after) if limited else None
        return None
