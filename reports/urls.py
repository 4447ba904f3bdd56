from django.urls import path, register_converter

from reports import views
from reports.minutes.editions import EDITIONS


class EditionConverter:
    regex = "|".join(EDITIONS)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(EditionConverter, "edition")

app_name = "reports"

urlpatterns = [
    path("minutes/<slug:slug>/<edition:edition>.pdf", views.minutes, name="minutes"),
    path("summary/", views.summary, name="summary"),
]
