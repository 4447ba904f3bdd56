"""The read layer (meetings/selectors): what reaches a reader through links between meetings.

The scenario of the leak that made it: a follow-up recorded at a public meeting on an action item of an
internal meeting, and a follow-up "dropped" recorded at a hidden meeting on a public meeting's item.
"""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import translation

from meetings import models as m
from meetings import selectors, services
from meetings.rules import roles
from tests import factories as f
from tests.reports.conftest import pdftotext

S, V = m.Meeting.Status, m.Meeting.Visibility


@pytest.fixture
def linked(db, settings):
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "100000/m")
    internal = f.meeting(
        title_en="Internal ZQXINTERNAL meeting", visibility=V.INTERNAL, start_date=datetime.date(2024, 1, 10)
    )
    internal_item = f.action_item(meeting=internal, text_en="ZQXINTERNAL decision", text_lo="ZQXINTERNAL ມະຕິ")
    public = f.meeting(title_en="Public meeting", title_lo="ກອງປະຊຸມ", start_date=datetime.date(2024, 3, 1))
    services.record_action_item_update(
        action_item=internal_item, meeting=public, status="in_progress", note_en="ZQXINTERNAL progress"
    )
    public_item = f.action_item(meeting=public, text_en="Public direction", status="in_progress")
    draft = f.meeting(title_en="Draft ZQXDRAFT", status=S.DRAFT, start_date=datetime.date(2024, 5, 1))
    services.record_action_item_update(action_item=public_item, meeting=draft, status="dropped")
    return {"internal": internal, "public": public, "draft": draft, "public_item": public_item}


def test_public_minutes_show_nothing_of_the_internal_meeting(linked, tmp_path):
    from reports import minutes as reports

    public = linked["public"]
    text = pdftotext(reports.render_minutes(public, "en", audience="public"), tmp_path)
    assert "Public meeting" in text
    assert "ZQXINTERNAL" not in text
    staff_text = pdftotext(reports.render_minutes(public, "en", audience="staff"), tmp_path)
    assert "ZQXINTERNAL decision" in staff_text  # not vacuous: staff minutes do show the follow-up


def test_pdf_cache_is_kept_per_audience(client, linked):
    from reports import minutes as reports

    public = linked["public"]
    paths = {a: reports.minutes_cache_path(public, "en", audience=a) for a in roles.AUDIENCES}
    assert len(set(paths.values())) == 3
    reports.minutes_pdf(meeting=public, edition="en", audience="staff")  # the staff edition is made first
    url = reverse("reports:minutes", kwargs={"slug": public.slug, "edition": "en"})
    response = client.get(url)
    body = b"".join(response.streaming_content)
    response.close()
    import subprocess

    text = subprocess.run(
        ["pdftotext", "-", "-"], input=body, capture_output=True, check=True
    ).stdout.decode()
    assert "Public meeting" in text and "ZQXINTERNAL" not in text


def test_status_from_hidden_follow_up_is_not_shown(client, linked):
    item = linked["public_item"]
    item.refresh_from_db()
    assert item.status == "dropped"  # what staff see: the latest follow-up, at the draft meeting
    anonymous = AnonymousUser()
    shown = selectors.action_items(anonymous).get(pk=item.pk)
    assert shown.reader_status == "in_progress"  # the status it was decided with
    staff = f.user(role=roles.EDITOR, username="officer")
    assert selectors.action_items(staff).get(pk=item.pk).reader_status == "dropped"

    # the tracker, its filter, the CSV and the statistics agree
    page = client.get("/en/action-items/?status=dropped").content.decode()
    assert "Public direction" not in page
    page = client.get("/en/action-items/?status=in_progress").content.decode()
    assert "Public direction" in page
    rows = list(
        csv.DictReader(io.StringIO(client.get("/en/data/action-items.csv").content.decode("utf-8-sig")))
    )
    assert [r["status"] for r in rows if r["text_en"] == "Public direction"] == ["in_progress"]
    assert [r["updates"] for r in rows if r["text_en"] == "Public direction"] == ["0"]
    from meetings.selectors import stats

    counts = {s: n for s, _label, n in stats.action_items_by_status(selectors.action_items(anonymous))}
    assert counts["dropped"] == 0 and counts["in_progress"] == 1


def test_removing_the_last_follow_up_brings_back_the_decided_status(linked):
    item = linked["public_item"]
    item.updates.all().delete()
    item.refresh_from_db()
    services.sync_action_item_status(action_item=item)
    item.refresh_from_db()
    assert (item.status, item.decided_status) == ("in_progress", "")


