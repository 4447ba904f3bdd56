"""``/health/``: is this worker able to serve? Checks the database and the shared cache.

200 with ``{"database": "ok", "cache": "ok"}`` when both answer; 503 with the failing part named
otherwise (the cache check writes and reads back a random value, so a cache that silently drops writes,
see portal/ops/resilient_cache.py, is reported). Used by monitoring and by ``deploy/`` scripts after a reload.
Tells nothing about the content; never cached.
"""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - report, never raise
        return f"error: {type(error).__name__}"
    return "ok"


def _cache() -> str:
    token = uuid.uuid4().hex
    key = f"health:probe:{token}"  # one key per check: checks running at once never read each other's value
    try:
        cache.set(key, token, timeout=30)
        ok = cache.get(key) == token
        cache.delete(key)
    except Exception as error:  # noqa: BLE001
        return f"error: {type(error).__name__}"
    return "ok" if ok else "error: value not kept"


@never_cache
@require_safe
def health(request):
    checks = {"database": _database(), "cache": _cache()}
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)
