"""The signed-in floor (issue 23): with sessions and the user kept in the cache, a signed-in request costs no
query for who the reader is, and everything Django checks about the reader still holds at once."""

import pytest

from meetings.rules import roles
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def partner(client, settings):
    settings.SESSION_ENGINE = "portal.http.sessions"  # as in production
    user = f.user(role=roles.PARTNER)
    client.force_login(user)
    return user


def test_a_signed_in_404_makes_no_query(client, partner, django_assert_num_queries):
    client.get("/en/no-such-page/")  # the first request loads the user once
    with django_assert_num_queries(0):
        response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert response.wsgi_request.user == partner and response.wsgi_request.user.is_authenticated


def test_the_kept_user_keeps_its_rights(client, partner, django_assert_num_queries):
    client.get("/en/no-such-page/")
    with django_assert_num_queries(0):
        user = client.get("/en/no-such-page/").wsgi_request.user
        assert roles.is_partner(user) and not roles.reads_as_secretariat(user)


def test_a_deactivated_partner_is_signed_out_at_the_next_request(client, partner):
    assert client.get("/en/no-such-page/").wsgi_request.user.is_authenticated
    partner.is_active = False
    partner.save()
    assert not client.get("/en/no-such-page/").wsgi_request.user.is_authenticated


def test_a_password_change_signs_other_sessions_out(client, partner):
    assert client.get("/en/no-such-page/").wsgi_request.user.is_authenticated
    partner.set_password("a new long passphrase 2026")
    partner.save()
    assert not client.get("/en/no-such-page/").wsgi_request.user.is_authenticated


def test_a_lost_right_is_lost_at_the_next_request(client, partner):
    from django.contrib.auth.models import Group

    assert roles.is_partner(client.get("/en/no-such-page/").wsgi_request.user)
    partner.groups.remove(Group.objects.get(name=roles.PARTNER))
    assert not roles.is_partner(client.get("/en/no-such-page/").wsgi_request.user)


def test_signing_out_is_immediate(client, partner):
    assert client.get("/en/no-such-page/").wsgi_request.user.is_authenticated
    client.logout()
    assert not client.get("/en/no-such-page/").wsgi_request.user.is_authenticated


def test_the_cache_holds_no_password_hash_and_a_password_check_still_works(client, partner):
    from django.core.cache import cache

    from portal.http.cached_auth import _key

    client.get("/en/no-such-page/")
    _version, user_id, session_hash, kept = cache.get(_key(client.session.session_key))
    assert user_id == str(partner.pk)
    assert "password" not in kept.__dict__ and partner.password not in repr(vars(kept))
    assert session_hash == partner.get_session_auth_hash()
    user = client.get("/en/no-such-page/").wsgi_request.user
    assert user.check_password("x" * 3) is False  # the deferred hash is loaded from the database
    assert user.password == partner.password
    user.first_name = "Changed"
    user.save()  # writes the loaded fields; the password stays
    partner.refresh_from_db()
    assert partner.first_name == "Changed" and partner.password == user.password
