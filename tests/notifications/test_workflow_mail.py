"""Workflow mail through the real queue and a real SMTP server: submitted → the publishers; returned with a
remark → the author; published → the author. Queued in the change's transaction, delivered by the worker
process, in the recipient's language, never twice, and none lost while SMTP is down."""

import time

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from meetings.models import Meeting
from meetings.rules import roles
from meetings.services import workflow
from notifications.models import Message
from portal.models import InterfacePreference
from tests import factories as f
from tests.mail import html_of, run_worker, text_of

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people():
    editor = f.user(role=roles.EDITOR, username="editor", email="editor@example.org", first_name="ສົມໃຈ")
    publisher = f.user(role=roles.PUBLISHER, username="publisher", email="publisher@example.org")
    partner = f.user(role=roles.PARTNER, username="partner", email="partner@example.org")
    return editor, publisher, partner


def draft():
    return f.meeting(
        title_lo="ກອງປະຊຸມປະຈຳປີ ຄະນະກຳມະການຕ້ານການຄ້າມະນຸດ ກັບ ອົດສະຕຣາລີ",
        title_en="Annual meeting of the committee with Australia",
        status=Meeting.Status.DRAFT,
    )


def test_submitting_mails_the_publishers_in_lao_through_the_worker(people, smtp):
    editor, publisher, partner = people
    meeting = draft()
    workflow.submit_for_review(meeting=meeting, by=editor)
    assert smtp.messages() == []  # nothing is sent by the request itself
    run_worker(smtp)
    mails = smtp.messages()
    assert [m["To"] for m in mails] == ["publisher@example.org"]  # not the editor, not the partner
    mail = mails[0]
    assert mail["Subject"] == "ລໍຖ້າກວດກາ: ກອງປະຊຸມປະຈຳປີ ຄະນະກຳມະການຕ້ານການຄ້າມະນຸດ ກັບ ອົດສະຕຣາລີ"
    assert mail.get_content_type() == "multipart/alternative"
    text = text_of(mail)
    assert "ສົມໃຈ" in text and meeting.title_lo in text
    assert f"/admin/meetings/meeting/{meeting.pk}/change/" in text
    html = html_of(mail)
    assert '<span style="white-space:nowrap">ອົດສະຕຣາລີ</span>' in html  # the loanword is kept whole
    assert Message.objects.get().status == Message.Status.SENT


def test_a_rolled_back_submission_queues_nothing(people, smtp):
    editor, _publisher, _partner = people
    meeting = draft()
    with pytest.raises(RuntimeError), transaction.atomic():
        workflow.submit_for_review(meeting=meeting, by=editor)
        raise RuntimeError("the request failed after the submission")
    assert not DBTaskResult.objects.exists()
    run_worker(smtp)
    assert smtp.messages() == [] and not Message.objects.exists()


def test_returning_mails_the_author_with_the_remark_and_publishing_mails_the_author(people, smtp):
    editor, publisher, _partner = people
    InterfacePreference.objects.create(user=editor, language="en")
    meeting = draft()
    workflow.submit_for_review(meeting=meeting, by=editor)
    workflow.transition_meeting(
        meeting=meeting, action="returned", by=publisher, note="Please add the list of participants."
    )
    workflow.submit_for_review(meeting=meeting, by=editor)
    workflow.publish_meeting(meeting=meeting, by=publisher)
    run_worker(smtp)
    to_editor = smtp.messages(to="editor@example.org")
    assert sorted(m["Subject"] for m in to_editor) == [
        "Published: Annual meeting of the committee with Australia",
        "Returned to draft: Annual meeting of the committee with Australia",
    ]
    returned = next(m for m in to_editor if m["Subject"].startswith("Returned"))
    assert "Please add the list of participants." in text_of(returned)
    published = next(m for m in to_editor if m["Subject"].startswith("Published"))
    assert f"/en/meetings/{meeting.slug}/" in text_of(published)
    # two submissions → two mails to the publisher; never a mail to the one who took the step
    assert len(smtp.messages(to="publisher@example.org")) == 2


def test_a_second_run_of_the_same_event_sends_nothing(people, smtp):
    from notifications.workflow import mail_meeting_event

    editor, _publisher, _partner = people
    meeting = draft()
    workflow.submit_for_review(meeting=meeting, by=editor)
    event = meeting.events.get()
    run_worker(smtp)
    assert mail_meeting_event(event_id=event.pk) == []
    run_worker(smtp)
    assert len(smtp.messages()) == 1


