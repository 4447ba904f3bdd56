"""The Lao pages of the IT officers' guide give the same commands as the English ones, character for
character (the English install page is the one the install check runs), and one Lao page per English page."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["index", "install", "upgrade", "backup-restore", "health-logs", "outages", "environment"]
ENGLISH = [ROOT / "docs" / "en" / "it" / f"{name}.md" for name in PAGES]
FENCE = re.compile(r"^```[a-z]*\n.*?^```$", flags=re.S | re.M)


def test_the_guide_has_its_pages():
    assert all(page.is_file() for page in ENGLISH)


@pytest.mark.parametrize("english", ENGLISH, ids=lambda p: p.name)
def test_the_lao_page_has_the_english_commands(english):
    lao = ROOT / "docs" / "lo" / "it" / english.name
    assert lao.is_file(), f"docs/lo/it/{english.name} is missing"
    lao_text = lao.read_text(encoding="utf-8")
    assert FENCE.findall(lao_text) == FENCE.findall(english.read_text(encoding="utf-8"))
    assert re.search(r"[\u0e80-\u0eff]", lao_text), "the Lao page has no Lao text"
