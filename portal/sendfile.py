"""Hand a file to nginx after the view has decided the reader may have it (``X-Accel-Redirect``).

With ``SENDFILE_X_ACCEL = True`` (production behind ``deploy/nginx/portal.conf``) a permitted download is
answered with an empty response whose ``X-Accel-Redirect`` header names an ``internal`` nginx location;
nginx then sends the file itself, as fast as a static file, with the headers the view set (type, file
name, ``Cache-Control``). The internal locations cannot be requested from outside. With the setting off
(development, tests, a server without nginx) the view streams the file itself.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse

from portal.pagecache import proxy_keeps

# Internal nginx locations (deploy/nginx/portal.conf) and the setting naming the folder each one serves.
LOCATIONS = {"MEDIA_ROOT": "/_protected/media/", "REPORTS_CACHE_ROOT": "/_protected/reports/"}
# Only plain names are handed over (nginx matches the header's path as given, without decoding it);
# anything else, such as an upload with a Lao file name on disk, is streamed by Django.
_PLAIN = re.compile(r"[A-Za-z0-9._/-]+")


def x_accel_response(request, path: Path, *, root_setting: str, content_type: str) -> HttpResponse | None:
    """An ``X-Accel-Redirect`` response for ``path`` (a file inside the folder of ``root_setting``), or
    ``None`` when the hand-off is off or the file cannot be handed over (then stream it). An answer that
    nginx's micro-cache may keep is streamed as well: nginx never keeps an ``X-Accel-Redirect`` answer
    (``portal.pagecache.proxy_keeps``)."""
    if not getattr(settings, "SENDFILE_X_ACCEL", False) or proxy_keeps(request):
        return None
    root = Path(getattr(settings, root_setting)).resolve()
    try:
        relative = Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return None
    if not _PLAIN.fullmatch(relative) or ".." in relative.split("/"):
        return None
    response = HttpResponse(content_type=content_type)
    response["X-Accel-Redirect"] = LOCATIONS[root_setting] + relative
    return response
