"""Hardening found by the security probe: lock-outs per client behind the proxy and per login realm,
CSV formulas, rate limits by what a view does, caches that cannot be written, backup permissions, Atom as
text, private caching for signed-in readers, HEAD, oversized uploads, health, hand-off to nginx.

The test of each hardening item speaks to the portal only as a reader, an operator or the deployment does:
requests through the test client, management commands and the production settings computed from the
environment. So each one also fails on the code from before the hardening (benchmarks/results/2026-12-01-hardening-check.md).
"""

import csv
import functools
import io
import json
import logging
import os
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.core.exceptions import RequestDataTooBig
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from meetings import models as m
from meetings.rules import roles
from tests import factories as f
from tests.urlwalk import endpoints, fill

ROOT = Path(__file__).resolve().parents[2]
PROXY = "127.0.0.1"  # nginx, as gunicorn sees it
CACHE_DIR = "/cache-dir-of-the-environment"


@functools.cache
def production_settings() -> dict:
    """Settings as production computes them from its environment (``PORTAL_ENV=production``, read by
    manage.py in a fresh process), with ``CACHE_DIR`` set and no Redis."""
    code = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps({'CACHES': s.CACHES, 'AXES_IPWARE_PROXY_COUNT': s.AXES_IPWARE_PROXY_COUNT}))"
    )
    unset = {"DJANGO_SETTINGS_MODULE", "PORTAL_ENV", "REDIS_URL", "CACHE_DIR", "AXES_PROXY_COUNT"}
    environment = {k: v for k, v in os.environ.items() if k not in unset} | {
        "PORTAL_ENV": "production",
        "SECRET_KEY": "y" * 60,
        "ALLOWED_HOSTS": "records.example.org",
        "EMAIL_HOST": "mail.example.org",
        "DEFAULT_FROM_EMAIL": "records@example.org",
        "CACHE_DIR": CACHE_DIR,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(autouse=True)
def _report_cache(settings, tmp_path):
    settings.REPORTS_CACHE_ROOT = tmp_path / "reports-cache"


@pytest.fixture
def behind_proxy(settings):
    """Production's proxy count: one nginx in front of gunicorn (deploy/nginx)."""
    settings.AXES_IPWARE_PROXY_COUNT = production_settings()["AXES_IPWARE_PROXY_COUNT"]
    assert settings.AXES_IPWARE_PROXY_COUNT == 1


def admin_login(client, password, address, username="officer"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


def public_login(client, password, address, username="officer", lang="lo"):
    with translation.override(lang):
        url = reverse("accounts:login")
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address
    )


@pytest.fixture
def officer(db):
    return User.objects.create_user("officer", password="the-right-password-1", is_staff=True)


def test_a_lockout_behind_the_proxy_locks_one_client_address_not_everyone(
    client, officer, behind_proxy, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        admin_login(client, "wrong", "203.0.113.9")
    assert admin_login(client, "the-right-password-1", "203.0.113.9").status_code == 429
    # The officer, from the office's address, still gets in (all requests come from the proxy's address).
    response = admin_login(client, "the-right-password-1", "198.51.100.7")
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(officer.pk)


def test_a_forged_forwarded_for_cannot_choose_the_counted_address(client, officer, behind_proxy, settings):
    # The client writes its own X-Forwarded-For; nginx appends the real address on the right.
    for n in range(settings.AXES_FAILURE_LIMIT):
        admin_login(client, "wrong", f"10.9.9.{n}, 203.0.113.9")
    assert admin_login(client, "the-right-password-1", "203.0.113.9").status_code == 429


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_failures_at_the_public_login_never_lock_the_admin(client, officer, behind_proxy, settings, lang):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        public_login(client, "wrong", "203.0.113.9", lang=lang)
    assert public_login(client, "the-right-password-1", "203.0.113.9", lang=lang).status_code == 429
    # Same account, same address, the admin's login: not locked.
    response = admin_login(client, "the-right-password-1", "203.0.113.9")
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(officer.pk)


def test_admin_failures_still_lock_the_admin(client, officer, behind_proxy, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        admin_login(client, "wrong", "203.0.113.9")
    assert admin_login(client, "the-right-password-1", "203.0.113.9").status_code == 429


# --- CSV formulas ---------------------------------------------------------------------------------------
FORMULAS = [
    '=HYPERLINK("http://evil.example","x")',
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-2+3",
    "@SUM(A1)",
]


def test_every_formula_start_is_neutralised():
    from portal.ops.csvsafe import csv_cell

    # OWASP's list: a text cell starting with any of these is shown as text; numbers stay numbers.
    for text in [*FORMULAS, "\tx", "\rx"]:
        assert csv_cell(text) == "'" + text
    assert [csv_cell(v) for v in (-3, 2.5, None, "ສະບາຍດີ", "a=b")] == [-3, 2.5, "", "ສະບາຍດີ", "a=b"]


def csv_rows(client, dataset):
    response = client.get(f"/en/data/{dataset}.csv")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))


def test_csv_cells_that_start_like_a_formula_are_neutralised(client, db):
    meetings = [f.meeting(title_en=text, summary_en=text, venue_en="Vientiane") for text in FORMULAS]
    for meeting, text in zip(meetings, FORMULAS, strict=True):
        f.action_item(meeting=meeting, text_en=text)
    # A saved text never starts with a tab or a carriage return (normalise_text strips them); a bulk
    # write does not normalise, so such titles can be stored all the same.
    for control in ("\tx", "\rx"):
        m.Meeting.objects.filter(pk=f.meeting(venue_en="Vientiane").pk).update(title_en=control)
    rows = csv_rows(client, "meetings")
    assert sorted(r["title_en"] for r in rows) == sorted("'" + text for text in [*FORMULAS, "\tx", "\rx"])
    assert {r["summary_en"] for r in rows} == {"'" + text for text in FORMULAS} | {""}
    assert {r["venue_en"] for r in rows} == {"Vientiane"}  # ordinary text untouched
    items = csv_rows(client, "action-items")
    assert {r["text_en"] for r in items} == {"'" + text for text in FORMULAS}
    assert {r["number"] for r in items} == {"1"}  # numbers stay numbers
    # JSON is data, not a spreadsheet: unchanged.
    data = client.get("/en/data/meetings.json").json()
    assert sorted(r["title_en"] for r in data) == sorted([*FORMULAS, "\tx", "\rx"])


# --- Rate limits by what a view does -------------------------------------------------------------------
@pytest.fixture
def one_window(monkeypatch):
    """The rate limiter counts in fixed windows (per minute): requests that straddle a window's end would be
    counted apart, so these tests run inside one window."""
    import types

    import portal.http.ratelimit

    monkeypatch.setattr(portal.http.ratelimit, "time", types.SimpleNamespace(time=lambda: 1_800_000_030.0))


def test_the_summary_report_is_rate_limited_like_pdfs(client, db, settings, one_window):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pdf": "2/m"}
    url = reverse("reports:summary")
    form, report, again = client.get(url), client.get(url, {"year": 2024}), client.get(url, {"year": 2024})
    assert (form.status_code, report.status_code, report["Content-Type"]) == (200, 200, "application/pdf")
    assert again.status_code == 429  # the form and the report count together, as "pdf"


@pytest.mark.urls("tests.portal.pdf_urls")
def test_a_view_that_answers_pdfs_is_limited_whatever_its_name(client, db, settings, one_window):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pdf": "2/m"}
    assert [client.get("/lo/overview/").status_code for _ in range(3)] == [200, 200, 429]


# --- Caches that cannot be written ----------------------------------------------------------------------
@pytest.fixture
def unwritable(tmp_path):
    """A folder path that cannot be created (its parent is a file), whoever runs the tests (even root)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    return blocker / "cache"


@pytest.mark.django_db
def test_a_pdf_that_cannot_be_cached_is_still_served(client, settings, unwritable, caplog):
    settings.REPORTS_CACHE_ROOT = unwritable
    meeting = f.meeting()
    with caplog.at_level(logging.WARNING, logger="reports.minutes"):
        response = client.get(reverse("reports:minutes", kwargs={"slug": meeting.slug, "edition": "en"}))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "not cached" in caplog.text


@pytest.mark.django_db
def test_an_unwritable_cache_folder_does_not_answer_500(client, settings, unwritable, caplog, monkeypatch):
    """Production's cache without Redis is a folder (CACHE_DIR); rate limits and cached pages use it."""
    cache = production_settings()["CACHES"]["default"]
    assert cache["LOCATION"] == CACHE_DIR  # the folder named by the environment
    settings.CACHES = {"default": {**cache, "LOCATION": str(unwritable)}}
    # A failed cache is not tried again for a few seconds (class-wide): start with one not known to fail.
    monkeypatch.setattr(type(caches["default"]), "_down_until", 0.0, raising=False)
    f.meeting(title_en="Cache-less meeting")
    with caplog.at_level(logging.WARNING):
        assert client.get("/en/search/?q=meeting").status_code == 200  # rate limited: counted in the cache
        assert client.get("/en/").status_code == 200  # a cached page
    assert "failed" in caplog.text


# --- Backups --------------------------------------------------------------------------------------------
def test_backups_are_readable_by_their_owner_only(transactional_db, tmp_path):
    call_command("backup", str(tmp_path / "backups"), stdout=io.StringIO())
    [folder] = (tmp_path / "backups").iterdir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = list(folder.iterdir())
    assert {p.name for p in files} >= {"records.json", "manifest.json", "uploads.tar.gz"}
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files), [
        (p.name, oct(p.stat().st_mode)) for p in files
    ]


