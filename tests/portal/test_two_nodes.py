"""Two app nodes behind nginx (``bin/serve --nodes 2``), sharing PostgreSQL, Redis and an S3 bucket (moto's
server mode, tests/s3.py). Requests alternate between the nodes, each asked directly on its own port, and
nginx: what one node did, the other sees. The stack runs the production settings in its own processes, on
a throwaway database this test creates (and drops) on the PostgreSQL of DATABASE_URL, so its data is
committed, as on a server.

Also: an officer uploads a document through the admin on A and downloads it on B; an import uploaded on A
is previewed and imported on B; failed sign-ins and rate limits are counted once for both nodes.

Set TWO_NODES_PORT to choose the five ports (PORT: nginx, +1 node 1, +2 Redis, +3 SMTP, +4 node 2)."""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django_otp.oath import totp

from benchmarks.node_faults import stop_two_nodes, two_node_stack
from benchmarks.search_bench import recreate_database
from tests.admin_forms import form_values
from tests.meetings.test_wordpress_import import NPSC_GUID, WXR

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "two-nodes-Passw0rd!"  # noqa: S105 - a throwaway account of a throwaway database
CONTENT = b"%PDF-1.4\n%two nodes\n"

SETUP = f"""
import json
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import translation
from meetings.rules import roles
from tests import factories as f

public = f.meeting(title_en="Two-node public meeting", visibility="public")
partners = f.meeting(title_en="Two-node partners meeting", visibility="partners")
review = f.meeting(title_en="Two-node meeting in review", status="review")
document = f.document(meeting=public, name="ບົດບັນທຶກ.pdf", content={CONTENT!r})
partner = User.objects.create_user("partner2n", "partner2n@example.org", {PASSWORD!r})
partner.groups.add(Group.objects.get(name=roles.PARTNER))
officer = User.objects.create_superuser("officer2n", "officer2n@example.org", {PASSWORD!r})
device = officer.totpdevice_set.create(name="phone", confirmed=True)  # the admin asks for a code
with translation.override("en"):
    print(json.dumps({{
        "partners_meeting": reverse("meetings:meeting", kwargs={{"slug": partners.slug}}),
        "review_meeting": reverse("meetings:meeting", kwargs={{"slug": review.slug}}),
        "review_pk": review.pk,
        "public_pk": public.pk,
        "public_meeting": reverse("meetings:meeting", kwargs={{"slug": public.slug}}),
        "otp_key": device.key,
        "otp_device": device.persistent_id,
        "document": reverse("meetings:document_download", kwargs={{"pk": document.pk}}),
        "document_key": "media/" + document.file.name,
        "pdf": reverse("reports:minutes", kwargs={{"slug": public.slug, "edition": "en"}}),
    }}))
"""


def _free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _base_port() -> int:
    if os.environ.get("TWO_NODES_PORT"):
        return int(os.environ["TWO_NODES_PORT"])
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            base = s.getsockname()[1]
        if base < 65000 and all(_free(base + i) for i in range(5)):
            return base
    raise RuntimeError("no five free ports in a row")


@pytest.fixture(scope="module")
def stack(s3_server, tmp_path_factory):
    if s3_server.process is None:
        s3_server.start()
    bucket = f"two-nodes-{uuid.uuid4().hex[:8]}"
    s3_server.client().create_bucket(Bucket=bucket)
    url = recreate_database(os.environ["DATABASE_URL"], name="two_nodes_" + uuid.uuid4().hex[:8])
    state = tmp_path_factory.mktemp("two-nodes")
    port = _base_port()
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "PORTAL_ENV"} and not k.startswith("S3_")},
        **s3_server.environment(bucket), "DATABASE_URL": url, "LOG_LEVEL": "INFO",
        "REPORTS_RENDER_WAIT_SECONDS": "240", "GUNICORN_WORKERS": "2", "RATE_LIMIT_SEARCH": "6/m",
    }  # fmt: skip
    try:
        out = two_node_stack(env, port=port, state=state, setup=SETUP)
        data = json.loads(out.strip().splitlines()[-1])
        yield {
            **data, "nginx": f"http://127.0.0.1:{port}", "a": f"http://127.0.0.1:{port + 1}",
            "b": f"http://127.0.0.1:{port + 4}", "state": state, "bucket": bucket, "s3": s3_server,
        }  # fmt: skip
    finally:
        stop_two_nodes(env, state=state)
        recreate_database(os.environ["DATABASE_URL"], drop_only=True, name=url.rsplit("/", 1)[1])


