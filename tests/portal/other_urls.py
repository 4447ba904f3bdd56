"""A URL configuration other than the portal's (tests/portal/test_reversed.py): the public pages elsewhere."""

from django.urls import include, path

urlpatterns = [path("elsewhere/en/", include("meetings.urls"))]
