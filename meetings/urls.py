from django.urls import path

from meetings.public import exports, feeds, views
from meetings.public import search as search_views

app_name = "meetings"

urlpatterns = [
    path("", views.home, name="home"),
    path("documents/<int:pk>/download/", views.document_download, name="document_download"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/<int:year>/", views.year_archive, name="year_archive"),
    path("meetings/<slug:slug>/", views.meeting_detail, name="meeting"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("people/", views.person_list, name="person_list"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("action-items/", views.action_item_list, name="action_items"),
    path("statistics/", views.statistics, name="statistics"),
    path("data/", views.open_data, name="open_data"),
    path("data/<slug:dataset>.<str:fmt>", exports.download, name="export"),
    path("feeds/meetings.atom", feeds.MeetingAtomFeed(), name="feed_atom"),
    path("feeds/meetings.ics", feeds.meetings_ical, name="feed_ical"),
    path("search/", search_views.search_page, name="search"),
]
