"""Help where it is needed: links from the portal's screens into the guide (docs/, built by MkDocs).

The guide is a static site under ``/help/`` (English) and ``/help/lo/`` (Lao). Production nginx serves
the built folder itself (deploy/nginx/portal.conf.template, ``location /help/``); the demo has Django serve
it (:func:`help_site`, only when ``settings.HELP_SITE_DIR`` is set: the development settings).

Each admin screen links to the guide page about it, in the screen's language (:func:`admin_help_page`,
through the context processor :func:`help_links` and templates/admin/base_site.html); the public footer
links to the partners' guide. Pages are named by their path under docs/<language>/ without ``.md``;
tests/portal/test_help.py checks that every page named here exists.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from csp.decorators import csp_exempt
from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import translation
from django.utils._os import safe_join
from django.views.decorators.http import require_safe
from django.views.static import serve

HELP_PREFIX = "/help/"
OFFICERS_HOME = "officers/index"
PARTNERS_HOME = "partners/index"

ENTER = "officers/enter-a-meeting"
IMPORT = "officers/wordpress-import"
DIRECTORY = "officers/people-and-organisations"
ACTIONS = "officers/action-items"
TRANSLATION = "officers/translation"
PUBLISH = "officers/review-and-publish"
HISTORY = "officers/history"
MAIL = "officers/mail"

# Admin screens of a model: "app_label.model_name" -> page for each view ("*": the model's other views).
MODEL_PAGES: dict[str, dict[str, str]] = {
    "meetings.meeting": {"add": ENTER, "change": ENTER, "changelist": PUBLISH, "*": ENTER},
    "meetings.importedpost": {"*": IMPORT},
    "meetings.person": {"*": DIRECTORY},
    "meetings.organisation": {"*": DIRECTORY},
    "meetings.country": {"*": DIRECTORY},
    "meetings.programme": {"*": DIRECTORY},
    "meetings.actionitem": {"*": ACTIONS},
    "meetings.translationsync": {"*": TRANSLATION},
    "notifications.message": {"*": MAIL},
    "notifications.subscription": {"*": MAIL},
    "django_tasks_database.dbtaskresult": {"*": MAIL},
}
# The admin's own screens that are no model view (their URL names).
VIEW_PAGES: dict[str, str] = {
    "meetings_importedpost_import": IMPORT,
    "meetings_meeting_paste": ENTER,
    "meetings_meeting_suggestions": ENTER,
    "meetings_meeting_workflow": PUBLISH,
    "meetings_meeting_restore_related": HISTORY,
    "meetings_translation_export": TRANSLATION,
    "meetings_translation_import": TRANSLATION,
}


def admin_help_page(url_name: str | None) -> str:
    """The guide page (e.g. ``officers/enter-a-meeting``) about the admin screen named ``url_name``."""
    if not url_name:
        return OFFICERS_HOME
    if url_name in VIEW_PAGES:
        return VIEW_PAGES[url_name]
    if url_name.endswith("_history"):
        return HISTORY
    for label, pages in MODEL_PAGES.items():
        prefix = label.replace(".", "_") + "_"
        if url_name.startswith(prefix):
            view = url_name[len(prefix) :]
            return pages.get(view) or pages.get("*", OFFICERS_HOME)
    return OFFICERS_HOME


def help_url(page: str, language: str | None = None) -> str:
    """Address of a guide page in ``language`` (the active one by default): English at /help/, Lao at
    /help/lo/ (MkDocs' directory URLs: ``officers/index`` -> ``/help/lo/officers/``)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    path = page.removesuffix("index").removesuffix("/")
    path = f"{path}/" if path else ""
    prefix = HELP_PREFIX if language == "en" else f"{HELP_PREFIX}lo/"
    return prefix + path


def guide_pages(language: str) -> list[str]:
    """The pages written in ``language`` (``officers/index``, …): the Markdown files under docs/<language>/. The
    Lao guide also shows English pages not yet translated (with a banner); those are listed in English only."""
    root = Path(settings.BASE_DIR) / "docs" / language
    return sorted(str(md.relative_to(root).with_suffix("")) for md in root.rglob("*.md"))


class GuideSitemap(Sitemap):
    """The guide's pages in the portal's sitemap.xml, as absolute addresses of the host asked (MkDocs cannot
    write them: the guide is built before anyone knows the host; docs/hooks/sitemap.py leaves out its own).
    Each page is listed in every language it is written in, each entry naming the others as its ``hreflang``
    alternates (a page not yet written in Lao is listed, and paired, in English only)."""

    i18n = True
    alternates = True
    languages = ["lo", "en"]

    @cached_property
    def _written(self) -> dict[str, set[str]]:
        return {language: set(guide_pages(language)) for language in self.languages}

    def items(self) -> list[str]:
        return sorted(set().union(*self._written.values()))

    def get_languages_for_item(self, page: str) -> list[str]:
        return [language for language in self.languages if page in self._written[language]]

    def location(self, page: str) -> str:
        return help_url(page, translation.get_language())


def help_links(request) -> dict[str, str]:
    """Context processor: ``help_url`` (the guide page about this screen) and ``help_partners_url``."""
    match = getattr(request, "resolver_match", None)
    page = OFFICERS_HOME
    if match is not None and "admin" in match.namespaces:
        page = admin_help_page(match.url_name)
    return {"help_url": help_url(page), "help_partners_url": help_url(PARTNERS_HOME)}


# --- the built guide, served by Django in the demo only ------------------------------------------------
# The same policy as nginx's `location /help/` (tests/portal/test_help.py compares them). The guide is
# static text without user content; Material's theme needs inline scripts and styles.
HELP_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


@csp_exempt()  # the response carries its own policy
@require_safe
def help_site(request, path: str = ""):
    """A file of the built guide (``settings.HELP_SITE_DIR``); 404 when that setting is off (production:
    nginx serves the guide). ``django.views.static.serve`` refuses paths outside the folder."""
    root = getattr(settings, "HELP_SITE_DIR", None)
    if not root:
        raise Http404("the guide is served by the web server")
    try:
        target = Path(safe_join(root, path))
    except SuspiciousFileOperation:  # outside the folder
        raise Http404("not in the guide") from None
    if path and not path.endswith("/") and target.is_dir():
        return HttpResponsePermanentRedirect(f"{HELP_PREFIX}{path}/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    response = serve(request, path, document_root=str(root))
    response["Content-Security-Policy"] = HELP_CONTENT_SECURITY_POLICY
    response["Cache-Control"] = "no-cache"
    return response
