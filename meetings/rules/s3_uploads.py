"""``STORAGES["default"]`` with ``S3_BUCKET`` set: the portal's S3 backend (:mod:`portal.ops.s3`) with the same
file names as on disk (:func:`meetings.rules.uploads.valid_file_name`: Lao vowels and tone marks kept)."""

from meetings.rules.uploads import valid_file_name
from portal.ops.s3 import PortalS3Storage


class S3DocumentStorage(PortalS3Storage):
    def get_valid_name(self, name):
        return valid_file_name(name)
