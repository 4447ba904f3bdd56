"""Bulk review: the suggestions of a 200-post archive, one fact kind at a time, confirmed in one go."""

import pytest
from django.test import Client
from django.urls import reverse

from meetings.importing import review, services
from meetings.models import Meeting, Participation, Person
from meetings.models.imports import Suggestion
from tests import factories
from tests.meetings.archive import archive_export

REVIEW_URL = reverse("admin:meetings_importedpost_review")


@pytest.fixture
def archive(demo):
    Meeting.objects.all().delete()  # the demo's people and organisations; no meeting to link posts to
    report = services.import_wxr(file=archive_export(200), by=None, meetings_only=True)
    return report


@pytest.mark.django_db
def test_every_suggestion_of_one_kind_confirmed_at_once(archive):
    assert archive.count(services.CREATED) >= 150  # copies whose Lao-digit year never moves are linked
    editor = factories.user(role="Secretariat editor")
    client = Client()
    client.force_login(editor)
    page = client.get(REVIEW_URL + "?kind=venue", HTTP_ACCEPT_LANGUAGE="en")
    venues = Suggestion.objects.filter(field="venue", status="pending")
    assert page.status_code == 200 and page.content.decode().count('name="suggestion"') == venues.count()
    assert "<mark>ໂຮງແຮມລາວເທວ</mark>" in page.content.decode()  # the passage, the read words marked
    answer = client.post(REVIEW_URL + "?kind=venue", {"suggestion": [s.pk for s in venues], "confirm": "1"})
    assert answer.status_code == 302 and answer["Location"].endswith("?kind=venue")
    assert not Suggestion.objects.filter(field="venue", status="pending").exists()
    for s in Suggestion.objects.filter(field="venue").select_related("meeting"):
        assert s.status == "confirmed" and s.decided_by == editor
        assert s.value in (s.meeting.venue_lo, s.meeting.venue_en)


@pytest.mark.django_db
def test_confirming_people_in_bulk_records_each_new_person_once(archive):
    editor = factories.user(role="Secretariat editor")
    people = list(review.pending(kind="person").values_list("pk", flat=True))
    named = Suggestion.objects.filter(field="person", value__name_lo="ສົມພອນ ວົງສາ").count()
    assert named > 20
    unticked = Suggestion.objects.filter(field="person", value__name_lo="ບຸນມີ ສີສຸວັນ").first()
    result = review.decide_in_bulk(ids=[pk for pk in people if pk != unticked.pk], confirm=True, by=editor)
    assert result.decided == len(people) - 1 and result.refused == []
    somphone = Person.objects.get(name_lo="ສົມພອນ ວົງສາ")  # one person, however many drafts name them
    assert Participation.objects.filter(person=somphone).count() == named
    unticked.refresh_from_db()
    assert unticked.status == "pending"


@pytest.mark.django_db
def test_dismissing_and_who_may_review(archive):
    editor = factories.user(role="Secretariat editor")
    ids = list(review.pending(kind="organiser").values_list("pk", flat=True))
    review.decide_in_bulk(ids=ids, confirm=False, by=editor)
    assert not Meeting.objects.filter(organisers__isnull=False, status="draft").exists()
    counts = {k: c for k, _label, c in review.pending_counts()}
    assert "organiser" not in counts and counts["venue"] > 0
    partner = Client()
    partner.force_login(factories.user(role="Partner"))
    assert partner.get(REVIEW_URL).status_code in (302, 403)
    assert review.decide_in_bulk(ids=[], confirm=True, by=editor).decided == 0
