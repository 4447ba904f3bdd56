"""Journey: a partner who forgot the password. On the public login (Chromium) the partner follows "Forgot
your password?", gives the address, and sees the same page a stranger sees for an unknown address; the
worker process delivers the mail in the partner's language to the mailbox (a real SMTP server); the
partner opens the link from the mail, chooses a new password and signs in with it. The request for an
unknown address sends nothing."""

from __future__ import annotations

import re

import pytest
from django.db import connections
from django.utils import translation

from meetings.rules import roles
from portal.models import InterfacePreference
from tests import factories as f
from tests.browser.conftest import assert_accessible, screenshot
from tests.mail import run_worker, text_of

pytestmark = pytest.mark.browser
NEW_PASSWORD = "ນ້ຳຂອງ-river-2026"  # a Lao password works too


@pytest.fixture
def partner(transactional_db, live_server, request, settings):
    settings.SITE_URL = live_server.url  # the link in the mail leads to this server
    user = f.user(role=roles.PARTNER, username="lwu-focal", email="focal@example.org")
    user.set_password("the-forgotten-one-1")
    user.save()
    InterfacePreference.objects.create(user=user, language=request.param)
    shared = f.meeting(visibility="partners", title_lo="ແບ່ງປັນໃຫ້ຄູ່ຮ່ວມງານ", title_en="Shared with partners")
    return {"user": user, "language": request.param, "shared": shared}


def field(page, label: str):
    """The form field with exactly this label (Django's label ends with a colon)."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\s*:?\s*$"))


def ask_for_a_link(page, language, address) -> str:
    page.goto(f"/{language}/accounts/login/")
    with translation.override(language):
        page.get_by_role("link", name=translation.gettext("Forgot your password?")).click()
        field(page, translation.gettext("E-mail address of your account")).fill(address)
        with page.expect_navigation():
            page.get_by_role("button", name=translation.gettext("Send the link")).click()
    return page.locator("main").inner_text()


@pytest.mark.parametrize("partner", ["lo", "en"], indirect=True)
def test_forgot_password_by_mail(partner, new_browser_page, smtp):
    try:
        language = partner["language"]
        stranger = new_browser_page()
        unknown_answer = ask_for_a_link(stranger, language, "nobody@example.org")
        page = new_browser_page()
        known_answer = ask_for_a_link(page, language, "focal@example.org")
        assert known_answer == unknown_answer  # no account enumeration
        with translation.override(language):
            assert translation.gettext("Look in your mail") in known_answer
        assert page.url.endswith(f"/{language}/accounts/password-reset/sent/")
        assert_accessible(page)
        screenshot(page, f"accounts/reset-sent-{language}")
        assert smtp.messages() == []  # the request only queued it

        run_worker(smtp)
        assert [m["To"] for m in smtp.messages()] == ["focal@example.org"]  # none for the unknown address
        mail = smtp.messages()[0]
        with translation.override(language):
            assert mail["Subject"] == translation.gettext("A new password for the meeting records portal")
        link = re.search(r"https?://\S+/accounts/reset/\S+/", text_of(mail)).group()

        page.goto(link)
        with translation.override(language):
            assert translation.gettext("Choose a new password") in page.locator("h1").inner_text()
            field(page, translation.gettext("New password")).fill(NEW_PASSWORD)
            field(page, translation.gettext("New password confirmation")).fill(NEW_PASSWORD)
            assert_accessible(page)
            screenshot(page, f"accounts/reset-choose-{language}")
            with page.expect_navigation():
                page.get_by_role("button", name=translation.gettext("Save the password")).click()
            assert translation.gettext("Your password is saved") in page.locator("h1").inner_text()
            page.get_by_role("link", name=translation.gettext("Sign in"), exact=True).last.click()
            field(page, translation.gettext("User name")).fill("lwu-focal")
            field(page, translation.gettext("Password")).fill(NEW_PASSWORD)
            with page.expect_navigation():
                page.locator("main").get_by_role("button", name=translation.gettext("Sign in")).click()
        page.goto("/lo/")
        assert partner["shared"].title_lo in page.locator("main").inner_text()  # signed in as the partner

        page.goto(link)  # the link worked once
        with translation.override(language):
            assert translation.gettext("This link does not work any more") in page.locator("h1").inner_text()
        screenshot(page, f"accounts/reset-used-link-{language}")
    finally:
        connections.close_all()
