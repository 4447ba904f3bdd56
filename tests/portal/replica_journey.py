"""Journeys against a real streaming replica, run by tests/portal/test_replica.py in a process whose
DATABASE_URL is a throwaway primary and DATABASE_REPLICA_URL its replica (not collected on its own: the
name does not start with test_). Which server answered is checked on the database connections themselves
(the replica's is in recovery, on the replica's port)."""

import os
import subprocess
import time
import urllib.parse

import pytest
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from meetings.models import Meeting
from portal.http.replica import PRIMARY_COOKIE
from reports.models import PublishedVersion
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request reaches the database
    settings.REPLICA_MAX_LAG_SECONDS = 60  # a PDF render takes seconds: the paused replica counts as current


def wait_until(check, seconds=15):
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "the replica did not catch up"
        time.sleep(0.05)


def replicated(meeting) -> None:
    wait_until(lambda: Meeting.objects.using("replica").filter(pk=meeting.pk).exists())


def tables(capture) -> str:
    return " ".join(q["sql"] for q in capture.captured_queries)


def served_by(client, url):
    with (
        CaptureQueriesContext(connections["replica"]) as replica,
        CaptureQueriesContext(connections["default"]) as primary,
    ):
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body, tables(replica), tables(primary)


def page_of(meeting) -> str:
    with translation.override("en"):
        return meeting.get_absolute_url()


def test_the_replica_connection_is_the_replica():
    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery(), inet_server_port()")
        in_recovery, port = cursor.fetchone()
    assert in_recovery is True
    assert port == urllib.parse.urlsplit(os.environ["DATABASE_REPLICA_URL"]).port


def test_an_anonymous_read_is_served_by_the_replica_and_a_signed_in_one_by_the_primary(client):
    meeting = f.meeting(title_en="Replicated meeting")
    replicated(meeting)
    response, body, on_replica, on_primary = served_by(client, page_of(meeting))
    assert response.status_code == 200 and b"Replicated meeting" in body
    assert '"meetings_meeting"' in on_replica and '"meetings_meeting"' not in on_primary, on_primary

    client.force_login(f.user(username="partner-reader"))
    response, body, on_replica, on_primary = served_by(client, page_of(meeting))
    assert response.status_code == 200 and '"meetings_meeting"' in on_primary and on_replica == ""


def pause_replay():
    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")


def resume_replay():
    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_resume()")


def test_who_has_just_written_reads_the_write_and_a_lagging_replica_is_left(client, settings):
    """A reader downloads minutes not issued yet: the download records its verification code (a write on
    the primary). With the replica behind (replay paused), that reader's browser checks the code at once and
    finds it (read from the primary); another reader, served by the replica, does not yet; once the replica
    is further behind than REPLICA_MAX_LAG_SECONDS, every read goes to the primary."""
    meeting = f.meeting(title_en="Minutes to verify")
    replicated(meeting)
    pause_replay()
    try:
        pdf, _body, on_replica, _ = served_by(
            client, reverse("reports:minutes", kwargs={"slug": meeting.slug, "edition": "en"})
        )
        assert (
            pdf.status_code == 200
            and pdf.cookies[PRIMARY_COOKIE]["max-age"] == settings.READ_YOUR_WRITES_SECONDS
        )
        assert '"meetings_meeting"' in on_replica  # read before the write, from the replica
        code = PublishedVersion.objects.using("default").get(meeting=meeting, edition="en").code
        check = reverse("verify:code", kwargs={"code": code})

        response, body, on_replica, on_primary = served_by(client, check)  # the same browser, at once
        assert response.status_code == 200 and on_replica == "" and "reports_publishedversion" in on_primary

        stranger = Client()
        response, body, on_replica, on_primary = served_by(stranger, check)
        assert response.status_code == 404, "the replica has not replayed the write yet"
        assert "reports_publishedversion" in on_replica and "reports_publishedversion" not in on_primary

        settings.REPLICA_MAX_LAG_SECONDS = 0.5
        time.sleep(1.0)
        response, body, on_replica, on_primary = served_by(Client(), check)
        assert response.status_code == 200 and "reports_publishedversion" in on_primary
        assert "reports_publishedversion" not in on_replica
    finally:
        resume_replay()
    settings.REPLICA_MAX_LAG_SECONDS = 60
    wait_until(lambda: PublishedVersion.objects.using("replica").filter(code=code).exists())
    assert served_by(Client(), check)[0].status_code == 200


def test_with_the_replica_stopped_reads_go_to_the_primary_within_a_second(client):
    meeting = f.meeting(title_en="Still readable")
    replicated(meeting)
    pg_ctl = os.environ["PORTAL_TEST_PG_CTL"].split()
    data = os.environ["PORTAL_TEST_REPLICA_DIR"]
    subprocess.run([*pg_ctl, "-D", data, "-m", "immediate", "stop"], check=True, capture_output=True)
    connections["replica"].close()
    try:
        stopped = time.monotonic()
        with CaptureQueriesContext(connections["default"]) as primary:
            response = Client().get(page_of(meeting))
        body, on_primary = response.content, tables(primary)
        assert (
            response.status_code == 200 and b"Still readable" in body and '"meetings_meeting"' in on_primary
        )
        assert time.monotonic() - stopped < 1.0
    finally:
        subprocess.run(
            [*pg_ctl, "-D", data, "-l", f"{data}.log", "-w", "-o", os.environ["PORTAL_TEST_REPLICA_OPTIONS"], "start"],
            check=True, capture_output=True,
        )  # fmt: skip
