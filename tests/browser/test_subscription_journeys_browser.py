"""Journeys by email, in Lao and English, in Chromium, with mail delivered by the worker process to a real
SMTP server: a reader subscribes to new minutes through the public form, confirms from the mail, gets the
next public meeting and never a partners-only or internal one, and unsubscribes with one POST (no cookie,
no CSRF token) to the mail's List-Unsubscribe address; an action item falls overdue, the reminders timer
runs (its command, as its own process), the contact gets exactly one overdue reminder whose link opens the
item, and a second run sends nothing."""

import datetime
import re
import urllib.request

import pytest
from django.db import connections

from meetings.models import Meeting, OrganisationContact
from meetings.services import workflow
from notifications.models import Subscription
from tests import factories as f
from tests.browser.conftest import assert_accessible, screenshot
from tests.mail import run_manage, run_worker, text_of

pytestmark = pytest.mark.browser
V = Meeting.Visibility
WORDS = {
    "lo": {
        "footer": "ຮັບບົດບັນທຶກໃໝ່ທາງອີເມວ",
        "bad": "ນີ້ບໍ່ແມ່ນທີ່ຢູ່ອີເມວທີ່ຖືກຕ້ອງ.",
        "subscribe": "ລົງທະບຽນ",
        "sent": "ກວດເບິ່ງກ່ອງອີເມວຂອງທ່ານ",
        "confirm": "ຢືນຢັນການລົງທະບຽນ",
        "confirmed": "ຢືນຢັນການລົງທະບຽນແລ້ວ",
        "new": "ບົດບັນທຶກໃໝ່: ",
        "overdue": "ວຽກທີ່ຕົກລົງ ກາຍກຳນົດ 3 ມື້: ",
        "overdue_mark": "ກາຍກຳນົດ",
    },
    "en": {
        "footer": "New minutes by email",
        "bad": "This is not a valid email address.",
        "subscribe": "Subscribe",
        "sent": "Check your mailbox",
        "confirm": "Confirm my subscription",
        "confirmed": "Subscription confirmed",
        "new": "New minutes: ",
        "overdue": "Action item overdue by 3 days: ",
        "overdue_mark": "overdue",
    },
}


def meeting(marker, lang, visibility=V.PUBLIC, status=Meeting.Status.DRAFT):
    return f.meeting(
        title_lo=f"ກອງປະຊຸມ ຕ້ານການຄ້າມະນຸດ {marker}",
        title_en=f"Counter-trafficking meeting {marker}",
        visibility=visibility,
        status=status,
    )


@pytest.fixture
def site(transactional_db, live_server, settings):
    settings.SITE_URL = live_server.url  # links in mail (rendered here and by the worker) open this server
    return live_server


@pytest.fixture(autouse=True)
def _close_connections_opened_in_the_browser_loop(browser):
    """The journeys write through the ORM while Playwright's loop runs; those connections belong to the
    loop's context: close them there (before the browser closes), or the test database cannot be dropped."""
    yield
    connections.close_all()


