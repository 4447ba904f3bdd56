"""Invitation from the admin, the account page (mail language, notification frequency), a change of
address confirmed at the new address, and the second factor for staff at the public login."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import translation
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from meetings.rules import roles
from notifications.models import MailPreference, Message
from portal.models import InterfacePreference
from tests import factories as f


def link_in(message: Message, part: str) -> str:
    return urlsplit(re.search(rf"https?://[^\s\"<>]+/{part}/[^\s\"<>]+/", message.body_text).group(0)).path


def with_password(user, password="the-right-password-1"):
    user.set_password(password)
    user.save()
    return user


# --- invitation -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_the_secretariat_invites_a_partner_who_chooses_a_password_once(client, db, lang):
    admin = f.user(role=roles.ADMINISTRATOR, username="secretariat-admin")
    client.force_login(admin)
    changelist = client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert reverse("admin:auth_user_invite") in changelist  # the "Invite a partner" button
    response = client.post(
        reverse("admin:auth_user_invite"),
        {"username": "unodc-lao", "email": "focal@example.org", "first_name": "ແສງ", "language": lang},
    )
    assert response.status_code == 302
    partner = User.objects.get(username="unodc-lao")
    assert not partner.has_usable_password() and not partner.is_staff
    assert roles.is_partner(partner) and not roles.is_secretariat(partner)
    assert InterfacePreference.objects.get(user=partner).language == lang
    message = Message.objects.get(to="focal@example.org")
    assert message.kind == "account-invitation" and message.language == lang
    with translation.override(lang):
        assert message.subject == translation.gettext("Your account on the meeting records portal")
    link = link_in(message, "welcome")
    assert link.startswith(f"/{lang}/accounts/welcome/")
    client.logout()
    form = client.get(link, follow=True)
    with translation.override(lang):
        assert translation.gettext("Welcome: choose your password") in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "partner-secret-42", "new_password2": "partner-secret-42"},
    )
    assert done.status_code == 302
    signed_in = client.post(
        f"/{lang}/accounts/login/", {"username": "unodc-lao", "password": "partner-secret-42"}
    )
    assert signed_in.status_code == 302 and client.session["_auth_user_id"] == str(partner.pk)
    client.logout()
    assert 'name="new_password1"' not in client.get(link, follow=True).content.decode()  # once only


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_an_invitation_with_a_taken_name_or_a_bad_address_is_refused_clearly(client, db, lang):
    f.user(role=roles.PARTNER, username="taken", email="taken@example.org")
    client.force_login(f.user(role=roles.ADMINISTRATOR))
    client.cookies["django_language"] = lang
    page = client.post(
        reverse("admin:auth_user_invite"), {"username": "Taken", "email": "not-an-address", "language": "lo"}
    ).content.decode()
    with translation.override(lang):
        assert translation.gettext("An account with this user name exists already.") in page
        assert (
            translation.gettext("This is not a whole e-mail address. Write it like name@example.org.") in page
        )
    assert 'value="Taken"' in page  # what was typed is kept
    assert not Message.objects.exists() and User.objects.count() == 2


def test_only_accounts_that_may_add_users_can_invite(client, db):
    client.force_login(f.user(role=roles.PUBLISHER))
    response = client.post(
        reverse("admin:auth_user_invite"), {"username": "x", "email": "x@example.org", "language": "lo"}
    )
    assert response.status_code == 403 and not User.objects.filter(username="x").exists()


def test_the_admin_action_sends_a_new_invitation(client, db):
    partner = f.user(role=roles.PARTNER, username="late", email="late@example.org")
    client.force_login(f.user(role=roles.ADMINISTRATOR))
    client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "send_invitation", "_selected_action": [partner.pk]},
    )
    assert link_in(Message.objects.get(to="late@example.org"), "welcome").startswith("/lo/accounts/welcome/")


# --- account page -----------------------------------------------------------------------------------


def test_the_account_page_needs_a_signed_in_account(client, db):
    response = client.get("/en/accounts/")
    assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_the_account_chooses_its_mail_language_and_a_daily_digest(client, db, lang):
    partner = f.user(role=roles.PARTNER, email="p@example.org")
    client.force_login(partner)
    other = "en" if lang == "lo" else "lo"
    response = client.post(
        f"/{lang}/accounts/", {"form": "preferences", "language": other, "frequency": "daily"}
    )
    assert response.status_code == 302 and response["Location"] == f"/{other}/accounts/"
    assert InterfacePreference.objects.get(user=partner).language == other
    assert MailPreference.objects.get(user=partner).frequency == MailPreference.Frequency.DAILY
    page = client.get(response["Location"]).content.decode()
    with translation.override(other):
        assert translation.gettext("Your settings are saved.") in page
    assert re.search(r'value="daily"[^>]*checked', page) and re.search(rf'value="{other}"[^>]*checked', page)


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_a_new_address_is_confirmed_at_the_new_address_and_the_old_one_stays_until_then(client, db, lang):
    partner = with_password(f.user(role=roles.PARTNER, username="p1", email="old@example.org"))
    InterfacePreference.objects.create(user=partner, language=lang)
    client.force_login(partner)
    wrong = client.post(
        f"/{lang}/accounts/", {"form": "address", "new_address": "new@example.org", "password": "nope"}
    )
    with translation.override(lang):
        assert translation.gettext("The password is not correct.") in wrong.content.decode()
    assert not Message.objects.exists()
    response = client.post(
        f"/{lang}/accounts/",
        {"form": "address", "new_address": "new@example.org", "password": "the-right-password-1"},
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.email == "old@example.org"  # not before the new address confirms
    message = Message.objects.get(to="new@example.org")
    assert message.language == lang and "new@example.org" in message.body_text
    link = link_in(message, "address")
    client.logout()  # the link works from the mailbox, signed in or not
    assert "new@example.org" in client.get(link).content.decode()
    partner.refresh_from_db()
    assert partner.email == "old@example.org"  # opening the page changes nothing; the button does
    assert client.post(link).status_code == 200
    partner.refresh_from_db()
    assert partner.email == "new@example.org"
    assert Message.objects.filter(to="old@example.org", kind="address-changed").exists()
    assert client.post(link).status_code == 400  # once only
    partner.refresh_from_db()
    assert partner.email == "new@example.org"


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_bad_or_taken_new_addresses_get_a_clear_message(client, db, lang):
    f.user(role=roles.PARTNER, email="taken@example.org")
    partner = with_password(f.user(role=roles.PARTNER, email="me@example.org"))
    client.force_login(partner)
    for address, msgid in [
        ("no-at-sign", "This is not a whole e-mail address. Write it like name@example.org."),
        ("TAKEN@example.org", "Another account has this address. Give another one, or ask the secretariat."),
        ("Me@Example.org", "This is already the address of your account."),
    ]:
        page = client.post(
            f"/{lang}/accounts/",
            {"form": "address", "new_address": address, "password": "the-right-password-1"},
        ).content.decode()
        with translation.override(lang):
            assert translation.gettext(msgid) in page
    assert not Message.objects.exists()


def test_a_forged_or_expired_address_link_changes_nothing(client, db, settings):
    partner = f.user(role=roles.PARTNER, email="old@example.org")
    from accounts.tokens import make_address_token

    token = make_address_token(user=partner, new_address="evil@example.org")
    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    assert client.post(f"/en/accounts/address/{forged}/").status_code == 400
    settings.ADDRESS_CHANGE_TIMEOUT = -1
    assert client.post(f"/en/accounts/address/{token}/").status_code == 400
    partner.refresh_from_db()
    assert partner.email == "old@example.org"


# --- second factor for staff at the public login ------------------------------------------------------


def code_of(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_staff_give_their_one_time_code_at_the_public_login_too(client, db, settings, lang):
    settings.ADMIN_REQUIRE_OTP = True
    officer = with_password(f.user(role=roles.EDITOR, username="officer"))
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    shared = f.meeting(visibility="partners", title_lo="ແບ່ງປັນໃຫ້ຄູ່ຮ່ວມງານ", title_en="Shared with partners")
    login = f"/{lang}/accounts/login/"
    # The password alone: not signed in, asked for the code, and nothing partners-only is shown.
    response = client.post(login, {"username": "officer", "password": "the-right-password-1"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    page = response.content.decode()
    with translation.override(lang):
        msg = "Secretariat accounts also give the one-time code from their authenticator app. Enter it below."
        assert translation.gettext(msg) in page
    assert 'name="otp_token"' in page
    assert shared.title_lo not in client.get("/lo/").content.decode()
    wrong = client.post(
        login, {"username": "officer", "password": "the-right-password-1", "otp_token": "000000"}
    )
    assert "_auth_user_id" not in client.session
    with translation.override(lang):
        assert (
            translation.gettext(
                "The one-time code is not correct. Enter the code your authenticator app shows now."
            )
            in wrong.content.decode()
        )
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    response = client.post(
        login, {"username": "officer", "password": "the-right-password-1", "otp_token": code_of(device)}
    )
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(officer.pk)
    assert client.session["otp_device_id"] == device.persistent_id  # verified: reads as the secretariat
    assert shared.title_lo in client.get("/lo/").content.decode()


def test_staff_without_a_device_cannot_sign_in_at_the_public_login(client, db, settings):
    settings.ADMIN_REQUIRE_OTP = True
    with_password(f.user(role=roles.PUBLISHER, username="nodevice"))
    response = sign_in(client, "nodevice", otp_token="123456")
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert "ask an administrator to add one" in response.content.decode()


def sign_in(client, username, **extra):
    data = {"username": username, "password": "the-right-password-1", **extra}
    return client.post("/en/accounts/login/", data)


def test_partners_and_staff_without_two_factor_sign_in_with_the_password(client, db, settings):
    settings.ADMIN_REQUIRE_OTP = True
    with_password(f.user(role=roles.PARTNER, username="partner"))
    assert sign_in(client, "partner").status_code == 302
    client.logout()
    settings.ADMIN_REQUIRE_OTP = False
    with_password(f.user(role=roles.EDITOR, username="officer"))
    assert sign_in(client, "officer").status_code == 302
