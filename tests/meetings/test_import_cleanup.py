"""Abandoned uploads are cleaned: an export uploaded for the preview and never imported is removed after N
hours by ``manage.py cleanup_imports`` (hourly systemd timer), on a disk and in S3, through Django's storage
API; a recent one (an officer still looking at the preview) is kept."""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from meetings.importing import uploads
from tests import factories
from tests.meetings.test_import_preview_shared import IMPORT_URL, upload

ROOT = Path(__file__).resolve().parents[2]


def park(name: str, hours_ago: float = 0) -> str:
    path = default_storage.save(f"wordpress-imports/{name}.upload", ContentFile(b"<rss/>"))
    if hours_ago:
        when = (timezone.now() - datetime.timedelta(hours=hours_ago)).timestamp()
        os.utime(default_storage.path(path), (when, when))
    return path


@pytest.mark.django_db
def test_the_command_removes_uploads_older_than_the_hours_and_keeps_recent_ones(capsys):
    old, older, recent = (
        park("a" * 32, hours_ago=30),
        park("b" * 32, hours_ago=200),
        park("c" * 32, hours_ago=2),
    )
    call_command("cleanup_imports", "--hours", "24")
    out = capsys.readouterr().out
    assert (
        "2 abandoned uploads removed from wordpress-imports/, 1 recent kept, 0 could not be removed." in out
    )
    assert not default_storage.exists(old) and not default_storage.exists(older)
    assert default_storage.exists(recent)
    call_command("cleanup_imports")  # nothing left to do: no error
    assert "0 abandoned uploads removed" in capsys.readouterr().out


@pytest.mark.django_db
def test_nothing_uploaded_yet_is_not_an_error(capsys):
    call_command("cleanup_imports")
    assert "0 abandoned uploads removed from wordpress-imports/, 0 recent kept" in capsys.readouterr().out
    with pytest.raises(CommandError, match="at least 1"):
        call_command("cleanup_imports", "--hours", "0")


@pytest.mark.django_db
def test_an_officers_abandoned_preview_is_removed_and_then_says_expired(demo):
    client = Client()
    client.force_login(factories.user(role="Secretariat editor"))
    answer = upload(client)
    token = re.search(r"preview=([0-9a-f]{32})", answer["Location"]).group(1)
    stash = f"wordpress-imports/{token}.upload"
    assert uploads.remove_abandoned(older_than_hours=24).removed == []  # still being looked at
    later = timezone.now() + datetime.timedelta(hours=25)
    assert uploads.remove_abandoned(older_than_hours=24, now=later).removed == [stash]
    assert not default_storage.exists(stash)
    page = client.get(answer["Location"], follow=True)  # the officer's admin language: Lao
    assert "ການສະແດງຕົວຢ່າງນີ້ໝົດອາຍຸແລ້ວ. ກະລຸນາອັບໂຫຼດໄຟລ໌ອີກຄັ້ງ." in page.content.decode()
    assert page.request["PATH_INFO"] == IMPORT_URL


@pytest.mark.django_db
def test_in_s3_through_the_storage_api(s3):
    default_storage.save("wordpress-imports/" + "d" * 32 + ".upload", ContentFile(b"<rss/>"))
    default_storage.save("documents/keep.pdf", ContentFile(b"%PDF-1.4"))  # not an upload: never touched
    assert uploads.remove_abandoned(older_than_hours=24).kept == 1
    later = timezone.now() + datetime.timedelta(hours=25)
    result = uploads.remove_abandoned(older_than_hours=24, now=later)
    assert result.removed == ["wordpress-imports/" + "d" * 32 + ".upload"] and result.failed == []
    assert default_storage.listdir("wordpress-imports")[1] == []
    assert default_storage.exists("documents/keep.pdf")


@pytest.mark.django_db
def test_a_file_that_cannot_be_removed_is_reported_and_the_others_still_go(monkeypatch, capsys):
    stuck, other = park("e" * 32, hours_ago=30), park("f" * 32, hours_ago=30)
    real_delete = default_storage.delete

    def delete(name):
        if name == stuck:
            raise PermissionError(13, "Permission denied")
        real_delete(name)

    monkeypatch.setattr(default_storage, "delete", delete)
    with pytest.raises(CommandError, match=re.escape(stuck)):
        call_command("cleanup_imports")
    assert "1 abandoned uploads removed" in capsys.readouterr().out
    assert not default_storage.exists(other) and default_storage.exists(stuck)


def test_the_hourly_timer_runs_the_command():
    service = (ROOT / "deploy" / "systemd" / "portal-import-cleanup.service").read_text()
    timer = (ROOT / "deploy" / "systemd" / "portal-import-cleanup.timer").read_text()
    assert "ExecStart=/srv/portal/.venv/bin/python manage.py cleanup_imports --hours 24" in service
    assert "Type=oneshot" in service and "User=portal" in service
    assert "OnCalendar=hourly" in timer and "Persistent=true" in timer and "WantedBy=timers.target" in timer
