from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponseRedirect
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.views.decorators.http import require_safe

from meetings.public.sitemaps import SITEMAPS
from portal.admin_site import PortalAdminSite
from portal.http.health import health
from portal.http.help import GuideSitemap, help_site
from portal.i18n.language import set_interface_language


@require_safe
def favicon(request):
    """``/favicon.ico``, asked for by browsers and feed readers on every site: the icon among the static
    files (its hashed name in production, so a new icon is never hidden by an old cached one)."""
    response = HttpResponseRedirect(static("favicon.ico"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


# Two-factor login for staff when settings.ADMIN_REQUIRE_OTP is on (see portal/admin_site.py).
admin.site.__class__ = PortalAdminSite

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("i18n/interface-language/", set_interface_language, name="set_interface_language"),
    path("admin/", include("accounts.admin_urls")),  # "Forgotten your password?" on the admin login
    path("admin/", admin.site.urls),
    path("health/", health, name="health"),
    path("favicon.ico", favicon, name="favicon"),
    # The guide (docs/): nginx serves it in production; Django only when settings.HELP_SITE_DIR is set (demo).
    re_path(r"^help/(?P<path>.*)$", help_site, name="help_site"),
]

# Public pages exist in every language: /lo/... (default) and /en/...
# Uploaded documents are never served as media files: meetings:document_download applies visibility.
urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("", include("meetings.urls")),
    path("reports/", include("reports.urls")),
    path("", include("notifications.urls")),
    path("verify/", include("reports.verify.urls")),
    prefix_default_language=True,
)

# sitemap.xml: every public page in Lao and English (meetings/public/sitemaps.py) and the guide's pages
urlpatterns += [
    path("sitemap.xml", sitemap, {"sitemaps": {**SITEMAPS, "guide": GuideSitemap}}, name="sitemap")
]
