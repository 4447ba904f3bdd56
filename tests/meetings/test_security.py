"""Hardening: CSP, headers, login lock-out, Argon2, two-factor admin, rate limits."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from meetings.rules import roles
from portal.http.ratelimit import rate_limit
from tests import factories as f

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def test_content_security_policy_and_security_headers(client, db):
    for url in ("/lo/", "/en/", reverse("admin:login")):
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
        assert directives["script-src"] == "'self'"
        assert directives["default-src"] == "'self'"
        assert directives["frame-ancestors"] == "'none'"
        assert "unsafe" not in csp and "http" not in csp  # no inline code, no third-party hosts
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"


def test_project_templates_have_no_inline_script_or_third_party_assets():
    offenders = []
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        for match in re.finditer(r"<script\b[^>]*>", text):
            if "src=" not in match.group(0):
                offenders.append(f"{template}: inline <script>")
        # Mail's HTML is never served under the site's CSP, and mail programs drop style sheets: there, and
        # only there, styles are inline. Scripts, handlers and outside assets stay forbidden in mail too.
        is_mail = template.is_relative_to(TEMPLATES / "notifications")
        if re.search(r"\sstyle\s*=", text) and not is_mail:
            offenders.append(f"{template}: inline style")
        if is_mail and "<script" in text:
            offenders.append(f"{template}: script in a mail")
        if re.search(
            r"<[a-zA-Z][^>]*\son[a-z]+\s*=", text
        ):  # an attribute inside a tag, not {% ... online=x %}
            offenders.append(f"{template}: inline event handler")
        if re.search(r"""(src|href)=["']?(https?:)?//""", text):
            offenders.append(f"{template}: third-party asset")
    assert offenders == []


def test_passwords_are_hashed_with_argon2(db):
    user = User.objects.create_user("hash-check", password="a-long-test-password")
    assert user.password.startswith("argon2$")


@pytest.mark.parametrize("lang", ["en", "lo"])
def test_login_is_locked_after_repeated_failures(client, db, lang):
    User.objects.create_user("officer", password="the-right-password-1", is_staff=True)
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "officer", "password": "wrong"})
        assert response.status_code == 200  # the login form again
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang  # the admin's language is the chosen one
    response = client.post(url, {"username": "officer", "password": "wrong"})
    assert response.status_code == 429
    # Now even the right password is refused, with a message in the user's language.
    response = client.post(url, {"username": "officer", "password": "the-right-password-1"})
    assert response.status_code == 429
    with translation.override(lang):
        assert str(translation.gettext("Account locked")) in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_admin_requires_a_one_time_code_when_two_factor_is_on(client, db, settings):
    settings.ADMIN_REQUIRE_OTP = True
    user = f.user(role=roles.EDITOR, username="twofactor")
    user.set_password("the-right-password-1")
    user.save()
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    index = reverse("admin:index")
    # Password alone is not enough: a session without a verified device is not let in.
    client.force_login(user)
    assert client.get(index).status_code == 302
    client.logout()
    login = reverse("admin:login")
    response = client.post(
        login, {"username": "twofactor", "password": "the-right-password-1", "otp_token": "000000"}
    )
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    token = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = client.post(
        login,
        {
            "username": "twofactor",
            "password": "the-right-password-1",
            "otp_device": device.persistent_id,
            "otp_token": token,
        },
    )
    assert response.status_code == 302
    assert client.get(index).status_code == 200


def test_admin_without_two_factor_when_off(client, db, settings):
    settings.ADMIN_REQUIRE_OTP = False
    client.force_login(f.user(role=roles.EDITOR))
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.parametrize("lang", ["en", "lo"])
def test_rate_limit_decorator(db, settings, lang):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "3/m"}
    from django.core.cache import cache

    cache.clear()

    @rate_limit("search")
    def view(request):
        return HttpResponse("ok")

    factory = RequestFactory()

    def call(address):
        request = factory.get("/lo/search/", REMOTE_ADDR=address)
        request.user = AnonymousUser()
        with translation.override(lang):
            return view(request)

    assert [call("10.0.0.1").status_code for _ in range(3)] == [200, 200, 200]
    limited = call("10.0.0.1")
    assert limited.status_code == 429
    assert 0 < int(limited["Retry-After"]) <= 60
    with translation.override(lang):
        assert translation.gettext("Too many requests") in limited.content.decode()
    assert call("10.0.0.2").status_code == 200  # another client has its own count


@pytest.mark.parametrize("lang", ["en", "lo"])
def test_partner_signs_in_on_the_public_site(client, db, lang):
    partner = f.user(role=roles.PARTNER, username="partner-org")
    partner.set_password("the-right-password-1")
    partner.save()
    shared = f.meeting(visibility="partners", title_en="Shared with partners", title_lo="ແບ່ງປັນໃຫ້ຄູ່ຮ່ວມງານ")
    with translation.override(lang):
        url = reverse("accounts:login")  # /lo/accounts/login/ or /en/accounts/login/
    response = client.post(url, {"username": "partner-org", "password": "wrong"})
    assert response.status_code == 200
    with translation.override(lang):
        from accounts.forms import LoginForm

        assert str(LoginForm.error_messages["invalid_login"]) in response.content.decode()
    response = client.post(url, {"username": "partner-org", "password": "the-right-password-1"})
    assert response.status_code == 302
    assert shared.title_lo in client.get("/lo/").content.decode()
    client.post(reverse("accounts:logout"))
    assert shared.title_lo not in client.get("/lo/").content.decode()


def test_editor_cannot_change_a_published_meeting_but_a_publisher_can(client, db):
    published = f.meeting()
    url = reverse("admin:meetings_meeting_change", args=[published.pk])
    client.force_login(f.user(role=roles.EDITOR))
    page = client.get(url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()  # read-only view
    assert client.post(url, {"title_lo": "x"}).status_code == 403
    client.force_login(f.user(role=roles.PUBLISHER))
    assert 'name="_save"' in client.get(url).content.decode()


@pytest.mark.urls("tests.meetings.ratelimit_urls")
def test_search_and_pdf_urls_are_limited_by_the_middleware(client, db, settings):
    from django.core.cache import cache

    cache.clear()
    settings.RATE_LIMITS = {"search": "5/m", "pdf": "2/m"}
    assert [client.get("/lo/search/?q=x").status_code for _ in range(6)] == [200] * 5 + [429]
    assert [client.get(f"/lo/meetings/m{i}/pdf/").status_code for i in range(3)] == [200, 200, 429]
    assert all(client.get("/lo/about/").status_code == 200 for _ in range(10))  # other pages are not limited


def test_uploads_inside_the_static_folders_are_refused_by_a_system_check(settings, tmp_path):
    from portal.checks import uploads_are_not_static_files

    settings.STATIC_ROOT = tmp_path / "staticfiles"
    settings.MEDIA_ROOT = tmp_path / "uploads"
    assert uploads_are_not_static_files() == []
    settings.MEDIA_ROOT = tmp_path / "staticfiles" / "uploads"
    assert [e.id for e in uploads_are_not_static_files()] == ["portal.E001"]
