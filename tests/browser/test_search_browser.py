"""The search page in a real headless Chromium: type, submit, filter, read the highlighted results."""

import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/portal-screenshots"))


def test_search_with_decomposed_sara_am_then_filter(demo, new_browser_page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = new_browser_page(viewport={"width": 1100, "height": 900})
    page.goto("/lo/search/")
    page.fill("input[name=q]", "ກໍາມະການ")  # ໍ + າ as many keyboards type it
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".search-group")
    headings = page.locator(".search-group h2").all_inner_texts()
    assert len(headings) >= 4 and headings[0].startswith("ກອງປະຊຸມ")
    marks = set(page.locator("mark").all_inner_texts())
    assert marks == {"ກຳມະການ"}
    page.screenshot(path=str(SHOTS / "search-lo.png"), full_page=True)

    page.select_option("select[name=year]", "2020")
    page.select_option("select[name=kind]", "activities")
    page.click("button[type=submit]")
    page.wait_for_selector(".search-group")
    assert page.locator(".search-group h2").all_inner_texts() == ["ກິດຈະກຳ (1)"]
    assert "18" in page.locator(".search-hit__title").inner_text()


def test_results_fit_a_phone_screen(demo, new_browser_page):
    page = new_browser_page(viewport={"width": 360, "height": 740})
    page.goto("/en/search/?q=ຄ້າມະນຸດ")
    page.wait_for_selector(".search-group")
    page.screenshot(path=str(SHOTS / "search-phone.png"), full_page=True)
    wide = page.evaluate(
        """[...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map(e => e.tagName + '.' + e.className)"""
    )
    assert wide == []
