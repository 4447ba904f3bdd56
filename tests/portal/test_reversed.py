"""Addresses kept per process (portal/http/reversed.py) are the addresses Django reverses, in each language,
and a changed URL configuration is never answered from what was kept."""

import pytest
from django.test import override_settings
from django.urls import clear_url_caches, reverse, translate_url
from django.utils import translation

from meetings.templatetags.portal import SITE_PAGES, site_pages
from portal.http.reversed import reverse_kept, translate_url_kept


def test_kept_addresses_are_django_s_in_every_language():
    for lang in ("lo", "en"):
        with translation.override(lang):
            pages = site_pages()
            assert pages == {key: reverse(name) for key, name in SITE_PAGES.items()}
            assert pages["home"] == f"/{lang}/"
            assert reverse_kept("meetings:person", slug="a-b") == reverse(
                "meetings:person", kwargs={"slug": "a-b"}
            )
            path = f"/{lang}/meetings/2024-02-15-x/?page=2"
            for other in ("lo", "en"):
                assert translate_url_kept(path, other) == translate_url(path, other)
                assert translate_url_kept(path, other).startswith(f"/{other}/meetings/")


@pytest.mark.urls("tests.portal.other_urls")
def test_another_url_configuration_is_never_answered_from_what_was_kept():
    with translation.override("en"):
        assert reverse_kept("meetings:home") == "/elsewhere/en/"


@pytest.fixture(autouse=True)
def _fresh_resolvers():
    yield
    clear_url_caches()


@pytest.mark.django_db
def test_the_header_links_every_site_page(client):
    with override_settings(PAGE_CACHE_SECONDS=0):
        for lang in ("lo", "en"):
            with translation.override(lang):
                html = client.get(reverse("meetings:home")).content.decode()
                for name in SITE_PAGES.values():
                    assert f'href="{reverse(name)}"' in html or f'action="{reverse(name)}"' in html, name
                assert f'<a href="/{lang}/" aria-current="page">' in html
