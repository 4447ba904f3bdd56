"""What gunicorn's master compiles before forking the workers (portal/http/warmup.py, ``when_ready`` in
deploy/gunicorn.conf.py): every language's URL patterns and the project's templates, so that a worker
started after ``max_requests`` does not compile them again on its first requests."""

import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.cache.backends.redis import RedisCacheClient
from django.template import engines
from django.urls import get_resolver

from portal.http.warmup import cache_clients, project_templates, warm_up

ROOT = Path(__file__).resolve().parents[2]


def _cached_loader():
    (loader,) = engines["django"].engine.template_loaders  # the cached loader around the others
    return loader


def test_warming_up_compiles_the_templates_and_every_languages_patterns():
    loader = _cached_loader()
    loader.reset()
    resolver = get_resolver()
    resolver._reverse_dict.clear()  # as in a new process
    names = project_templates()
    assert {"404.html", "base.html"} <= set(names)
    assert not loader.get_template_cache
    done = warm_up()
    assert done["languages"] == len(settings.LANGUAGES) and done["templates"] == len(names)
    assert set(names) <= set(loader.get_template_cache)
    assert {code for code, _name in settings.LANGUAGES} <= set(resolver._reverse_dict)


def test_the_redis_caches_client_is_made_without_connecting(settings):
    """The client of a Redis cache is made (redis-py imported) but not connected: no server listens on the
    address, and nothing fails."""
    redis = {"BACKEND": "portal.ops.resilient_cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
    settings.CACHES = {"default": redis, "files": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    (client,) = cache_clients()
    assert isinstance(client, RedisCacheClient)
    assert client._pools == {}  # no connection pool yet, so no connection


def test_gunicorns_master_warms_up_before_it_forks_a_worker(tmp_path):
    sock = tmp_path / "gunicorn.sock"
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "GUNICORN_BIND": f"unix:{sock}", "GUNICORN_WORKERS": "1", "GUNICORN_PRELOAD_APP": "true",
        "GUNICORN_LOGLEVEL": "info",
    }  # fmt: skip
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "portal.wsgi"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    lines = []
    try:
        deadline = time.monotonic() + 60
        while not any("Booting worker" in line for line in lines):
            assert process.poll() is None, "".join(lines) + process.stderr.read()
            assert time.monotonic() < deadline, "gunicorn started no worker:\n" + "".join(lines)
            lines.append(process.stderr.readline())
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stderr.close()
    warmed = [n for n, line in enumerate(lines) if "compiled before forking the workers" in line]
    assert warmed, "".join(lines)
    assert f"'templates': {len(project_templates())}" in lines[warmed[0]]
    assert warmed[0] < next(n for n, line in enumerate(lines) if "Booting worker" in line)
