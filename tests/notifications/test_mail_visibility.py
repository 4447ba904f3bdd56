"""Nothing leaks by email. For every kind of message (subscription confirmation and publication, workflow
steps, action item reminders before / on / after the due date, the daily digest, the secretariat's weekly
digest) and every audience (a public subscriber or contact without an account, a partner account, the
secretariat), no mail shows anything of a meeting that audience may not read: each hidden meeting carries a
marker word in its titles, its action item and its follow-up notes, looked for in subject, text and HTML.
Not vacuous: each audience gets each kind of mail it should, with the markers it may read."""

import datetime

import pytest
from django.test import Client

from meetings.models import Meeting, OrganisationContact
from meetings.rules import roles
from meetings.services import workflow
from notifications import digests, reminders
from notifications.models import MailPreference, Message, Subscription
from notifications.tasks import notify_meeting_event
from tests import factories as f

pytestmark = pytest.mark.django_db
V, S = Meeting.Visibility, Meeting.Status
TODAY = datetime.date.today()
MARKERS = {  # marker: (visibility, final status)
    "ZQXPUBLIC": (V.PUBLIC, S.PUBLISHED),
    "ZQXPARTNERS": (V.PARTNERS, S.PUBLISHED),
    "ZQXINTERNAL": (V.INTERNAL, S.PUBLISHED),
    "ZQXREVIEW": (V.PUBLIC, S.IN_REVIEW),
    "ZQXDRAFT": (V.PUBLIC, S.DRAFT),
}
MAY_READ = {
    "public": {"ZQXPUBLIC"},
    "partners": {"ZQXPUBLIC", "ZQXPARTNERS"},
    "staff": set(MARKERS),
}
ADDRESSES = {"anon@example.org": "public", "desk@example.org": "public", "partner@example.org": "partners"}


@pytest.fixture
def mailed(settings):
    editor = f.user(role=roles.EDITOR, username="editor", email="editor@example.org")
    f.user(role=roles.PUBLISHER, username="publisher", email="publisher@example.org")
    partner = f.user(role=roles.PARTNER, username="partner", email="partner@example.org")
    MailPreference.objects.create(user=partner, frequency=MailPreference.Frequency.DAILY)
    org = f.organisation(name_en="Shared ministry")
    OrganisationContact.objects.create(organisation=org, email="desk@example.org", language="en")
    OrganisationContact.objects.create(organisation=org, user=partner)
    # subscriptions: anonymous, and signed in as a partner and as a publisher (all kinds)
    for user, address in ((None, "anon@example.org"), (partner, "partner@example.org"), (editor, None)):
        client = Client()
        if user is not None:
            client.force_login(user)
        client.post("/en/subscribe/", {"email": address or user.email})
    for subscription in Subscription.objects.all():
        Client().post(f"/en/subscribe/confirm/{subscription.token}/")
    meetings = {}
    for marker, (visibility, _status) in MARKERS.items():
        meetings[marker] = f.meeting(
            title_lo=f"ກອງປະຊຸມ {marker}",
            title_en=f"Meeting {marker}",
            summary_en=f"Summary {marker}",
            visibility=visibility,
            status=S.DRAFT,
            start_date=TODAY - datetime.timedelta(days=60),
        )
        for due in (TODAY - datetime.timedelta(days=2), TODAY, TODAY + datetime.timedelta(days=3)):
            f.action_item(
                meeting=meetings[marker],
                text_en=f"Item of {marker} due {due}",
                text_lo=f"ວຽກ {marker}",
                responsible=[org],
                due_date=due,
            )
    # a follow-up at the internal meeting on the public meeting's item (hidden from public and partners)
    workflow.record_action_item_update(
        action_item=meetings["ZQXPUBLIC"].action_items.first(),
        meeting=meetings["ZQXINTERNAL"],
        status="in_progress",
        note_en="ZQXINTERNAL progress",
    )
    for marker, (_visibility, status) in MARKERS.items():
        meeting = meetings[marker]
        if status != S.DRAFT:
            workflow.submit_for_review(meeting=meeting, by=editor)
        if status == S.PUBLISHED:
            workflow.publish_meeting(meeting=meeting, by=None)
    from django_tasks_db.models import DBTaskResult

    for result in DBTaskResult.objects.filter(task_path__endswith="notify_meeting_event"):
        notify_meeting_event.call(**result.args_kwargs["kwargs"])
    reminders.mail_reminders()
    digests.mail_daily_digests()
    digests.mail_weekly_digest()
    return list(Message.objects.all())


def audience(address):
    return ADDRESSES.get(address, "staff")


def test_no_mail_shows_a_meeting_its_audience_may_not_read(mailed):
    problems = []
    for message in mailed:
        may_read = MAY_READ[audience(message.to)]
        shown = message.subject + message.body_text + message.body_html
        problems += [(message.to, message.kind, m) for m in MARKERS if m not in may_read and m in shown]
    assert problems == []


def test_every_audience_gets_every_kind_of_mail_it_should(mailed):
    kinds = {}
    seen = {}
    for message in mailed:
        kinds.setdefault(message.to, set()).add(message.kind)
        shown = message.subject + message.body_text + message.body_html
        seen.setdefault(message.to, set()).update(m for m in MARKERS if m in shown)
    reminders_ = {"reminder-soon", "reminder-due", "reminder-overdue"}
    assert kinds["anon@example.org"] == {"subscription-confirm", "subscription-publication"}
    assert kinds["desk@example.org"] == reminders_
    partner_kinds = {"subscription-confirm", "subscription-publication", "daily-digest"} | reminders_
    assert kinds["partner@example.org"] == partner_kinds
    held = Message.objects.filter(to="partner@example.org", kind__startswith="reminder-")
    assert set(held.values_list("status", flat=True)) == {Message.Status.DIGESTED}  # they went in the digest
    assert (
        reminders_ | {"weekly-digest", "workflow-submitted", "subscription-publication"}
        <= kinds["publisher@example.org"] | kinds["editor@example.org"]
    )
    assert seen["anon@example.org"] == seen["desk@example.org"] == MAY_READ["public"]
    assert seen["partner@example.org"] == MAY_READ["partners"]
    assert seen["publisher@example.org"] == MAY_READ["staff"] - {"ZQXDRAFT"}  # in review too (weekly digest)
    # the public read the status without the hidden follow-up; the secretariat with it
    public_item = Message.objects.get(
        to="desk@example.org", kind="reminder-overdue", subject__contains="ZQXPUBLIC"
    )
    staff_item = Message.objects.get(
        to="publisher@example.org", kind="reminder-overdue", subject__contains="ZQXPUBLIC"
    )
    assert "Status: Open" in public_item.body_text
    assert "Status: In progress" in staff_item.body_text or "ສະຖານະ: ກຳລັງດຳເນີນ" in staff_item.body_text
