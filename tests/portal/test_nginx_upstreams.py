"""nginx in front of two app nodes (deploy/nginx/portal.conf.template, ``bin/serve --nginx-only`` with two
upstream addresses): a GET that meets a dead node is retried on the other; a 503 that a node answers on
purpose (the file store down: every node shares it) is passed on as it is, never retried into a second
failure; with no node answering, nginx's own 502 page speaks Lao and English. The nodes here are small
HTTP servers that count what reaches them."""

import shutil
import socket
import subprocess
import threading
import urllib.error
import urllib.request
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


class Node:
    """An app node that answers every request with ``status`` and counts the requests by method."""

    def __init__(self, status: int):
        self.hits: Counter = Counter()
        node = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                node.hits[self.command] += 1
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                body = f"node answered {status}".encode()
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.address = f"127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def dead_address() -> str:
    """A loopback port nobody listens on (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{sock.getsockname()[1]}"


@pytest.fixture
def nginx_in_front(tmp_path):
    """Starts nginx in front of the given upstream addresses; yields a function returning its base URL."""
    static = tmp_path / "static"
    (static / "errors").mkdir(parents=True)
    shutil.copy(ROOT / "static" / "errors" / "50x.html", static / "errors" / "50x.html")
    env = {
        "PATH": "/usr/sbin:/usr/bin:/bin", "STATIC_ROOT": str(static),
        "MEDIA_ROOT": str(tmp_path / "media"), "REPORTS_CACHE_ROOT": str(tmp_path / "reports"),
    }  # fmt: skip
    state = tmp_path / "nginx-state"

    def start(*addresses: str) -> str:
        port = int(dead_address().rsplit(":", 1)[1])
        serve = [str(ROOT / "bin" / "serve"), "--nginx-only", "--upstream", " ".join(addresses)]
        subprocess.run(
            [*serve, "--port", str(port), "--state", str(state), "--detach"], env=env, check=True, cwd=ROOT
        )
        return f"http://127.0.0.1:{port}"

    yield start
    subprocess.run([str(ROOT / "bin" / "serve"), "--stop", "--state", str(state)], env=env, cwd=ROOT)


def fetch(url: str, data: bytes | None = None) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, data=data, timeout=20) as response:  # noqa: S310 - loopback
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_a_get_meeting_a_dead_node_is_answered_by_the_other(nginx_in_front):
    alive = Node(200)
    try:
        base = nginx_in_front(dead_address(), alive.address)
        answers = [fetch(f"{base}/en/meetings/?n={i}") for i in range(8)]
    finally:
        alive.stop()
    assert [status for status, _ in answers] == [200] * 8
    assert alive.hits["GET"] == 8


def test_a_503_a_node_answers_on_purpose_is_not_retried_on_the_other(nginx_in_front):
    refusing, healthy = Node(503), Node(200)
    try:
        base = nginx_in_front(refusing.address, healthy.address)
        answers = [fetch(f"{base}/en/documents/1/download/?n={i}") for i in range(8)]
    finally:
        refusing.stop()
        healthy.stop()
    statuses = Counter(status for status, _ in answers)
    assert statuses[503] == refusing.hits["GET"] > 0, "each 503 is the refusing node's own, passed on"
    assert statuses[200] == healthy.hits["GET"] > 0
    assert refusing.hits["GET"] + healthy.hits["GET"] == 8, "no request reached a second node"
    assert all(body == b"node answered 503" for status, body in answers if status == 503), "the node's page"


def test_with_no_node_answering_nginx_says_so_in_lao_and_english(nginx_in_front):
    base = nginx_in_front(dead_address(), dead_address())
    for data in (None, b"a=1"):  # a page, and a form sent
        status, body = fetch(f"{base}/lo/meetings/", data=data)
        html = body.decode()
        assert status == 502
        assert "ຕອນນີ້ເວັບໄຊບໍ່ຕອບສະໜອງ" in html and "The portal is not answering just now" in html
        assert html.index('lang="lo"') < html.index('lang="en"'), "Lao first"
