"""The IT officers' install guide, followed line by line on a clean Debian machine.

``deploy/install-check.sh`` makes a fresh Debian 12 with debootstrap, runs every ``sh`` block of
``docs/en/it/install.md`` (then the backup and restore drill of ``docs/en/it/backup-restore.md``) in it, and
asks ``/health/`` through the nginx the page configured. Its mail goes to this run's SMTP server: the
page's test mail must arrive. Needs root (debootstrap, chroot, namespaces) and Debian's registry; takes a
few minutes.
"""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_install_guide_brings_up_the_stack_on_a_fresh_debian(smtp_server):
    result = subprocess.run(  # noqa: S603 - our own script
        [str(ROOT / "deploy" / "install-check.sh"), "--smtp-port", str(smtp_server.port)],
        capture_output=True,
        text=True,
        timeout=40 * 60,
    )
    output = result.stdout + result.stderr
    tail = output[-6000:]
    assert result.returncode == 0, tail
    assert "INSTALL CHECK: all 15 blocks of docs/en/it/install.md ran" in output, tail
    assert "INSTALL CHECK: all 5 blocks of docs/en/it/backup-restore.md ran" in output, tail
    assert "INSTALL CHECK: /health/ answered 200" in output, tail
    assert "INSTALL CHECK: /help/ answered 200 with the Lao install page" in output, tail
    assert "tables match the backup row for row" in output, tail
    mails = smtp_server.messages(to="it@install-check.test")
    assert len(mails) == 1, [m["Subject"] for m in mails]
    assert "Test email from portal-install-check" in mails[0]["Subject"]


def test_the_install_guide_enables_every_timer_and_service_of_deploy():
    """A unit added to deploy/systemd must be started by the install guide too (and so by the check)."""
    page = (ROOT / "docs" / "en" / "it" / "install.md").read_text(encoding="utf-8")
    blocks = "\n".join(re.findall(r"^```sh\n(.*?)^```", page, flags=re.S | re.M))
    enabled = set(
        re.findall(
            r"[\w@.-]+\.timer|portal-worker|portal(?= |\n)",
            " ".join(
                line
                for line in blocks.replace("\\\n", " ").splitlines()
                if line.startswith("systemctl enable")
            ),
        )
    )
    timers = {p.name for p in (ROOT / "deploy" / "systemd").glob("*.timer")}
    assert timers <= enabled, f"not enabled by docs/en/it/install.md: {sorted(timers - enabled)}"
    assert {"portal", "portal-worker"} <= enabled
