"""Each officer switches the admin's language in the header, and the choice sticks across logins."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal.models import InterfacePreference

PASSWORD = "a-long-test-password-91"


@pytest.fixture
def officer(db):
    return get_user_model().objects.create_user(
        "officer", password=PASSWORD, is_staff=True, is_superuser=True
    )


def log_in(client):
    response = client.post("/admin/login/?next=/admin/", {"username": "officer", "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    return response


def test_the_admin_is_in_lao_by_default_and_offers_the_switch(client, officer):
    page = client.get("/admin/login/").content.decode()
    assert "ເຂົ້າສູ່ລະບົບ" in page and "Log in" not in page
    assert 'name="language" value="en"' in page  # the switcher is on the login page too
    log_in(client)
    page = client.get("/admin/").content.decode()
    assert "ອອກຈາກລະບົບ" in page and "ພາສາຂອງລະບົບ" in page


def test_switching_to_english_sticks_for_this_officer_on_another_browser(client, officer):
    log_in(client)
    response = client.post("/i18n/interface-language/", {"language": "en", "next": "/admin/meetings/"})
    assert response.status_code == 302 and response["Location"] == "/admin/meetings/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en" and int(cookie["max-age"]) >= 300 * 24 * 3600  # persistent, not per session
    assert InterfacePreference.objects.get(user=officer).language == "en"
    assert "Log out" in client.get("/admin/").content.decode()

    other_browser = Client()
    assert "ເຂົ້າສູ່ລະບົບ" in other_browser.get("/admin/login/").content.decode()
    response = log_in(other_browser)
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = other_browser.get("/admin/").content.decode()
    assert "Log out" in page and "ອອກຈາກລະບົບ" not in page

    # and back to Lao
    other_browser.post("/i18n/interface-language/", {"language": "lo", "next": "/admin/"})
    assert InterfacePreference.objects.get(user=officer).language == "lo"
    assert "ອອກຈາກລະບົບ" in other_browser.get("/admin/").content.decode()


def test_pages_after_login_do_not_read_the_preference_again(client, officer):
    InterfacePreference.objects.create(user=officer, language="en")
    log_in(client)
    client.get("/admin/")  # the cookie is set on the login response; this is an ordinary page
    with CaptureQueriesContext(connection) as ctx:
        client.get("/admin/")
    assert not [q for q in ctx.captured_queries if "interfacepreference" in q["sql"]]


def test_bad_requests_change_nothing(client, officer):
    log_in(client)
    assert client.get("/i18n/interface-language/").status_code == 405
    client.post("/i18n/interface-language/", {"language": "xx", "next": "/admin/"})
    assert not InterfacePreference.objects.exists()
    # an anonymous visitor may switch (the login page) but nothing is stored
    anonymous = Client()
    response = anonymous.post(
        "/i18n/interface-language/", {"language": "en", "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and "evil" not in response["Location"]
    assert not InterfacePreference.objects.exists()
