"""Uploaded WordPress exports waiting between the preview and the import, and the removal of those never
imported.

An officer's upload is parked in the default file storage (``MEDIA_ROOT`` or the S3 bucket, never served)
under :data:`UPLOAD_DIR` until they press "Import"; the import removes it. An upload whose preview was left
(the officer went away, the session ended) would stay there forever: :func:`remove_abandoned` removes those
older than a number of hours, through Django's storage API so that it works the same on a disk and in S3.
Run by ``manage.py cleanup_imports`` from ``deploy/systemd/portal-import-cleanup.timer``.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.core.files.storage import default_storage
from django.utils import timezone

from portal.ops import files

logger = logging.getLogger(__name__)

UPLOAD_DIR = "wordpress-imports"  # in STORAGES["default"], never served
DEFAULT_HOURS = 24  # a preview older than a day is not coming back


@dataclass
class Cleanup:
    removed: list[str] = field(default_factory=list)
    kept: int = 0
    failed: list[str] = field(default_factory=list)


def remove_abandoned(*, older_than_hours: float = DEFAULT_HOURS, storage=None, now=None) -> Cleanup:
    """Remove the uploads under :data:`UPLOAD_DIR` last written more than ``older_than_hours`` ago. A file
    the storage cannot date or delete is reported and left; the others are still removed."""
    storage = storage or default_storage
    cutoff = (now or timezone.now()) - datetime.timedelta(hours=older_than_hours)
    result = Cleanup()
    try:
        _dirs, names = storage.listdir(UPLOAD_DIR)
    except FileNotFoundError:
        return result  # nothing was ever uploaded
    for name in sorted(names):
        path = f"{UPLOAD_DIR}/{name}"
        try:
            written = storage.get_modified_time(path)
            if timezone.is_naive(written):
                written = timezone.make_aware(written)
            if written >= cutoff:
                result.kept += 1
                continue
            storage.delete(path)
        except FileNotFoundError:
            continue  # imported (and removed) meanwhile
        except (*files.STORAGE_ERRORS, NotImplementedError) as error:
            logger.warning("could not clean up the import upload %s: %r", path, error)
            result.failed.append(path)
            continue
        result.removed.append(path)
    return result
