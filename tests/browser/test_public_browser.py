"""The public site in a real headless Chromium: every page type in both languages, switching language,
filtering, following links, accessibility (axe-core), the Lao web font, and screenshots to look at."""

import pytest
from django.urls import reverse
from django.utils import translation

from meetings import models as m
from meetings.rules import roles
from tests import factories
from tests.browser.conftest import assert_accessible, log_in, screenshot, session_cookie

pytestmark = pytest.mark.browser

NPSC = "2024-02-15-asean-act-npsc-2023"
REVIEW = "2020-02-13-annual-review-2019"


@pytest.fixture
def demo_site(transactional_db):
    """Demo data and every database value the tests compare with, read before Chromium starts."""
    from meetings.services.demo import load_demo_data

    load_demo_data()
    meeting = m.Meeting.objects.get(slug=NPSC)
    review = m.Meeting.objects.get(slug=REVIEW)
    organiser = review.organisers.filter(people__isnull=False).order_by("slug").first()
    return {
        "meeting": meeting,
        "participants": meeting.participations.count(),
        "organisation": meeting.organisers.order_by("slug").first(),
        "person": meeting.participations.order_by("pk").first().person,
        "review": review,
        "review_organiser": organiser,
        "review_organiser_person": organiser.people.order_by("name_lo").first(),
        "action_items": m.ActionItem.objects.count(),
        "overdue": m.ActionItem.objects.overdue().count(),
    }


def page_paths(site, lang):
    with translation.override(lang):
        return {
            "home": reverse("meetings:home"),
            "meeting list": reverse("meetings:meeting_list"),
            "year archive": reverse("meetings:year_archive", kwargs={"year": 2024}),
            "meeting": reverse("meetings:meeting", kwargs={"slug": site["meeting"].slug}),
            "organisation list": reverse("meetings:organisation_list"),
            "organisation": reverse("meetings:organisation", kwargs={"slug": site["organisation"].slug}),
            "person list": reverse("meetings:person_list"),
            "person": reverse("meetings:person", kwargs={"slug": site["person"].slug}),
            "action items": reverse("meetings:action_items"),
            "statistics": reverse("meetings:statistics"),
            "open data": reverse("meetings:open_data"),
        }


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_every_page_type_opens_and_is_accessible(demo_site, browser_page, lang):
    for name, path in page_paths(demo_site, lang).items():
        response = browser_page.goto(path)
        assert response.status == 200, name
        assert browser_page.locator("html").get_attribute("lang") == lang
        assert browser_page.locator("main h1").first.is_visible(), name
        assert browser_page.locator("header nav, main, footer").count() >= 3
        assert_accessible(browser_page)
        screenshot(browser_page, f"{lang}-{name.replace(' ', '-')}")
    response = browser_page.goto(f"/{lang}/no-such-page/")
    assert response.status == 404
    assert browser_page.locator("html").get_attribute("lang") == lang
    assert_accessible(browser_page)


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_no_page_is_wider_than_a_360px_phone(demo_site, new_browser_page, lang):
    page = new_browser_page(viewport={"width": 360, "height": 740})
    for name, path in page_paths(demo_site, lang).items():
        page.goto(path)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name}: {overflow}px wider than the screen"
        assert_accessible(page)  # e.g. wide tables scroll inside a keyboard-reachable region
        screenshot(page, f"360-{lang}-{name.replace(' ', '-')}")


def test_pages_show_their_content_without_javascript(demo_site, new_browser_page):
    page = new_browser_page(java_script_enabled=False)
    page.goto(f"/en/meetings/{NPSC}/")
    assert demo_site["meeting"].title_en in page.locator("h1").inner_text()
    assert page.locator("table.participants tbody tr").count() == demo_site["participants"]
    page.goto("/en/statistics/")
    assert page.locator("svg.chart").count() == 5


def test_language_switch_keeps_the_reader_on_the_same_page(demo_site, browser_page):
    meeting = demo_site["meeting"]
    browser_page.goto(f"/lo/meetings/{meeting.slug}/")
    assert meeting.title_lo in browser_page.locator("h1").inner_text()
    browser_page.get_by_role("navigation", name="ພາສາ").get_by_role("link", name="English").click()
    browser_page.wait_for_url(f"**/en/meetings/{meeting.slug}/")
    assert meeting.title_en in browser_page.locator("h1").inner_text()
    browser_page.get_by_role("navigation", name="Language").get_by_role("link", name="ລາວ").click()
    browser_page.wait_for_url(f"**/lo/meetings/{meeting.slug}/")
    assert browser_page.locator("html").get_attribute("lang") == "lo"


def test_filtering_the_meeting_list(demo_site, browser_page):
    browser_page.goto("/en/meetings/")
    items = browser_page.locator("ul.meeting-list > li")
    assert items.count() == 2
    browser_page.get_by_label("Kind of meeting").select_option("annual_review")
    browser_page.get_by_role("button", name="Apply").click()
    browser_page.wait_for_url("**/en/meetings/?*kind=annual_review*")
    assert items.count() == 1
    assert REVIEW in items.first.locator("a").first.get_attribute("href")
    assert "1 meeting" in browser_page.locator("p.count").inner_text()
    # the filter survives a language switch
    browser_page.get_by_role("link", name="ລາວ").click()
    browser_page.wait_for_url("**/lo/meetings/?*kind=annual_review*")
    assert browser_page.locator("ul.meeting-list > li").count() == 1
    browser_page.get_by_role("link", name="ລຶບເງື່ອນໄຂ").click()
    assert browser_page.locator("ul.meeting-list > li").count() == 2


