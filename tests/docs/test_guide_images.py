"""Pictures in the guides cannot go stale: every image a guide page shows from docs/assets/screenshots/ is
made by a browser journey (a ``guide_shot(page, "<name>", lang)`` call in tests/browser/) and exists in
the repository, in the language of the page. ``bin/screenshots`` regenerates them all."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
BROWSER_TESTS = ROOT / "tests" / "browser"
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")
SHOT_CALL = re.compile(r"guide_shot\(\s*\w+\s*,\s*\"([a-z0-9-]+)\"")


def made_by_journeys() -> set[str]:
    names = set()
    for source in BROWSER_TESTS.glob("*.py"):
        names |= set(SHOT_CALL.findall(source.read_text(encoding="utf-8")))
    return names


def screenshots_shown(docs: Path = DOCS) -> list[tuple[Path, str, str, str, Path]]:
    """(page, language of the page, language folder of the image, image name, file) for every screenshot."""
    shown = []
    for page in sorted(docs.glob("*/**/*.md")):
        lang = page.relative_to(docs).parts[0]
        for target in IMAGE.findall(page.read_text(encoding="utf-8")):
            path = (page.parent / target).resolve()
            if "assets/screenshots/" in path.as_posix():
                shown.append((page, lang, path.parent.name, path.stem, path))
    return shown


def problems(docs: Path = DOCS) -> list[str]:
    made = made_by_journeys()
    found = []
    for page, lang, image_lang, name, path in screenshots_shown(docs):
        where = page.relative_to(docs)
        if name not in made:
            found.append(f'{where}: {name}.png is made by no journey (no guide_shot(page, "{name}", lang))')
        if not path.exists():
            found.append(f"{where}: {path.name} is missing from {path.parent} (run bin/screenshots)")
        if image_lang != lang:
            found.append(f"{where}: a {lang} page shows the {image_lang} picture {name}.png")
    return found


def test_the_journeys_make_pictures_and_the_guides_show_them():
    assert len(made_by_journeys()) >= 20
    assert len(screenshots_shown()) >= 30


def test_every_guide_picture_is_made_by_a_journey_and_present():
    found = problems()
    assert not found, "\n".join(found)


def test_the_check_finds_a_picture_no_journey_makes_a_missing_file_and_the_wrong_language(tmp_path):
    page = tmp_path / "lo" / "officers" / "x.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        "![a](../../assets/screenshots/lo/no-such-task.png)\n\n![b](../../assets/screenshots/en/history.png)\n",
        encoding="utf-8",
    )
    found = problems(tmp_path)
    assert any("no-such-task.png is made by no journey" in p for p in found), found
    assert any("no-such-task.png is missing" in p for p in found), found
    assert any("history.png is missing" in p for p in found), found
    assert any("a lo page shows the en picture history.png" in p for p in found), found


def test_no_picture_is_left_over_from_a_journey_step_that_is_gone():
    """A PNG under docs/assets/screenshots/ that no journey makes any more would never be refreshed."""
    made = made_by_journeys()
    stale = [
        str(path.relative_to(ROOT))
        for path in sorted((DOCS / "assets" / "screenshots").glob("*/*.png"))
        if path.stem not in made
    ]
    assert not stale, stale
