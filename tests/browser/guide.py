"""Pictures for the guides (docs/), taken by the browser journeys themselves.

``guide_shot(page, name, lang)`` is called by a journey at the moment the guide shows: it always checks
that the page is in ``lang`` (``<html lang>``), answered without a server error and, when given, that
``shows`` is visible; with ``GUIDE_SHOTS=1`` (``bin/screenshots``) it also saves the picture as
``docs/assets/screenshots/<lang>/<name>.png`` (1280 px wide, the viewport or one element), reduced to a
256-colour palette. ``tests/docs/test_guide_images.py`` finds the names in the tests' sources:
a guide page may only show a picture a journey makes.
"""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "assets" / "screenshots"
LANGUAGES = ("lo", "en")


def taking_shots() -> bool:
    return os.environ.get("GUIDE_SHOTS", "") not in ("", "0")


def shot_path(name: str, lang: str) -> Path:
    return SHOTS / lang / f"{name}.png"


def guide_shot(page, name: str, lang: str, *, shows=None, element=None) -> Path | None:
    """Check the page a guide shows, and with GUIDE_SHOTS=1 save its picture. ``shows``: a locator that
    must be visible (what the guide points at); ``element``: photograph only that part of the page."""
    assert lang in LANGUAGES, lang
    assert name and name.replace("-", "").isalnum() and name == name.lower(), name
    expect(page.locator("html")).to_have_attribute("lang", lang)
    title = page.title()
    assert "Server Error" not in title and "Page not found" not in title, (name, lang, title)
    if shows is not None:
        expect(shows.first).to_be_visible()
    if not taking_shots():
        return None
    path = shot_path(name, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.evaluate("() => document.fonts.ready")
    if element is not None:
        element.first.screenshot(path=str(path), animations="disabled")
    else:
        page.screenshot(path=str(path), animations="disabled")
    squeeze(path)
    return path


def squeeze(path: Path) -> None:
    """Keep the PNG small for the repository: a 256-colour palette without dithering (screens are flat
    colours and text, which stays sharp), optimised; about 40 % of the plain screenshot."""
    from PIL import Image

    with Image.open(path) as image:
        palette = image.convert("RGB").quantize(
            colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
    palette.save(path, optimize=True)
