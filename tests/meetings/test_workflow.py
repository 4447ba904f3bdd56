"""Roles, the publication workflow and who did what, through the services and through the admin."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from meetings import services
from meetings.models import Meeting, MeetingEvent
from meetings.rules import roles
from tests import factories as f
from tests.admin_forms import form_values

S = Meeting.Status


@pytest.fixture
def people(db):
    return {
        "editor": f.user(role=roles.EDITOR),
        "publisher": f.user(role=roles.PUBLISHER),
        "partner": f.user(role=roles.PARTNER),
        "administrator": f.user(role=roles.ADMINISTRATOR),
        "nobody": f.user(),
    }


def test_role_groups_are_created_by_migration_with_their_permissions(db):
    perms = {g.name: {p.codename for p in g.permissions.all()} for g in Group.objects.all()}
    assert set(perms) >= {roles.EDITOR, roles.PUBLISHER, roles.PARTNER, roles.ADMINISTRATOR}
    assert perms[roles.PARTNER] == {"view_partners_meetings"}
    assert {"change_meeting", "view_internal_meetings", "add_document"} <= perms[roles.EDITOR]
    assert "publish_meeting" not in perms[roles.EDITOR]
    assert "change_historicalmeeting" not in perms[roles.EDITOR]  # history is not editable by hand
    assert {"publish_meeting", "delete_meeting"} <= perms[roles.PUBLISHER]
    assert {"publish_meeting", "change_user", "change_group"} <= perms[roles.ADMINISTRATOR]


def test_role_questions(people):
    assert roles.is_secretariat(people["editor"]) and roles.is_secretariat(people["publisher"])
    assert roles.is_partner(people["partner"]) and not roles.is_secretariat(people["partner"])
    assert not roles.is_partner(people["nobody"])
    assert roles.can_publish(people["publisher"]) and not roles.can_publish(people["editor"])
    people["publisher"].is_active = False
    assert not roles.is_secretariat(people["publisher"])


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        (None, {"public"}),
        ("nobody", {"public"}),
        ("partner", {"public", "partners"}),
        ("editor", {"public", "partners", "internal", "draft", "review", "archived"}),
        ("publisher", {"public", "partners", "internal", "draft", "review", "archived"}),
    ],
)
def test_visible_to_by_role(people, who, expected):
    from django.contrib.auth.models import AnonymousUser

    made = {
        "public": f.meeting(visibility="public"),
        "partners": f.meeting(visibility="partners"),
        "internal": f.meeting(visibility="internal"),
        "draft": f.meeting(status=S.DRAFT),
        "review": f.meeting(status=S.IN_REVIEW),
        "archived": f.meeting(status=S.ARCHIVED),
    }
    user = people[who] if who else AnonymousUser()
    visible = set(Meeting.objects.visible_to(user).values_list("pk", flat=True))
    assert visible == {made[k].pk for k in expected}


def test_workflow_editor_submits_publisher_publishes_and_every_step_is_recorded(people):
    meeting = f.meeting(status=S.DRAFT)
    with pytest.raises(PermissionDenied):
        services.publish_meeting(meeting=meeting, by=people["editor"])
    with pytest.raises(PermissionDenied):
        services.submit_for_review(meeting=meeting, by=people["partner"])
    services.submit_for_review(meeting=meeting, by=people["editor"])
    meeting.refresh_from_db()
    assert meeting.status == S.IN_REVIEW
    services.publish_meeting(meeting=meeting, by=people["publisher"])
    meeting.refresh_from_db()
    assert meeting.status == S.PUBLISHED and meeting.published_at is not None
    with pytest.raises(ValidationError):
        services.submit_for_review(meeting=meeting, by=people["editor"])  # not a draft any more
    services.archive_meeting(meeting=meeting, by=people["publisher"])
    services.publish_meeting(meeting=meeting, by=people["publisher"])
    services.unpublish_meeting(meeting=meeting, by=people["publisher"])
    steps = list(
        meeting.events.order_by("at", "pk").values_list("action", "from_status", "to_status", "user")
    )
    ed, pub = people["editor"].pk, people["publisher"].pk
    assert steps == [
        ("submitted", "draft", "review", ed),
        ("published", "review", "published", pub),
        ("archived", "published", "archived", pub),
        ("published", "archived", "published", pub),
        ("unpublished", "published", "draft", pub),
    ]
    assert meeting.history.first().history_user_id == pub  # the history knows who, too


def _change_form(client, meeting):
    response = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    assert response.status_code == 200
    return form_values(response.content.decode(), "meeting_form")


def test_editor_cannot_publish_through_the_form(client, people):
    meeting = f.meeting(status=S.DRAFT)
    client.force_login(people["editor"])
    data = _change_form(client, meeting)
    assert "status" not in data  # read-only: steps go through the workflow buttons
    data["status"] = "published"
    data["title_en"] = "Edited by the editor"
    response = client.post(reverse("admin:meetings_meeting_change", args=[meeting.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting.refresh_from_db()
    assert meeting.title_en == "Edited by the editor"
    assert meeting.status == S.DRAFT
    # No publish button and no publish page for an editor.
    page = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()
    assert "workflow/submit/" in page and "workflow/publish/" not in page
    url = reverse("admin:meetings_meeting_workflow", args=[meeting.pk, "publish"])
    assert client.get(url).status_code == 403
    assert client.post(url, {"confirm_sensitive": "1"}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.status == S.DRAFT


def test_publisher_publishes_from_the_admin_after_the_sensitive_data_warning(client, people):
    meeting = f.meeting(status=S.IN_REVIEW, summary_en="Contact the family at +856 20 5555 1234.")
    client.force_login(people["publisher"])
    url = reverse("admin:meetings_meeting_workflow", args=[meeting.pk, "publish"])
    page = client.get(url).content.decode()
    assert "+856 20 5555 1234" in page and 'name="confirm_sensitive"' in page
    client.post(url, {})  # not confirmed
    meeting.refresh_from_db()
    assert meeting.status == S.IN_REVIEW
    response = client.post(url, {"confirm_sensitive": "1", "note": "checked: hotline of the ministry"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == S.PUBLISHED
    event = MeetingEvent.objects.get(meeting=meeting)
    assert (event.user, event.action, event.note) == (
        people["publisher"],
        "published",
        "checked: hotline of the ministry",
    )


def test_list_actions_respect_roles_and_the_guard(client, people):
    clean = f.meeting(status=S.IN_REVIEW)
    risky = f.meeting(status=S.IN_REVIEW, summary_en="Her passport number is P1234567.")
    changelist = reverse("admin:meetings_meeting_changelist")
    client.force_login(people["editor"])
    actions = client.get(changelist).context["action_form"].fields["action"].choices
    assert "publish_selected" not in [name for name, _label in actions]
    client.force_login(people["publisher"])
    client.post(changelist, {"action": "publish_selected", "_selected_action": [clean.pk, risky.pk]})
    clean.refresh_from_db()
    risky.refresh_from_db()
    assert clean.status == S.PUBLISHED
    assert risky.status == S.IN_REVIEW  # must be confirmed one by one


@pytest.mark.parametrize("role", [None, roles.PARTNER, roles.EDITOR])
def test_visibility_rule_costs_a_fixed_number_of_queries(client, db, role, settings):
    """Asking about roles loads the user's permissions once per request, whatever the number of rows."""
    from django.db import connection

    settings.PAGE_CACHE_SECONDS = 0  # what rendering costs, not a page from the cache
    from django.test.utils import CaptureQueriesContext

    if role:
        client.force_login(f.user(role=role))

    def queries_for_home():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/lo/").status_code == 200
        return len(ctx.captured_queries)

    for _ in range(3):
        f.meeting(visibility="partners")
    few = queries_for_home()
    for _ in range(6):
        f.meeting(visibility="partners")
        f.meeting(status=S.DRAFT)
    assert queries_for_home() == few
    # Roles cost a fixed few queries on top of what an anonymous visitor's page needs (session, user,
    # permissions), loaded once per request.
    from django.test import Client

    with CaptureQueriesContext(connection) as anonymous:
        assert Client().get("/lo/").status_code == 200
    assert few - len(anonymous.captured_queries) <= (0 if role is None else 5)
