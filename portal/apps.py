from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal settings")

    def ready(self):
        from portal.http.pagecache import connect_signals as connect_page_cache
        from portal.i18n.language import connect_signals
        from portal.i18n.lao import register_lao_language
        from portal.i18n.translated_querysets import share_queryset_classes

        register_lao_language()
        share_queryset_classes()
        connect_signals()
        connect_page_cache()

        from portal import checks  # noqa: F401  (registers the system checks)
