"""Addresses of records, reversed once per process.

A meeting page links to dozens of people, organisations and documents; reversing each address walked the
URL resolver every time (about a tenth of a fresh render). An address depends only on the URL
configuration, the script prefix, the active language (the ``/lo/`` and ``/en/`` prefixes) and the
arguments, so it is kept under exactly those. A change of the URL configuration (a test's
``ROOT_URLCONF``, ``clear_url_caches``) forgets every kept address, as Django forgets its resolvers.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

from django.conf import settings
from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse, translate_url
from django.utils.translation import get_language


@functools.lru_cache(maxsize=8192)
def _reversed(urlconf: str, prefix: str, language: str | None, viewname: str, kwargs: tuple) -> str:
    return reverse(viewname, urlconf=urlconf, kwargs=dict(kwargs))


def reverse_kept(viewname: str, **kwargs) -> str:
    """``reverse(viewname, kwargs=kwargs)``, kept per URL configuration, script prefix and language."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reversed(urlconf, get_script_prefix(), get_language(), viewname, tuple(sorted(kwargs.items())))


@functools.lru_cache(maxsize=64)
def _reversed_all(urlconf: str, prefix: str, language: str | None, names: tuple) -> Mapping[str, str]:
    return MappingProxyType({key: reverse(viewname, urlconf=urlconf) for key, viewname in names})


def reverse_all_kept(names: dict[str, str]) -> Mapping[str, str]:
    """``{key: reverse(viewname)}`` for each of ``names``, kept as one read-only mapping (shared by every
    render) per URL configuration, script prefix and language: one look-up for a page's header and footer."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reversed_all(urlconf, get_script_prefix(), get_language(), tuple(names.items()))


def forget(**_kwargs) -> None:
    _reversed.cache_clear()
    _reversed_all.cache_clear()
    _translated.cache_clear()


def _on_setting_changed(*, setting, **kwargs) -> None:
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE", "FORCE_SCRIPT_NAME"}:
        forget()


setting_changed.connect(_on_setting_changed, dispatch_uid="portal.http.reversed")


@functools.lru_cache(maxsize=4096)
def _translated(urlconf: str, prefix: str, path: str, language: str) -> str:
    return translate_url(path, language)


def translate_url_kept(path: str, language: str) -> str:
    """``translate_url(path, language)`` (this page's address in ``language``), kept like the addresses."""
    return _translated(get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), path, language)
