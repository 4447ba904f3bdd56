"""The meeting's add and change pages fit the officer's screen: at 1280 and 1366 px wide (Lao and English)
nothing needs sideways scrolling, and the workflow and PDF buttons do not overlap the meeting's title.
Screenshots go to test-artifacts/admin-layout/."""

import pytest
from django.contrib.auth import get_user_model

from meetings.services.demo import load_demo_data
from tests.browser.conftest import screenshot, session_cookie

pytestmark = pytest.mark.browser

OVERLAPS = """() => {
  const title = document.querySelector('#content > h2, #content h1');
  const tools = [...document.querySelectorAll('.object-tools a')];
  if (!title || !tools.length) return [];
  const t = title.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  return tools.filter((a) => {
    const r = a.getBoundingClientRect();
    const overlaps = r.left < t.right && r.right > t.left && r.top < t.bottom && r.bottom > t.top;
    return overlaps || r.right > width || r.left < 0;
  }).map((a) => a.textContent.trim());
}"""


@pytest.fixture
def officer_cookie(transactional_db, live_server):
    meeting = load_demo_data()[0]
    user = get_user_model().objects.create_superuser("layout-officer", "o@example.org", "x-long-password-1")
    return meeting, session_cookie(user, live_server.url)


@pytest.mark.parametrize("language", ["lo", "en"])
def test_meeting_add_and_change_pages_fit_1280_and_1366(officer_cookie, new_browser_page, language):
    meeting, cookie = officer_cookie
    for width in (1280, 1366):
        page = new_browser_page(viewport={"width": width, "height": 900})
        page.context.add_cookies(
            [cookie, {"name": "django_language", "value": language, "url": cookie["url"]}]
        )
        for name, url in (
            ("add", "/admin/meetings/meeting/add/"),
            ("change", f"/admin/meetings/meeting/{meeting.pk}/change/"),
        ):
            page.goto(url)
            assert page.locator("html").get_attribute("lang") == language
            if name == "add":  # an empty row of every inline, as an officer adds them
                for link in page.locator(".add-row a").all():
                    link.click()
            screenshot(page, f"admin-layout/{name}-{language}-{width}")
            scroll, inner = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
            assert scroll <= inner, (
                f"{name} page at {width}px ({language}) scrolls sideways: {scroll} > {inner}"
            )
            assert page.evaluate(OVERLAPS) == [], f"{name} page at {width}px: buttons overlap the title"
