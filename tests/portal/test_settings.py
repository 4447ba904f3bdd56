import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_check(**env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "PORTAL_ENV", "DJANGO_SETTINGS_MODULE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"ALLOWED_HOSTS": "records.example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": "x" * 60}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_required_settings(env, missing):
    result = run_check(PORTAL_ENV="production", **env)
    assert result.returncode != 0
    assert f"The environment variable {missing} is required" in result.stderr


def test_production_starts_with_required_settings():
    result = run_check(PORTAL_ENV="production", SECRET_KEY="y" * 60, ALLOWED_HOSTS="records.example.org")
    assert result.returncode == 0, result.stderr


def test_importing_settings_has_no_side_effects():
    from django.conf import locale

    code = (
        "import django.conf.locale as l; import portal.settings.base as s; "
        "print('lo' in l.LANG_INFO, s.LANGUAGE_CODE, s.LANGUAGES[0][0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["False", "lo", "lo"]
    assert "lo" in locale.LANG_INFO  # registered by PortalConfig.ready() in the running project
