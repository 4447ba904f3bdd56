"""The guides' journeys: each task of the officers' and partners' guides (docs/*/officers/, docs/*/partners/)
walked in Chromium in Lao and in English, checking at each step what the guide says the person sees.
``bin/screenshots`` runs them with GUIDE_SHOTS=1, and every ``guide_shot`` then saves the guide's picture
(docs/assets/screenshots/<lang>/<name>.png)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import expect

from tests.browser.conftest import session_cookie
from tests.browser.guide import guide_shot

pytestmark = pytest.mark.browser

WXR = Path(__file__).resolve().parents[1] / "meetings" / "fixtures" / "wordpress" / "committee-news.wxr.xml"
ARTICLE_TITLE = "ກອງປະຊຸມປະສານງານ ການຊ່ວຍເຫຼືອ ແລະ ສົ່ງຕໍ່ຜູ້ຖືກເຄາະຮ້າຍ"
ARTICLE = (
    "ວັນທີ 05/09/2024 ທີ່ໂຮງແຮມດອນຈັນພາເລດ ນະຄອນຫຼວງວຽງຈັນ ຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ "
    "ຮ່ວມກັບ ສູນກາງສະຫະພັນແມ່ຍິງລາວ ໄດ້ຈັດກອງປະຊຸມປະສານງານ ກ່ຽວກັບການຊ່ວຍເຫຼືອ ແລະ ສົ່ງຕໍ່ຜູ້ຖືກເຄາະຮ້າຍ "
    "ພາຍໃຕ້ການເປັນປະທານຂອງ ທ່ານ ປອ ສົມພອນ ວົງສາ ຫົວໜ້າກົມແຜນການ, ມີຜູ້ເຂົ້າຮ່ວມທັງໝົດ 60ທ່ານ, "
    "ແມ່ຍີງ 31 ທ່ານ, ໃນນັ້ນເຂົ້າຮ່ວມຜ່ານທາງອອນລາຍ 12 ທ່ານ."
)
TEXT = {
    "lo": {
        "submit": "ສົ່ງໄປກວດກາ",
        "publish": "ເຜີຍແຜ່",
        "restore": "ກູ້ຄືນສະບັບນີ້",
        "confirm": "ຢືນຢັນຂໍ້ສະເໜີທີ່ໝາຍໄວ້",
        "export": "ສົ່ງອອກເປັນຕາຕະລາງ (XLSX)",
        "wp": "ນຳເຂົ້າຂ່າວຈາກ WordPress",
        "wp_file": "ໄຟລ໌ສົ່ງອອກຂອງ WordPress",
        "preview": "ເບິ່ງຕົວຢ່າງ",
        "sign_in": "ເຂົ້າສູ່ລະບົບ",
        "subscribe": "ລົງທະບຽນ",
        "check": "ກວດສອບ",
        "search": "ຄ້າມະນຸດ",
    },
    "en": {
        "submit": "Submit for review",
        "publish": "Publish",
        "restore": "Restore this version",
        "confirm": "Confirm ticked suggestions",
        "export": "Export to spreadsheet (XLSX)",
        "wp": "Import news posts from WordPress",
        "wp_file": "WordPress export file",
        "preview": "Preview",
        "sign_in": "Sign in",
        "subscribe": "Subscribe",
        "check": "Check",
        "search": "trafficking",
    },
}


def db(query):
    """An ORM read or write in its own thread, its connection closed (Playwright's loop runs here)."""
    out = []

    def run():
        try:
            out.append(query())
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return out[0]


@pytest.fixture
def guide_world(transactional_db, live_server):
    """The demo's two meetings, a publisher and a partner, an English summary out of date, a contact for
    action items, and the code printed on a Lao minutes PDF."""
    from django.test import Client

    from meetings import models as m
    from meetings.models.contacts import OrganisationContact
    from meetings.rules import roles
    from meetings.services.demo import load_demo_data
    from reports.verify.views import code_in_pdf
    from tests import factories

    meetings = load_demo_data()
    publisher = factories.user(role=roles.PUBLISHER, username="somphone", email="somphone@example.org")
    partner = factories.user(role=roles.PARTNER, username="partner", email="partner@example.org")
    partner.first_name, partner.last_name = "Vilay", "Phommasack"
    partner.save()
    meeting = m.Meeting.objects.get(pk=meetings[0].pk)
    meeting.summary_lo = meeting.summary_lo + " ກອງປະຊຸມໄດ້ຕົກລົງແຜນການປີ 2024."
    meeting.save()  # the English summary is now out of date: a translation to do
    organisation = meeting.organisers.first()
    OrganisationContact.objects.create(
        organisation=organisation, email="focal-point@example.org", language="lo"
    )
    response = Client().get(f"/lo/reports/minutes/{meeting.slug}/lo.pdf")
    code = code_in_pdf(b"".join(response.streaming_content))
    connections.close_all()
    return {
        "meeting": meeting,
        "organisation": organisation,
        "code": code,
        "publisher": session_cookie(publisher, live_server.url),
        "partner": session_cookie(partner, live_server.url),
    }


def officer(new_browser_page, world, lang):
    page = new_browser_page(viewport={"width": 1280, "height": 800})
    cookie = world["publisher"]
    page.context.add_cookies([cookie, {"name": "django_language", "value": lang, "url": cookie["url"]}])
    return page


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_officers_guide(guide_world, new_browser_page, lang):
    t = TEXT[lang]
    world = guide_world
    page = officer(new_browser_page, world, lang)
    meeting = world["meeting"]
    change = f"/admin/meetings/meeting/{meeting.pk}/change/"

    # enter-a-meeting: the add form, dates typed day first, then the paste box
    page.goto("/admin/meetings/meeting/add/")
    page.locator("#id_title_lo").fill("ກອງປະຊຸມປະສານງານຕ້ານການຄ້າມະນຸດ ປະຈຳໄຕມາດ 3")
    page.locator("#id_title_en").fill("Counter-trafficking coordination meeting, third quarter")
    page.locator("#id_start_date").fill("03/10/2024")
    expect(page.locator("#id_start_date")).to_have_attribute(
        "placeholder", "ວວ/ດດ/ປປປປ" if lang == "lo" else "dd/mm/yyyy"
    )
    guide_shot(page, "meeting-add", lang, shows=page.locator("#id_title_lo"))
    page.locator("#participations-group").scroll_into_view_if_needed()
    guide_shot(page, "meeting-participants", lang, element=page.locator("#participations-group"))
    page.goto("/admin/meetings/meeting/paste-article/")
    page.locator("#id_title").fill(ARTICLE_TITLE)
    page.locator("#id_text").fill(ARTICLE)
    guide_shot(page, "paste-article", lang, shows=page.locator("#id_text"))
    with page.expect_navigation():
        page.locator("input[type=submit].default").click()
    panel = page.locator(".import-suggestions")
    expect(panel.locator("mark", has_text="ໂຮງແຮມດອນຈັນພາເລດ")).to_have_count(1)
    guide_shot(page, "suggestions", lang, element=panel)
    expect(page.locator("#id_attendance_total.suggested")).to_have_value("60")
    panel.get_by_role("button", name=t["confirm"]).click()
    expect(page.locator(".import-suggestions tr.suggestion.confirmed")).to_have_count(11)

    # review-and-publish: the draft's buttons, the step pages of submit and publish
    tools = page.locator(".object-tools")
    guide_shot(page, "draft-buttons", lang, shows=tools.get_by_role("link", name=t["submit"]), element=tools)
    page.locator("a.workflow-submit").click()
    guide_shot(page, "submit-for-review", lang, shows=page.locator("input[type=submit].default"))
    with page.expect_navigation():
        page.locator("input[type=submit].default").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    page.locator("a.workflow-publish").click()
    guide_shot(page, "publish", lang, shows=page.get_by_role("button", name=t["publish"]))
    with page.expect_navigation():
        page.get_by_role("button", name=t["publish"]).click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    # wordpress-import: upload, preview
    page.goto("/admin/meetings/importedpost/")
    page.get_by_role("link", name=t["wp"]).click()
    page.get_by_label(t["wp_file"]).set_input_files(str(WXR))
    guide_shot(page, "wordpress-upload", lang, shows=page.get_by_label(t["wp_file"]))
    page.get_by_role("button", name=t["preview"]).click()
    expect(page.locator("tr.post-row")).to_have_count(7)
    guide_shot(page, "wordpress-preview", lang, shows=page.locator(".same-meeting"))

    # people-and-organisations: a person, an organisation's contacts for action items
    page.goto("/admin/meetings/person/add/")
    guide_shot(page, "person-add", lang, shows=page.locator("#id_name_lo"))
    page.goto(f"/admin/meetings/organisation/{world['organisation'].pk}/change/")
    contacts = page.locator("#contacts-group")
    contacts.scroll_into_view_if_needed()
    expect(contacts.locator("input[value='focal-point@example.org']")).to_have_count(1)
    guide_shot(page, "organisation-contacts", lang, element=contacts)

    # action-items: the meeting's action items
    page.goto(change)
    items = page.locator("#action_items-group")
    items.scroll_into_view_if_needed()
    guide_shot(page, "action-items", lang, element=items.locator(".inline-related").first)
    page.goto(f"/{lang}/action-items/")
    guide_shot(page, "action-item-tracker", lang, shows=page.locator("main h1"))

    # translation: the list, the export, the import
    page.goto("/admin/meetings/translationsync/")
    expect(
        page.get_by_role("link", name=t["export"]).or_(page.get_by_role("button", name=t["export"]))
    ).to_be_visible()
    guide_shot(page, "translations-to-do", lang, shows=page.locator("#content"))

    # review-and-publish and pdfs: the buttons above the form; the submit page
    page.goto(change)
    guide_shot(page, "workflow-buttons", lang, shows=page.locator("a.minutes-preview[data-edition=lo]"))

    # history: the meeting's history page and one version with its restore button
    page.goto(f"/admin/meetings/meeting/{meeting.pk}/history/")
    guide_shot(page, "history", lang, shows=page.locator("#content"))
    history_id = db(lambda: meeting.history.order_by("history_id").first().history_id)
    page.goto(f"/admin/meetings/meeting/{meeting.pk}/history/{history_id}/")
    guide_shot(page, "history-version", lang, shows=page.locator("input[name=_save]"))


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_partners_guide(guide_world, new_browser_page, lang):
    t = TEXT[lang]
    world = guide_world
    meeting = world["meeting"]
    page = new_browser_page(viewport={"width": 1280, "height": 800})

    # sign-in and password reset
    page.goto(f"/{lang}/")
    page.locator("header").get_by_role("link", name=t["sign_in"]).click()
    guide_shot(page, "sign-in", lang, shows=page.locator("input[name=username]"))
    page.goto(f"/{lang}/accounts/password-reset/")
    guide_shot(page, "password-reset", lang, shows=page.locator("input[name=email]"))

    # finding meetings: the list with its filters, a meeting page
    page.goto(f"/{lang}/meetings/")
    guide_shot(page, "meeting-list", lang, shows=page.locator("main form"))
    page.goto(f"/{lang}/meetings/{meeting.slug}/")
    guide_shot(page, "meeting-page", lang, shows=page.locator("main h1"))

    # search
    page.goto(f"/{lang}/search/?q={t['search']}")
    expect(page.locator(f"main a[href='/{lang}/meetings/{meeting.slug}/']").first).to_be_visible()
    guide_shot(page, "search", lang, shows=page.locator("main mark"))

    # subscribing
    page.goto(f"/{lang}/subscribe/")
    guide_shot(page, "subscribe", lang, shows=page.get_by_role("button", name=t["subscribe"]))

    # PDFs: the downloads on the meeting page; the verify page with a code typed
    page.goto(f"/{lang}/verify/")
    page.fill("input[name=code]", world["code"])
    page.locator("form", has=page.locator("input[name=code]")).get_by_role("button").first.click()
    expect(page.locator("main")).to_contain_text(meeting.title_lo if lang == "lo" else meeting.title_en)
    guide_shot(page, "verify", lang, shows=page.locator("main"))

    # open data
    page.goto(f"/{lang}/data/")
    guide_shot(page, "open-data", lang, shows=page.locator("main a[href$='meetings.csv']"))

    # the account page, signed in
    page.context.add_cookies([world["partner"]])
    page.goto(f"/{lang}/accounts/")
    guide_shot(page, "account", lang, shows=page.locator("main form"))
