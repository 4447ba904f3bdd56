"""The answer to a download while the file store (S3, or a disk) cannot be read: 503 with a page in both
languages, Lao first, and ``Retry-After``, never a 500. Pages keep serving meanwhile; only the file is
missing. nginx does not retry a 503 on another node (deploy/nginx/portal.conf.template): every node shares
the same store, so a second node would fail the same way."""

from __future__ import annotations

import logging

from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 60


def storage_down_response(request, error: BaseException) -> HttpResponse:
    logger.warning("file store unreachable for %s: %r", request.path, error)
    body = render_to_string("portal/storage_down.html", {}, request)
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
