"""nginx's micro-cache in front of the portal (deploy/nginx/portal.conf.template, started by
``bin/serve --nginx-only`` in front of the live test server): anonymous readers of public pages, minutes
and documents are answered by nginx for at most a second; an edit shows within that second; anyone with a
session, and anything refused or private, always reaches the portal."""

import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from meetings.rules import roles
from meetings.services import publish_meeting
from portal.http.pagecache import private_cookies
from tests import factories as f

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy" / "nginx" / "portal.conf.template"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def nginx(transactional_db, live_server, settings, tmp_path):
    """nginx from the project's template in front of the live server; its base URL."""
    settings.PROXY_CACHE_SECONDS = 1
    settings.SENDFILE_X_ACCEL = True
    port, state = free_port(), tmp_path / "nginx-state"
    for folder in (settings.MEDIA_ROOT, settings.REPORTS_CACHE_ROOT, tmp_path / "static"):
        Path(folder).mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": "/usr/sbin:/usr/bin:/bin",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "REPORTS_CACHE_ROOT": str(settings.REPORTS_CACHE_ROOT),
    }
    upstream = live_server.url.removeprefix("http://")
    serve = [str(ROOT / "bin" / "serve"), "--nginx-only", "--upstream", upstream, "--port", str(port)]
    subprocess.run([*serve, "--state", str(state), "--detach"], env=env, check=True, cwd=ROOT)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        subprocess.run([str(ROOT / "bin" / "serve"), "--stop", "--state", str(state)], env=env, cwd=ROOT)


def fetch(url: str, cookie: str = "", **headers) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={**headers, **({"Cookie": cookie} if cookie else {})})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - loopback
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def fetch_kept(url: str, **kw) -> tuple[int, dict, bytes]:
    """The answer once nginx has it: an entry lives to the end of the second it was rendered in, so the
    request after a render may fall into the next second; a few tries find the kept one."""
    for _ in range(5):
        answer = fetch(url, **kw)
        if answer[1].get("X-Micro-Cache") == "HIT":
            break
    return answer


def signed_in(user) -> str:
    client = Client()
    client.force_login(user)
    return (
        f"{django_settings.SESSION_COOKIE_NAME}={client.cookies[django_settings.SESSION_COOKIE_NAME].value}"
    )