# --- Atom, Cache-Control, HEAD ---------------------------------------------------------------------------
def test_atom_summaries_are_plain_text(client, db):
    f.meeting(summary_en="Fish & <b>rice</b>")
    root = ET.fromstring(client.get("/en/feeds/meetings.atom").content)
    summary = root.find("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}summary")
    assert summary.get("type") == "text"
    assert summary.text.endswith("Fish & <b>rice</b>")  # the text itself, to be shown as typed


@pytest.mark.parametrize(
    "path",
    ["/en/", "/lo/meetings/", "/en/data/meetings.csv", "/en/data/meetings.json", "/en/feeds/meetings.atom"],
)
def test_signed_in_responses_are_private(client, db, path):
    f.meeting()
    assert "private" not in client.get(path).get("Cache-Control", "")
    client.force_login(f.user(role=roles.PARTNER))
    assert "private" in client.get(path).get("Cache-Control", "")


def test_every_site_url_answers_a_signed_in_reader_privately(client, db):
    """Every URL of the site (walked from the URLconf, tests/urlwalk.py), whatever it answers: pages,
    feeds, exports, PDFs, files, redirects. The admin's pages are never cached at all (Django's own
    ``never_cache``)."""
    organisation, person = f.organisation(), f.person()
    meeting = f.meeting(organisers=[organisation])
    f.participation(meeting=meeting, person=person)
    records = {
        m.Meeting: meeting,
        m.Organisation: organisation,
        m.Person: person,
        m.Document: f.document(meeting=meeting),
        m.ActionItem: f.action_item(meeting=meeting),
    }
    client.force_login(f.user(role=roles.PARTNER))
    client.raise_request_exception = False
    public = [endpoint for endpoint in endpoints() if not endpoint.admin]
    answers = {}
    for endpoint in public:
        url = fill(endpoint, records[endpoint.model] if endpoint.takes_record else None, lang="en")
        response = client.get(url)
        if response.streaming:
            close(response)  # a file or a PDF: its headers are what is checked
        answers[url] = (response.status_code, response.get("Cache-Control", ""))
    assert len(answers) == len(public) > 20
    assert {url: answer for url, answer in answers.items() if "private" not in answer[1]} == {}
    assert sum(status == 200 for status, _ in answers.values()) > 20  # pages really answered
    assert {url: status for url, (status, _) in answers.items() if status >= 500} == {}


