"""Two officers edit the same meeting at once: the second save is refused, nothing is overwritten."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from meetings.models import MSG_EDIT_CONFLICT, EditConflict, Meeting
from meetings.rules import roles
from tests import factories as f
from tests.admin_forms import form_values


@pytest.mark.parametrize("lang", ["en", "lo"])
def test_second_admin_save_is_refused_and_both_versions_are_kept(db, lang):
    meeting = f.meeting(title_en="Original title", summary_en="Original summary", status=Meeting.Status.DRAFT)
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    first, second = Client(), Client()
    first.force_login(f.user(role=roles.EDITOR, username="first"))
    second.force_login(f.user(role=roles.PUBLISHER, username="second"))
    headers = {}
    first.cookies["django_language"] = second.cookies["django_language"] = lang
    form_first = form_values(first.get(url, **headers).content.decode(), "meeting_form")
    form_second = form_values(second.get(url, **headers).content.decode(), "meeting_form")
    assert form_first["version"] == form_second["version"] == "1"

    form_first["title_en"] = "Title by the first officer"
    response = first.post(url, form_first, **headers)
    assert response.status_code == 302

    form_second["summary_en"] = "Summary by the second officer"
    response = second.post(url, form_second, **headers)
    assert response.status_code == 200  # the form again, with the reason
    page = response.content.decode()
    with translation.override(lang):
        from meetings.models import MSG_EDIT_CONFLICT

        assert str(MSG_EDIT_CONFLICT) in page
    assert reverse("admin:meetings_meeting_history", args=[meeting.pk]) in page  # see the other change
    assert "Summary by the second officer" in page  # the second officer's text is not lost

    meeting.refresh_from_db()
    assert meeting.title_en == "Title by the first officer"
    assert meeting.summary_en == "Original summary"
    assert meeting.version == 2
    versions = list(
        meeting.history.order_by("history_date", "history_id").values_list(
            "title_en", "summary_en", "history_user__username", "history_change_reason"
        )
    )
    assert versions == [
        ("Original title", "Original summary", None, None),
        ("Title by the first officer", "Original summary", "first", None),
        # The refused edit is kept too, marked as not saved: both versions can be compared and restored.
        ("Original title", "Summary by the second officer", "second", "not saved: edit conflict"),
    ]
    history_page = second.get(reverse("admin:meetings_meeting_history", args=[meeting.pk])).content.decode()
    assert "not saved: edit conflict" in history_page and "Summary by the second officer" in history_page

    # After reloading, the second officer can save on top of the first change.
    form_again = form_values(second.get(url).content.decode(), "meeting_form")
    assert form_again["title_en"] == "Title by the first officer"
    form_again["summary_en"] = "Summary by the second officer"
    assert second.post(url, form_again).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.title_en, meeting.summary_en, meeting.version) == (
        "Title by the first officer",
        "Summary by the second officer",
        3,
    )
    assert meeting.history.count() == 4


def test_model_save_from_stale_copy_is_refused(db):
    meeting = f.meeting()
    stale = Meeting.objects.get(pk=meeting.pk)
    meeting.title_en = "Saved first"
    meeting.save()
    stale.title_en = "Saved later from an old copy"
    with pytest.raises(EditConflict):
        stale.save()
    meeting.refresh_from_db()
    assert meeting.title_en == "Saved first"


def test_bulk_update_moves_the_version_on(db):
    meeting = f.meeting()
    open_copy = Meeting.objects.get(pk=meeting.pk)
    Meeting.objects.filter(pk=meeting.pk).update(visibility="internal")
    open_copy.title_en = "Would overwrite the bulk change"
    with pytest.raises(EditConflict):
        open_copy.save()


@pytest.mark.parametrize("lang", ["en", "lo"])
def test_add_form_posted_as_a_browser_posts_it_saves_the_meeting(db, lang):
    """The add form renders the hidden version field empty and a browser posts it so (``version=""``)."""
    client = Client()
    client.force_login(f.user(role=roles.EDITOR, username="officer"))
    url = reverse("admin:meetings_meeting_add")
    headers = {}
    client.cookies["django_language"] = lang
    form = form_values(client.get(url, **headers).content.decode(), "meeting_form")
    assert form["version"] == ""
    form.update(title_lo="ກອງປະຊຸມທົດລອງ", title_en="Trial meeting", start_date="2024-02-15")
    for button in ("_save", "_continue"):
        response = client.post(url, {**form, button: "1"}, **headers)
        assert response.status_code == 302, response.content.decode()[:2000]
    meetings = Meeting.objects.filter(title_en="Trial meeting")
    assert meetings.count() == 2
    assert {m.version for m in meetings} == {1}


def test_action_item_page_refuses_a_save_based_on_an_older_meeting_version(db):
    meeting = f.meeting(status=Meeting.Status.DRAFT)
    item = f.action_item(meeting=meeting, text_en="Original direction")
    first, second = Client(), Client()
    first.force_login(f.user(role=roles.EDITOR, username="first"))
    second.force_login(f.user(role=roles.EDITOR, username="second"))
    item_url = reverse("admin:meetings_actionitem_change", args=[item.pk])
    form_first = form_values(first.get(item_url).content.decode(), "actionitem_form")
    form_second = form_values(second.get(item_url).content.decode(), "actionitem_form")
    assert form_first["version"] == form_second["version"] == str(meeting.version)

    form_first["text_en"] = "Direction by the first officer"
    assert first.post(item_url, form_first).status_code == 302
    form_second["text_en"] = "Direction by the second officer"
    response = second.post(item_url, form_second)
    assert response.status_code == 200
    assert str(MSG_EDIT_CONFLICT) in response.content.decode()
    item.refresh_from_db()
    assert item.text_en == "Direction by the first officer"

    # The meeting page opened before the action item was saved is refused too (same meeting version).
    meeting_url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    stale = form_values(second.get(meeting_url).content.decode(), "meeting_form")
    stale["version"] = form_second["version"]
    stale["summary_en"] = "Would overwrite"
    assert second.post(meeting_url, stale).status_code == 200
    meeting.refresh_from_db()
    assert meeting.summary_en != "Would overwrite"
