"""Hand a stored file to nginx after the view has decided the reader may have it (``X-Accel-Redirect``).

With ``SENDFILE_X_ACCEL = True`` (production behind ``deploy/nginx/portal.conf``) a permitted download is
answered with an empty response whose ``X-Accel-Redirect`` header names an ``internal`` nginx location;
nginx then sends the bytes itself, with the headers the view set (type, file name, ``Cache-Control``). The
internal locations cannot be requested from outside. With the setting off (development, tests, a server
without nginx) the view streams the file itself.

Which location depends on the storage (:mod:`portal.ops.files`):

- a folder (``FileSystemStorage``): ``/_protected/media/`` or ``/_protected/reports/`` + the file's name;
- S3: ``/_protected/s3``, and the header ``X-Accel-S3-URL`` carries a presigned URL of the object, valid
  ``S3_URL_SECONDS``; nginx proxies it (without the reader's headers) and sends the answer. The bucket
  stays private: the URL is never shown to the reader, and is useless a minute later.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.http import HttpResponse

from portal.http.pagecache import proxy_keeps
from portal.ops import files

# Internal nginx locations (deploy/nginx/portal.conf) of each folder storage, and of any S3 storage.
LOCATIONS = {"default": "/_protected/media/", "reports": "/_protected/reports/"}
S3_LOCATION = "/_protected/s3"
S3_URL_HEADER = "X-Accel-S3-URL"
# Only plain names are handed over (nginx matches the header's path as given, without decoding it);
# anything else, such as an upload with a Lao file name on disk, is streamed by Django.
_PLAIN = re.compile(r"[A-Za-z0-9._/-]+")


def x_accel_response(
    request, *, storage: str, name: str, content_type: str, disposition: str | None = None
) -> HttpResponse | None:
    """An ``X-Accel-Redirect`` response for the file ``name`` of ``STORAGES[storage]``, or ``None`` when
    the hand-off is off or the file cannot be handed over (then stream it). An answer that nginx's
    micro-cache may keep is streamed as well: nginx never keeps an ``X-Accel-Redirect`` answer
    (``portal.http.pagecache.proxy_keeps``).

    ``disposition`` (a ``Content-Disposition`` value, e.g. ``attachment; filename*=utf-8''%E0%BA…`` for a
    Lao name, RFC 5987/6266) is set on the response and, for S3, signed into the presigned URL
    (``response-content-disposition``) too: the object's own answer then names the file as the portal
    does, whichever of the two headers reaches the reader."""
    if not getattr(settings, "SENDFILE_X_ACCEL", False) or proxy_keeps(request):
        return None
    backend = storages[storage]
    if files.is_local(backend):
        target = _local_target(backend, name, LOCATIONS[storage])
        if target is None:
            return None
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = target
    else:
        parameters = {"ResponseContentType": content_type}
        if disposition:
            parameters["ResponseContentDisposition"] = disposition
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = S3_LOCATION
        response[S3_URL_HEADER] = backend.url(name, parameters=parameters, expire=settings.S3_URL_SECONDS)
    if disposition:
        response["Content-Disposition"] = disposition
    return response


def _local_target(backend, name: str, location: str) -> str | None:
    root = Path(backend.location).resolve()
    try:
        relative = Path(backend.path(name)).resolve().relative_to(root).as_posix()
    except ValueError:
        return None
    if not _PLAIN.fullmatch(relative) or ".." in relative.split("/"):
        return None
    return location + relative