class Browser:
    """Keeps the cookies of every node (one host, 127.0.0.1) as a browser would. The production settings
    mark the session and CSRF cookies Secure (TLS ends in nginx on a server); this loopback stack speaks
    plain HTTP, so the cookies are kept here by hand instead of by a cookie jar that drops Secure ones."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def _keep(self, response):
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, url, **kw):
        return self._keep(requests.get(url, cookies=self.cookies, allow_redirects=False, **kw))

    def post(self, url, **kw):
        return self._keep(requests.post(url, cookies=self.cookies, allow_redirects=False, **kw))


def sign_in(session: Browser, base: str, path: str, username: str, **fields) -> requests.Response:
    form = session.get(base + path, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    return session.post(
        base + path,
        data={"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD, **fields},
        headers={"Referer": base + path}, timeout=30,
    )  # fmt: skip


@pytest.fixture(scope="module")
def officer(stack) -> Browser:
    """The officer signed in to the admin of node A (password and a code of their authenticator), once: a
    code is good for one sign-in only."""
    officer = Browser()
    code = f"{totp(bytes.fromhex(stack['otp_key'])):06d}"
    signed_in = sign_in(
        officer, stack["a"], "/admin/login/", "officer2n", otp_token=code, otp_device=stack["otp_device"]
    )
    assert signed_in.status_code == 302, re.findall(
        r"errornote.*?</p>|errorlist.*?</ul>", signed_in.text, re.S
    )
    return officer


def csrf_of(page: requests.Response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def bucket_keys(stack, prefix: str) -> list[str]:
    answer = stack["s3"].client().list_objects_v2(Bucket=stack["bucket"], Prefix=prefix)
    return [o["Key"] for o in answer.get("Contents", [])]


def test_the_nodes_are_two_processes_behind_one_nginx(stack):
    pids = {(stack["state"] / f"node{i}" / "gunicorn.pid").read_text().strip() for i in (1, 2)}
    assert len(pids) == 2
    for base in (stack["a"], stack["b"], stack["nginx"]):
        assert requests.get(base + "/health/", timeout=30).json()["status"] == "ok"


def test_a_partner_signed_in_on_a_stays_signed_in_on_b(stack):
    anonymous = requests.get(stack["b"] + stack["partners_meeting"], timeout=30)
    assert anonymous.status_code == 404, "a partners-only meeting is hidden from an anonymous reader"
    browser = Browser()
    assert sign_in(browser, stack["a"], "/en/accounts/login/", "partner2n").status_code == 302
    for base in (stack["b"], stack["a"], stack["nginx"], stack["b"]):
        page = browser.get(base + stack["partners_meeting"], timeout=30)
        assert page.status_code == 200 and "Two-node partners meeting" in page.text, base


def test_a_document_in_the_bucket_downloads_on_both_nodes(stack):
    assert bucket_keys(stack, "media/") == [stack["document_key"]]
    for base in (stack["a"], stack["b"]):  # directly, anonymous: the node streams it (nginx may keep it)
        answer = requests.get(base + stack["document"], timeout=30)
        assert answer.status_code == 200 and answer.content == CONTENT
    partner = Browser()  # signed in on A, downloading on B: a presigned URL for nginx (never kept)
    assert sign_in(partner, stack["a"], "/en/accounts/login/", "partner2n").status_code == 302
    answer = partner.get(stack["b"] + stack["document"], timeout=30)
    assert answer.status_code == 200 and answer.headers["X-Accel-Redirect"] == "/_protected/s3"
    assert requests.get(answer.headers["X-Accel-S3-URL"], timeout=30).content == CONTENT
    for _ in range(2):  # through nginx (alternating between the nodes): the bytes
        answer = requests.get(stack["nginx"] + stack["document"], timeout=30)
        assert answer.status_code == 200 and answer.content == CONTENT
    for i in (1, 2):
        assert not any((stack["state"] / f"node{i}" / "media").iterdir()), "nothing on a node's own disk"


def test_published_on_a_is_shown_by_b_at_once(stack, officer):
    before = requests.get(stack["b"] + "/en/meetings/", timeout=30)
    assert before.status_code == 200 and "Two-node meeting in review" not in before.text
    changelist = stack["a"] + "/admin/meetings/meeting/"
    page = officer.get(changelist, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    done = officer.post(
        changelist,
        data={"csrfmiddlewaretoken": token, "action": "publish_selected", "_selected_action": stack["review_pk"]},
        headers={"Referer": changelist}, timeout=60,
    )  # fmt: skip
    assert done.status_code == 302
    after = requests.get(stack["b"] + "/en/meetings/", timeout=30)
    assert "Two-node meeting in review" in after.text, "node B's cached list moved with A's publication"
    assert requests.get(stack["b"] + stack["review_meeting"], timeout=30).status_code == 200


def test_a_pdf_asked_of_both_nodes_at_once_is_rendered_once(stack):
    answers = {}

    def ask(base):
        answers[base] = requests.get(base + stack["pdf"], timeout=300)

    threads = [threading.Thread(target=ask, args=(base,)) for base in (stack["a"], stack["b"])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for answer in answers.values():
        assert answer.status_code == 200 and answer.content.startswith(b"%PDF")
    assert answers[stack["a"]].content == answers[stack["b"]].content
    logs = "".join((stack["state"] / f"node{i}" / "gunicorn.log").read_text() for i in (1, 2))
    assert logs.count("minutes PDF rendered: ") == 1, logs[-3000:]
    assert len(bucket_keys(stack, "reports-cache/")) == 1
    through_nginx = requests.get(stack["nginx"] + stack["pdf"], timeout=120)
    assert through_nginx.status_code == 200 and through_nginx.content.startswith(b"%PDF")
    logs = "".join((stack["state"] / f"node{i}" / "gunicorn.log").read_text() for i in (1, 2))
    assert logs.count("minutes PDF rendered: ") == 1, "the third reader got the stored PDF"


LAO_UPLOAD = "ບົດບັນທຶກກອງປະຊຸມສອງເຄື່ອງ.pdf"
UPLOADED = b"%PDF-1.4\n%uploaded through the admin on node A\n"


def test_an_officer_uploads_on_a_and_the_document_downloads_on_b(stack, officer):
    change = f"{stack['a']}/admin/meetings/meeting/{stack['public_pk']}/change/"
    page = officer.get(change, timeout=30)
    assert page.status_code == 200
    form = form_values(page.text, "meeting_form")
    total = int(form["documents-TOTAL_FORMS"])
    form.update({
        "documents-TOTAL_FORMS": str(total + 1), f"documents-{total}-kind": "minutes",
        f"documents-{total}-title_lo": "ບົດບັນທຶກທີ່ອັບໂຫຼດຢູ່ເຄື່ອງ A", f"documents-{total}-language": "lo",
        f"documents-{total}-visibility": "public", "_continue": "1",
    })  # fmt: skip
    saved = officer.post(
        change, data=form, files={f"documents-{total}-file": (LAO_UPLOAD, UPLOADED, "application/pdf")},
        headers={"Referer": change}, timeout=60,
    )  # fmt: skip
    assert saved.status_code == 302, re.findall(r"errorlist.*?</ul>|errornote.*?</p>", saved.text, re.S)
    assert not any((stack["state"] / "node1" / "media").rglob("*.pdf")), "into the bucket, not A's disk"

    meeting_on_b = requests.get(stack["b"] + stack["public_meeting"], timeout=30).text  # anonymous, on B
    links = re.findall(r'href="(/en/documents/(\d+)/download/)"', meeting_on_b)
    newest = max(links, key=lambda link: int(link[1]))[0]
    on_b = officer.get(stack["b"] + newest, timeout=30)  # signed in: handed to nginx with a presigned URL
    assert on_b.status_code == 200 and on_b.headers["X-Accel-Redirect"] == "/_protected/s3"
    lao = f"filename*=utf-8''{quote(LAO_UPLOAD)}"
    assert lao in on_b.headers["Content-Disposition"]
    from_bucket = requests.get(on_b.headers["X-Accel-S3-URL"], timeout=30)
    assert from_bucket.content == UPLOADED and lao in from_bucket.headers["Content-Disposition"]
    for _ in range(2):  # through nginx, signed in and anonymous: the bytes, whichever node answers
        for who in (officer, Browser()):
            answer = who.get(stack["nginx"] + newest, timeout=30)
            assert answer.status_code == 200 and answer.content == UPLOADED
            assert lao in answer.headers["Content-Disposition"]


def test_an_import_uploaded_on_a_is_previewed_and_imported_on_b(stack, officer):
    url, listing = "/admin/meetings/importedpost/import/", "/admin/meetings/importedpost/"
    assert "(NPSC)" not in officer.get(stack["a"] + listing, timeout=30).text
    form = officer.get(stack["a"] + url, timeout=30)
    uploaded = officer.post(
        stack["a"] + url, data={"csrfmiddlewaretoken": csrf_of(form)},
        files={"file": ("export.xml", WXR.read_bytes(), "text/xml")},
        headers={"Referer": stack["a"] + url}, timeout=120,
    )  # fmt: skip
    assert uploaded.status_code == 302 and "?preview=" in uploaded.headers["Location"]
    assert bucket_keys(stack, "media/wordpress-imports/"), "parked in the shared bucket"
    preview = officer.get(stack["b"] + uploaded.headers["Location"], timeout=120)  # on node B
    assert preview.status_code == 200 and preview.text.count('name="guid"') == 7
    token = re.search(r'name="token" value="([0-9a-f]{32})"', preview.text).group(1)
    done = officer.post(
        stack["b"] + url,
        data={"csrfmiddlewaretoken": csrf_of(preview), "step": "import", "token": token, "guid": [NPSC_GUID]},
        headers={"Referer": stack["b"] + url}, timeout=120,
    )  # fmt: skip
    assert done.status_code == 200 and "import-summary" in done.text
    assert "(NPSC)" in officer.get(stack["a"] + listing, timeout=30).text, "A lists the post B imported"
    assert not bucket_keys(stack, "media/wordpress-imports/"), "the parked export is gone once imported"


def test_failed_sign_ins_on_both_nodes_add_up_to_one_lock_out(stack):
    client = {"X-Forwarded-For": "203.0.113.25"}  # one client behind nginx (AXES_PROXY_COUNT=1)
    statuses = []
    for i in range(5):  # AXES_FAILURE_LIMIT: 5 wrong passwords, alternating between the nodes
        base = (stack["a"], stack["b"])[i % 2]
        browser = Browser()
        page = browser.get(base + "/en/accounts/login/", headers=client, timeout=30)
        wrong = browser.post(
            base + "/en/accounts/login/", headers={**client, "Referer": base + "/en/accounts/login/"},
            data={"csrfmiddlewaretoken": csrf_of(page), "username": "partner2n", "password": "wrong"},
            timeout=30,
        )  # fmt: skip
        statuses.append(wrong.status_code)
    # A, B, A, B: the form again; the fifth (on A, its third) reaches the limit counted over both nodes
    assert statuses[:4] == [200] * 4 and statuses[4] == 429, statuses
    for base in (stack["a"], stack["b"]):  # now locked on both, even with the right password
        browser = Browser()
        page = browser.get(base + "/en/accounts/login/", headers=client, timeout=30)
        answer = browser.post(
            base + "/en/accounts/login/", headers={**client, "Referer": base + "/en/accounts/login/"},
            data={"csrfmiddlewaretoken": csrf_of(page), "username": "partner2n", "password": PASSWORD},
            timeout=30,
        )  # fmt: skip
        assert answer.status_code == 429 and "Account locked" in answer.text, (base, answer.status_code)
        assert "sessionid" not in answer.cookies


def test_a_rate_limit_counts_the_requests_of_both_nodes(stack):
    if time.time() % 60 > 45:  # the limit counts per minute: start the six requests in a fresh minute
        time.sleep(61 - time.time() % 60)
    client = {"X-Forwarded-For": "203.0.113.26"}
    statuses = [
        requests.get(
            f"{(stack['a'], stack['b'])[i % 2]}/en/search/?q=meeting{i}", headers=client, timeout=60
        ).status_code
        for i in range(8)
    ]  # RATE_LIMIT_SEARCH=6/m: each node alone saw 4, under the limit; together they are over it
    assert statuses[:6] == [200] * 6 and statuses[6:] == [429, 429], statuses
