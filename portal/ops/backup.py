"""Back up and restore the whole portal: the database, the uploaded documents and a JSON export of all
records. Used by ``manage.py backup`` / ``manage.py restore`` (and ``bin/backup`` / ``bin/restore``).

A backup is a folder::

    database.dump      pg_dump custom format (PostgreSQL), or database.sqlite3 (the SQLite demo)
    uploads.tar.gz     the uploaded documents (MEDIA_ROOT)
    bucket.tar.gz      with S3 (S3_BUCKET): the objects of the documents' prefix (``media/``) of the bucket,
                       copied with boto3 (the PDF cache, ``reports-cache/``, is rendered again when needed)
    records.json       every record as JSON with natural keys (dumpdata); loads with ``loaddata``
    manifest.json      when, from which database, SHA-256 of each file, row counts per table

``pg_dump``/``pg_restore`` are taken from ``/usr/lib/postgresql/<server major version>/bin`` so that the
client matches the server.
"""

from __future__ import annotations

import datetime
import glob
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection

FILES = ("database.dump", "database.sqlite3", "uploads.tar.gz", "bucket.tar.gz", "records.json")
# Not worth keeping: recreated by migrate, or short-lived.
JSON_EXCLUDE = ["contenttypes", "auth.permission", "sessions", "axes.accessattempt", "axes.accesslog"]


class BackupError(Exception):
    pass


def pg_tool(name: str) -> str:
    major = connection.pg_version // 10000
    for candidate in sorted(glob.glob(f"/usr/lib/postgresql/{major}/bin/{name}")):
        return candidate
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} for PostgreSQL {major} not found (install postgresql-client-{major}).")
    return found


def _pg_args() -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def table_fingerprints() -> dict[str, dict]:
    """Row count and a checksum over every row of every table of the portal (for comparing databases)."""
    result = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            quoted = connection.ops.quote_name(table)
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"SELECT count(*), coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') "  # noqa: S608
                    f"FROM {quoted} t"
                )
                count, checksum = cursor.fetchone()
            else:
                cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608
                rows = sorted(
                    hashlib.md5(repr(r).encode(), usedforsecurity=False).hexdigest() for r in cursor
                )
                count = len(rows)
                checksum = hashlib.md5("".join(rows).encode(), usedforsecurity=False).hexdigest()
            result[table] = {"rows": count, "checksum": checksum}
    return result


def create_backup(destination: Path) -> Path:
    """Write a new backup folder under ``destination`` and return it.

    The folder is readable by its owner only (0700, files 0600): it holds password hashes, two-factor
    secrets and internal records. Files are created under umask 077, so they are never readable by others,
    not even while being written.
    """
    previous_umask = os.umask(0o077)
    try:
        folder = _create_backup(destination)
    finally:
        os.umask(previous_umask)
    folder.chmod(0o700)
    for path in folder.iterdir():
        path.chmod(0o600)
    return folder