def test_filtering_action_items_overdue(demo_site, browser_page):
    browser_page.goto("/en/action-items/")
    items = browser_page.locator("ul.action-items > li")
    assert items.count() == demo_site["action_items"]
    assert 0 < demo_site["overdue"] < demo_site["action_items"]
    browser_page.get_by_label("Overdue only").check()
    browser_page.get_by_role("button", name="Apply").click()
    browser_page.wait_for_url("**overdue=on*")
    assert items.count() == demo_site["overdue"]
    assert browser_page.locator("ul.action-items .status--overdue").count() == demo_site["overdue"]


def test_following_links_meeting_to_organisation_to_person(demo_site, browser_page):
    meeting, organiser = demo_site["review"], demo_site["review_organiser"]
    person = demo_site["review_organiser_person"]
    browser_page.goto(f"/en/meetings/{meeting.slug}/")
    browser_page.locator("dl.facts").get_by_role("link", name=organiser.name_en, exact=True).click()
    browser_page.wait_for_url(f"**/en/organisations/{organiser.slug}/")
    assert organiser.name_en in browser_page.locator("h1").inner_text()
    browser_page.get_by_role("link", name=person.name_en).first.click()
    browser_page.wait_for_url(f"**/en/people/{person.slug}/")
    assert person.name_en in browser_page.locator("h1").inner_text()
    # and back to a meeting the person took part in
    browser_page.locator("ul.meeting-list a").first.click()
    browser_page.wait_for_url("**/en/meetings/*/")
    assert browser_page.locator("table.participants").get_by_role("link", name=person.name_en).count() == 1


def test_lao_font_is_served_by_the_portal(demo_site, browser_page):
    font_requests = []
    browser_page.on("requestfinished", lambda r: font_requests.append(r.url) if ".woff2" in r.url else None)
    browser_page.goto(f"/lo/meetings/{NPSC}/")
    browser_page.evaluate("() => document.fonts.ready")
    assert browser_page.evaluate("() => document.fonts.check('16px \"Noto Sans Lao\"', 'ກອງປະຊຸມ')")
    loaded = browser_page.evaluate(
        "() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
    )
    assert any("Noto Sans Lao" in family for family in loaded)
    assert any("/static/fonts/noto-sans-lao/noto-sans-lao-lao-" in url for url in font_requests)
    line_height = browser_page.evaluate("() => parseFloat(getComputedStyle(document.body).lineHeight)")
    font_size = browser_page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
    assert line_height / font_size >= 1.7  # room for stacked Lao vowels and tone marks


@pytest.mark.parametrize("lang", ["lo", "en"])
@pytest.mark.parametrize("width", [360, 1280])
def test_meeting_page_screenshots_and_no_horizontal_overflow(demo_site, new_browser_page, lang, width):
    page = new_browser_page(viewport={"width": width, "height": 800})
    page.goto(f"/{lang}/meetings/{NPSC}/")
    page.evaluate("() => document.fonts.ready")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"page is {overflow}px wider than the {width}px screen"
    wide = page.evaluate(
        """() => [...document.querySelectorAll('main *')]
              .filter(e => !e.closest('.table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1)
              .map(e => e.tagName + '.' + e.className)"""
    )
    assert wide == []
    path = screenshot(page, f"meeting-{lang}-{width}")
    assert path.stat().st_size > 10_000


def test_print_stylesheet_hides_navigation(demo_site, new_browser_page):
    page = new_browser_page()
    page.goto(f"/en/meetings/{NPSC}/")
    page.emulate_media(media="print")
    assert not page.locator("header.site-header").is_visible()
    assert page.locator("main h1").is_visible()
    pdf = page.pdf()  # Chromium's own print path: the page prints without errors
    assert pdf.startswith(b"%PDF")


def test_the_accessibility_check_finds_real_violations(demo_site, browser_page):
    # the checker itself must be able to fail: a page without lang and with an unnamed button
    browser_page.goto("/en/")
    browser_page.set_content("<html><body><button></button><input type='text'></body></html>")
    with pytest.raises(AssertionError, match="button-name"):
        assert_accessible(browser_page)


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(demo_site, browser_page):
    browser_page.goto("/en/")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("() => document.activeElement.className")
    assert focused == "skip-link"
    box = browser_page.locator(".skip-link").bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0  # visible when focused
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("() => document.activeElement.id") == "main"


@pytest.fixture
def officer_cookie(demo_site, live_server):
    """The NPSC meeting made a draft, and a signed-in secretariat officer (all written before Chromium)."""

    draft = demo_site["meeting"]
    draft.status = m.Meeting.Status.DRAFT
    draft.save()
    officer = factories.user(role=roles.EDITOR, username="officer")
    return session_cookie(officer, live_server.url)


def test_staff_see_unpublished_meetings_and_anonymous_readers_do_not(officer_cookie, new_browser_page):
    anonymous = new_browser_page()
    assert anonymous.goto(f"/en/meetings/{NPSC}/").status == 404
    staff_page = new_browser_page()
    log_in(staff_page, officer_cookie)
    assert staff_page.goto(f"/en/meetings/{NPSC}/").status == 200
    assert "Not published" in staff_page.locator("main").inner_text()
