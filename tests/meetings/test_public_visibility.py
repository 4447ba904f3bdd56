"""Nothing unpublished or restricted reaches a reader who may not see it, on any public page or file."""

import pytest
from django.urls import reverse
from django.utils import translation

from meetings import models as m
from meetings.rules import roles
from tests import factories as f
from tests.meetings.public_helpers import hidden_meetings

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    org = f.organisation(name_en="Shared organisation")
    person = f.person(name_en="Shared person", organisation=org)
    public = f.meeting(title_en="PUBLIC meeting", organisers=[org])
    f.participation(meeting=public, person=person)
    f.action_item(meeting=public, text_en="PUBLIC action", responsible=[org])
    hidden = hidden_meetings(organisers=[org], person=person, responsible=[org])
    # a follow-up reported at the public meeting about an item of the internal meeting must stay hidden
    m.ActionItemUpdate.objects.create(
        action_item=hidden["internal"].action_items.get(),
        meeting=public,
        status="done",
        note_en="SECRET note",
    )
    return {"org": org, "person": person, "public": public, "hidden": hidden}


def pages(world):
    org, person = world["org"], world["person"]
    paths = []
    for lang in ("lo", "en"):
        with translation.override(lang):
            paths += [
                reverse("meetings:home"),
                reverse("meetings:meeting_list"),
                reverse("meetings:year_archive", kwargs={"year": 2024}),
                reverse("meetings:meeting", kwargs={"slug": world["public"].slug}),
                reverse("meetings:organisation", kwargs={"slug": org.slug}),
                reverse("meetings:person", kwargs={"slug": person.slug}),
                reverse("meetings:action_items"),
                reverse("meetings:action_items") + "?status=open",
                reverse("meetings:statistics"),
                reverse("meetings:feed_atom"),
                reverse("meetings:feed_ical"),
                *(
                    reverse("meetings:export", kwargs={"dataset": d, "fmt": fmt})
                    for d in ("meetings", "action-items")
                    for fmt in ("csv", "json")
                ),
            ]
    return [*paths, "/sitemap.xml"]


def texts(client, paths):
    out = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        out[path] = response.content.decode()
    return out


def test_anonymous_reader_sees_only_published_public_records(client, world):
    for path, body in texts(client, pages(world)).items():
        assert "SECRET" not in body, path
        assert "PARTNERS-ONLY" not in body, path
        for meeting in world["hidden"].values():
            assert meeting.slug not in body, path
    for meeting in world["hidden"].values():
        for lang in ("lo", "en"):
            with translation.override(lang):
                path = reverse("meetings:meeting", kwargs={"slug": meeting.slug})
            assert client.get(path).status_code == 404


def test_counts_and_statistics_count_only_visible_meetings(client, world):
    with translation.override("en"):
        html = client.get(reverse("meetings:meeting_list")).content.decode()
        stats = client.get(reverse("meetings:statistics")).content.decode()
    assert "1 meeting" in html
    assert "<div><dt>Meetings recorded</dt><dd>1</dd></div>" in stats


def test_signed_in_partner_sees_partner_meetings_but_not_internal_or_drafts(client, world):
    partner = f.user(role=roles.PARTNER, username="partner")
    client.force_login(partner)
    bodies = texts(client, pages(world))
    assert any("PARTNERS-ONLY" in body for body in bodies.values())
    for path, body in bodies.items():
        if path == "/sitemap.xml":
            assert "PARTNERS-ONLY" not in body and world["hidden"]["partners"].slug not in body
        assert "SECRET" not in body, path


def test_secretariat_staff_see_everything(client, world):
    staff = f.user(role=roles.EDITOR, username="officer")
    client.force_login(staff)
    for meeting in world["hidden"].values():
        with translation.override("en"):
            response = client.get(reverse("meetings:meeting", kwargs={"slug": meeting.slug}))
        assert response.status_code == 200
    with translation.override("en"):
        html = client.get(reverse("meetings:meeting", kwargs={"slug": world["hidden"]["draft"].slug})).content
    assert b"Not published" in html
