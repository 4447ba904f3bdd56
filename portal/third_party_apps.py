"""App configurations for third-party apps whose names the admin shows untranslated.

django-axes and django-otp name their apps (and otp its device models) in plain English, without gettext;
the secretariat's admin must read in Lao. These subclasses only add translated names.
"""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig
from django_tasks_db.apps import TasksAppConfig


class LoginLockoutConfig(AxesAppConfig):
    verbose_name = _("Login lock-out")


class TwoFactorTOTPConfig(TOTPConfig):
    verbose_name = _("Two-factor authentication (authenticator app)")

    def ready(self):
        super().ready()
        model = self.get_model("TOTPDevice")
        model._meta.verbose_name = _("authenticator app")
        model._meta.verbose_name_plural = _("authenticator apps")


class TwoFactorStaticConfig(StaticConfig):
    verbose_name = _("Two-factor authentication (backup codes)")

    def ready(self):
        super().ready()
        model = self.get_model("StaticDevice")
        model._meta.verbose_name = _("set of backup codes")
        model._meta.verbose_name_plural = _("sets of backup codes")


class TaskQueueConfig(TasksAppConfig):
    """django-tasks-db: the rows of the task queue (notifications.tasks), shown to administrators."""

    verbose_name = _("Task queue")

    def ready(self):
        super().ready()
        model = self.get_model("DBTaskResult")
        model._meta.verbose_name = _("queued task")
        model._meta.verbose_name_plural = _("queued tasks")
