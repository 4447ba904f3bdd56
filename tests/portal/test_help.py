"""Help where it is needed (portal/http/help.py): every admin screen links to the guide page about it, in
the screen's language; the public footer links to the partners' guide; the built guide under /help/ is
served by Django in the demo only, and by nginx in production with the same security policy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import get_resolver

from portal.http import help as portal_help

DOCS = Path(settings.BASE_DIR) / "docs"
OWN_APPS = {"meetings", "notifications", "reports", "accounts"}


def admin_url_names() -> set[str]:
    names = set()

    def walk(resolver, namespaces):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern, [*namespaces, pattern.namespace] if pattern.namespace else namespaces)
            elif "admin" in namespaces and pattern.name:
                names.add(pattern.name)

    walk(get_resolver(), [])
    return names


def test_every_admin_screen_of_a_registered_model_maps_to_an_existing_guide_page():
    names = admin_url_names()
    checked = 0
    for model in admin.site._registry:
        prefix = f"{model._meta.app_label}_{model._meta.model_name}"
        assert f"{prefix}_changelist" in names, prefix
        for view in ("changelist", "add", "change", "history"):
            url_name = f"{prefix}_{view}"
            if url_name not in names:  # e.g. no add view (translation status: export and import instead)
                continue
            page = portal_help.admin_help_page(url_name)
            assert (DOCS / "en" / f"{page}.md").is_file(), (
                f"{url_name} -> {page}: docs/en/{page}.md is missing"
            )
            checked += 1
    assert checked >= 3 * 10


def test_the_portals_own_models_have_their_own_guide_page_not_the_officers_home():
    """A model added to the admin without a guide page fails here (third-party models may use the home)."""
    for model in admin.site._registry:
        if model._meta.app_label in OWN_APPS:
            label = model._meta.label_lower
            assert label in portal_help.MODEL_PAGES, f"{label}: add it to MODEL_PAGES in portal/http/help.py"


def test_every_page_named_by_the_map_exists_in_the_guide():
    pages = {portal_help.OFFICERS_HOME, portal_help.PARTNERS_HOME, *portal_help.VIEW_PAGES.values()}
    for views in portal_help.MODEL_PAGES.values():
        pages.update(views.values())
    missing = [page for page in sorted(pages) if not (DOCS / "en" / f"{page}.md").is_file()]
    assert not missing, f"guide pages named in portal/http/help.py but missing from docs/en/: {missing}"
    assert set(portal_help.VIEW_PAGES) <= admin_url_names(), (
        "VIEW_PAGES names an admin screen that does not exist"
    )


@pytest.mark.parametrize(
    ("url_name", "page"),
    [
        ("meetings_meeting_add", "officers/enter-a-meeting"),
        ("meetings_meeting_change", "officers/enter-a-meeting"),
        ("meetings_meeting_changelist", "officers/review-and-publish"),
        ("meetings_meeting_workflow", "officers/review-and-publish"),
        ("meetings_meeting_history", "officers/history"),
        ("meetings_actionitem_history", "officers/history"),
        ("meetings_importedpost_import", "officers/wordpress-import"),
        ("meetings_importedpost_changelist", "officers/wordpress-import"),
        ("meetings_person_add", "officers/people-and-organisations"),
        ("meetings_organisation_changelist", "officers/people-and-organisations"),
        ("meetings_actionitem_changelist", "officers/action-items"),
        ("meetings_translation_export", "officers/translation"),
        ("notifications_message_changelist", "officers/mail"),
        ("index", "officers/index"),
        ("auth_user_changelist", "officers/index"),
        (None, "officers/index"),
    ],
)
def test_admin_screens_map_to_their_pages(url_name, page):
    assert portal_help.admin_help_page(url_name) == page


def test_help_addresses_per_language():
    assert portal_help.help_url("officers/enter-a-meeting", "lo") == "/help/lo/officers/enter-a-meeting/"
    assert portal_help.help_url("officers/enter-a-meeting", "en") == "/help/officers/enter-a-meeting/"
    assert portal_help.help_url("partners/index", "lo") == "/help/lo/partners/"
    assert portal_help.help_url("partners/index", "en") == "/help/partners/"


@pytest.mark.parametrize(
    ("language", "href", "label"),
    [("lo", "/help/lo/officers/enter-a-meeting/", "ຄູ່ມື"), ("en", "/help/officers/enter-a-meeting/", "Help")],
)
def test_add_meeting_screen_links_to_its_guide_page_in_the_screens_language(
    admin_client, language, href, label
):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    admin_client.post("/i18n/interface-language/", {"language": language, "next": "/admin/"})
    html = admin_client.get("/admin/meetings/meeting/add/").content.decode()
    assert f'<html lang="{language}"' in html
    assert f'<a class="help-link" href="{href}">{label}</a>' in html


def test_public_footer_links_to_the_partners_guide_in_the_page_language(client, db):
    assert '<a href="/help/lo/partners/">ຄູ່ມືສຳລັບອົງການຄູ່ຮ່ວມງານ</a>' in client.get("/lo/").content.decode()
    assert '<a href="/help/partners/">Guide for partners</a>' in client.get("/en/").content.decode()


# --- serving the built guide -----------------------------------------------------------------------------
def test_guide_is_not_served_by_django_unless_the_setting_is_on(client, db, settings):
    settings.HELP_SITE_DIR = None
    assert client.get("/help/").status_code == 404


def test_demo_serves_the_built_guide_with_its_own_policy(client, db, settings, tmp_path):
    (tmp_path / "lo" / "officers").mkdir(parents=True)
    (tmp_path / "index.html").write_text("<p>guide</p>", encoding="utf-8")
    (tmp_path / "lo" / "officers" / "index.html").write_text("<p>ຄູ່ມື</p>", encoding="utf-8")
    (tmp_path.parent / "secret.txt").write_text("outside", encoding="utf-8")
    settings.HELP_SITE_DIR = tmp_path

    def get(path):
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        response.close()
        return response, body

    response, body = get("/help/")
    assert response.status_code == 200 and body == b"<p>guide</p>"
    assert response["Content-Security-Policy"] == portal_help.HELP_CONTENT_SECURITY_POLICY
    response, body = get("/help/lo/officers/")
    assert response.status_code == 200 and "ຄູ່ມື" in body.decode()
    redirect, _ = get("/help/lo/officers")
    assert redirect.status_code == 301 and redirect["Location"] == "/help/lo/officers/"
    for outside in ("/help/../secret.txt", "/help/%2e%2e/secret.txt", "/help/missing/"):
        assert get(outside)[0].status_code == 404, outside
    assert client.post("/help/").status_code in (403, 405)


def test_nginx_serves_the_built_guide_under_help_with_the_same_policy():
    conf = (Path(settings.BASE_DIR) / "deploy" / "nginx" / "portal.conf.template").read_text()
    block = re.search(r"location /help/ \{(.*?)\n    \}", conf, re.S)
    assert block, "deploy/nginx/portal.conf.template has no `location /help/`"
    assert "alias @HELP_SITE@/;" in block.group(1)
    assert (
        f'add_header Content-Security-Policy "{portal_help.HELP_CONTENT_SECURITY_POLICY}" always;'
        in block.group(1)
    )
    assert "@HELP_SITE@" in (Path(settings.BASE_DIR) / "bin" / "serve").read_text()


def test_the_sitemap_lists_every_written_guide_page_with_the_hosts_address(client, db):
    body = client.get("/sitemap.xml").content.decode()
    locations = set(re.findall(r"<loc>([^<]+)</loc>", body))
    for language in ("lo", "en"):
        pages = portal_help.guide_pages(language)
        assert "officers/index" in pages and "partners/index" in pages
        for page in pages:
            assert "http://testserver" + portal_help.help_url(page, language) in locations
    assert "http://testserver/help/lo/officers/" in locations  # the Lao guide's own address
    # an English page not yet written in Lao is listed in English only (its Lao address shows the English text)
    english_only = sorted(set(portal_help.guide_pages("en")) - set(portal_help.guide_pages("lo")))
    assert english_only and "http://testserver" + portal_help.help_url(english_only[0], "lo") not in locations
    # the public pages are still there
    assert "http://testserver/lo/meetings/" in locations


def test_each_guide_page_in_the_sitemap_names_its_other_language(client, db):
    """hreflang pairs: the Lao and English addresses of a page written in both name each other; a page not yet
    written in Lao has no Lao alternate (its Lao address would show the English text)."""
    body = client.get("/sitemap.xml").content.decode()
    entries = {}
    for entry in re.findall(r"<url>(.*?)</url>", body, flags=re.S):
        loc = re.search(r"<loc>([^<]+)</loc>", entry).group(1)
        entries[loc] = dict(re.findall(r'hreflang="([^"]+)"\s+href="([^"]+)"', entry))
    both = sorted(set(portal_help.guide_pages("lo")) & set(portal_help.guide_pages("en")))
    assert "officers/index" in both
    for page in both:
        lao, english = (f"http://testserver{portal_help.help_url(page, lang)}" for lang in ("lo", "en"))
        assert entries[lao] == {"lo": lao, "en": english}, page
        assert entries[english] == {"lo": lao, "en": english}, page
    english_only = sorted(set(portal_help.guide_pages("en")) - set(portal_help.guide_pages("lo")))
    english = f"http://testserver{portal_help.help_url(english_only[0], 'en')}"
    assert entries[english] == {"en": english}


def test_the_built_guide_has_no_sitemap_of_relative_addresses():
    site = Path(settings.BASE_DIR) / "var" / "help-site"
    if not (site / "index.html").is_file():
        pytest.fail("the guide is not built: bin/test builds it (mkdocs build --strict) before the tests")
    assert not list(site.glob("**/sitemap.xml")), "MkDocs' own sitemap (relative addresses) is left out"
