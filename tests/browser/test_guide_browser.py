"""The guide (docs/, built by MkDocs) in a real headless Chromium, served under /help/ as in the demo.

* Lao search: Lao writes no spaces between words; 20 Lao words taken from the built Lao pages by a rule
  (tests/guide.py, rare_lao_words: words inside runs of Lao text, found on few pages) are typed into the
  guide's search box, and each one's page must be among the hits.
* One language at a time: the build writes one search index for both languages; a word found on pages of
  both (nginx) finds only Lao pages from the Lao guide and only English pages from the English one.
* Help where it is needed: the Lao add-meeting screen of the admin has a help link; it opens the Lao
  officers' page about entering a meeting, written in Lao, whose screenshots load.
* The Lao home page: in Lao, its diagram drawn by the vendored Mermaid, the Lao font loaded, nothing
  fetched from another host (the browser fixture refuses and reports such requests).
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in, screenshot, session_cookie
from tests.guide import rare_lao_words

pytestmark = pytest.mark.browser

PLACEHOLDER = "ພິມຄຳທີ່ຕ້ອງການຊອກຫາ"  # docs/overrides/partials/languages/lo.html, search.result.placeholder
PLACEHOLDER_EN = "Type to start searching"  # Material's English search.result.placeholder


@pytest.fixture
def guide(settings, guide_site):
    settings.HELP_SITE_DIR = guide_site
    return guide_site


def search_hits(page, query: str, placeholder: str = PLACEHOLDER) -> list[str]:
    """Type ``query`` into the guide's search box; the addresses (without #section) of the hits."""
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.fill("")
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function(
        "t => document.querySelector('.md-search-result__meta').textContent.trim() === t", arg=placeholder
    )
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "t => document.querySelector('.md-search-result__meta').textContent.trim() !== t", arg=placeholder
    )
    assert meta.text_content().strip()
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    return sorted({href.split("#", 1)[0].split("?", 1)[0] for href in hrefs})


def test_lao_words_inside_running_text_are_found_by_the_guide_search(
    transactional_db, guide, browser_page, live_server
):
    words = rare_lao_words(guide, count=20)
    assert len({word for word, _ in words}) == 20, f"the Lao pages give only {len(words)} words: {words}"
    page = browser_page
    page.goto("/help/lo/")
    page.locator("input.md-search__input").click()
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').textContent.includes('ກຳລັງກຽມ')"
    )
    missed = []
    for word, address in words:
        hits = search_hits(page, word)
        if live_server.url + address not in hits:
            missed.append(f"{word} ({address}): {hits}")
    screenshot(page, "guide-lao-search")
    assert not missed, "Lao words not found on their pages:\n" + "\n".join(missed)


def test_the_guide_search_finds_pages_in_the_readers_language_only(
    transactional_db, guide, browser_page, live_server
):
    page = browser_page
    for start, wanted_lao, placeholder in (
        ("/help/lo/", True, PLACEHOLDER),
        ("/help/", False, PLACEHOLDER_EN),
    ):
        page.goto(start)
        page.locator("input.md-search__input").click()
        hits = search_hits(page, "nginx", placeholder)
        assert hits, f"nothing found for nginx from {start}"
        lao = [hit.startswith(live_server.url + "/help/lo/") for hit in hits]
        assert all(lao) if wanted_lao else not any(lao), f"{start}: {hits}"


def test_lao_home_of_the_guide_is_lao_with_its_diagram_and_font(transactional_db, guide, browser_page):
    page = browser_page
    page.goto("/help/lo/")
    assert page.locator("html").get_attribute("lang") == "lo"
    assert "ຄູ່ມື" in page.title()
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "ຊອກຫາໃນຄູ່ມື"
    # Material replaces the diagram's source (pre.mermaid) with a drawing (div.mermaid, in a closed shadow
    # root) once Mermaid - our copy, assets/vendor/mermaid.min.js; other hosts are refused - has drawn it.
    page.wait_for_selector("article div.mermaid")
    assert page.locator("article pre.mermaid").count() == 0
    assert page.locator("article div.mermaid").first.bounding_box()["height"] > 100
    assert page.evaluate(
        "async () => { await document.fonts.ready; return document.fonts.check('16px \"Noto Sans Lao\"', 'ລາວ'); }"
    )
    loaded = page.evaluate("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Noto Sans Lao" in family for family in loaded), loaded
    screenshot(page, "guide-lao-home")
    # The English guide is the default, at /help/; its language switcher leads to the Lao page.
    page.goto("/help/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator('a[hreflang="lo"]').count() >= 1


@pytest.fixture
def officer_cookie(transactional_db, live_server):
    from django.contrib.auth import get_user_model

    officer = get_user_model().objects.create_superuser("officer", password=None)
    return session_cookie(officer, live_server.url)


def test_lao_add_meeting_screen_opens_the_lao_officers_page_with_its_screenshots(
    officer_cookie, guide, browser_page, live_server
):
    page = browser_page
    log_in(page, officer_cookie)
    page.goto("/admin/meetings/meeting/add/")
    assert page.locator("html").get_attribute("lang") == "lo"  # an officer's admin is Lao unless they chose
    link = page.locator("#user-tools a.help-link")
    assert link.text_content() == "ຄູ່ມື"
    link.click()
    page.wait_for_url(live_server.url + "/help/lo/officers/enter-a-meeting/")
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "lo"
    assert page.locator("article .untranslated").count() == 0, "the page is the English one standing in"
    heading = page.locator("article h1").first.text_content()
    assert any("\u0e80" <= c <= "\u0eff" for c in heading), heading
    images = page.evaluate(
        """() => [...document.querySelectorAll('article img')].map(
             i => ({src: i.currentSrc, loaded: i.complete && i.naturalWidth > 0}))"""
    )
    screenshots = [i for i in images if "/help/assets/screenshots/lo/" in i["src"]]
    assert screenshots, f"no Lao screenshot on the page: {images}"
    assert all(i["loaded"] for i in images), [i["src"] for i in images if not i["loaded"]]
    screenshot(page, "guide-help-link-lao-officers")
