"""Lao text normalisation: the one rule, used wherever text is stored or searched.

* Unicode NFC.
* The vowel sara am in one form: decomposed nikhahit + sara aa (U+0ECD U+0EB2) becomes U+0EB3.
  NFC leaves both forms alone (U+0EB3 has only a compatibility decomposition), so this is explicit.
* Two sara e (U+0EC0 U+0EC0), a common typing of sara ae, becomes U+0EC1.
* Zero-width spaces (line-break hints added at render time) never reach the database.
* Runs of spaces collapse to one and the ends are trimmed.
"""

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0]+")
_REPLACEMENTS = (
    ("\u0ecd\u0eb2", "\u0eb3"),  # ໍ + າ -> ຳ
    ("\u0ec0\u0ec0", "\u0ec1"),  # ເ + ເ -> ແ
    ("\u200b", ""),  # zero-width space
    ("\ufeff", ""),  # byte-order mark / zero-width no-break space
)


def normalise_text(value: str) -> str:
    """Return ``value`` in the portal's stored form (see the module docstring)."""
    if not value:
        return value
    text = unicodedata.normalize("NFC", value)
    for old, new in _REPLACEMENTS:
        text = text.replace(old, new)
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


def search_key(value: str) -> str:
    """Normalised and case-folded: the form that search compares."""
    return normalise_text(value or "").casefold()
