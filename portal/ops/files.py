"""Where the portal's files live: only behind Django's storage API (``STORAGES``).

Two named storages hold everything a second app node must also see:

- ``"default"``: the uploaded documents and the WordPress exports parked between upload and import;
- ``"reports"``: the rendered minutes PDFs (a cache: anything in it can be rendered again).

On one machine both are folders (``MEDIA_ROOT``, ``REPORTS_CACHE_ROOT``); with ``S3_BUCKET`` and
``S3_ENDPOINT_URL`` set both are prefixes of one private S3 bucket (django-storages' S3 backend), shared by
every node. Code outside this module and the settings never builds a local path of a stored file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages

try:  # botocore comes with django-storages[s3]; without it only the file-system backends exist
    from botocore.exceptions import BotoCoreError, ClientError
except ImportError:  # pragma: no cover - the S3 extra is a dependency of the project
    BotoCoreError = ClientError = OSError

# What a storage raises when it cannot be read or written (a full disk, a folder without permission, an
# S3 server that is down or refuses): callers that can do without the file catch these.
STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)


def documents():
    return storages["default"]


def reports():
    return storages["reports"]


def is_local(storage) -> bool:
    return isinstance(storage, FileSystemStorage)


def open_stored(storage, name: str):
    """``storage.open(name, "rb")``; a file that is not there raises ``FileNotFoundError`` on every
    backend (S3 answers 404 with its own error)."""
    try:
        handle = storage.open(name, "rb")
        if not is_local(storage):
            try:
                handle.read(0)  # S3 fetches the object here: a missing key fails now, not while streaming
            except BaseException:
                handle.close()  # its spooled buffer too (S3 down, a missing key)
                raise
        return handle
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey"}:
            raise FileNotFoundError(name) from error
        raise


def stored_size(storage, name: str) -> int | None:
    """The size of a stored file, ``None`` if it is not there."""
    try:
        return storage.size(name)
    except FileNotFoundError:
        return None
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey"}:
            return None
        raise


class ReportsFileStorage(FileSystemStorage):
    """``STORAGES["reports"]`` on one machine: the folder ``REPORTS_CACHE_ROOT`` (read on each use, so
    a changed setting applies at once). A stored PDF is replaced, never given a second name, and written
    to a temporary file first: a reader sees the old version or the whole new one, never half a file."""

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.REPORTS_CACHE_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def get_available_name(self, name, max_length=None):
        return name

    def _save(self, name, content):
        path = Path(self.path(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                for chunk in content.chunks():
                    handle.write(chunk)
            if self.file_permissions_mode is not None:
                os.chmod(tmp, self.file_permissions_mode)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return name
