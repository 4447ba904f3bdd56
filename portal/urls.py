from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

# Public pages exist in every language: /lo/... (default) and /en/...
urlpatterns += i18n_patterns(
    path("", include("meetings.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# sitemap.xml: every public page in Lao and English (meetings/sitemaps.py)
urlpatterns += [path("sitemap.xml", include("meetings.sitemap_urls"))]
