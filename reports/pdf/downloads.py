"""File names of downloaded reports: meaningful in Lao and in English, safe in any browser.

The one rule (:func:`safe_name`): a file name keeps letters (Lao with its vowel and tone marks, Latin...),
digits, spaces, dots and dashes; anything else (markup, quotes, slashes, brackets, control characters) is
dropped. So a title such as ``<script>alert('x')</script>`` can never carry markup or a path into a name.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote


def _kept(char: str) -> bool:
    category = unicodedata.category(char)
    # L*: letters; M*: the marks that belong to them (Lao vowels and tones); Nd: digits; Pd: dashes
    return category[0] in "LM" or category in ("Nd", "Pd") or char in " ."


def safe_name(name: str, limit: int = 150) -> str:
    """``name`` with only letters, digits, spaces, dots and dashes (other characters dropped), spaces
    collapsed, without leading or trailing spaces and dots."""
    name = re.sub(r"\s+", " ", unicodedata.normalize("NFC", name or ""))
    name = "".join(char for char in name if _kept(char))
    return re.sub(r" +", " ", name).strip(" .")[:limit]


def content_disposition(*, unicode_name: str, ascii_name: str, inline: bool = False) -> str:
    """``attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded unicode>`` (RFC 6266/5987).

    Browsers that understand ``filename*`` save the Lao (or English) name; older ones use the ASCII one.
    """
    ascii_clean = safe_name(ascii_name).encode("ascii", "ignore").decode().strip(" .") or "report.pdf"
    kind = "inline" if inline else "attachment"
    quoted = quote(safe_name(unicode_name), safe="")
    return f"{kind}; filename=\"{ascii_clean}\"; filename*=UTF-8''{quoted}"
