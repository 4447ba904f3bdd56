"""Subscriptions to new minutes: double opt-in, publication mail for each subscriber's audience, one-click
unsubscribe (RFC 8058) without signing in or a CSRF token; mail delivered by the worker process."""

import re

import pytest
from django.test import Client

from meetings.models import Meeting
from meetings.rules import roles
from meetings.services import workflow
from notifications.models import Message, Subscription
from tests import factories as f
from tests.mail import run_worker, text_of

pytestmark = pytest.mark.django_db(transaction=True)
V = Meeting.Visibility


def draft(marker, visibility=V.PUBLIC, kind=Meeting.Kind.COORDINATION):
    return f.meeting(
        title_lo=f"ກອງປະຊຸມ {marker}",
        title_en=f"Meeting {marker}",
        status=Meeting.Status.DRAFT,
        visibility=visibility,
        kind=kind,
    )


def publish(meeting):
    workflow.publish_meeting(meeting=meeting, by=None)


def subscribe(client, address, *, lang="en", kinds=()):
    return client.post(f"/{lang}/subscribe/", {"email": address, "kinds": list(kinds)})


def link_in(mail, pattern):
    return re.search(rf"https?://\S+{pattern}\S*/", text_of(mail)).group(0)


def confirm(client, mail):
    path = "/" + link_in(mail, "/subscribe/confirm/").split("/", 3)[3]
    assert client.get(path).status_code == 200  # a page with a button: opening confirms nothing
    assert Subscription.objects.get().confirmed_at is None
    assert client.post(path).status_code == 200


def test_nothing_but_the_confirmation_is_sent_before_the_link_is_used(client, smtp):
    response = subscribe(client, "reader@example.org")
    assert response.status_code == 302 and response["Location"] == "/en/subscribe/sent/"
    publish(draft("ZQXBEFORE"))
    run_worker(smtp)
    mails = smtp.messages(to="reader@example.org")
    assert [m["Subject"] for m in mails] == ["Confirm your subscription to new minutes"]
    confirm(client, mails[0])
    publish(draft("ZQXAFTER"))
    run_worker(smtp)
    subjects = [m["Subject"] for m in smtp.messages(to="reader@example.org")]
    assert subjects[1:] == ["New minutes: Meeting ZQXAFTER"]


def test_a_lao_subscriber_gets_lao_mail_with_one_click_unsubscribe_that_needs_no_cookie(client, smtp):
    subscribe(client, "lao@example.org", lang="lo")
    run_worker(smtp)
    confirmation = smtp.messages()[0]
    assert confirmation["Subject"] == "ຢືນຢັນການລົງທະບຽນຮັບບົດບັນທຶກໃໝ່"
    confirm(client, confirmation)
    publish(draft("ZQXLAO"))
    run_worker(smtp)
    mail = smtp.messages()[-1]
    assert mail["Subject"] == "ບົດບັນທຶກໃໝ່: ກອງປະຊຸມ ZQXLAO"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.fullmatch(r"<(https?://[^>]+)>", mail["List-Unsubscribe"]).group(1)
    assert "/lo/unsubscribe/" in url and url in text_of(mail)
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 40
    stranger = Client(enforce_csrf_checks=True)  # a mail program: no session, no CSRF cookie
    path = "/" + url.split("/", 3)[3]
    response = stranger.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200 and not stranger.cookies
    assert Subscription.objects.get().ended_at is not None
    assert stranger.post(path).status_code == 200  # twice is harmless
    publish(draft("ZQXLATER"))
    run_worker(smtp)
    assert len(smtp.messages()) == 2


def test_a_get_of_the_unsubscribe_address_only_asks(client, smtp):
    subscribe(client, "asker@example.org")
    run_worker(smtp)
    confirm(client, smtp.messages()[0])
    token = Subscription.objects.get().token
    page = Client().get(f"/en/unsubscribe/{token}/")
    assert page.status_code == 200 and b"Unsubscribe" in page.content
    assert Subscription.objects.get().ended_at is None
    assert Client().post("/en/unsubscribe/not-a-token/").status_code == 404


