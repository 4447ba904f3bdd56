from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meeting records")

    def ready(self):
        # After django-modeltranslation (earlier in INSTALLED_APPS) has added the _lo/_en fields.
        from meetings.history import register_history

        register_history()