def test_people_and_organisations_known_only_from_hidden_meetings_are_not_shown(client, linked):
    secret_org = f.organisation(name_en="ZQXINTERNAL agency", slug="secret-agency")
    secret = f.person(name_en="ZQXINTERNAL official", slug="secret-official", organisation=secret_org)
    f.participation(meeting=linked["internal"], person=secret)
    assert client.get("/en/people/secret-official/").status_code == 404
    assert client.get("/en/organisations/secret-agency/").status_code == 404
    for url in ("/en/people/", "/en/organisations/", "/en/data/people.json", "/en/data/organisations.csv"):
        assert "ZQXINTERNAL" not in client.get(url).content.decode(), url
    staff = f.user(role=roles.EDITOR, username="officer")
    client.force_login(staff)
    assert client.get("/en/people/secret-official/").status_code == 200


def test_staff_without_second_factor_read_as_partners(client, linked, settings):
    """Where the admin asks for a one-time code, a password alone (e.g. through the public partner login)
    gives no more than a partner's view: no drafts, no internal meetings, no internal PDFs or CSV rows."""
    settings.ADMIN_REQUIRE_OTP = True
    staff = f.user(role=roles.EDITOR, username="officer")
    client.force_login(staff)
    internal = linked["internal"]
    assert client.get(internal.get_absolute_url()).status_code == 404
    url = reverse("reports:minutes", kwargs={"slug": internal.slug, "edition": "en"})
    assert client.get(url).status_code == 404
    assert "ZQXINTERNAL" not in client.get("/en/data/meetings.csv").content.decode()
    assert "ZQXDRAFT" not in client.get("/en/meetings/").content.decode()
    # the same account, once verified, reads everything (as through the admin)
    settings.ADMIN_REQUIRE_OTP = False
    assert client.get(internal.get_absolute_url()).status_code == 200


def test_chart_titles_follow_the_page_language(client, linked):
    english = client.get("/en/statistics/").content.decode()
    lao = client.get("/lo/statistics/").content.decode()
    with translation.override("en"):
        title_en = "Action items by status"
    assert f"<title>{title_en}</title>" in english or f'aria-label="{title_en}"' in english
    assert title_en not in lao


def test_women_share_unknown_is_not_zero(linked, tmp_path):
    from reports import minutes as reports

    meeting = f.meeting(attendance_total=10)  # women not counted
    assert meeting.women_share is None
    assert reports.attendance(reports.minutes_meeting(meeting.pk, audience="public"))["women_percent"] is None


# --- A rule's result kept per content version (meetings/models/base.py, once_per_content_version) -----------
@pytest.mark.django_db(transaction=True)
def test_the_organisations_a_reader_may_know_follow_every_committed_change(django_assert_num_queries):
    anonymous = AnonymousUser()
    organiser = f.organisation(name_en="Organiser of a draft")
    draft = f.meeting(status="draft", organisers=[organiser])
    shown = f.organisation(name_en="Organiser of a public meeting")
    f.meeting(organisers=[shown])
    assert organiser not in m.Organisation.objects.visible_to(anonymous)
    with django_assert_num_queries(1):  # worked out once for this content: only the final look-up now
        assert list(m.Organisation.objects.visible_to(anonymous)) == [shown]
    publisher = f.user(role=roles.PUBLISHER)
    services.publish_meeting(meeting=draft, by=publisher, personal_data_confirmed=True)
    assert organiser in m.Organisation.objects.visible_to(anonymous)
    services.unpublish_meeting(meeting=draft, by=publisher)
    assert organiser not in m.Organisation.objects.visible_to(anonymous)


@pytest.mark.django_db(transaction=True)
def test_what_a_rolled_back_transaction_saw_is_never_kept():
    from django.db import transaction

    anonymous = AnonymousUser()
    organiser = f.organisation(name_en="Organiser of a draft")
    draft = f.meeting(status="draft", organisers=[organiser])
    assert organiser not in m.Organisation.objects.visible_to(anonymous)

    class Abandoned(Exception):
        pass

    with pytest.raises(Abandoned), transaction.atomic():
        m.Meeting.objects.filter(pk=draft.pk).update(status="published")
        assert organiser in m.Organisation.objects.visible_to(anonymous)  # the transaction's own view
        raise Abandoned
    assert organiser not in m.Organisation.objects.visible_to(anonymous)