def close(response):
    """Close the file of a HEAD response (the test client drops it unread; a WSGI server closes it) without
    the end-of-request signal, which would close the test's database connection."""
    from django.core.signals import request_finished
    from django.db import close_old_connections

    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_head_works_where_get_works_on_minutes(client):
    meeting = f.meeting()
    response = client.head(reverse("reports:minutes", kwargs={"slug": meeting.slug, "edition": "lo"}))
    close(response)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


@pytest.mark.django_db
def test_head_works_where_get_works_on_documents(client):
    document = f.document(meeting=f.meeting())
    with translation.override("en"):
        url = reverse("meetings:document_download", args=[document.pk])
    response = client.head(url)
    close(response)
    assert response.status_code == 200


# --- Oversized uploads ------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["lo", "en"])
def test_an_oversized_upload_is_refused_before_its_body_is_read(client, db, settings, lang):
    client.force_login(f.user(role=roles.EDITOR))
    # The test client's body is one byte: reading the 60 MB the request announces would fail the test.
    response = client.generic(
        "POST",
        f"/{lang}/accounts/login/",
        data=b"x",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
    )
    assert response.status_code == 413
    with translation.override(lang):
        assert translation.gettext("The upload is too large") in response.content.decode()


def test_an_upload_without_a_length_stops_at_the_limit(settings):
    from portal.http.uploads import RequestSizeLimitHandler

    settings.REQUEST_MAX_BODY_MB = 1
    handler = RequestSizeLimitHandler()
    handler.receive_data_chunk(b"x" * 1024 * 1024, 0)
    with pytest.raises(RequestDataTooBig):
        handler.receive_data_chunk(b"x", 1024 * 1024)


