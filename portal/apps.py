from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal settings")

    def ready(self):
        from portal.language import connect_signals
        from portal.lao import register_lao_language

        register_lao_language()
        connect_signals()

        from portal import checks  # noqa: F401  (registers the system checks)
