"""Work done once in gunicorn's master, before it forks the workers (``deploy/gunicorn.conf.py``,
``when_ready``; the app is preloaded there).

A worker begins with nothing but the imported code: its first requests each compile the URL patterns of a
language (about 60 ms) and the templates they use (about 20 ms for the 404 page, more for a records page),
and the first one that touches the cache imports redis-py (about 200 ms: Django imports it only then).
gunicorn replaces a worker after ``max_requests``; under load that is every few seconds, and every new
worker paid all of it again. Done in the master, each fork starts with the patterns and the templates
compiled and the cache's library imported (shared by copy-on-write). Nothing here opens a connection to
the database or the cache, so no worker inherits one.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.template.autoreload import get_template_directories
from django.urls import Resolver404, get_resolver
from django.utils import translation

log = logging.getLogger(__name__)
TEMPLATE_SUFFIXES = {".html", ".txt", ".xml"}
PROBE = "no-such-page-warming-up/"  # a path of no page: resolving it compiles every pattern of the language


def project_templates() -> list[str]:
    """The names of the project's own templates (under its folder; not those of installed packages)."""
    root = Path(settings.BASE_DIR).resolve()
    names = set()
    for folder in get_template_directories():
        folder = Path(folder).resolve()
        if folder.is_relative_to(root) and ".venv" not in folder.parts and "node_modules" not in folder.parts:
            names.update(
                str(p.relative_to(folder)) for p in folder.rglob("*") if p.suffix in TEMPLATE_SUFFIXES
            )
    return sorted(names)


def cache_clients() -> list:
    """Build the client of each Redis cache once, in a backend of its own (every thread of a worker makes its
    own backend): that imports redis-py and its reply parser. redis-py connects at the first command, so
    no connection is opened here. Returns the clients built."""
    built = []
    for alias in settings.CACHES:
        backend = caches.create_connection(alias)
        if isinstance(backend, RedisCache):
            built.append(
                backend._cache
            )  # Django's client for redis-py, made (redis-py imported) on first use
    return built


def warm_up() -> dict[str, int]:
    """Compile every language's URL patterns and the project's templates, and import the cache's library, in
    this process. Returns what was done (counted); a template that does not compile is logged and left to
    fail where it is used."""
    resolver = get_resolver()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            resolver._populate()  # the reverse lookup of this language (i18n patterns are per language)
            with contextlib.suppress(Resolver404):
                resolver.resolve(f"/{code}/{PROBE}")
    engine = engines["django"]
    compiled = 0
    for name in project_templates():
        try:
            engine.get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError) as error:
            log.warning("template %s not compiled while warming up: %s", name, error)
        else:
            compiled += 1
    return {
        "languages": len(settings.LANGUAGES),
        "templates": compiled,
        "cache clients": len(cache_clients()),
    }
