"""bin/backup and bin/restore with the documents in S3 (moto's server mode, tests/s3.py): the bucket's
documents are copied into the backup folder and put back by a restore."""

from pathlib import Path

import pytest
from django.db import connection

from meetings.models import Document
from portal.ops.backup import create_backup, restore_backup
from tests import factories as f

LAO_NAME = "ບົດບັນທຶກກອງປະຊຸມ.pdf"
CONTENT = b"%PDF-1.4\n% bucket backup \xe0\xba\x81\n"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump/pg_restore need PostgreSQL")
def test_backup_and_restore_include_the_bucket(transactional_db, tmp_path, s3):
    document = f.document(meeting=f.meeting(), name=LAO_NAME, content=CONTENT)
    key = f"media/{document.file.name}"
    client = s3.client()
    client.put_object(Bucket=s3.bucket, Key="reports-cache/minutes/1/x.pdf", Body=b"%PDF cache")

    folder = create_backup(tmp_path / "backups")
    assert "bucket.tar.gz" in {p.name for p in folder.iterdir()}

    # The bucket loses everything; the database loses the document's row.
    for item in client.list_objects_v2(Bucket=s3.bucket)["Contents"]:
        client.delete_object(Bucket=s3.bucket, Key=item["Key"])
    Document.objects.filter(pk=document.pk).delete()

    restore_backup(folder)
    keys = [o["Key"] for o in client.list_objects_v2(Bucket=s3.bucket)["Contents"]]
    assert keys == [key], "the documents come back; the PDF cache is not backed up (rendered again)"
    restored = Document.objects.get(pk=document.pk)
    with restored.file.open("rb") as handle:
        assert handle.read() == CONTENT


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump/pg_restore need PostgreSQL")
def test_a_backup_of_the_bucket_restores_onto_disk(transactional_db, tmp_path, s3, settings):
    document = f.document(meeting=f.meeting(), name=LAO_NAME, content=CONTENT)
    folder = create_backup(tmp_path / "backups")
    # the portal moved back to one machine: documents in MEDIA_ROOT
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    restore_backup(folder)
    assert (Path(settings.MEDIA_ROOT) / document.file.name).read_bytes() == CONTENT
