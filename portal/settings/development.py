"""Development (the default, ``PORTAL_ENV=development``): debug pages, memory cache, files served by the
portal itself. Everything is in :mod:`portal.settings.base`."""

from portal.settings.base import *  # noqa: F403

# The demo serves the built guide (bin/run-demo builds it) under /help/; production nginx does that itself.
HELP_SITE_DIR = BASE_DIR / "var" / "help-site"  # noqa: F405
