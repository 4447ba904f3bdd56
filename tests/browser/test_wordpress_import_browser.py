"""Journey: a secretariat publisher, in the Lao admin, uploads the committee's WordPress export, looks at
the preview (the two posts about the demo's meetings offered as links to them), imports, opens a draft,
sees the suggestions marked with their passages, confirms them, publishes, and finds the facts on the
public page."""

import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SERIOUS, assert_accessible, log_in, run_axe, screenshot, session_cookie

pytestmark = pytest.mark.browser

WXR = Path(__file__).resolve().parents[1] / "meetings" / "fixtures" / "wordpress" / "committee-news.wxr.xml"


def db_read(query):
    """Run an ORM read in its own thread and close its connection (Playwright's event loop runs in this
    thread, and a connection opened here would outlive the test)."""
    from django.db import connection

    out = []

    def run():
        try:
            out.append(query())
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return out[0]


@pytest.fixture
def publisher_cookie(transactional_db, live_server):
    from meetings.rules import roles
    from meetings.services.demo import load_demo_data
    from tests import factories

    load_demo_data()
    user = factories.user(role=roles.PUBLISHER, username="publisher-import")
    return session_cookie(user, live_server.url)


def test_officer_imports_the_archive_confirms_and_publishes(publisher_cookie, browser_page):
    from meetings.models import Meeting
    from meetings.models.imports import ImportedPost

    page = browser_page
    log_in(page, publisher_cookie)
    page.goto("/admin/meetings/importedpost/")
    # the officer works in Lao: the admin's default for an officer who never chose a language
    expect(page.locator(".language-switcher button[value=lo]")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("link", name="ນຳເຂົ້າຂ່າວຈາກ WordPress").click()
    page.get_by_label("ໄຟລ໌ສົ່ງອອກຂອງ WordPress").set_input_files(str(WXR))
    page.get_by_role("button", name="ເບິ່ງຕົວຢ່າງ").click()
    expect(page.locator("tr.post-row")).to_have_count(7)

    # preview: seven posts, the New Year greeting unticked, facts listed, nothing saved yet
    rows = page.locator("tr.post-row")
    assert rows.count() == 7
    greeting = page.get_by_role("checkbox", name="ນຳເຂົ້າ: ຂໍອວຍພອນບຸນປີໃໝ່ລາວ")
    assert not greeting.is_checked()
    assert page.get_by_role("checkbox", checked=True).count() == 6
    assert "ໂຮງແຮມລາວເທວ" in rows.nth(0).inner_text()
    assert "npsc-2023-report.pdf" in rows.nth(0).inner_text()
    # the two seed posts are about the demo's meetings: offered as links to them, not as new drafts
    assert page.locator(".same-meeting").count() == 2
    same = rows.nth(0).locator(".same-meeting")
    assert "ກອງປະຊຸມຄະນະຮັບຜິດຊອບຊີ້ນຳແຜນງານອາຊຽນ-ອົດສະຕຣາລີ" in same.inner_text()
    assert not same.get_by_role("checkbox").is_checked()
    assert not db_read(ImportedPost.objects.exists)
    assert_accessible(page)
    screenshot(page, "wordpress-import-preview")
    page.get_by_role("button", name="ນຳເຂົ້າ", exact=True).click()
    expect(page.locator(".import-summary")).to_be_visible()
    assert "ສ້າງຮ່າງກອງປະຊຸມແລ້ວ 4 ອັນ." in page.locator(".import-summary").inner_text()
    assert db_read(lambda: Meeting.objects.filter(title_lo__contains="NPSC").count()) == 1  # no duplicate
    page.get_by_role("link", name="ກອງປະຊຸມປະສານງານ ການຊ່ວຍເຫຼືອ", exact=False).click()

    # the draft: suggestions with their passage highlighted, the filled fields marked
    panel = page.locator(".import-suggestions")
    expect(panel.locator("mark", has_text="ໂຮງແຮມດອນຈັນພາເລດ")).to_have_count(1)
    assert panel.locator("mark", has_text="ທັງໝົດ 60ທ່ານ").count() == 1
    assert panel.locator("tr.suggestion.pending").count() == 11  # the meeting kind too (issue 24)
    assert "11 ຂໍ້ສະເໜີທີ່ຍັງບໍ່ໄດ້ຢືນຢັນ" in panel.inner_text()
    assert page.locator("#id_venue_lo.suggested").count() == 1
    assert page.locator("#id_attendance_total.suggested").input_value() == "60"
    # axe on the panel (the rest of the page is Django's own admin form)
    assert not [v["id"] for v in run_axe(page, context=".import-suggestions") if v.get("impact") in SERIOUS]
    screenshot(page, "wordpress-import-draft")
    panel.get_by_role("button", name="ຢືນຢັນຂໍ້ສະເໜີທີ່ໝາຍໄວ້").click()
    expect(page.locator(".import-suggestions tr.suggestion.confirmed")).to_have_count(11)
    assert page.locator(".suggested").count() == 0

    # publish, then read the public page
    page.locator("a.workflow-publish").click()
    page.get_by_role("button", name="ເຜີຍແຜ່").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    status, url = db_read(lambda: (lambda m: (m.status, m.get_absolute_url()))(
        ImportedPost.objects.select_related("meeting").get(guid__contains="coordination-referral").meeting
    ))  # fmt: skip
    assert status == "published"
    page.goto(url)
    body = page.locator("main").inner_text()
    for fact in ("ໂຮງແຮມດອນຈັນພາເລດ", "ນະຄອນຫຼວງວຽງຈັນ", "60", "ສົມພອນ ວົງສາ"):
        assert fact in body, fact
    screenshot(page, "wordpress-import-public")


def test_a_post_ticked_although_it_is_no_meeting_report_makes_a_marked_draft(publisher_cookie, browser_page):
    """The officer ticks the New Year greeting in the preview all the same: the import's result and the draft
    say that the post does not read as a meeting report, and the posts list can show such drafts alone."""
    from meetings.models.imports import ImportedPost

    page = browser_page
    log_in(page, publisher_cookie)
    page.goto("/admin/meetings/importedpost/import/")
    page.get_by_label("ໄຟລ໌ສົ່ງອອກຂອງ WordPress").set_input_files(str(WXR))
    page.get_by_role("button", name="ເບິ່ງຕົວຢ່າງ").click()
    greeting = page.get_by_role("checkbox", name="ນຳເຂົ້າ: ຂໍອວຍພອນບຸນປີໃໝ່ລາວ")
    row = page.locator("tr.post-row", has=greeting)
    assert "ບໍ່ຄືບົດລາຍງານກອງປະຊຸມ" in row.inner_text()  # the preview's reason for leaving it unticked
    greeting.check()
    page.get_by_role("button", name="ນຳເຂົ້າ", exact=True).click()
    expect(page.locator(".import-summary")).to_be_visible()
    result = page.locator(".import-result tr", has_text="ຂໍອວຍພອນບຸນປີໃໝ່ລາວ")
    expect(result.locator(".not-meeting-import")).to_have_text("ບໍ່ຄືບົດລາຍງານກອງປະຊຸມ")
    assert page.locator(".import-result .not-meeting-import").count() == 1  # the meeting posts are not marked
    result.get_by_role("link").click()

    warning = page.locator(".not-meeting-import")
    expect(warning).to_be_visible()
    assert "ບໍ່ແມ່ນບົດລາຍງານກອງປະຊຸມ" in warning.inner_text()
    assert db_read(lambda: ImportedPost.objects.get(title="ຂໍອວຍພອນບຸນປີໃໝ່ລາວ").meeting_like) is False
    screenshot(page, "wordpress-import-not-a-meeting")

    # the list of imported posts, filtered to those that do not read as meeting reports
    page.goto("/admin/meetings/importedpost/?meeting_like__exact=0")
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    assert "ຂໍອວຍພອນບຸນປີໃໝ່ລາວ" in page.locator("#result_list tbody").inner_text()
