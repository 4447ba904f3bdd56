"""The signed-in floor in round trips to Redis (issue 23): the session, the content version, the kept user
and the kept audience are read in one round trip (``portal.http.sessions``), so a signed-in 404 asks Redis
once and a signed-in public page from the page cache twice (the page itself is the second). Counted through
the real Redis back-end and the production session engine, so that a new cache read on the signed-in path
shows here; and what the one round trip reads is still checked as before (deactivation, password change,
a cache outage, a version moved on while the request runs)."""

import uuid

import pytest
import redis

from meetings.rules import roles
from portal.http import pagecache
from portal.ops import resilient_cache
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)

REDIS_DB6 = "redis://127.0.0.1:6379/6"


@pytest.fixture
def redis_cache(settings, monkeypatch):
    prefix = f"test-floor-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.ops.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_DB6,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
    settings.SESSION_ENGINE = "portal.http.sessions"  # as in production
    monkeypatch.setattr(resilient_cache, "RETRY_AFTER", 0.2)
    yield
    server = redis.Redis.from_url(REDIS_DB6)
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)


class Commands:
    """Every command the redis client sends while on (a pipeline would show as its commands)."""

    def __init__(self, monkeypatch):
        self.sent: list[str] = []
        original = redis.Redis.execute_command

        def counted(client, *args, **options):
            self.sent.append(str(args[0]))
            return original(client, *args, **options)

        monkeypatch.setattr(redis.Redis, "execute_command", counted)

    def during(self, call):
        self.sent.clear()
        result = call()
        return result, list(self.sent)


@pytest.fixture
def partner(client, redis_cache):
    user = f.user(role=roles.PARTNER)
    client.force_login(user)
    return user


def test_a_signed_in_404_asks_redis_once(client, partner, monkeypatch):
    commands = Commands(monkeypatch)
    client.get("/en/no-such-page/")  # the first request loads the user and keeps it
    response, sent = commands.during(lambda: client.get("/en/no-such-page/"))
    assert response.status_code == 404 and response.wsgi_request.user == partner
    assert sent == ["MGET"]


def test_an_anonymous_404_does_not_ask_redis(client, redis_cache, monkeypatch):
    commands = Commands(monkeypatch)
    response, sent = commands.during(lambda: client.get("/en/no-such-page/"))
    assert response.status_code == 404 and sent == []


@pytest.mark.parametrize("path", ["/lo/", "/lo/statistics/", "/en/meetings/", "/lo/action-items/"])
def test_a_signed_in_cached_page_asks_redis_twice(client, partner, monkeypatch, path):
    f.meeting(title_en="Shown to partners")
    commands = Commands(monkeypatch)
    client.get(path)
    client.get(path)
    response, sent = commands.during(lambda: client.get(path))
    assert response.status_code == 200 and response["X-Page-Cache"] == "hit"
    assert sent == ["MGET", "GET"]  # the session with what it needs next; the page kept for partners
    assert response.wsgi_request.user == partner


def test_a_deactivated_partner_reads_as_anonymous_at_once(client, partner):
    client.get("/en/")
    assert client.get("/en/no-such-page/").wsgi_request.user.is_authenticated
    partner.is_active = False
    partner.save()
    response = client.get("/en/")
    assert not response.wsgi_request.user.is_authenticated
    assert "Signed in as" not in response.content.decode()


def test_a_password_change_signs_other_sessions_out_at_once(client, partner):
    assert client.get("/en/no-such-page/").wsgi_request.user.is_authenticated
    partner.set_password("a new long passphrase 2026")
    partner.save()
    assert not client.get("/en/no-such-page/").wsgi_request.user.is_authenticated


def test_a_partner_deactivated_during_an_outage_is_not_trusted_afterwards(client, partner, monkeypatch):
    from tests.portal.test_page_cache_outage import Outage, _wait_past_retry

    assert client.get("/en/no-such-page/").wsgi_request.user.is_authenticated
    assert client.get("/en/no-such-page/").wsgi_request.user.is_authenticated  # kept now
    with Outage(monkeypatch):
        from django.contrib.auth.models import User

        User.objects.filter(pk=partner.pk).update(is_active=False)  # no signal: no bump reaches Redis
        pagecache._bump()  # fails: Redis is "down"
    _wait_past_retry()  # Redis answers again, with the old version and the old kept user
    assert not client.get("/en/no-such-page/").wsgi_request.user.is_authenticated


def test_what_was_read_with_the_session_is_not_used_after_a_bump(client, partner):
    from portal.http.cached_auth import reader_keys
    from portal.http.sessions import SessionStore

    client.get("/en/no-such-page/")
    session_key = client.session.session_key
    store = SessionStore(session_key)
    assert store.get("_auth_user_id") == str(partner.pk)  # loaded: the others were read with it
    version_key, user_key, _audience_key = reader_keys(session_key)
    assert store.read_along[version_key] and store.read_along[user_key]
    pagecache._bump()  # this process moved the version on: what was read before is read again
    assert store.take_along(version_key, "again") == "again"
    assert store.take_along(user_key, "again") == "again"


def test_a_new_search_asks_redis_twice_once_its_filters_are_known(client, redis_cache, monkeypatch, settings):
    """The content version and the rate limit's count; the filters' choices for that version are kept in the
    process too (no third round trip), and a new version is never answered from that copy."""
    settings.SEARCH_CACHE_SECONDS = 0
    settings.PAGE_CACHE_SECONDS = 0
    f.meeting(title_en="Harbour review", start_date="2023-05-02")
    commands = Commands(monkeypatch)
    client.get("/en/search/?q=harbour")
    response, sent = commands.during(lambda: client.get("/en/search/?q=review"))
    assert response.status_code == 200 and b'id="results-meetings"' in response.content
    assert sent == ["GET"]  # the version (the rate limit's count is one pipeline: test_rate_count.py)
    assert b'<option value="2023">2023</option>' in response.content
    f.meeting(title_en="Harbour plan", start_date="2021-03-04")  # a new content version
    response = client.get("/en/search/?q=plan")
    assert b'<option value="2021">2021</option>' in response.content


def test_a_fresh_meeting_page_reads_the_content_version_once(client, partner, monkeypatch):
    """Every rule kept per content version (``once_per_content_version``: the minutes' names and the sizes of
    the stored PDFs here) uses the version the request read with its session, not a round trip each."""
    meeting = f.meeting(title_en="Border review")
    client.get(meeting.get_absolute_url())
    f.meeting(title_en="Another review")  # a new content version: the page is rendered afresh
    commands = Commands(monkeypatch)
    response, sent = commands.during(lambda: client.get(meeting.get_absolute_url()))
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
    assert b"Minutes in English" in response.content or "ບົດບັນທຶກ" in response.content.decode()
    # the session with what it needs next (the version among it), the user and the audience kept for the
    # new version, the kept page (a miss), the page kept: no GET of the version
    assert sent == ["MGET", "SET", "SET", "GET", "SET"]
