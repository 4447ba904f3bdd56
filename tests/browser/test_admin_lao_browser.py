"""A secretariat officer uses the admin in Lao in a real headless Chromium: no English interface word left.

Walks the login page, the index, a changelist with a filter and a search, a meeting's change page with
its inlines (and the calendar widget), a validation error, the history page, the password change page
and the translation workflow page. On every page it collects each visible text node (plus button labels,
placeholders, titles and aria-labels) and fails on any Latin-script word that is neither record content
(taken from the database) nor in the small allow-list below. Screenshots go to test-artifacts/.
"""

import os
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import models as dj_models
from django.utils import translation

from meetings import models as m
from meetings.services.demo import load_demo_data
from tests.browser.conftest import launch_chromium

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "admin-lao"
PASSWORD = "a-long-test-password-91"
# Latin-script words that may appear on a Lao admin page, and why.
ALLOWED = {
    "lo": "language code in field labels (title [lo])",
    "en": "language code in field labels (title [en])",
    "English": "the English language's own name in the language switcher",
    "LA": "country code in the help text of the country field",
    "AU": "country code in the help text of the country field",
    "ISO": "standard named in the help text of the country field",
    "PDR": "Lao PDR, in the help text of the country field",
    "Pol": "example rank (Pol. Col.) in the help text of the honorific field",
    "Col": "example rank (Pol. Col.) in the help text of the honorific field",
    "PDF": "file format",
    "DOCX": "file format",
    "XLSX": "file format",
    "PNG": "file format",
    "JPEG": "file format",
    "Word": "program name (file format help text)",
    "Excel": "program name (file format help text)",
    "officer": "the user name",
}

COLLECT_TEXT = """() => {
  const shown = (el) => {
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return false;
    }
    return el.getClientRects().length > 0;
  };
  const out = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (!p || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(p.tagName)) continue;
    const t = n.textContent.trim();
    if (t && shown(p)) out.push(t);
  }
  for (const el of document.querySelectorAll('input[type=submit], input[type=button], input[type=reset]')) {
    if (shown(el) && el.value) out.push(el.value);
  }
  for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
    if (!shown(el)) continue;
    for (const attr of ['placeholder', 'title', 'aria-label']) {
      if (el.getAttribute(attr)) out.push(el.getAttribute(attr));
    }
  }
  return out;
}"""


def content_words() -> set[str]:
    """Every Latin-script word of the records (names, titles, summaries...): record content is allowed."""
    words = set()
    for model in [
        m.Organisation,
        m.Person,
        m.Programme,
        m.Meeting,
        m.Participation,
        m.AgendaItem,
        m.Activity,
        m.Achievement,
        m.ActionItem,
        m.ActionItemUpdate,
        m.Document,
    ]:
        names = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, dj_models.CharField | dj_models.TextField)
        ]
        for row in model.objects.values_list(*names):
            for value in row:
                words.update(re.findall(r"[A-Za-z]{2,}", value or ""))
    return words


def english_words(texts: list[str], allowed: set[str]) -> dict[str, str]:
    """Latin-script words not allowed, with the text each was found in."""
    found = {}
    for text in texts:
        for word in re.findall(r"[A-Za-z]{2,}", text):
            if word not in allowed:
                found.setdefault(word, text)
    return found


@pytest.fixture
def lao_admin(transactional_db, live_server):
    """Demo data, an officer, and the allowed words. All database work happens here, before Playwright
    starts: under its event loop Django would open a second connection that is never closed."""
    meetings = load_demo_data()
    # Work for the translator: an action item recorded in Lao only (the demo data is complete).
    m.ActionItem.objects.create(meeting=meetings[0], order=99, text_lo="ຕິດຕາມການຈັດພິມປຶ້ມຄູ່ມື")
    get_user_model().objects.create_superuser("officer", password=PASSWORD)
    return {"meeting": meetings[0], "allowed": content_words() | set(ALLOWED)}


@pytest.fixture
def page(live_server):
    with launch_chromium() as browser:
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, timezone_id="Asia/Vientiane", locale="lo-LA"
        )
        page = context.new_page()
        page.set_default_timeout(15000)
        yield page
        context.close()


