"""The one place where the environment is read.

Every setting that may differ between a laptop, CI and production comes from an environment variable
read here, with a safe development default. In production (``PORTAL_ENV=production``) the values that
must not have a default are required, and a missing one stops the process with a clear message.
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
ENVIRONMENTS = ("development", "production", "test")


def settings_module() -> str:
    """The settings module of ``PORTAL_ENV`` (``development`` by default): ``portal.settings.<env>``.

    ``manage.py``, ``portal/wsgi.py`` and the benchmarks set ``DJANGO_SETTINGS_MODULE`` from it (unless it
    is set already); pytest uses ``portal.settings.test`` (pyproject.toml).
    """
    name = env_str("PORTAL_ENV", "development").strip() or "development"
    if name not in ENVIRONMENTS:
        raise ImproperlyConfigured(f"PORTAL_ENV must be one of {', '.join(ENVIRONMENTS)}, not {name!r}.")
    return f"portal.settings.{name}"


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in TRUE


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required when PORTAL_ENV=production. "
            "See docs/en/it/environment.md."
        )
    return value
