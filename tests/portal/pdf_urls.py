"""A URLconf for the rate-limit test: a view that renders a PDF under a name that says nothing of it."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as site_urlpatterns


def annual_overview(request):
    return HttpResponse(b"%PDF-1.4 rendered", content_type="application/pdf")


urlpatterns = [path("lo/overview/", annual_overview, name="annual_overview"), *site_urlpatterns]
