"""Development (the default, ``PORTAL_ENV=development``): debug pages, memory cache, files served by the
portal itself. Everything is in :mod:`portal.settings.base`."""

from portal.settings.base import *  # noqa: F403
