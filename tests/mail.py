"""A real SMTP server for the tests (aiosmtpd on a free loopback port) and the task worker as a process.

Every test sends through SMTP to this server (``tests/conftest.py`` points Django's SMTP settings at it),
never to Django's in-memory outbox. ``smtp.messages(to=...)`` gives what arrived, parsed as mail programs
read it; ``smtp.stop()`` / ``smtp.start()`` take the server down and up again on the same port.
``run_worker()`` runs ``manage.py db_worker --batch`` as its own process against the test database, as the
worker runs in production (systemd) — not an in-process shortcut.
"""

from __future__ import annotations

import email
import os
import socket
import subprocess
import sys
import threading
from email import policy
from pathlib import Path

from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Handler:
    def __init__(self, box):
        self.box = box

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        if self.box.refuse:
            return "451 4.3.0 Try again later"
        message = email.message_from_bytes(
            envelope.original_content or envelope.content, policy=policy.default
        )
        with self.box.lock:
            self.box.received.append((list(envelope.rcpt_tos), message))
        return "250 OK"


class SMTPServer:
    def __init__(self):
        self.port = free_port()
        self.received: list[tuple[list[str], email.message.EmailMessage]] = []
        self.lock = threading.Lock()
        self.refuse = False
        self._controller = None

    def start(self) -> None:
        self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def clear(self) -> None:
        with self.lock:
            self.received.clear()
        self.refuse = False

    def messages(self, to: str | None = None) -> list:
        with self.lock:
            return [m for rcpt, m in self.received if to is None or to in rcpt]


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def database_url() -> str:
    from django.db import connection

    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def _process_env(smtp: SMTPServer | None, extra_env: dict | None) -> dict:
    """The environment of a portal process on the test database, sending to the test SMTP server."""
    from django.conf import settings

    return {
        **os.environ,
        "PORTAL_ENV": "test",
        "DATABASE_URL": database_url(),
        "SITE_URL": settings.SITE_URL,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port if smtp else free_port()),
        "MAIL_RETRY_BASE_SECONDS": str(settings.MAIL_RETRY_BASE_SECONDS),
        "MAIL_RETRY_MAX_MINUTES": str(settings.MAIL_RETRY_MAX_MINUTES),
        "MAIL_MAX_ATTEMPTS": str(settings.MAIL_MAX_ATTEMPTS),
        "PYTHONWARNINGS": "ignore",
        **(extra_env or {}),
    }


def run_worker(smtp: SMTPServer | None, *, timeout: float = 120, extra_env: dict | None = None):
    """Run the task worker until the queue is empty, as its own process on the test database."""
    return subprocess.run(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--batch",
            "--queue-name",
            "*",
            "--no-startup-delay",
            "--no-reload",
            "--interval",
            "0.2",
        ],
        cwd=ROOT,
        env=_process_env(smtp, extra_env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


def run_manage(*args: str, smtp: SMTPServer | None = None, timeout: float = 120):
    """Run ``manage.py <args>`` as its own process on the test database (as a systemd timer runs it)."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=_process_env(smtp, None),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
