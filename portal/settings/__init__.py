"""Settings of the records portal, one module per environment.

``base`` holds everything the environments share; ``development`` (the default), ``production`` and
``test`` add what differs. ``PORTAL_ENV`` picks the module (``portal.env.settings_module``); every
environment variable is read in :mod:`portal.env`. Importing a settings module does no work beyond
reading variables: Lao language information is registered by :class:`portal.apps.PortalConfig`.
"""
