"""django-storages' S3 backend as the portal uses it (``STORAGES`` with ``S3_BUCKET`` set; see
:mod:`portal.ops.files`): short timeouts and one retry, so that an S3 server that is down fails a request within
seconds (uploads then refuse with a clear message, PDFs are rendered without the cache) instead of holding a
gunicorn thread for minutes. Its own module so that boto3 is imported only where S3 is used."""

from botocore.config import Config
from storages.backends.s3 import S3Storage


class PortalS3Storage(S3Storage):
    def __init__(self, *, connect_timeout=2.0, read_timeout=10.0, max_retries=1, **options):
        super().__init__(**options)
        self.client_config = Config(
            s3={"addressing_style": self.addressing_style},
            signature_version=self.signature_version,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            retries={"max_attempts": max_retries, "mode": "standard"},
        )
