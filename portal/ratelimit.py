"""Rate limits for expensive pages (search, PDF generation), counted per client in Django's cache.

Use as a decorator on a view: ``@rate_limit("search")``; the rate comes from ``settings.RATE_LIMITS``
(``"60/m"``: 60 requests a minute; units s, m, h). A client over the limit gets 429 with a message in
Lao and English and a ``Retry-After`` header. Signed-in secretariat staff are counted per account,
everyone else per address.
"""

from __future__ import annotations

import functools
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


def rate_limit(scope: str):
    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            limited, retry_after = is_limited(request, scope)
            if limited:
                body = render_to_string("portal/rate_limited.html", {"retry_after": retry_after}, request)
                response = HttpResponse(body, status=429)
                response["Retry-After"] = str(retry_after)
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
