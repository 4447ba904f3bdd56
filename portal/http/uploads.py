"""Request bodies over the limit are refused before they are read.

``RequestSizeLimitMiddleware`` answers 413, with a message in the reader's language, to any request whose
``Content-Length`` is over ``REQUEST_MAX_BODY_MB`` (the document limit plus room for the form's fields),
without reading a byte of the body. ``RequestSizeLimitHandler`` (first in ``FILE_UPLOAD_HANDLERS``) stops
an upload sent without a length (chunked) as soon as it passes the limit. In production nginx refuses
such bodies even earlier (``client_max_body_size`` in ``deploy/nginx/portal.conf``). The document's own
limit (``DOCUMENT_MAX_UPLOAD_MB``, checked in ``meetings/uploads.py``) gives the form's message.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation


def max_body_bytes() -> int:
    return settings.REQUEST_MAX_BODY_MB * 1024 * 1024


def _declared_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _declared_length(request) > max_body_bytes():
            # Runs before the locale middleware: the page speaks the language of the address (/lo/, /en/).
            language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
            with translation.override(language):
                body = render_to_string(
                    "portal/too_large.html", {"limit_mb": settings.REQUEST_MAX_BODY_MB}, request=request
                )
            response = HttpResponse(body, status=413)
            response["Connection"] = "close"  # the unread body is not waited for
            return response
        return self.get_response(request)


class RequestSizeLimitHandler(FileUploadHandler):
    """Counts the bytes of every uploaded file of a request and stops at the limit."""

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length and content_length > max_body_bytes():
            raise RequestDataTooBig("Request body over REQUEST_MAX_BODY_MB.")

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > max_body_bytes():
            raise RequestDataTooBig("Upload over REQUEST_MAX_BODY_MB.")
        return raw_data

    def file_complete(self, file_size):
        return None
