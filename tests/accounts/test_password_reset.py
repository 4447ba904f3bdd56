"""Password reset on the public login and the admin login: the mail goes through the outbox and the
worker, in the account's language; the same answer for a known and an unknown address; links work once
and expire; requests are limited per client and per address."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.urls import reverse
from django.utils import translation

from meetings.rules import roles
from notifications.models import Message
from portal.models import InterfacePreference
from tests import factories as f
from tests.mail import run_worker, text_of

LINK = re.compile(r"https?://[^\s\"<>]+/reset/[^\s\"<>]+/")


def partner(email="partner@example.org", language=None, password="the-old-password-1"):
    user = f.user(role=roles.PARTNER, username="partner-org", email=email)
    user.set_password(password)
    user.save()
    if language:
        InterfacePreference.objects.create(user=user, language=language)
    return user


def path_of(url: str) -> str:
    return urlsplit(url).path


def reset_link(message: Message) -> str:
    return path_of(LINK.search(message.body_text).group(0))


def ask(client, lang, address, **extra):
    with translation.override(lang):
        url = reverse("accounts:password_reset")
    return client.post(url, {"email": address}, **extra)


def set_password(client, link, password="a-brand-new-secret-7"):
    step = client.get(link)
    assert step.status_code == 302  # Django moves the token out of the address into the session
    return client.post(step["Location"], {"new_password1": password, "new_password2": password})


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", ["lo", "en"])
def test_reset_mail_is_delivered_by_the_worker_in_the_accounts_language_and_the_link_works_once(
    client, smtp, lang
):
    user = partner(language=lang)
    response = ask(client, lang, "Partner@Example.org")  # case does not matter
    assert response.status_code == 302
    assert smtp.messages() == []  # the request only queued it
    run_worker(smtp)
    [mail] = smtp.messages(to="partner@example.org")
    with translation.override(lang):
        assert mail["Subject"] == translation.gettext("A new password for the meeting records portal")
    link = path_of(LINK.search(text_of(mail)).group(0))
    assert link.startswith(f"/{lang}/accounts/reset/")
    done = set_password(client, link)
    assert done.status_code == 302 and done["Location"] == f"/{lang}/accounts/reset/done/"
    user.refresh_from_db()
    assert user.check_password("a-brand-new-secret-7")
    # The same link again: refused, the password stays.
    again = client.get(link, follow=True)
    with translation.override(lang):
        assert translation.gettext("This link does not work any more") in again.content.decode()
    assert 'name="new_password1"' not in again.content.decode()


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_unknown_address_gets_the_same_answer_and_no_mail(client, db, lang):
    partner()
    known = ask(client, lang, "partner@example.org")
    unknown = ask(client, lang, "nobody@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    page = client.get(unknown["Location"]).content.decode()
    with translation.override(lang):
        assert translation.gettext("Look in your mail") in page
    assert list(Message.objects.values_list("to", flat=True)) == ["partner@example.org"]


def test_inactive_accounts_get_no_mail_and_invited_ones_do(client, db):
    gone = partner()
    gone.is_active = False
    gone.save()
    invited = f.user(role=roles.PARTNER, username="invited", email="invited@example.org")  # no password
    assert not invited.has_usable_password()
    ask(client, "en", "partner@example.org")
    ask(client, "en", "invited@example.org")
    assert list(Message.objects.values_list("to", flat=True)) == ["invited@example.org"]


def test_a_link_expires(client, db, settings, monkeypatch):
    settings.PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600
    user = partner()
    ask(client, "en", user.email)
    link = reset_link(Message.objects.get())
    real_now = PasswordResetTokenGenerator._now
    monkeypatch.setattr(
        PasswordResetTokenGenerator, "_now", lambda self: real_now(self) + timedelta(days=3, minutes=1)
    )
    page = client.get(link, follow=True).content.decode()
    assert link.startswith("/lo/")  # the account's language: Lao by default
    with translation.override("lo"):
        assert translation.gettext("This link does not work any more") in page
    assert 'name="new_password1"' not in page


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_bad_address_gets_a_clear_message_and_keeps_what_was_typed(client, db, lang):
    with translation.override(lang):
        response = client.post(reverse("accounts:password_reset"), {"email": "partner-at-example"})
        message = translation.gettext("This is not a whole e-mail address. Write it like name@example.org.")
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and 'value="partner-at-example"' in page
    assert not Message.objects.exists()


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_requests_are_limited_per_address_whoever_asks(client, db, settings, lang):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "account_mail": "100/h", "account_mail_address": "2/h"}
    partner()
    codes = [
        ask(client, lang, "partner@example.org", REMOTE_ADDR=f"10.0.0.{n}").status_code for n in range(1, 3)
    ]
    assert codes == [302, 302]
    queued = Message.objects.count()  # two requests in one second give one link (one token): one mail
    assert queued >= 1
    assert ask(client, lang, "partner@example.org", REMOTE_ADDR="10.0.0.3").status_code == 429
    limited = ask(client, lang, "PARTNER@example.org", REMOTE_ADDR="10.0.0.9")
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    with translation.override(lang):
        assert translation.gettext("Too many requests") in limited.content.decode()
    assert Message.objects.count() == queued  # nothing queued while limited
    assert ask(client, lang, "other@example.org", REMOTE_ADDR="10.0.0.9").status_code == 302


def test_requests_are_limited_per_client_whatever_the_address(client, db, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "account_mail": "3/h", "account_mail_address": "100/h"}
    codes = [ask(client, "en", f"someone{n}@example.org").status_code for n in range(4)]
    assert codes == [302, 302, 302, 429]
    assert ask(client, "en", "someone9@example.org", REMOTE_ADDR="10.9.9.9").status_code == 302


def test_the_login_pages_offer_a_reset(client, db):
    public = client.get("/en/accounts/login/").content.decode()
    assert 'href="/en/accounts/password-reset/"' in public
    admin_login = client.get(reverse("admin:login")).content.decode()
    assert f'href="{reverse("admin_password_reset")}"' in admin_login


def test_admin_reset_mails_a_link_to_the_admins_own_page(client, db, settings):
    officer = f.user(role=roles.EDITOR, username="officer", email="officer@example.org")
    officer.set_password("the-old-password-1")
    officer.save()
    response = client.post(reverse("admin_password_reset"), {"email": "officer@example.org"})
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
    link = reset_link(Message.objects.get(to="officer@example.org"))
    assert link.startswith("/admin/reset/")
    done = set_password(client, link)
    assert done["Location"] == reverse("password_reset_complete")
    officer.refresh_from_db()
    assert officer.check_password("a-brand-new-secret-7")
    assert client.get(reverse("password_reset_complete")).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_the_outbox_never_shows_a_reset_link_and_forgets_it_once_sent(client, smtp):
    from django.contrib.auth import get_user_model

    partner()
    ask(client, "en", "partner@example.org")
    message = Message.objects.get(kind="password-reset")
    token_link = reset_link(message)  # held until it is sent
    admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "x" * 12)
    client.force_login(admin)
    client.cookies["django_language"] = "en"
    page = client.get(f"/admin/notifications/message/{message.pk}/change/").content.decode()
    assert token_link not in page
    assert "holds a personal link" in page
    run_worker(smtp)
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert token_link not in message.body_text + message.body_html
    assert token_link in text_of(smtp.messages(to="partner@example.org")[0])  # only the mailbox has it
