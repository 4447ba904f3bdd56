"""The guide (docs/, mkdocs.yml) in tests: built once per run, as bin/test builds it (``--strict``), into a
temporary folder that the tests serve under /help/ (settings.HELP_SITE_DIR) or read."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UNTRANSLATED_CLASS = "untranslated"  # docs/hooks/untranslated.py
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
_TAG = re.compile(r"<[^>]+>")


def build_guide(site_dir: Path) -> Path:
    """``mkdocs build --strict`` into ``site_dir``; fails the test with MkDocs' output if the build fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return site_dir


def page_url(site_dir: Path, html_file: Path) -> str:
    """The /help/... address of a built page."""
    relative = html_file.relative_to(site_dir).as_posix()
    return "/help/" + relative.removesuffix("index.html")


def article_text(html_file: Path) -> str:
    """The visible text of a built page's article (no navigation, header or footer)."""
    html = html_file.read_text(encoding="utf-8")
    match = _ARTICLE.search(html)
    return _TAG.sub(" ", match.group(1)) if match else ""


def is_untranslated(html_file: Path) -> bool:
    """An English page shown in the Lao guide (it carries the banner of docs/hooks/untranslated.py)."""
    return f"admonition warning {UNTRANSLATED_CLASS}" in html_file.read_text(encoding="utf-8")


def lao_pages(site_dir: Path) -> list[Path]:
    """The built pages of the Lao guide that are written in Lao (not English fallbacks, not 404)."""
    return sorted(
        path
        for path in (site_dir / "lo").glob("**/index.html")
        if not is_untranslated(path) and "/assets/" not in path.as_posix()
    )


_LAO_RUN = re.compile(r"[\u0e80-\u0eff]+")


def rare_lao_words(site_dir: Path, *, count: int = 20, max_pages: int = 2) -> list[tuple[str, str]]:
    """(word, page address) pairs for the Lao search test, chosen by a rule from the built Lao pages.

    A candidate is a word of at least three letters that ICU finds *inside* a run of Lao text (the run
    holds more than one word, so a search that splits on spaces alone cannot find it) and that occurs on
    at most ``max_pages`` Lao pages. Pages take turns (in path order), each giving its rarest, then longest,
    words first, until ``count`` distinct words are chosen; fewer when the pages hold fewer.
    """
    from meetings.rules import text

    candidates: dict[Path, set[str]] = {}
    pages_with: dict[str, int] = {}
    for page in lao_pages(site_dir):
        found = set()
        for run in _LAO_RUN.findall(article_text(page)):
            words = [w for w in text.words(run) if _LAO_RUN.fullmatch(w)]
            if len(words) > 1:
                found.update(w for w in words if len(w) >= 3)
        candidates[page] = found
        for word in found:
            pages_with[word] = pages_with.get(word, 0) + 1
    queues = {
        page: sorted(
            (w for w in words if pages_with[w] <= max_pages), key=lambda w: (pages_with[w], -len(w), w)
        )
        for page, words in candidates.items()
    }
    chosen: list[tuple[str, str]] = []
    taken: set[str] = set()
    while len(chosen) < count and any(queues.values()):
        for page, queue in queues.items():
            while queue and queue[0] in taken:
                queue.pop(0)
            if queue and len(chosen) < count:
                word = queue.pop(0)
                taken.add(word)
                chosen.append((word, page_url(site_dir, page)))
    return chosen
