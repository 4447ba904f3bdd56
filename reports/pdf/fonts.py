"""The fonts embedded in report PDFs: Debian's Noto Lao and Noto Latin faces (package ``fonts-noto-core``).

Debian's Noto Sans/Serif Lao give a PDF text layer that copies back as the original Lao text; Phetsarath OT
and the newer Noto builds from PyPI/npm turn ຳ into າ (see ``shared/lao-text-notes.md``). The faces are
declared with ``@font-face`` from these exact files, so the result does not depend on which other fonts a
machine has; :mod:`reports.pdf.fetcher` lets the renderer read these files and nothing else on the disk.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/noto")

# (CSS family, weight, style, file name)
FACES = (
    ("Noto Sans", 400, "normal", "NotoSans-Regular.ttf"),
    ("Noto Sans", 700, "normal", "NotoSans-Bold.ttf"),
    ("Noto Sans", 400, "italic", "NotoSans-Italic.ttf"),
    ("Noto Sans Lao", 400, "normal", "NotoSansLao-Regular.ttf"),
    ("Noto Sans Lao", 700, "normal", "NotoSansLao-Bold.ttf"),
    ("Noto Serif", 400, "normal", "NotoSerif-Regular.ttf"),
    ("Noto Serif", 700, "normal", "NotoSerif-Bold.ttf"),
    ("Noto Serif Lao", 400, "normal", "NotoSerifLao-Regular.ttf"),
    ("Noto Serif Lao", 700, "normal", "NotoSerifLao-Bold.ttf"),
)

# Lao first, so Lao letters use the face of the same style; Latin letters, digits and punctuation fall back
# to the Latin face (the Lao faces have none).
SANS_STACK = '"Noto Sans Lao", "Noto Sans"'
SERIF_STACK = '"Noto Serif Lao", "Noto Serif"'
# The PostScript names pdffonts reports (after the subset prefix).
LAO_FONT_NAMES = ("NotoSansLao", "NotoSerifLao")


def font_url(file_name: str) -> str:
    return (FONT_DIR / file_name).as_uri()


@cache
def font_files() -> dict[str, Path]:
    """URL -> file of every face the renderer may read."""
    return {font_url(name): FONT_DIR / name for _family, _weight, _style, name in FACES}


@cache
def font_face_css() -> str:
    rules = [
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; '
        f'src: url("{font_url(name)}"); }}'
        for family, weight, style, name in FACES
    ]
    return "\n".join(rules)


def missing_fonts() -> list[Path]:
    return [path for path in font_files().values() if not path.is_file()]
