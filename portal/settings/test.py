"""Tests (pytest, ``pyproject.toml``): the development settings without debug pages, with the page cache on
(so that every test also checks that cached pages never cross audiences or outlive an edit)."""

from portal.settings.base import *  # noqa: F403

PORTAL_ENV = "test"
DEBUG = False
PAGE_CACHE_SECONDS = 300
