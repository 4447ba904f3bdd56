"""``/<lang>/verify/`` and ``/<lang>/verify/<code>/`` (included by portal/urls.py)."""

from django.urls import path

from reports.verify import views as verify_views

app_name = "verify"

urlpatterns = [
    path("", verify_views.verify_start, name="start"),
    path("<str:code>/", verify_views.verify, name="code"),
]