def url_of(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def test_nginx_answers_public_pages_and_an_edit_shows_within_a_second(nginx):
    meeting = f.meeting(title_en="Open meeting")
    page = nginx + url_of("meetings:meeting", slug=meeting.slug)
    first, second = fetch(page), fetch_kept(page)
    assert first[0] == second[0] == 200
    assert first[1]["X-Micro-Cache"] == "MISS" and second[1]["X-Micro-Cache"] == "HIT"
    assert "X-Accel-Expires" not in second[1]  # nginx keeps its instruction to itself
    assert b"Open meeting" in second[2]

    meeting.title_en = "Renamed meeting"
    meeting.save()
    saved = time.monotonic()
    time.sleep(max(0.0, saved + 1.0 - time.monotonic()))
    status, headers, body = fetch(page)  # one second after the edit: never the page of before
    assert b"Renamed meeting" in body and b"Open meeting" not in body


def test_a_signed_in_reader_always_reaches_the_portal(nginx):
    f.meeting(title_en="Open meeting")
    f.meeting(visibility="partners", title_en="Partners meeting")
    home = nginx + "/en/"
    assert b"Partners meeting" not in fetch(home)[2]
    assert fetch_kept(home)[1]["X-Micro-Cache"] == "HIT"  # the anonymous page is kept ...
    # (a browser with other cookies, e.g. a CSRF cookie from the login form, is still anonymous)
    assert fetch_kept(home, cookie="csrftoken=abc; django_language=en")[1]["X-Micro-Cache"] == "HIT"
    partner = signed_in(f.user(role=roles.PARTNER))
    status, headers, body = fetch(home, cookie=f"csrftoken=x; {partner}")
    assert status == 200 and headers["X-Micro-Cache"] == "BYPASS"  # ... and never given to a partner
    assert b"Partners meeting" in body and "private" in headers["Cache-Control"]
    # nor is the partner's page kept for the next anonymous reader
    assert b"Partners meeting" not in fetch(home)[2]
    assert fetch(home, cookie="messages=abc")[1]["X-Micro-Cache"] == "BYPASS"


def test_refused_and_unpublished_answers_are_never_kept(nginx):
    draft = f.meeting(status="draft", title_en="Draft meeting")
    page = nginx + url_of("meetings:meeting", slug=draft.slug)
    assert [fetch(page)[1]["X-Micro-Cache"] for _ in range(2)] == ["MISS", "MISS"]
    assert fetch(page)[0] == 404
    publish_meeting(meeting=draft, by=f.user(role=roles.PUBLISHER), personal_data_confirmed=True)
    status, _headers, body = fetch(page)  # the 404 was not kept: shown at once
    assert status == 200 and b"Draft meeting" in body
    login = nginx + url_of("accounts:login")
    assert [fetch(login)[1]["X-Micro-Cache"] for _ in range(2)] == ["MISS", "MISS"]  # sets a CSRF cookie


def test_anonymous_downloads_are_kept_and_signed_in_ones_handed_to_nginx(nginx):
    public = f.meeting(title_en="Open meeting")
    restricted = f.meeting(visibility="partners", title_en="Partners meeting")
    document = f.document(meeting=public, content=b"%PDF-1.4\n%public document\n")
    pdf = nginx + url_of("reports:minutes", slug=public.slug, edition="en")
    first, second = fetch(pdf), fetch_kept(pdf)
    assert first[0] == 200 and first[2].startswith(b"%PDF") and second[2] == first[2]
    assert (first[1]["X-Micro-Cache"], second[1]["X-Micro-Cache"]) == ("MISS", "HIT")
    download = nginx + url_of("meetings:document_download", pk=document.pk)
    kept = fetch_kept(download)
    assert kept[1]["X-Micro-Cache"] == "HIT" and kept[2] == b"%PDF-1.4\n%public document\n"

    hidden = nginx + url_of("reports:minutes", slug=restricted.slug, edition="en")
    assert [fetch(hidden)[0] for _ in range(2)] == [404, 404]
    partner = signed_in(f.user(role=roles.PARTNER))
    status, headers, body = fetch(hidden, cookie=partner)
    assert status == 200 and body.startswith(b"%PDF") and "private" in headers["Cache-Control"]
    # sent by nginx from its internal location (X-Accel-Redirect), not through the micro-cache
    assert "X-Micro-Cache" not in headers and "X-Accel-Redirect" not in headers
    assert [fetch(hidden)[0] for _ in range(2)] == [404, 404]  # the partner's PDF was not kept


def test_files_in_s3_are_sent_by_nginx_through_a_presigned_url_after_the_check(s3, nginx):
    """With the files in a private bucket (moto's S3 server), a permitted download is answered by nginx,
    which fetches the object through the short-lived URL the portal named; the reader never sees it."""
    public = f.meeting(title_en="Open meeting")
    restricted = f.meeting(visibility="partners", title_en="Partners meeting")
    lao_name = "ບົດບັນທຶກກອງປະຊຸມ.pdf"
    document = f.document(meeting=restricted, name=lao_name, content=b"%PDF-1.4\n%partners only\n")
    download = nginx + url_of("meetings:document_download", pk=document.pk)
    assert fetch(download)[0] == 404  # anonymous: refused by the portal's check
    partner = signed_in(f.user(role=roles.PARTNER))
    status, headers, body = fetch(download, cookie=partner)
    assert status == 200 and body == b"%PDF-1.4\n%partners only\n"
    assert headers["Content-Type"] == "application/pdf" and "no-store" in headers["Cache-Control"]
    assert "attachment" in headers["Content-Disposition"]
    assert "X-Accel-S3-URL" not in headers and not any(h.lower().startswith("x-amz") for h in headers), (
        " ".join(headers)
    )
    assert "Access-Control-Allow-Origin" not in headers
    assert fetch(nginx + "/_protected/s3")[0] == 404  # internal: nothing from outside

    pdf = nginx + url_of("reports:minutes", slug=restricted.slug, edition="en")
    status, headers, body = fetch(pdf, cookie=partner)
    assert status == 200 and body.startswith(b"%PDF") and "private" in headers["Cache-Control"]
    assert fetch(nginx + url_of("reports:minutes", slug=public.slug, edition="en"))[0] == 200
    keys = {o["Key"].split("/")[0] for o in s3.client().list_objects_v2(Bucket=s3.bucket)["Contents"]}
    assert keys == {"media", "reports-cache"}


def test_nginx_answers_conditional_requests_from_what_it_keeps(nginx):
    f.meeting()
    home = nginx + "/lo/"
    _status, headers, _body = fetch(home)
    assert fetch(home, **{"If-None-Match": headers["ETag"]})[0] == 304
    assert fetch(home, **{"If-Modified-Since": headers["Last-Modified"]})[0] == 304


def test_nginx_and_the_portal_share_one_rule_for_anonymous():
    """The cookie names of nginx's bypass are the portal's (portal/http/pagecache.private_cookies)."""
    pattern = re.search(
        r'map \$http_cookie \$portal_private_cookie \{.*?"~(.*?)" 1;', TEMPLATE.read_text(), re.S
    )
    names = re.search(r"\(([a-z_|]+)\)=$", pattern.group(1)).group(1).split("|")
    assert sorted(names) == sorted(private_cookies())


def test_anonymous_searches_are_kept_under_their_whole_address(nginx):
    """The key of nginx's micro-cache holds the query string ($request_uri): one search is never answered
    with another's page, and a partner's search is neither answered from it nor kept in it."""
    f.meeting(title_en="Open meeting")
    f.meeting(visibility="partners", title_en="Partners meeting")
    search = nginx + url_of("meetings:search")
    kept = fetch_kept(search + "?q=open")
    assert kept[1]["X-Micro-Cache"] == "HIT" and b"<mark>Open</mark> meeting" in kept[2]
    other = fetch(search + "?q=meeting")
    assert other[1]["X-Micro-Cache"] == "MISS"
    partner = signed_in(f.user(role=roles.PARTNER))
    status, headers, body = fetch(search + "?q=meeting", cookie=partner)
    assert status == 200 and headers["X-Micro-Cache"] == "BYPASS" and b"Partners <mark>meeting" in body
    anonymous = fetch_kept(search + "?q=meeting")[2]
    assert b"Open <mark>meeting" in anonymous and b"Partners <mark>meeting" not in anonymous
