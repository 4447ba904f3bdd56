"""Where the files of an export come from: a folder (WordPress's ``wp-content/uploads``) or a zip file that
holds the export and that folder. Nothing is ever fetched from the internet: a file that is not there is
reported as missing."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from meetings.importing.wxr import upload_path

MAX_FILE_BYTES = 50 * 1024 * 1024


class NoFiles:
    def get(self, url: str) -> bytes | None:
        return None


class FolderFiles:
    """``<folder>/2024/02/report.pdf`` (or ``<folder>/wp-content/uploads/2024/02/report.pdf``) for an
    upload URL; never a file outside the folder."""

    def __init__(self, folder):
        self.root = Path(folder).resolve()

    def get(self, url: str) -> bytes | None:
        rel = upload_path(url)
        if not rel:
            return None
        for candidate in (
            self.root / rel,
            self.root / "wp-content" / "uploads" / rel,
            self.root / "uploads" / rel,
        ):
            path = candidate.resolve()
            if path.is_relative_to(self.root) and path.is_file() and path.stat().st_size <= MAX_FILE_BYTES:
                return path.read_bytes()
        return None


class ZipFiles:
    """The same lookup inside a zip file (members are read, never extracted to disk)."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        self.members = {
            posixpath.normpath(info.filename): info for info in archive.infolist() if not info.is_dir()
        }

    def get(self, url: str) -> bytes | None:
        rel = upload_path(url)
        if not rel:
            return None
        for name, info in self.members.items():
            if (name == rel or name.endswith("/" + rel)) and info.file_size <= MAX_FILE_BYTES:
                return self.archive.read(info)
        return None
