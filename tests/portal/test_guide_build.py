"""The guide as built (``mkdocs build --strict``, tests/guide.py): English where a Lao page is missing,
marked in both languages; the Lao search index cut into words; the vendored front-end files present."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

from django.conf import settings

from tests.guide import is_untranslated

DOCS = Path(settings.BASE_DIR) / "docs"
ZWSP = "\u200b"


def load_hook(name: str):
    spec = importlib.util.spec_from_file_location(f"guide_hook_{name}", DOCS / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def built_page(site: Path, language: str, source: Path) -> Path:
    relative = source.relative_to(DOCS / "en").with_suffix("")
    folder = relative.parent if relative.name == "index" else relative
    return site / ("lo" if language == "lo" else "") / folder / "index.html"


def test_lao_guide_shows_english_where_lao_is_missing_with_a_banner_in_both_languages(guide_site):
    checked = {"fallback": 0, "translated": 0}
    for source in sorted((DOCS / "en").glob("**/*.md")):
        lao_source = DOCS / "lo" / source.relative_to(DOCS / "en")
        lao_page, english_page = built_page(guide_site, "lo", source), built_page(guide_site, "en", source)
        assert lao_page.is_file(), f"{source} has no page in the Lao guide"
        assert not is_untranslated(english_page), english_page
        if lao_source.is_file():
            assert not is_untranslated(lao_page), lao_page
            checked["translated"] += 1
        else:
            html = lao_page.read_text(encoding="utf-8")
            assert is_untranslated(lao_page), f"{lao_page}: English stand-in without the banner"
            assert "ໜ້ານີ້ຍັງບໍ່ທັນໄດ້ແປເປັນພາສາລາວ" in html and "This page is not yet translated" in html
            checked["fallback"] += 1
    assert checked["translated"] >= 1 and sum(checked.values()) >= 5, checked


def test_banner_hook_marks_only_pages_from_another_language():
    hook = load_hook("untranslated")

    class File:
        def __init__(self, locale, built):
            self.locale, self.locale_alternate_of = locale, built

    class Page:
        def __init__(self, file):
            self.file = file

    stand_in, lao, english = Page(File("en", "lo")), Page(File("lo", "lo")), Page(File("en", "en"))
    assert hook.on_page_markdown("# Install", stand_in, None, None).startswith(hook.BANNER)
    assert hook.on_page_markdown("# ຕິດຕັ້ງ", lao, None, None) == "# ຕິດຕັ້ງ"
    assert hook.on_page_markdown("# Install", english, None, None) == "# Install"


def test_search_index_has_lao_cut_into_words_and_latin_untouched(guide_site):
    index = json.loads((guide_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["separator"] == "[\\s\\u200b\\-]+"
    home = next(doc for doc in index["docs"] if doc["location"] == "lo/")
    assert f"ຄະນະ{ZWSP}ກຳມະການ" in "".join(
        d["text"] for d in index["docs"] if d["location"].startswith("lo/")
    )
    assert ZWSP in home["text"]
    for doc in index["docs"]:
        for match in re.finditer(ZWSP, doc["text"]):
            before, after = doc["text"][match.start() - 1], doc["text"][match.end()]
            assert "\u0e80" <= before <= "\u0eff" or "\u0e80" <= after <= "\u0eff", doc["location"]
            assert not (before.isspace() or after.isspace()), doc["location"]


def test_segmenting_puts_zero_width_spaces_between_lao_words_only():
    hook = load_hook("lao_search")
    from meetings.rules import text

    cut = hook.segment_lao("ຄະນະກຳມະການຕ້ານການຄ້າມະນຸດ (ASEAN-ACT) ລະດັບຊາດ", text)
    assert cut.replace(ZWSP, "") == "ຄະນະກຳມະການຕ້ານການຄ້າມະນຸດ (ASEAN-ACT) ລະດັບຊາດ"
    assert cut.count(ZWSP) >= 3 and "(ASEAN-ACT)" in cut
    assert hook.segment_lao('ໝາຍ "ຂ້າພະເຈົ້າໄດ້', text) == f'ໝາຍ "{ZWSP}ຂ້າພະເຈົ້າ{ZWSP}ໄດ້'  # quote apart
    assert hook.segment_lao("ກໍາມະການ", text).replace(ZWSP, "") == "ກຳມະການ"  # one form of sara am
    assert hook.segment_lao("plain English", text) == "plain English"


def test_built_guide_carries_its_own_front_end_files(guide_site):
    vendor = guide_site / "assets" / "vendor"
    assert (vendor / "mermaid.min.js").stat().st_size > 1_000_000
    css = (vendor / "noto-sans-lao" / "400.css").read_text(encoding="utf-8")
    for name in re.findall(r"url\(\./(files/[\w.-]+)\)", css):
        assert (vendor / "noto-sans-lao" / name).is_file(), name
    html = (guide_site / "lo" / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "unpkg" not in html and "cdn." not in html
    assert 'src="../assets/vendor/mermaid.min.js"' in html
