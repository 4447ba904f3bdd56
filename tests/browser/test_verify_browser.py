"""The verify page in a real headless Chromium: type the code printed on a PDF, upload the PDF, see the
version replaced after an edit and download the current one."""

import pytest
from django.db import connections
from django.test import Client

from reports.minutes import verification
from reports.verify.views import code_in_pdf
from tests.browser.conftest import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _close_connections_opened_in_the_browser_loop(browser):
    """The test writes through the ORM while Playwright's loop runs; those connections belong to the
    loop's context: close them there (before the browser closes), or the test database cannot be dropped."""
    yield
    connections.close_all()


@pytest.fixture
def issued(demo, tmp_path):
    """The Lao minutes of a demo meeting as a reader downloaded them, and the code printed on them."""
    meeting = demo[0]
    response = Client().get(f"/lo/reports/minutes/{meeting.slug}/lo.pdf")
    pdf = b"".join(response.streaming_content)
    path = tmp_path / "minutes.pdf"
    path.write_bytes(pdf)
    return {"meeting": meeting, "path": path, "code": code_in_pdf(pdf)}


def test_officer_checks_a_code_and_a_file_then_sees_the_version_replaced(issued, browser_page):
    page = browser_page
    code = issued["code"]
    meeting = issued["meeting"]
    page.goto("/lo/verify/")
    # typed as a person reads it off the paper: lower case, with the dash and spaces
    page.fill("input[name=code]", " " + verification.display_code(code).lower() + " ")
    page.click(".verify-form--code button[type=submit]")
    page.wait_for_url(f"**/lo/verify/{code}/")
    status = page.locator(".verify-status").inner_text()
    assert "ນີ້ແມ່ນສະບັບປັດຈຸບັນຂອງບົດບັນທຶກກອງປະຊຸມນີ້" in status
    assert meeting.title_lo in page.locator(".verify-facts").inner_text()
    assert_accessible(page)
    screenshot(page, "verify-current-lo")

    page.goto("/en/verify/")
    page.set_input_files("input[name=pdf]", str(issued["path"]))
    page.click(".verify-form--file button[type=submit]")
    page.wait_for_selector(".verify-file")
    assert "exactly the file the portal issued" in page.locator(".verify-file").inner_text()
    assert verification.display_code(code) in page.locator(".verify-facts").inner_text()

    meeting.summary_lo = meeting.summary_lo + " ແກ້ໄຂຫຼັງກອງປະຊຸມ."  # the Lao minutes show the Lao summary
    meeting.save()
    page.goto(f"/en/verify/{code}/")
    status = page.locator(".verify-status").inner_text()
    assert status.startswith("This version was replaced on ")
    assert_accessible(page)
    screenshot(page, "verify-replaced-en")
    with page.expect_download() as download:
        page.click("text=Download the current version (PDF)")
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    new_code = code_in_pdf(pdf)
    assert new_code and new_code != code


def test_unknown_code_page_on_a_phone(db, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 740})
    response = page.goto("/lo/verify/AAAAABBBBB/")
    assert response.status == 404
    assert "ບໍ່ພົບເອກະສານທີ່ມີລະຫັດກວດສອບນີ້" in page.locator(".verify-status").inner_text()
    wide = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth")
    assert not wide, "the verify page scrolls sideways on a phone"
    assert_accessible(page)
    screenshot(page, "verify-unknown-phone")
