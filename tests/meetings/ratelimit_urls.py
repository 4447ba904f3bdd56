"""A URLconf for the rate-limit middleware test: a search view and a PDF view that know nothing of limits."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as site_urlpatterns


def search(request):
    return HttpResponse("results")


def meeting_pdf(request, slug):
    return HttpResponse(b"%PDF-1.4", content_type="application/pdf")


def about(request):
    return HttpResponse("about")


# The stand-in views come first; the real site's URLs follow so that pages (the 429 page extends the
# site's base template) can link to them.
urlpatterns = [
    path("lo/search/", search, name="search"),
    path("lo/meetings/<slug:slug>/pdf/", meeting_pdf, name="meeting_pdf"),
    path("lo/about/", about, name="about"),
    *site_urlpatterns,
]
