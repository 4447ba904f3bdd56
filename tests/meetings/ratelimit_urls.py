"""A URLconf for the rate-limit middleware test: a search view and a PDF view that know nothing of limits."""

from django.http import HttpResponse
from django.urls import path


def search(request):
    return HttpResponse("results")


def meeting_pdf(request, slug):
    return HttpResponse(b"%PDF-1.4", content_type="application/pdf")


def about(request):
    return HttpResponse("about")


urlpatterns = [
    path("lo/search/", search, name="search"),
    path("lo/meetings/<slug:slug>/pdf/", meeting_pdf, name="meeting_pdf"),
    path("lo/about/", about, name="about"),
]