def _create_backup(destination: Path) -> Path:
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    folder = Path(destination) / f"portal-backup-{stamp}"
    folder.mkdir(mode=0o700, parents=True, exist_ok=False)
    if connection.vendor == "postgresql":
        args, env = _pg_args()
        subprocess.run(
            [pg_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", *args,
             "--file", str(folder / "database.dump")],
            check=True, env=env,
        )  # fmt: skip
    elif connection.vendor == "sqlite":
        target = sqlite3.connect(folder / "database.sqlite3")
        with target:
            connection.ensure_connection()
            connection.connection.backup(target)
        target.close()
    else:
        raise BackupError(f"Unsupported database: {connection.vendor}")
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / "uploads.tar.gz", "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname="uploads")
    bucket = _s3_documents()
    if bucket is not None:
        _archive_bucket(bucket, folder / "bucket.tar.gz")
    with (folder / "records.json").open("w", encoding="utf-8") as out:
        call_command(
            "dumpdata",
            natural_foreign=True,
            exclude=JSON_EXCLUDE,
            indent=1,
            stdout=out,
        )
    manifest = {
        "created": stamp,
        "database": connection.vendor,
        "server_version": getattr(connection, "pg_version", None),
        "files": {name: sha256(folder / name) for name in FILES if (folder / name).exists()},
        "tables": table_fingerprints(),
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return folder


def verify_backup(folder: Path) -> dict:
    manifest = json.loads((Path(folder) / "manifest.json").read_text())
    for name, digest in manifest["files"].items():
        if sha256(Path(folder) / name) != digest:
            raise BackupError(f"{name} does not match its checksum in manifest.json: the backup is damaged.")
    return manifest


def restore_backup(folder: Path) -> dict:
    """Replace the database and the uploaded files with those of ``folder``. Returns the manifest."""
    folder = Path(folder)
    manifest = verify_backup(folder)
    if manifest["database"] != connection.vendor:
        raise BackupError(f"This backup is of a {manifest['database']} database, not {connection.vendor}.")
    if connection.vendor == "postgresql":
        args, env = _pg_args()
        connection.close()
        subprocess.run(
            [pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
             "--single-transaction", "--exit-on-error", *args, str(folder / "database.dump")],
            check=True, env=env,
        )  # fmt: skip
    else:
        source = sqlite3.connect(folder / "database.sqlite3")
        connection.ensure_connection()
        with source:
            source.backup(connection.connection)
        source.close()
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        aside = media.with_name(f"{media.name}.before-restore-{datetime.datetime.now():%Y%m%d-%H%M%S}")
        media.rename(aside)
    media.mkdir(parents=True)
    with tarfile.open(folder / "uploads.tar.gz", "r:gz") as archive:
        for member in archive.getmembers():
            if member.name == "uploads":
                continue
            member.name = member.name.removeprefix("uploads/")
            archive.extract(member, media, filter="data")
    if (folder / "bucket.tar.gz").exists():
        _restore_bucket(folder / "bucket.tar.gz", media)
    return manifest


def _s3_documents():
    """The S3 storage of the uploaded documents, or ``None`` when they are in MEDIA_ROOT."""
    from portal.ops import files

    storage = files.documents()
    return None if files.is_local(storage) else storage


def _prefix(storage) -> str:
    return f"{storage.location.strip('/')}/" if storage.location else ""


def _archive_bucket(storage, target: Path) -> int:
    """Every object of the documents' prefix into ``target`` (names relative to the prefix)."""
    prefix, count = _prefix(storage), 0
    with tarfile.open(target, "w:gz") as archive:
        for summary in storage.bucket.objects.filter(Prefix=prefix):
            body = summary.get()["Body"].read()
            info = tarfile.TarInfo(summary.key.removeprefix(prefix))
            info.size, info.mtime = len(body), summary.last_modified.timestamp()
            archive.addfile(info, io.BytesIO(body))
            count += 1
    return count


def _restore_bucket(source: Path, media: Path) -> None:
    """Put the objects of ``source`` back into the bucket (objects added since the backup are left there),
    or, when the portal now keeps its documents on disk, into MEDIA_ROOT."""
    storage = _s3_documents()
    with tarfile.open(source, "r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile() or member.name.startswith("/") or ".." in member.name.split("/"):
                raise BackupError(f"bucket.tar.gz holds an unexpected entry: {member.name!r}")
            if storage is None:
                archive.extract(member, media, filter="data")
            else:
                storage.bucket.upload_fileobj(archive.extractfile(member), _prefix(storage) + member.name)


def export_records() -> str:
    """All records as JSON (natural foreign keys), the same as records.json in a backup."""
    out = io.StringIO()
    call_command("dumpdata", natural_foreign=True, exclude=JSON_EXCLUDE, indent=1, stdout=out)
    return out.getvalue()


def import_records(path: Path, **options) -> None:
    """Load an export made by :func:`export_records` into an empty database (after ``migrate``).

    The edit history is part of the export, so no new history is written while loading (Django sets
    many-to-many links after the raw save, which would otherwise add a history row per link).
    """
    previous = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
    settings.SIMPLE_HISTORY_ENABLED = False
    try:
        call_command("loaddata", str(path), **options)
    finally:
        settings.SIMPLE_HISTORY_ENABLED = previous
