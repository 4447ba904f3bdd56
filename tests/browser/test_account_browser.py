"""A partner's journey on the public site in Chromium: sign in from the header, see one's name and the
"partners only" mark on a partners-only meeting, sign out, and no longer see that meeting. Screenshots of
the header in Lao at 360 and 1280 px (test-artifacts/account-*.png)."""

import pytest
from django.urls import reverse
from django.utils import translation

from meetings.rules import roles
from tests import factories as f
from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser

PASSWORD = "a-long-partner-password-7"


@pytest.fixture
def site(transactional_db):
    public = f.meeting(title_en="Open meeting", title_lo="ກອງປະຊຸມເປີດ")
    shared = f.meeting(visibility="partners", title_en="Partners meeting", title_lo="ກອງປະຊຸມປຶກສາຫາລືກັບຄູ່ຮ່ວມງານ")
    partner = f.user(role=roles.PARTNER, username="khamphone", first_name="ຄຳພອນ", last_name="ສີສະຫວາດ")
    partner.set_password(PASSWORD)
    partner.save()
    with translation.override("lo"):
        shared_url = reverse("meetings:meeting", kwargs={"slug": shared.slug})
    return {"public": public, "shared": shared, "shared_url": shared_url}


@pytest.mark.parametrize("width", [360, 1280])
def test_a_partner_signs_in_from_the_header_sees_the_mark_and_signs_out(site, new_browser_page, width):
    page = new_browser_page(viewport={"width": width, "height": 800})
    page.goto("/lo/")
    header = page.locator("header.site-header")
    screenshot(page, f"account-lo-{width}-anonymous")
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0

    # the restricted meeting is not there for an anonymous reader
    assert page.goto(site["shared_url"]).status == 404

    # sign in from the public header: back on the page the reader was on
    page.goto("/lo/meetings/")
    header.get_by_role("link", name="ເຂົ້າສູ່ລະບົບ").click()
    page.wait_for_url("**/lo/accounts/login/?next=/lo/meetings/")
    page.get_by_label("ຊື່ຜູ້ໃຊ້").fill("khamphone")
    page.get_by_label("ລະຫັດຜ່ານ").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="ເຂົ້າສູ່ລະບົບ").click()
    page.wait_for_url("**/lo/meetings/")

    account = header.get_by_role("navigation", name="ບັນຊີຜູ້ໃຊ້")
    assert account.locator(".account-nav__user").inner_text() == "ເຂົ້າສູ່ລະບົບໃນນາມ ຄຳພອນ ສີສະຫວາດ"
    assert account.get_by_role("button", name="ອອກຈາກລະບົບ").is_visible()
    assert account.get_by_role("link", name="ເຂົ້າສູ່ລະບົບ").count() == 0

    # the list marks the partners-only meeting; its page carries the mark and says what it means
    entry = page.locator(".meeting-item", has_text=site["shared"].title_lo)
    assert entry.locator(".partners-only").inner_text() == "ສະເພາະພາກສ່ວນຮ່ວມມື"
    assert (
        page.locator(".meeting-item", has_text=site["public"].title_lo).locator(".partners-only").count() == 0
    )
    entry.get_by_role("link").first.click()
    page.wait_for_url(f"**{site['shared_url']}")
    notice = page.locator(".partners-only-notice")
    assert notice.is_visible()
    assert "ສະເພາະພາກສ່ວນຮ່ວມມື" in notice.inner_text()
    assert "ບໍ່ໃຫ້ເຜີຍແຜ່ຕໍ່ສາທາລະນະ" in notice.inner_text()
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert_accessible(page)
    screenshot(page, f"account-lo-{width}-signed-in")

    # sign out: home page, the sign-in link is back and the meeting is gone
    account.get_by_role("button", name="ອອກຈາກລະບົບ").click()
    page.wait_for_url("**/lo/")
    assert header.get_by_role("link", name="ເຂົ້າສູ່ລະບົບ").is_visible()
    assert "ຄຳພອນ" not in header.inner_text()
    assert page.goto(site["shared_url"]).status == 404
    page.goto("/lo/meetings/")
    assert page.locator(".meeting-item", has_text=site["shared"].title_lo).count() == 0
    assert page.locator(".partners-only").count() == 0


def test_the_icon_is_the_portals_own(site, browser_page):
    browser_page.goto("/lo/")
    href = browser_page.locator('link[rel="icon"]').get_attribute("href")
    assert browser_page.request.get(href).headers["content-type"].startswith("image/svg+xml")
    response = browser_page.request.get("/favicon.ico")
    assert response.status == 200 and response.headers["content-type"] in (
        "image/x-icon",
        "image/vnd.microsoft.icon",
    )
