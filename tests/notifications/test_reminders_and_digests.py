"""Action item reminders (N days before, on the day, weekly while overdue; once each) to the contacts of the
responsible organisations and to the secretariat, each told only of what its audience may read; the daily
digest of held mail and the secretariat's weekly digest."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from meetings.models import ActionItemStatus, Meeting, OrganisationContact
from meetings.rules import roles
from notifications import digests, reminders
from notifications.models import MailPreference, Message
from portal.models import InterfacePreference
from tests import factories as f

pytestmark = pytest.mark.django_db
V, S = Meeting.Visibility, Meeting.Status
TODAY = datetime.date(2024, 6, 10)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def world():
    org = f.organisation(name_lo="ກະຊວງ ປ້ອງກັນ", name_en="Ministry of Defence")
    partner = f.user(role=roles.PARTNER, username="partner", email="partner@example.org")
    publisher = f.user(role=roles.PUBLISHER, username="pub", email="pub@example.org")
    InterfacePreference.objects.create(user=publisher, language="en")
    OrganisationContact.objects.create(organisation=org, email="desk@example.org", language="en")
    OrganisationContact.objects.create(organisation=org, user=partner)

    def meeting(marker, visibility=V.PUBLIC, status=S.PUBLISHED):
        return f.meeting(
            title_lo=f"ກອງປະຊຸມ {marker}", title_en=f"Meeting {marker}", visibility=visibility, status=status
        )

    def item(meeting, text, due, **kw):
        return f.action_item(
            meeting=meeting,
            text_lo=f"ວຽກ {text}",
            text_en=f"Item {text}",
            due_date=due,
            responsible=[org],
            **kw,
        )

    public, partners, internal = (
        meeting("ZQXPUBLIC"),
        meeting("ZQXPARTNERS", V.PARTNERS),
        meeting("ZQXINTERNAL", V.INTERNAL),
    )
    items = {
        "soon": item(public, "SOON", TODAY + 7 * DAY),
        "later": item(public, "LATER", TODAY + 8 * DAY),
        "due": item(public, "DUE", TODAY),
        "overdue": item(public, "OVERDUE", TODAY - 3 * DAY),
        "partners": item(partners, "PARTNERSITEM", TODAY - 3 * DAY),
        "internal": item(internal, "INTERNALITEM", TODAY - 3 * DAY),
        "done": item(public, "DONE", TODAY - 3 * DAY, status=ActionItemStatus.DONE),
        "draft": item(meeting("ZQXDRAFT", status=S.DRAFT), "DRAFTITEM", TODAY - 3 * DAY),
    }
    return {"org": org, "partner": partner, "publisher": publisher, "items": items}


def test_each_reminder_is_queued_once_for_each_audience(world):
    items = world["items"]
    queued = reminders.mail_reminders(today=TODAY)
    assert reminders.mail_reminders(today=TODAY) == []  # a second run (the timer every 5 min) queues nothing
    by_address = {}
    for message in queued:
        by_address.setdefault(message.to, set()).add(message.key)
    pk = {name: item.pk for name, item in items.items()}
    public_keys = {
        f"reminder:{pk['soon']}:soon:{TODAY + 7 * DAY}",
        f"reminder:{pk['due']}:due:{TODAY}",
        f"reminder:{pk['overdue']}:overdue:{TODAY - 3 * DAY}:w0",
    }
    partners_key = f"reminder:{pk['partners']}:overdue:{TODAY - 3 * DAY}:w0"
    internal_key = f"reminder:{pk['internal']}:overdue:{TODAY - 3 * DAY}:w0"
    assert by_address["desk@example.org"] == public_keys
    assert by_address["partner@example.org"] == public_keys | {partners_key}
    assert by_address["pub@example.org"] == public_keys | {partners_key, internal_key}
    # never: an item due later than N days, done, or of an unpublished meeting (the sets above are exact)
    assert sum(len(keys) for keys in by_address.values()) == len(queued) == 3 + 4 + 5


def test_overdue_reminders_come_weekly_and_a_reminder_has_the_item_and_its_link(world, settings):
    settings.SITE_URL = "https://records.example.org"
    item = world["items"]["overdue"]
    # due 3 days ago: the overdue weeks are days 1-7, 8-14, ... after the due date
    reminders.mail_reminders(today=TODAY)
    for days in range(1, 5):
        reminders.mail_reminders(today=TODAY + days * DAY)
    desk = Message.objects.filter(to="desk@example.org", key__startswith=f"reminder:{item.pk}:")
    assert desk.count() == 1
    reminders.mail_reminders(today=TODAY + 5 * DAY)
    reminders.mail_reminders(today=TODAY + 11 * DAY)
    assert desk.count() == 2
    mail = desk.get(key__endswith=":w1")
    assert mail.subject == "Action item overdue by 8 days: Item OVERDUE"
    assert (
        f"https://records.example.org/en/meetings/{item.meeting.slug}/#action-item-{item.pk}"
        in mail.body_text
    )
    assert "Ministry of Defence" in mail.body_text and "Meeting ZQXPUBLIC" in mail.body_text
    lao = Message.objects.get(to="partner@example.org", key=f"reminder:{item.pk}:overdue:{item.due_date}:w0")
    assert lao.subject == "ວຽກທີ່ຕົກລົງ ກາຍກຳນົດ 3 ມື້: ວຽກ OVERDUE"
    assert "ກະຊວງ" in lao.body_text


def test_overdue_reminders_may_stop_after_some_weeks(world, settings):
    settings.ACTION_ITEM_OVERDUE_WEEKS = 2
    item = world["items"]["overdue"]
    for week in range(5):
        reminders.mail_reminders(today=TODAY + week * 7 * DAY)
    assert Message.objects.filter(to="desk@example.org", key__startswith=f"reminder:{item.pk}:").count() == 2


def test_a_contact_is_an_account_or_an_address_not_both(world):
    for contact in (
        OrganisationContact(organisation=world["org"]),
        OrganisationContact(organisation=world["org"], email="x@example.org", user=world["partner"]),
    ):
        with pytest.raises(ValidationError):
            contact.full_clean()


def test_the_daily_digest_gathers_held_mail_once(world):
    MailPreference.objects.create(user=world["partner"], frequency=MailPreference.Frequency.DAILY)
    reminders.mail_reminders(today=TODAY)
    held = list(Message.objects.filter(to="partner@example.org"))
    assert len(held) == 4 and {m.status for m in held} == {Message.Status.HELD}
    queued = digests.mail_daily_digests()
    assert [m.to for m in queued] == ["partner@example.org"]
    digest = queued[0]
    assert digest.status == Message.Status.PENDING and digest.kind == "daily-digest"
    assert digest.subject.startswith("ການແຈ້ງເຕືອນ 4 ລາຍການ")
    for message in held:
        assert message.subject in digest.body_text
    statuses = Message.objects.filter(pk__in=[m.pk for m in held]).values_list("status", flat=True)
    assert set(statuses) == {Message.Status.DIGESTED}
    assert digests.mail_daily_digests() == []  # nothing held any more


def test_the_weekly_digest_for_the_secretariat(world):
    f.meeting(title_en="Meeting ZQXINREVIEW", status=S.IN_REVIEW)
    queued = digests.mail_weekly_digest(today=TODAY)
    assert [m.to for m in queued] == ["pub@example.org"]  # the secretariat only
    text = queued[0].body_text
    assert "3 overdue action items" in text  # public, partners, internal; not done, not of a draft
    assert "2 action items due in the next 7 days" in text  # due today and in 7 days, not in 8
    assert "Item INTERNALITEM" in text and "Item DONE" not in text and "Item DRAFTITEM" not in text
    assert "Item LATER" not in text
    assert "1 minutes waiting for review" in text and "Meeting ZQXINREVIEW" in text
    assert digests.mail_weekly_digest(today=TODAY + DAY) == []  # once a week
    assert len(digests.mail_weekly_digest(today=TODAY + 7 * DAY)) == 1
