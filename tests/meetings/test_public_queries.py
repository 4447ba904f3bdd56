"""No public page's number of SQL queries grows with the number of rows it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from meetings import models as m
from tests import factories as f
from tests.meetings.public_helpers import many_meetings

pytestmark = pytest.mark.django_db


def build(n):
    org = f.organisation(name_en="Busy organisation")
    org_child = f.organisation(name_en="Child unit", parent=org)
    person = f.person(name_en="Busy person", organisation=org_child)
    meetings = many_meetings(n, organisers=[org, org_child], person=person, responsible=[org, org_child])
    big = meetings[0]
    # the detailed meeting grows too: more participants, items, activities, achievements, agenda
    for i in range(n):
        f.participation(meeting=big, person=f.person(organisation=org))
        m.AgendaItem(meeting=big, order=i + 1, title_lo=f"ວາລະ {i}", presenter=person).save()
        m.Activity(meeting=big, order=i + 1, title_lo=f"ກິດຈະກຳ {i}", organisation=org).save()
        m.Achievement(meeting=big, order=i + 1, title_lo=f"ຜົນງານ {i}", organisation=org).save()
        f.action_item(meeting=big, responsible=[org, org_child])
    return {"org": org, "person": person, "meeting": big}


def paths(world):
    out = []
    for lang in ("lo", "en"):
        with translation.override(lang):
            out += [
                reverse("meetings:home"),
                reverse("meetings:meeting_list"),
                reverse("meetings:meeting_list") + f"?organisation={world['org'].slug}&kind=other",
                reverse("meetings:year_archive", kwargs={"year": 2021}),
                reverse("meetings:meeting", kwargs={"slug": world["meeting"].slug}),
                reverse("meetings:organisation_list"),
                reverse("meetings:organisation", kwargs={"slug": world["org"].slug}),
                reverse("meetings:person_list"),
                reverse("meetings:person", kwargs={"slug": world["person"].slug}),
                reverse("meetings:action_items"),
                reverse("meetings:action_items") + "?status=open&overdue=on",
                reverse("meetings:statistics"),
                reverse("meetings:feed_atom"),
                reverse("meetings:feed_ical"),
                *(
                    reverse("meetings:export", kwargs={"dataset": d, "fmt": "json"})
                    for d in ("meetings", "organisations", "people", "action-items")
                ),
            ]
    return [*out, "/sitemap.xml"]


def count_queries(client, world):
    counts = {}
    for path in paths(world):
        client.get(path)  # warm caches (content types, translations) so only per-request work is counted
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[path] = len(ctx.captured_queries)
    return counts


def test_query_counts_do_not_grow_with_rows(client, db):
    small = count_queries(client, build(3))
    m.Meeting.objects.all().delete()
    m.Person.objects.all().delete()
    m.Organisation.objects.filter(parent__isnull=False).delete()
    m.Organisation.objects.all().delete()
    large = count_queries(client, build(30))
    assert len(small) == len(large) == 37
    for (path_small, n_small), (_path_large, n_large) in zip(small.items(), large.items(), strict=True):
        assert n_small == n_large, f"{path_small}: {n_small} queries with 3 rows, {n_large} with 30"


def test_meeting_page_query_budget(client, db, django_assert_max_num_queries):
    world = build(5)
    with translation.override("en"):
        path = reverse("meetings:meeting", kwargs={"slug": world["meeting"].slug})
    client.get(path)
    with django_assert_max_num_queries(15):
        client.get(path)