def local_path(url):
    return "/" + url.split("/", 3)[3]


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_journey_subscribe_confirm_receive_and_unsubscribe(site, smtp, new_browser_page, lang):
    words = WORDS[lang]
    address = f"reader-{lang}@example.org"
    hidden = [meeting("ZQXPARTNERS", lang, V.PARTNERS), meeting("ZQXINTERNAL", lang, V.INTERNAL)]
    first, later = meeting("FIRST", lang), meeting("LATER", lang)
    page = new_browser_page()
    page.goto(f"/{lang}/meetings/")
    page.get_by_role("link", name=words["footer"]).click()
    assert page.url.endswith(f"/{lang}/subscribe/")
    assert_accessible(page)
    # a typing mistake: a clear message in the page's language, the address and the kinds kept
    page.get_by_label(re.compile("ອີເມວ|email", re.IGNORECASE)).fill("reader-at-example.org")
    page.get_by_role("button", name=words["subscribe"]).click()
    assert words["bad"] in page.inner_text("main")
    assert page.get_by_label(re.compile("ອີເມວ|email", re.IGNORECASE)).input_value() == "reader-at-example.org"
    assert_accessible(page)
    screenshot(page, f"subscribe-error-{lang}")
    page.get_by_label(re.compile("ອີເມວ|email", re.IGNORECASE)).fill(address)
    page.get_by_role("button", name=words["subscribe"]).click()
    assert words["sent"] in page.inner_text("main")
    assert Subscription.objects.get().language == lang

    run_worker(smtp)  # the worker process mails the confirmation
    (confirmation,) = smtp.messages(to=address)
    link = re.search(r"https?://\S+/subscribe/confirm/\S+/", text_of(confirmation)).group(0)
    assert link.startswith(f"{site.url}/{lang}/")
    page.goto(local_path(link))
    page.get_by_role("button", name=words["confirm"]).click()
    assert words["confirmed"] in page.inner_text("main")
    screenshot(page, f"subscribe-confirmed-{lang}")

    for hidden_meeting in hidden:
        workflow.publish_meeting(meeting=hidden_meeting, by=None)
    workflow.publish_meeting(meeting=first, by=None)
    run_worker(smtp)
    mails = smtp.messages(to=address)[1:]
    title = first.title_lo if lang == "lo" else first.title_en
    assert [m["Subject"] for m in mails] == [words["new"] + title]  # never the partners-only or internal one
    mail = mails[0]
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(r"<(https?://[^>]+)>", mail["List-Unsubscribe"]).group(1)
    # the mail's link opens the minutes
    page.goto(local_path(re.search(rf"{re.escape(site.url)}/{lang}/meetings/\S+/", text_of(mail)).group(0)))
    assert title in page.inner_text("h1")

    # one-click unsubscribe as a mail program does it: one POST, no cookie, no CSRF token
    request = urllib.request.Request(unsubscribe, data=b"List-Unsubscribe=One-Click", method="POST")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - the test's own server
        assert response.status == 200
    workflow.publish_meeting(meeting=later, by=None)
    run_worker(smtp)
    assert len(smtp.messages(to=address)) == 2  # the confirmation and the first meeting, nothing since


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_journey_an_overdue_action_item_reminds_its_contact_once(site, smtp, new_browser_page, lang):
    words = WORDS[lang]
    org = f.organisation(name_lo="ກະຊວງ ແຮງງານ", name_en="Ministry of Labour")
    address = f"contact-{lang}@example.org"
    OrganisationContact.objects.create(organisation=org, email=address, language=lang)
    decided = meeting("DECIDED", lang, status=Meeting.Status.PUBLISHED)
    item = f.action_item(
        meeting=decided,
        text_lo="ສ້າງແຜນການປົກປ້ອງຜູ້ຖືກເຄາະຮ້າຍ",
        text_en="Draft the victim protection plan",
        responsible=[org],
        due_date=datetime.date.today() - datetime.timedelta(days=3),  # the due date has passed
    )
    output = run_manage("mail_timers", "reminders", smtp=smtp)
    assert "reminders queued" in output.stdout
    run_worker(smtp)
    (reminder,) = smtp.messages(to=address)
    text = item.text_lo if lang == "lo" else item.text_en
    assert reminder["Subject"] == words["overdue"] + text
    link = re.search(rf"{re.escape(site.url)}/{lang}/meetings/\S+#action-item-{item.pk}", text_of(reminder))
    page = new_browser_page()
    page.goto(local_path(link.group(0)))
    shown = page.locator(f"#action-item-{item.pk}")
    assert text in shown.inner_text() and words["overdue_mark"] in shown.inner_text()
    screenshot(page, f"reminder-link-{lang}")

    run_manage("mail_timers", "reminders", smtp=smtp)  # the timer's next run
    run_worker(smtp)
    assert len(smtp.messages(to=address)) == 1
