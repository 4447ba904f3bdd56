"""File names of downloaded reports: meaningful in Lao and in English, safe in any browser."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|;]+')


def _clean(name: str) -> str:
    name = _UNSAFE.sub(" ", unicodedata.normalize("NFC", name))
    return re.sub(r"\s+", " ", name).strip(" .")[:150]


def content_disposition(*, unicode_name: str, ascii_name: str, inline: bool = False) -> str:
    """``attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded unicode>`` (RFC 6266/5987).

    Browsers that understand ``filename*`` save the Lao (or English) name; older ones use the ASCII one.
    """
    ascii_clean = _clean(ascii_name).encode("ascii", "ignore").decode() or "report.pdf"
    kind = "inline" if inline else "attachment"
    quoted = quote(_clean(unicode_name), safe="")
    return f"{kind}; filename=\"{ascii_clean}\"; filename*=UTF-8''{quoted}"