@pytest.mark.browser
def test_an_officer_uses_the_admin_in_lao(lao_admin, live_server, page):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    allowed, meeting = lao_admin["allowed"], lao_admin["meeting"]
    errors = {}
    pages = []

    def check(name, *, full_page=True):
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(ARTIFACTS / f"{len(pages) + 1:02d}-{name}.png"), full_page=full_page)
        assert page.locator("html").get_attribute("lang") == "lo", name
        texts = page.evaluate(COLLECT_TEXT)
        assert any(re.search("[\u0e80-\u0eff]", t) for t in texts), name
        leftover = english_words(texts, allowed)
        if leftover:
            errors[name] = leftover
        pages.append(name)
        return texts

    # 1. login page (no cookie: the default language, Lao)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    check("login")
    page.fill("#id_username", "officer")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()

    # 2. index
    page.wait_for_url(f"{live_server.url}/admin/")
    texts = check("index")
    assert "ການແປທີ່ຕ້ອງເຮັດ" in texts  # the translation workflow is listed

    # 3. changelist with a filter and a search
    page.goto(f"{live_server.url}/admin/meetings/meeting/")
    page.locator("#changelist-filter a", has_text="ເຜີຍແຜ່ແລ້ວ").first.click()
    page.wait_for_load_state("networkidle")
    page.fill("#searchbar", meeting.title_lo.split()[0])
    page.press("#searchbar", "Enter")
    page.wait_for_load_state("networkidle")
    assert "status__exact=published" in page.url and "q=" in page.url
    texts = check("changelist-filtered-searched")
    assert "ຕົວກອງ" in texts and "ຄົ້ນຫາ" in " ".join(texts)

    # 4. a meeting's change page with its inlines, and the calendar of the date widget
    page.locator("#result_list a", has_text=meeting.title_lo[:20]).first.click()
    page.wait_for_url(re.compile(rf".*/admin/meetings/meeting/{meeting.pk}/change/.*"))
    assert page.locator(".inline-group").count() >= 5
    texts = check("meeting-change-inlines")
    assert "ບັນທຶກ" in texts and "ມື້ນີ້" in texts  # Save, and the date shortcut written by JavaScript
    page.locator("#calendarlink0").click()
    texts = check("meeting-change-calendar", full_page=False)
    assert any(
        re.search(r"(ມັງກອນ|ກຸມພາ|ມີນາ|ເມສາ|ພຶດສະພາ|ມິຖຸນາ|ກໍລະກົດ|ສິງຫາ|ກັນຍາ|ຕຸລາ|ພະຈິກ|ທັນວາ) \d{4}", t) for t in texts
    )
    page.keyboard.press("Escape")

    # 5. a validation error: 30 women out of 24 participants
    total = meeting.attendance_total or 24
    women = 10 if meeting.attendance_women != 10 else 11
    page.fill("#id_attendance_total", str(total))
    page.fill("#id_attendance_women", str(total + 6))
    page.locator("input[name=_continue]").first.click()
    page.wait_for_load_state("networkidle")
    texts = check("validation-error")
    with translation.override("lo"):
        assert str(m.MSG_WOMEN_OVER_TOTAL) in texts
    assert "ກະລຸນາແກ້ໄຂຂໍ້ຜິດພາດຂ້າງລຸ່ມນີ້." in texts

    # ... corrected and saved, so that the history has an entry
    page.fill("#id_attendance_women", str(women))
    page.locator("input[name=_continue]").first.click()
    page.wait_for_load_state("networkidle")
    texts = check("saved")
    assert any("ສຳເລັດແລ້ວ" in t for t in texts)

    # 6. history
    page.goto(f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/history/")
    texts = check("history")
    # the history row names the changed field and the kind of change in Lao
    assert any("ໃນນັ້ນ ຍິງ" in t for t in texts) and any("ປ່ຽນແປງ" in t for t in texts)

    # 7. password change, with a wrong old password
    page.goto(f"{live_server.url}/admin/password_change/")
    check("password-change")
    page.fill("#id_old_password", "not-the-password")
    page.fill("#id_new_password1", "another-long-password-77")
    page.fill("#id_new_password2", "another-long-password-77")
    page.locator("input[type=submit]").click()
    page.wait_for_load_state("networkidle")
    texts = check("password-change-error")
    assert "ລະຫັດຜ່ານເກົ່າທີ່ທ່ານປ້ອນບໍ່ຖືກຕ້ອງ. ກະລຸນາປ້ອນໃໝ່." in texts

    # 8. the translation workflow
    page.goto(f"{live_server.url}/admin/meetings/translationsync/")
    check("translations-to-do")

    assert not errors, "English interface words on Lao pages: " + repr(errors)
    assert len(pages) == 11


@pytest.mark.browser
def test_the_switch_to_english_sticks(lao_admin, live_server, page):
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.locator(".language-switcher button[value=en]").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "en"
    page.fill("#id_username", "officer")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.get_by_text("Log out").count() == 1
    page.locator(".language-switcher button[value=lo]").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "lo"
    page.goto(f"{live_server.url}/admin/meetings/meeting/")
    assert page.locator("html").get_attribute("lang") == "lo"
    page.screenshot(path=str(ARTIFACTS / "switched-back-to-lao.png"))


@pytest.mark.browser
def test_an_officer_exports_fills_in_and_imports_translations(lao_admin, live_server, page, tmp_path):
    from openpyxl import load_workbook

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/meetings/translationsync/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(re.compile(r".*/admin/meetings/translationsync/$"))
    rows = page.locator("#translation-tasks tbody tr").count()
    assert rows >= 1

    with page.expect_download() as download:
        page.get_by_text("ສົ່ງອອກເປັນຕາຕະລາງ (XLSX)").click()
    sheet = tmp_path / "filled.xlsx"
    download.value.save_as(sheet)
    wb = load_workbook(sheet)
    ws = wb["translations"]
    assert ws.max_row == rows + 1
    ws.cell(2, 9).value = "ຄຳແປທົດລອງ"  # the translator fills in the first row
    wb.save(sheet)

    page.set_input_files("#id_file", str(sheet))
    page.get_by_text("ນຳເຂົ້າ ແລະ ເບິ່ງກ່ອນ").click()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(ARTIFACTS / "import-preview.png"), full_page=True)
    texts = page.evaluate(COLLECT_TEXT)
    assert "ຄຳແປທົດລອງ" in texts
    assert not english_words(texts, lao_admin["allowed"] | {"ຄຳແປທົດລອງ"})

    page.locator("input[type=submit].default").click()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(ARTIFACTS / "import-done.png"), full_page=True)
    assert page.locator(".messagelist .success").inner_text() == "ບັນທຶກຄຳແປແລ້ວ 1 ລາຍການ."
    assert page.locator("#translation-tasks tbody tr").count() == rows - 1
