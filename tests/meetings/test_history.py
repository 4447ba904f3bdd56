"""Every change is kept (who, when, what), can be compared and restored from the admin; bulk writes too."""

import pytest
from django.urls import reverse

from meetings import models as m
from meetings.rules import roles
from tests import factories as f
from tests.admin_forms import form_values


@pytest.fixture
def editor(db):
    return f.user(role=roles.EDITOR, username="officer")


def test_queryset_update_and_bulk_writes_are_recorded(db):
    a, b = f.meeting(title_en="A"), f.meeting(title_en="B")
    m.Meeting.objects.filter(pk__in=[a.pk, b.pk]).update(visibility="internal")
    for meeting in (a, b):
        latest = meeting.history.first()
        assert (latest.history_type, latest.visibility, latest.history_change_reason) == (
            "~",
            "internal",
            "bulk update",
        )
    item = f.action_item(meeting=a)
    m.ActionItem.objects.filter(meeting=a).update(status="done")
    assert item.history.first().status == "done"
    item.text_en = "Changed in bulk_update"
    m.ActionItem.objects.bulk_update([item], ["text_en"])
    assert item.history.first().text_en == "Changed in bulk_update"
    [org] = m.Organisation.objects.bulk_create(
        [m.Organisation(name_lo="ອົງການ", name_en="Bulk org", slug="bulk")]
    )
    assert org.history.count() == 1
    m.Organisation.objects.filter(pk=org.pk).update(name_en="Bulk org renamed")
    assert [h.name_en for h in org.history.all()] == ["Bulk org renamed", "Bulk org"]


def test_both_languages_and_organisers_are_in_the_history(db):
    org = f.organisation()
    meeting = f.meeting(title_lo="ກອງປະຊຸມ ກ", title_en="Meeting A", organisers=[org])
    meeting.title_lo = "ກອງປະຊຸມ ຂ"
    meeting.save()
    newest, oldest = meeting.history.first(), meeting.history.last()
    assert (oldest.title_lo, newest.title_lo) == ("ກອງປະຊຸມ ກ", "ກອງປະຊຸມ ຂ")
    changed = newest.diff_against(oldest).changed_fields
    assert "title_lo" in changed and "title_en" not in changed
    assert list(newest.organisers.values_list("organisation_id", flat=True)) == [org.pk]


def test_admin_history_compares_and_restores_a_meeting(client, editor):
    meeting = f.meeting(title_en="First title", status=m.Meeting.Status.DRAFT)
    client.force_login(editor)
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    data = form_values(client.get(url).content.decode(), "meeting_form")
    data["title_en"] = "Second title"
    assert client.post(url, data).status_code == 302

    history_page = client.get(reverse("admin:meetings_meeting_history", args=[meeting.pk])).content.decode()
    assert "First title" in history_page and "Second title" in history_page
    assert "officer" in history_page  # who

    first = meeting.history.last()
    revert_url = reverse("admin:meetings_meeting_simple_history", args=[meeting.pk, first.history_id])
    data = form_values(client.get(revert_url).content.decode(), "historicalmeeting_form")
    assert data["title_en"] == "First title"
    assert client.post(revert_url, data).status_code == 302
    meeting.refresh_from_db()
    assert meeting.title_en == "First title"
    assert meeting.history.count() == 3  # the restore is itself a change in the history


def test_admin_restores_a_deleted_record_of_the_meeting(client, editor):
    meeting = f.meeting(status=m.Meeting.Status.IN_REVIEW)
    item = f.action_item(meeting=meeting, text_lo="ມະຕິທີ່ຕ້ອງຮັກສາໄວ້", text_en="Decision to keep")
    pk = item.pk
    item.delete()
    client.force_login(editor)
    history_page = client.get(reverse("admin:meetings_meeting_history", args=[meeting.pk])).content.decode()
    assert "ມະຕິທີ່ຕ້ອງຮັກສາໄວ້" in history_page
    version = m.ActionItem.history.filter(id=pk, history_type="+").get()
    restore = reverse(
        "admin:meetings_meeting_restore_related", args=[meeting.pk, "actionitem", version.history_id]
    )
    assert client.get(restore).status_code == 403  # only by POST
    response = client.post(restore)
    assert response.status_code == 302
    assert m.ActionItem.objects.get(pk=pk).text_en == "Decision to keep"
    assert m.ActionItem.history.filter(id=pk).count() == 3  # created, deleted, restored
    # A version of another meeting's record cannot be restored through this meeting.
    other = f.meeting(status=m.Meeting.Status.DRAFT)
    assert (
        client.post(
            reverse(
                "admin:meetings_meeting_restore_related", args=[other.pk, "actionitem", version.history_id]
            )
        ).status_code
        == 404
    )


def test_partner_cannot_see_the_admin_history(client, db):
    meeting = f.meeting()
    client.force_login(f.user(role=roles.PARTNER))
    response = client.get(reverse("admin:meetings_meeting_history", args=[meeting.pk]))
    assert response.status_code == 302  # to the admin login: partners are not staff


def test_personal_data_entered_by_mistake_can_be_removed_from_the_history(db):
    from io import StringIO

    from django.core.management import call_command

    meeting = f.meeting(summary_en="The girl's mother can be reached on 020 5555 1234 at any time.")
    meeting.summary_en = "Contact through the provincial committee."
    meeting.save()
    assert meeting.history.filter(summary_en__contains="020 5555 1234").count() == 1
    out = StringIO()
    call_command("redact_history", "020 5555 1234", stdout=out)
    assert "Removed from" in out.getvalue()
    assert not meeting.history.filter(summary_en__contains="020 5555 1234").exists()
    assert meeting.history.filter(summary_en__contains="[removed]").count() == 1
    meeting.refresh_from_db()
    assert meeting.summary_en == "Contact through the provincial committee."  # current record untouched
