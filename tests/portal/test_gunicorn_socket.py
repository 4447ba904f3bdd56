"""gunicorn's socket is not open to every local user (deploy/gunicorn.conf.py, umask 007): only the
portal user and its group (nginx's www-data joins it) may connect."""

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_gunicorn_socket_is_closed_to_other_users(tmp_path):
    sock = tmp_path / "gunicorn.sock"
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "GUNICORN_BIND": f"unix:{sock}", "GUNICORN_WORKERS": "1", "GUNICORN_PRELOAD_APP": "false",
    }  # fmt: skip
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "portal.wsgi"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not sock.exists():
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "gunicorn did not create its socket"
            time.sleep(0.1)
        mode = stat.S_IMODE(sock.stat().st_mode)
        assert stat.S_ISSOCK(sock.stat().st_mode)
        assert mode & stat.S_IRWXO == 0, f"others may connect: {oct(mode)}"
        assert mode & stat.S_IRWXG == stat.S_IRWXG, "nginx (in the portal group) may connect"
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stderr.close()


def test_the_runtime_directory_is_not_open_to_every_user():
    unit = (ROOT / "deploy" / "systemd" / "portal.service").read_text()
    assert "RuntimeDirectoryMode=0750" in unit and "UMask=0027" in unit
