"""The only way a report render may read a resource: the portal's own static files and the report fonts.

WeasyPrint fetches every ``url()``, ``<img>``, ``<link>`` and ``@font-face`` through the URL fetcher it is
given. The default one opens any ``file://`` path, any host (including services on the server itself, such
as ``http://127.0.0.1:5432/``) and follows redirects. :class:`PortalURLFetcher` never touches the network:

* ``{SITE_URL}{STATIC_URL}<path>`` is read from the static files (through the staticfiles finders, then
  ``STATIC_ROOT``), after refusing ``..`` and absolute paths;
* ``file://`` is allowed only for the exact font files listed in :mod:`reports.pdf.fonts`;
* everything else (other hosts, other ports, other schemes, ``data:``) is refused, so there is nothing
  to redirect to.
"""

from __future__ import annotations

import mimetypes
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

from reports.pdf.fonts import font_files


class RefusedURL(ValueError):
    """A report tried to read something other than the portal's static files or report fonts."""


def static_prefix() -> str:
    return settings.SITE_URL.rstrip("/") + settings.STATIC_URL


def base_url() -> str:
    """The base URL report HTML is rendered with: relative links resolve against the portal itself."""
    return settings.SITE_URL.rstrip("/") + "/"


def _static_file(relative: str) -> Path:
    relative = unquote(relative)
    normalised = posixpath.normpath(relative)
    if (
        not relative
        or "\\" in relative
        or "\x00" in relative
        or normalised.startswith(("/", "../"))
        or normalised in (".", "..")
        or normalised != relative
    ):
        raise RefusedURL(f"not a plain static file path: {relative!r}")
    found = finders.find(normalised)
    if found:
        return Path(found)
    root = Path(settings.STATIC_ROOT).resolve()
    candidate = (root / normalised).resolve()
    if candidate.is_relative_to(root) and candidate.is_file():
        return candidate
    raise RefusedURL(f"no such static file: {relative!r}")


def resolve(url: str) -> Path:
    """The local file ``url`` stands for, or :class:`RefusedURL`."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        fonts = font_files()
        clean = url.split("?", 1)[0].split("#", 1)[0]
        if clean in fonts and not parts.netloc:
            return fonts[clean]
        raise RefusedURL(f"file URL outside the report fonts: {url!r}")
    prefix = static_prefix()
    if parts.scheme in ("http", "https") and url.startswith(prefix) and not parts.query:
        return _static_file(parts.path[len(urlsplit(prefix).path) :])
    raise RefusedURL(f"reports read only the portal's static files: {url!r}")


class PortalURLFetcher(URLFetcher):
    """Serves :func:`resolve`-able URLs from the disk; refuses (and records) everything else."""

    def __init__(self):
        super().__init__(allow_redirects=False, fail_on_errors=False)
        self.refused: list[str] = []
        self.served: list[str] = []

    def fetch(self, url, headers=None):
        try:
            path = resolve(url)
        except RefusedURL:
            self.refused.append(url)
            raise
        self.served.append(url)
        mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime_type})

    def open(self, url, data=None, timeout=None):  # never urllib
        return self.fetch(url if isinstance(url, str) else url.full_url)
