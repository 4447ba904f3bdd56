"""Production nginx serves the built guide under /help/ itself (deploy/nginx/portal.conf.template, rendered
and started by ``bin/serve --nginx-only``), with the guide's security policy; the portal is not asked."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from portal.http.help import HELP_CONTENT_SECURITY_POLICY
from tests.portal.test_nginx_cache import fetch, free_port

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def nginx_guide(guide_site, tmp_path):
    port, state = free_port(), tmp_path / "nginx-state"
    folders = {name: tmp_path / name.lower() for name in ("STATIC_ROOT", "MEDIA_ROOT", "REPORTS_CACHE_ROOT")}
    for folder in folders.values():
        folder.mkdir()
    (folders["STATIC_ROOT"] / "errors").mkdir()
    (folders["STATIC_ROOT"] / "errors" / "50x.html").write_text("no portal node answers", encoding="utf-8")
    env = {"PATH": "/usr/sbin:/usr/bin:/bin", "HELP_SITE_DIR": str(guide_site)}
    env.update({name: str(folder) for name, folder in folders.items()})
    # The upstream is a port nobody listens on: every answer below comes from nginx alone.
    serve = [str(ROOT / "bin" / "serve"), "--nginx-only", "--upstream", f"127.0.0.1:{free_port()}"]
    subprocess.run(
        [*serve, "--port", str(port), "--state", str(state), "--detach"], env=env, check=True, cwd=ROOT
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        subprocess.run([str(ROOT / "bin" / "serve"), "--stop", "--state", str(state)], env=env, cwd=ROOT)


def test_nginx_serves_the_guide_in_both_languages_with_its_policy(nginx_guide):
    status, headers, body = fetch(nginx_guide + "/help/lo/")
    assert status == 200 and '<html lang="lo"' in body.decode()
    assert headers["Content-Security-Policy"] == HELP_CONTENT_SECURITY_POLICY
    assert headers["Content-Type"].startswith("text/html") and headers["X-Content-Type-Options"] == "nosniff"
    status, headers, body = fetch(nginx_guide + "/help/")
    assert status == 200 and '<html lang="en"' in body.decode()
    assert fetch(nginx_guide + "/help/assets/vendor/mermaid.min.js")[0] == 200
    assert fetch(nginx_guide + "/help/search/search_index.json")[0] == 200
    assert fetch(nginx_guide + "/help/no-such-page/")[0] == 404
    assert fetch(nginx_guide + "/help/../../etc/passwd")[0] in (400, 404)
    status, _, body = fetch(nginx_guide + "/en/")  # everything else still goes to the (absent) portal
    assert status == 502 and body == b"no portal node answers"
