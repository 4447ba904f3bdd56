"""A cache outage never leaves old content valid (issue 23).

Through the real resilient Redis back-end (Redis db 3): after a cache error the back-end skips the cache for
``RETRY_AFTER`` seconds. A meeting unpublished in that window used to stay public for ``PAGE_CACHE_SECONDS``,
because the content-version bump was skipped too and Redis kept the old version (and the old pages) once it
answered again. The outage is made by failing the redis client's calls, the way a stopped Redis or a socket
time-out fails them.
"""

import pytest
import redis
from django.core.cache.backends.redis import RedisCacheClient
from django.urls import reverse
from django.utils import translation

from meetings.rules import roles
from meetings.services import unpublish_meeting
from portal.ops import resilient_cache
from tests import factories as f

REDIS_DB3 = "redis://127.0.0.1:6379/3"


@pytest.fixture
def redis_cache(settings, monkeypatch):
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.ops.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_DB3,
            "KEY_PREFIX": "test-i23-outage",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
    redis.Redis.from_url(REDIS_DB3).flushdb()
    monkeypatch.setattr(resilient_cache, "RETRY_AFTER", 0.2)
    yield
    redis.Redis.from_url(REDIS_DB3).flushdb()


class Outage:
    """While on, every call of the redis client fails as with a stopped Redis."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch

    def _fail(self, *args, **kwargs):
        raise redis.exceptions.ConnectionError("Connection refused (test outage)")

    def __enter__(self):
        for name in ("get", "set", "add", "get_many", "set_many", "delete", "incr", "touch", "has_key"):
            self.monkeypatch.setattr(RedisCacheClient, name, self._fail)
        return self

    def __exit__(self, *exc):
        self.monkeypatch.undo()


def _wait_past_retry():
    import time

    time.sleep(resilient_cache.RETRY_AFTER + 0.05)


def test_a_meeting_unpublished_during_an_outage_is_not_served_afterwards(
    client, db, redis_cache, monkeypatch
):
    meeting = f.meeting(title_en="Soon withdrawn meeting")
    with translation.override("en"):
        url = reverse("meetings:meeting", kwargs={"slug": meeting.slug})
    assert client.get(url).status_code == 200
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert "Soon withdrawn meeting" in client.get("/en/meetings/").content.decode()
    with Outage(monkeypatch):
        assert client.get("/en/").status_code == 200  # served without the cache: the back-end is now "down"
        unpublish_meeting(meeting=meeting, by=f.user(role=roles.PUBLISHER))  # the bump is skipped or fails
    _wait_past_retry()  # Redis answers again, with the old content version and the old pages
    assert client.get(url).status_code == 404
    assert "Soon withdrawn meeting" not in client.get("/en/meetings/").content.decode()


def test_a_worker_that_only_saw_the_outage_does_not_trust_old_pages(client, db, redis_cache, monkeypatch):
    """The unpublishing happened while this process's cache calls failed (another worker's bump never
    reached Redis): once Redis answers, nothing stored before the outage is served."""
    meeting = f.meeting(title_en="Quietly withdrawn meeting")
    assert "Quietly withdrawn meeting" in client.get("/en/meetings/").content.decode()
    assert client.get("/en/meetings/")["X-Page-Cache"] == "hit"
    with Outage(monkeypatch):
        client.get("/en/")
        from meetings.models import Meeting

        # the change reaches the database, not Redis
        Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.DRAFT)
    _wait_past_retry()
    assert "Quietly withdrawn meeting" not in client.get("/en/meetings/").content.decode()