def test_kinds_audiences_and_unpublished_meanwhile(client, smtp):
    partner = f.user(role=roles.PARTNER, username="partner", email="partner@example.org")
    publisher = f.user(role=roles.PUBLISHER, username="pub", email="pub@example.org")
    for user, kinds in ((partner, []), (publisher, [])):
        signed_in = Client()
        signed_in.force_login(user)
        subscribe(signed_in, user.email, kinds=kinds)
    subscribe(client, "anon@example.org")
    subscribe(client, "training@example.org", kinds=[Meeting.Kind.TRAINING])
    # a partner subscribing another address reads as the public there
    other = Client()
    other.force_login(partner)
    subscribe(other, "partner-home@example.org")
    assert Subscription.objects.filter(user=partner).count() == 1
    for subscription in Subscription.objects.all():
        Client().post(f"/en/subscribe/confirm/{subscription.token}/")
    assert Subscription.objects.filter(confirmed_at__isnull=False).count() == 5
    meetings = {
        "public": draft("ZQXPUBLIC"),
        "partners": draft("ZQXPARTNERS", V.PARTNERS),
        "internal": draft("ZQXINTERNAL", V.INTERNAL),
        "training": draft("ZQXTRAINING", kind=Meeting.Kind.TRAINING),
    }
    for meeting in meetings.values():
        publish(meeting)
    unpublished = draft("ZQXGONE")
    publish(unpublished)
    workflow.unpublish_meeting(meeting=unpublished, by=None)  # before the worker processes the event
    run_worker(smtp)

    def got(address):
        return sorted(
            m["Subject"].split("Meeting ")[1]
            for m in smtp.messages(to=address)
            if "New minutes" in m["Subject"]
        )

    assert got("anon@example.org") == ["ZQXPUBLIC", "ZQXTRAINING"]
    assert got("partner-home@example.org") == ["ZQXPUBLIC", "ZQXTRAINING"]
    assert got("training@example.org") == ["ZQXTRAINING"]
    assert got("partner@example.org") == ["ZQXPARTNERS", "ZQXPUBLIC", "ZQXTRAINING"]
    assert got("pub@example.org") == ["ZQXINTERNAL", "ZQXPARTNERS", "ZQXPUBLIC", "ZQXTRAINING"]
    # a second processing of the same publication sends nothing again
    from notifications.subscriptions import mail_publication

    event = meetings["public"].events.get(action="published")
    assert mail_publication(event_id=event.pk) == []


def test_bad_input_is_refused_in_both_languages_and_kept(client, smtp):
    for lang, message in (
        ("en", "This is not a valid email address."),
        ("lo", "ນີ້ບໍ່ແມ່ນທີ່ຢູ່ອີເມວທີ່ຖືກຕ້ອງ."),
    ):
        response = subscribe(client, "not an address", lang=lang, kinds=[Meeting.Kind.TRAINING])
        assert response.status_code == 200
        page = response.content.decode()
        assert message in page
        assert 'value="not an address"' in page  # nothing lost
        assert re.search(r'value="training"[^>]*checked', page)
        response = client.post(f"/{lang}/subscribe/", {"email": "a@example.org", "kinds": ["no-such-kind"]})
        assert response.status_code == 200 and 'value="a@example.org"' in response.content.decode()
    assert not Subscription.objects.exists() and not Message.objects.exists()


def test_one_address_gets_at_most_three_confirmations_a_day(client, smtp):
    for _ in range(5):
        assert subscribe(client, "victim@example.org").status_code == 302
    run_worker(smtp)
    assert len(smtp.messages(to="victim@example.org")) == 3


def test_the_client_is_rate_limited(client, smtp, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "subscribe": "2/h"}
    assert subscribe(client, "one@example.org").status_code == 302
    assert subscribe(client, "two@example.org").status_code == 302
    refused = subscribe(client, "three@example.org")
    assert refused.status_code == 429
    assert Subscription.objects.count() == 2
