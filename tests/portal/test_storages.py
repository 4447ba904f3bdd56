"""Files through Django's storage API only (portal/ops/files.py): documents, parked imports and rendered PDFs
in folders on one machine, or in a private bucket of an S3-compatible server (here moto's server mode, a
real HTTP endpoint: tests/s3.py) shared by every app node. Lao file names are kept on every backend, also
with the production settings."""

import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.files.storage import default_storage, storages
from django.urls import reverse
from django.utils import translation

from reports import minutes as services
from tests import factories as f

ROOT = Path(__file__).resolve().parents[2]
LAO_NAME = "ບົດບັນທຶກກອງປະຊຸມ.pdf"
PRODUCTION = {
    "PORTAL_ENV": "production",
    "SECRET_KEY": "z" * 60,
    "ALLOWED_HOSTS": "records.example.org",
    "EMAIL_HOST": "mail.example.org",
    "DEFAULT_FROM_EMAIL": "records@example.org",
}
# Saves an upload with a Lao name through the configured STORAGES["default"]; prints the backend and name.
SAVE = (
    "from django.core.files.base import ContentFile; from django.core.files.storage import default_storage as d; "
    "from meetings.models import Document; "
    "name = d.save(Document._meta.get_field('file').generate_filename(None, '{name}'), ContentFile(b'%PDF-1.4')); "
    "print(type(d._wrapped).__name__, name)"
)


def production_upload(tmp_path, **env) -> list[str]:
    """``manage.py shell`` under PORTAL_ENV=production (a process of its own, settings read from the
    environment as on the server) saving an upload named ບົດບັນທຶກກອງປະຊຸມ.pdf."""
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"} and not k.startswith("S3_")
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", SAVE.format(name=LAO_NAME)],
        cwd=ROOT, env=clean | PRODUCTION | {"MEDIA_ROOT": str(tmp_path / "media")} | env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_production_settings_keep_lao_file_names_on_disk(tmp_path):
    backend, name = production_upload(tmp_path)
    assert backend == "DocumentStorage"
    assert name.endswith("/" + LAO_NAME), "vowels and tone marks kept (not ບດບນທກກອງປະຊມ.pdf)"
    assert (tmp_path / "media" / name).read_bytes() == b"%PDF-1.4"


def test_production_settings_keep_lao_file_names_in_s3(tmp_path, s3):
    backend, name = production_upload(tmp_path, **s3.environment(s3.bucket))
    assert backend == "S3DocumentStorage" and name.endswith("/" + LAO_NAME)
    body = s3.client().get_object(Bucket=s3.bucket, Key=f"media/{name}")["Body"].read()
    assert body == b"%PDF-1.4"
    assert not (tmp_path / "media").exists(), "nothing on the node's own disk"


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def download_url(document) -> str:
    with translation.override("en"):
        return reverse("meetings:document_download", kwargs={"pk": document.pk})


@pytest.mark.django_db
def test_an_upload_in_s3_keeps_its_lao_name_and_downloads_only_for_who_may_see_it(client, s3):
    meeting = f.meeting()
    document = f.document(meeting=meeting, name=LAO_NAME, content=b"%PDF-1.4\n%lao\n")
    assert document.file.name.endswith("/" + LAO_NAME)
    keys = [o["Key"] for o in s3.client().list_objects_v2(Bucket=s3.bucket)["Contents"]]
    assert keys == [f"media/{document.file.name}"]
    response = client.get(download_url(document))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4\n%lao\n"
    hidden = f.document(meeting=meeting, visibility="internal", name="secret.pdf")
    assert client.get(download_url(hidden)).status_code == 404


@pytest.mark.django_db
def test_the_bucket_is_private_and_nginx_gets_a_short_lived_presigned_url(client, s3, settings):
    document = f.document(meeting=f.meeting(), name="agenda.pdf", content=b"%PDF-1.4\n%agenda\n")
    plain = f"{s3.endpoint}/{s3.bucket}/media/{document.file.name}"
    assert fetch(plain)[0] == 403, "an object is never readable by its address alone"

    settings.SENDFILE_X_ACCEL = True
    response = client.get(download_url(document))
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == "/_protected/s3"
    assert "attachment" in response["Content-Disposition"] and "no-store" in response["Cache-Control"]
    presigned = response["X-Accel-S3-URL"]
    assert presigned.startswith(plain + "?") and "X-Amz-Expires=60" in presigned
    assert fetch(presigned) == (200, b"%PDF-1.4\n%agenda\n")

    # how long it is valid is the setting's (moto does not enforce the expiry; S3, MinIO and Ceph do)
    settings.S3_URL_SECONDS = 5
    assert "X-Amz-Expires=5&" in client.get(download_url(document))["X-Accel-S3-URL"]


@pytest.mark.django_db
def test_minutes_pdfs_are_cached_in_s3_and_rendered_once(client, s3, monkeypatch):
    renders = []
    real = services.render_minutes
    monkeypatch.setattr(services, "render_minutes", lambda *a, **kw: renders.append(a[1]) or real(*a, **kw))
    meeting = f.meeting()
    url = reverse("reports:minutes", kwargs={"slug": meeting.slug, "edition": "en"})
    first = b"".join(client.get(url).streaming_content)
    second = b"".join(client.get(url).streaming_content)
    assert first == second and first.startswith(b"%PDF") and renders == ["en"]
    name = services.minutes_cache_path(meeting, "en", audience="public")
    stored = s3.client().get_object(Bucket=s3.bucket, Key=f"reports-cache/{name}")["Body"].read()
    assert stored == first


@pytest.mark.django_db
def test_an_uploaded_import_is_parked_in_the_shared_storage(s3):
    from meetings.admin.imports import _stash_name

    name = _stash_name("0" * 32)
    default_storage.save(name, __import__("io").BytesIO(b"<rss/>"))
    assert s3.client().head_object(Bucket=s3.bucket, Key=f"media/{name}")["ContentLength"] == 6
    assert name == "wordpress-imports/" + "0" * 32 + ".upload"


@pytest.mark.django_db
def test_with_s3_down_pages_and_pdfs_are_still_served(client, s3, caplog):
    meeting = f.meeting()
    s3.stop()
    try:
        with translation.override("en"):
            page = client.get(meeting.get_absolute_url())
        assert page.status_code == 200
        response = client.get(reverse("reports:minutes", kwargs={"slug": meeting.slug, "edition": "en"}))
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        assert "not cached" in caplog.text
    finally:
        s3.start()
    assert isinstance(storages["reports"].exists("x"), bool)
