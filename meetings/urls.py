from django.urls import path

from meetings import search_views, views

app_name = "meetings"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", search_views.search_page, name="search"),
]
