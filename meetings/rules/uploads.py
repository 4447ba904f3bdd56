"""What may be uploaded as a document: checked by content (magic bytes, zip structure) and size, not by name.

The validators run in the model layer (``Document.file``), so the admin, any future upload form and a
``full_clean()`` in a script all apply them. Uploaded files are stored outside the static folders and
are only ever sent through ``meetings.public.views.document_download``, which applies visibility.
"""

from __future__ import annotations

import unicodedata
import zipfile

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

MSG_TYPE = _(
    "This file is not an allowed document. Upload a PDF, Word (DOCX), Excel (XLSX), PNG or JPEG file; "
    "the content is checked, not only the name."
)
MSG_MISMATCH = _("The file's content (%(found)s) does not match its name (.%(extension)s).")
MSG_TOO_LARGE = _("The file is too large (%(size)s MB). The limit is %(limit)s MB.")
MSG_EMPTY = _("The file is empty.")

_OOXML_MAIN = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
# Extensions that may carry each detected kind of content.
_EXTENSIONS = {
    "pdf": {"pdf"},
    "png": {"png"},
    "jpeg": {"jpg", "jpeg"},
    "docx": {"docx"},
    "xlsx": {"xlsx"},
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def detect_kind(fileobj) -> str | None:
    """``'pdf'``, ``'png'``, ``'jpeg'``, ``'docx'``, ``'xlsx'`` or None, from the bytes of ``fileobj``."""
    pos = fileobj.tell() if hasattr(fileobj, "tell") else 0
    try:
        fileobj.seek(0)
        head = fileobj.read(1024)
        if head.startswith(b"%PDF-"):
            return "pdf"
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return "png"
        if head.startswith(b"\xff\xd8\xff"):
            return "jpeg"
        if head.startswith(b"PK\x03\x04"):
            fileobj.seek(0)
            return _ooxml_kind(fileobj)
        return None
    finally:
        fileobj.seek(pos)


def _ooxml_kind(fileobj) -> str | None:
    try:
        with zipfile.ZipFile(fileobj) as archive:
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > 1_000_000:
                return None
            content_types = archive.read(info).decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
        return None
    for kind, main_type in _OOXML_MAIN.items():
        if main_type in content_types:
            return kind
    return None


@deconstructible
class DocumentContentValidator:
    """Accept only PDF, DOCX, XLSX, PNG and JPEG content whose name agrees with it, within the size limit."""

    def __call__(self, value):
        if getattr(value, "_committed", False):
            return  # already stored: it was checked when it was uploaded
        limit = settings.DOCUMENT_MAX_UPLOAD_MB
        size = getattr(value, "size", None)
        if size == 0:
            raise ValidationError(MSG_EMPTY, code="empty")
        if size is not None and size > limit * 1024 * 1024:
            raise ValidationError(
                MSG_TOO_LARGE,
                code="too_large",
                params={"size": f"{size / 1024 / 1024:.1f}", "limit": limit},
            )
        kind = detect_kind(value)
        if kind is None:
            raise ValidationError(MSG_TYPE, code="type")
        extension = str(value.name).rsplit(".", 1)[-1].lower() if "." in str(value.name) else ""
        if extension not in _EXTENSIONS[kind]:
            raise ValidationError(
                MSG_MISMATCH, code="mismatch", params={"found": kind.upper(), "extension": extension}
            )

    def __eq__(self, other):
        return isinstance(other, DocumentContentValidator)


def valid_file_name(name: str) -> str:
    """The name an uploaded file is stored (and downloaded) under: Django's rule (spaces become ``_``; only
    letters, digits, ``-``, ``_`` and ``.`` are kept) with two differences for Lao. The name is first put
    in the portal's one text form (NFC, ໍ + າ as ຳ; :func:`meetings.rules.text.normalise_text`), and combining
    marks (Lao vowels above and below, tone marks: Unicode categories Mn and Mc) are kept: Django's rule
    drops them, so ບົດບັນທຶກ would be stored as ບດບນທກ."""
    from meetings.rules.text import normalise_text

    text = normalise_text(str(name)).strip().replace(" ", "_")
    kept = "".join(
        ch for ch in text if ch.isalnum() or ch in "-_." or unicodedata.category(ch) in {"Mn", "Mc"}
    )
    if kept in {"", ".", ".."}:
        raise SuspiciousFileOperation(f"Could not derive file name from {name!r}")
    return kept


class DocumentStorage(FileSystemStorage):
    """The default storage (``STORAGES["default"]``): file names keep their Lao vowels and tone marks."""

    def get_valid_name(self, name):
        return valid_file_name(name)