def test_nginx_and_django_agree_on_the_body_limit(settings):
    from pathlib import Path

    conf = (Path(settings.BASE_DIR) / "deploy" / "nginx" / "portal.conf.template").read_text()
    assert f"client_max_body_size {settings.REQUEST_MAX_BODY_MB}m;" in conf
    assert settings.REQUEST_MAX_BODY_MB > settings.DOCUMENT_MAX_UPLOAD_MB


# --- Health ------------------------------------------------------------------------------------------------
def test_health_checks_database_and_cache(client, db, settings, monkeypatch):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]
    from django.core.cache import cache

    monkeypatch.setattr(cache, "get", lambda *a, **k: None)  # a cache that drops what it is given
    response = client.get("/health/")
    assert response.status_code == 503 and response.json()["cache"] != "ok"


def test_health_checks_running_at_once_do_not_fail_each_other(client, db, monkeypatch):
    """Another worker's whole check runs between this check's write and read (benchmarks/fault_bench.py saw
    /health/ answer 503 "value not kept" under load when all checks shared one key)."""
    from django.core.cache import cache

    from portal.http import health

    read = cache.get
    other = []  # the other check's result

    def read_after_another_check(key, *args, **kwargs):
        if key.startswith("health:") and not other:
            other.append("running")  # the other check's own read goes straight through
            other[0] = health._cache()
        return read(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", read_after_another_check)
    response = client.get("/health/")
    assert other == ["ok"]
    assert response.status_code == 200 and response.json()["cache"] == "ok"


# --- Hand-off to nginx (X-Accel-Redirect) ----------------------------------------------------------------
@pytest.mark.django_db
def test_permitted_downloads_are_handed_to_nginx_when_switched_on(client, settings, tmp_path):
    settings.REPORTS_CACHE_ROOT = tmp_path / "reports"
    meeting = f.meeting()
    url = reverse("reports:minutes", kwargs={"slug": meeting.slug, "edition": "en"})
    streamed = client.get(url)
    assert "X-Accel-Redirect" not in streamed and streamed.status_code == 200  # off by default
    assert b"".join(streamed.streaming_content).startswith(b"%PDF")
    settings.SENDFILE_X_ACCEL = True
    response = client.get(url)
    assert response.status_code == 200 and response.content == b""
    target = response["X-Accel-Redirect"]
    assert target.startswith(f"/_protected/reports/minutes/{meeting.pk}/public/en-") and target.endswith(
        ".pdf"
    )
    assert (settings.REPORTS_CACHE_ROOT / target.removeprefix("/_protected/reports/")).is_file()
    assert response["Content-Type"] == "application/pdf" and "private" in response["Cache-Control"]
    assert "attachment" in response["Content-Disposition"]
    document = f.document(meeting=meeting, name="agenda.pdf")
    with translation.override("en"):
        doc_url = reverse("meetings:document_download", args=[document.pk])
    response = client.get(doc_url)
    assert response["X-Accel-Redirect"] == "/_protected/media/" + document.file.name
    assert "agenda.pdf" in response["Content-Disposition"]
    # Refused ones are still 404, with nothing handed over.
    hidden = f.meeting(visibility="internal")
    refused = client.get(reverse("reports:minutes", kwargs={"slug": hidden.slug, "edition": "en"}))
    assert refused.status_code == 404 and "X-Accel-Redirect" not in refused
