"""Journey: review by mail. An editor submits minutes in the admin (Chromium); the worker process delivers a
mail in the publisher's language to the publisher's mailbox (a real SMTP server); the publisher opens the
link from the mail, lands on the review page and publishes from it; the worker mails the author."""

from __future__ import annotations

import re

import pytest
from django.db import connections

from meetings import models as m
from meetings.rules import roles
from portal.models import InterfacePreference
from tests import factories as f
from tests.browser.conftest import screenshot, session_cookie
from tests.mail import run_worker, text_of

pytestmark = pytest.mark.browser

SUBJECTS = {
    "lo": (
        "ລໍຖ້າກວດກາ: ກອງປະຊຸມທົບທວນວຽກງານຕ້ານການຄ້າມະນຸດ ປະຈຳປີ",
        "ເຜີຍແຜ່ແລ້ວ: ກອງປະຊຸມທົບທວນວຽກງານຕ້ານການຄ້າມະນຸດ ປະຈຳປີ",
    ),
    "en": (
        "For review: Annual counter-trafficking review meeting",
        "Published: Annual counter-trafficking review meeting",
    ),
}


@pytest.fixture
def office(transactional_db, live_server, request, settings):
    settings.SITE_URL = live_server.url  # the links in the mail lead to this server
    language = request.param
    editor = f.user(role=roles.EDITOR, username="editor", email="editor@example.org")
    publisher = f.user(role=roles.PUBLISHER, username="publisher", email="publisher@example.org")
    for user in (editor, publisher):
        InterfacePreference.objects.create(user=user, language=language)
    meeting = f.meeting(
        title_lo="ກອງປະຊຸມທົບທວນວຽກງານຕ້ານການຄ້າມະນຸດ ປະຈຳປີ",
        title_en="Annual counter-trafficking review meeting",
        status=m.Meeting.Status.DRAFT,
    )
    cookies = {user.username: session_cookie(user, live_server.url) for user in (editor, publisher)}
    return {"language": language, "meeting": meeting, "cookies": cookies}


def signed_in(new_browser_page, office, who):
    page = new_browser_page()
    url = office["cookies"][who]["url"]
    page.context.add_cookies(
        [office["cookies"][who], {"name": "django_language", "value": office["language"], "url": url}]
    )
    return page


def post_and_wait(page, selector):
    with page.expect_navigation():
        page.locator(selector).first.click()
    assert page.locator(".messagelist .success").count() == 1, page.locator("#content").inner_text()[:2000]


@pytest.mark.parametrize("office", ["lo", "en"], indirect=True)
def test_review_by_mail(office, new_browser_page, smtp):
    try:
        meeting, language = office["meeting"], office["language"]
        submitted, published = SUBJECTS[language]
        editor = signed_in(new_browser_page, office, "editor")
        editor.goto(f"/admin/meetings/meeting/{meeting.pk}/change/")
        editor.locator("a.workflow-submit").click()
        post_and_wait(editor, "input[type=submit].default")
        assert smtp.messages() == []  # the request only queued it

        run_worker(smtp)
        mails = smtp.messages(to="publisher@example.org")
        assert [m["Subject"] for m in mails] == [submitted]
        assert mails[0]["Content-Language"] == language
        link = re.search(r"https?://\S+/admin/meetings/meeting/\d+/change/", text_of(mails[0])).group()

        publisher = signed_in(new_browser_page, office, "publisher")
        publisher.goto(link)
        assert publisher.locator("h1, #content h2").first.is_visible()
        screenshot(publisher, f"mail/review-page-from-mail-{language}")
        publisher.locator("a.workflow-publish").click()
        confirm = publisher.locator("input[name=confirm_sensitive]")
        if confirm.count():
            confirm.check()
        post_and_wait(publisher, "input[type=submit].default")

        run_worker(smtp)
        to_author = smtp.messages(to="editor@example.org")
        assert [m["Subject"] for m in to_author] == [published]
        assert f"/{language}/meetings/{meeting.slug}/" in text_of(to_author[0])
        assert len(smtp.messages()) == 2  # nobody else, nothing twice
    finally:
        connections.close_all()
