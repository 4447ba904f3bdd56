from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal.language import connect_signals
        from portal.lao import register_lao_language

        register_lao_language()
        connect_signals()
