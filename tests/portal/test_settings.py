import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAIL = {"EMAIL_HOST": "mail.example.org", "DEFAULT_FROM_EMAIL": "records@example.org"}
REQUIRED = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "records.example.org", **MAIL}


def run_check(**env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "PORTAL_ENV", "DJANGO_SETTINGS_MODULE", *MAIL}
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_production_refuses_to_start_without_required_settings(missing):
    env = {k: v for k, v in REQUIRED.items() if k != missing}
    result = run_check(PORTAL_ENV="production", **env)
    assert result.returncode != 0
    assert f"The environment variable {missing} is required" in result.stderr


def test_production_starts_with_required_settings():
    result = run_check(PORTAL_ENV="production", **REQUIRED)
    assert result.returncode == 0, result.stderr


def mail_settings(**env) -> list[str]:
    code = "from django.conf import settings as s; print(s.EMAIL_BACKEND, s.EMAIL_HOST or '-', s.EMAIL_PORT)"
    clean = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "PORTAL_ENV", *MAIL}}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=ROOT, env=clean | env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return result.stdout.split()


@pytest.mark.parametrize("environment", ["development", "test", "production"])
def test_with_email_host_every_settings_module_sends_through_smtp(environment):
    env = {"PORTAL_ENV": environment, "EMAIL_HOST": "mail.example.org", "EMAIL_PORT": "587"}
    if environment == "production":
        env |= REQUIRED
    assert mail_settings(**env) == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.org",
        "587",
    ]


def test_without_email_host_development_prints_mail_on_the_console():
    assert mail_settings(PORTAL_ENV="development")[:2] == [
        "django.core.mail.backends.console.EmailBackend",
        "-",
    ]


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


@pytest.mark.parametrize(
    ("env", "module"),
    [({}, "portal.settings.development"), ({"PORTAL_ENV": "test"}, "portal.settings.test")],
)
def test_portal_env_picks_the_settings_module(env, module):
    code = "from django.conf import settings; settings.DEBUG; import os; print(os.environ['DJANGO_SETTINGS_MODULE'])"
    result = run_check(**env)
    assert result.returncode == 0, result.stderr
    shell = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "PORTAL_ENV"}} | env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shell.stdout.strip() == module, shell.stderr


def test_an_unknown_environment_is_refused():
    result = run_check(PORTAL_ENV="staging")
    assert result.returncode != 0 and "PORTAL_ENV must be one of" in result.stderr


def test_production_uses_redis_and_hands_files_to_nginx_when_configured():
    code = (
        "from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND'], s.SENDFILE_X_ACCEL, s.AXES_IPWARE_PROXY_COUNT, s.PAGE_CACHE_SECONDS)"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=ROOT,
        env=clean
        | {
            "PORTAL_ENV": "production",
            "SECRET_KEY": "z" * 60,
            "ALLOWED_HOSTS": "records.example.org",
            **MAIL,
            "REDIS_URL": "redis://127.0.0.1:6379/1",
            "SENDFILE_X_ACCEL": "true",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split() == ["portal.ops.resilient_cache.ResilientRedisCache", "True", "1", "600"], (
        result.stderr
    )
