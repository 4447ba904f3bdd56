"""/sitemap.xml, outside the language prefixes (included by portal/urls.py)."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from meetings.public.sitemaps import SITEMAPS

urlpatterns = [path("", sitemap, {"sitemaps": SITEMAPS}, name="sitemap")]