def test_smtp_down_while_20_mails_are_queued_then_up_again_delivers_all_20_once(people, smtp, settings):
    settings.MAIL_RETRY_BASE_SECONDS = 1
    editor, _publisher, _partner = people
    publishers = [
        f.user(role=roles.PUBLISHER, username=f"pub{n}", email=f"pub{n}@example.org") for n in range(19)
    ]
    assert len(publishers) + 1 == 20
    smtp.stop()
    workflow.submit_for_review(meeting=draft(), by=editor)
    run_worker(smtp)  # the notification task queues 20 mails; every delivery fails and is rescheduled
    assert Message.objects.filter(status=Message.Status.PENDING, attempts__gte=1).count() == 20
    assert "ConnectionRefusedError" in Message.objects.first().last_error
    smtp.start()
    last_retry = max(Message.objects.values_list("next_attempt_at", flat=True))
    time.sleep(max((last_retry - timezone.now()).total_seconds(), 0) + 0.5)
    run_worker(smtp)
    addresses = sorted(m["To"] for m in smtp.messages())
    assert len(addresses) == 20 and len(set(addresses)) == 20
    assert Message.objects.filter(status=Message.Status.SENT).count() == 20
    run_worker(smtp)  # nothing left, nothing sent twice
    assert len(smtp.messages()) == 20


def test_a_refusing_server_is_retried_then_given_up_and_sent_again_from_the_outbox(people, smtp, settings):
    from notifications import outbox

    settings.MAIL_RETRY_BASE_SECONDS = 0
    settings.MAIL_MAX_ATTEMPTS = 2
    editor, _publisher, _partner = people
    smtp.refuse = True
    workflow.submit_for_review(meeting=draft(), by=editor)
    run_worker(smtp, extra_env={"MAIL_MAX_ATTEMPTS": "2"})
    message = Message.objects.get()
    assert message.status == Message.Status.FAILED and message.attempts == 2
    assert "451" in message.last_error
    smtp.refuse = False
    outbox.send_again(message=message)
    assert outbox.deliver(message_id=message.pk).status == "sent"
    assert len(smtp.messages()) == 1


def test_a_step_taken_by_the_portal_itself_names_the_portal(people, smtp):
    editor, _publisher, _partner = people
    meeting = draft()
    workflow.submit_for_review(meeting=meeting, by=editor)
    workflow.publish_meeting(meeting=meeting, by=None, personal_data_confirmed=True)  # e.g. a command
    run_worker(smtp)
    (mail,) = smtp.messages(to="editor@example.org")
    assert text_of(mail).startswith("ລະບົບ ໄດ້ເຜີຍແຜ່ບົດບັນທຶກກອງປະຊຸມຂອງທ່ານແລ້ວ:")


def test_the_outbox_in_the_admin_lists_mail_and_sends_a_failed_one_again(people, smtp, client):
    from django.contrib.auth import get_user_model

    editor, _publisher, _partner = people
    smtp.refuse = True
    workflow.submit_for_review(meeting=draft(), by=editor)
    run_worker(smtp, extra_env={"MAIL_MAX_ATTEMPTS": "1"})
    failed = Message.objects.get(status=Message.Status.FAILED)
    smtp.refuse = False
    admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "x" * 12)
    client.force_login(admin)
    page = client.get("/admin/notifications/message/?status__exact=failed")
    assert page.status_code == 200 and "publisher@example.org" in page.content.decode()
    response = client.post(
        "/admin/notifications/message/",
        {"action": "send_again", "_selected_action": [failed.pk]},
        follow=True,
    )
    assert response.status_code == 200
    failed.refresh_from_db()
    assert failed.status == Message.Status.PENDING and failed.attempts == 0
    run_worker(smtp)
    assert [m["To"] for m in smtp.messages()] == ["publisher@example.org"]


def test_once_a_send_succeeds_the_mail_waiting_for_a_retry_goes_at_once(people, smtp, settings):
    from datetime import timedelta

    settings.MAIL_RETRY_BASE_SECONDS = 3600  # a retry an hour later, unless the server is seen back
    settings.MAIL_RETRY_MAX_MINUTES = 120
    editor, _publisher, _partner = people
    for n in range(3):
        f.user(role=roles.PUBLISHER, username=f"late{n}", email=f"late{n}@example.org")
    smtp.stop()
    workflow.submit_for_review(meeting=draft(), by=editor)
    run_worker(smtp)
    assert not Message.objects.filter(next_attempt_at__lt=timezone.now() + timedelta(minutes=50)).exists()
    smtp.start()
    workflow.submit_for_review(meeting=draft(), by=editor)  # a new step: its mail goes at once ...
    run_worker(smtp)
    assert len(smtp.messages()) == 8  # ... and wakes the 4 waiting since the first step
    assert Message.objects.filter(status=Message.Status.SENT).count() == 8
