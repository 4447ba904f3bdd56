"""A real S3-compatible server for the tests: moto's server mode (``python -m moto.server``) as its own
process on a free loopback port, spoken to over HTTP by django-storages and boto3 exactly as production
speaks to MinIO, Ceph or AWS S3 (no in-process mock). ``stop()`` / ``start()`` take it down and up again on
the same port (the S3-down tests); moto keeps its buckets in memory, so a restart starts empty."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

from tests.mail import free_port

ACCESS_KEY = "portal-test"
SECRET_KEY = "portal-test-secret"  # noqa: S105 - moto accepts any key


class S3Server:
    def __init__(self):
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        env = {**os.environ, "MOTO_S3_CUSTOM_ENDPOINTS": ""}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.endpoint}/moto-api/", timeout=1).close()  # noqa: S310
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if self.process.poll() is not None:
                    raise RuntimeError("moto server exited at start") from None
                time.sleep(0.1)
        raise RuntimeError("moto server did not answer within 30 s")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def client(self):
        import boto3

        return boto3.client(
            "s3", endpoint_url=self.endpoint, aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY, region_name="us-east-1",
        )  # fmt: skip

    def environment(self, bucket: str) -> dict[str, str]:
        """The environment variables that point the portal at ``bucket`` of this server."""
        return {
            "S3_BUCKET": bucket,
            "S3_ENDPOINT_URL": self.endpoint,
            "S3_ACCESS_KEY_ID": ACCESS_KEY,
            "S3_SECRET_ACCESS_KEY": SECRET_KEY,
        }

    def storages(self, bucket: str) -> dict:
        """``STORAGES`` with the documents and PDFs in ``bucket`` of this server, as base.py builds them
        from the environment (``S3_BUCKET`` …), and static files as the current settings have them."""
        from django.conf import settings

        from portal.settings.base import S3_OPTIONS, s3_storages

        options = {
            **S3_OPTIONS, "bucket_name": bucket, "endpoint_url": self.endpoint, "access_key": ACCESS_KEY,
            "secret_key": SECRET_KEY, "region_name": "us-east-1", "connect_timeout": 1.0, "max_retries": 1,
        }  # fmt: skip
        return {**s3_storages(options), "staticfiles": settings.STORAGES["staticfiles"]}
