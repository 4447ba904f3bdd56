"""The rate limits' counter in one round trip to Redis (``ResilientRedisCache.count``, used by
``portal.http.ratelimit``): counted, made to expire, read back by Django as a number, and a stopped Redis
is a request not counted, never an error."""

import uuid

import pytest
import redis

from portal.ops import resilient_cache
from portal.ops.resilient_cache import ResilientRedisCache

REDIS_DB6 = "redis://127.0.0.1:6379/6"


def cache_at(location: str) -> ResilientRedisCache:
    options = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}
    return ResilientRedisCache(
        location, {"KEY_PREFIX": f"test-count-{uuid.uuid4().hex[:12]}", "OPTIONS": options}
    )


@pytest.fixture
def own_outage_state(monkeypatch):
    """This test's failures stay its own: the outage state is per class, shared by every cache in the process."""
    monkeypatch.setattr(ResilientRedisCache, "_down_until", 0.0)
    monkeypatch.setattr(ResilientRedisCache, "_failures", 0)
    monkeypatch.setattr(resilient_cache, "RETRY_AFTER", 0.2)


def test_a_counter_is_counted_in_one_round_trip_and_expires(monkeypatch, own_outage_state):
    cache = cache_at(REDIS_DB6)
    sent = []
    pipeline_execute, command = redis.client.Pipeline.execute, redis.Redis.execute_command

    def pipelined(pipe, *args, **kwargs):
        sent.append([name for name, *_rest in (c[0] for c in pipe.command_stack)])
        return pipeline_execute(pipe, *args, **kwargs)

    def single(client, *args, **kwargs):
        sent.append(args[0])
        return command(client, *args, **kwargs)

    monkeypatch.setattr(redis.client.Pipeline, "execute", pipelined)
    monkeypatch.setattr(redis.Redis, "execute_command", single)
    assert [cache.count("search:ip", 60) for _ in range(3)] == [1, 2, 3]
    assert sent == [["SET", "INCRBY"]] * 3  # one round trip each, no command on its own
    server = redis.Redis.from_url(REDIS_DB6)
    key = cache.make_and_validate_key("search:ip")
    assert 0 < server.ttl(key) <= 60  # made to expire when it was new, not pushed back by later counts
    assert cache.get("search:ip") == 3  # an int, as Django's own incr leaves it
    server.delete(key)


def test_a_stopped_redis_is_a_request_not_counted(own_outage_state):
    cache = cache_at("redis://127.0.0.1:1/0")  # nothing listens there
    assert cache.count("search:ip", 60) == 1
    assert cache.failures() == 1 and cache.is_down()
    assert cache.count("search:ip", 60) == 1  # within the retry window: not even tried
    assert cache.failures() == 1
