"""The admin site: two-factor login (django-otp) when ``settings.ADMIN_REQUIRE_OTP`` is on.

With the setting on (the default in production), staff log in with username, password and a one-time
code from an authenticator app (a TOTP device that an administrator creates for them in the admin), and
a session that was not verified with a code has no access to the admin. With it off (development, demo),
the ordinary Django admin login is used. The setting is read on every request, so tests can switch it.
"""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite


class PortalAdminSite(OTPAdminSite):
    @property
    def login_form(self):
        return OTPAdminAuthenticationForm if settings.ADMIN_REQUIRE_OTP else AdminAuthenticationForm

    @property
    def login_template(self):
        return "otp/admin111/login.html" if settings.ADMIN_REQUIRE_OTP else None

    def has_permission(self, request):
        if settings.ADMIN_REQUIRE_OTP:
            return super().has_permission(request)
        return AdminSite.has_permission(self, request)

    def autocomplete_view(self, request):
        """Results whose text a ModelAdmin may choose (``autocomplete_label``; meetings/admin/entry.py)."""
        from meetings.admin.entry import PortalAutocompleteJsonView

        return PortalAutocompleteJsonView.as_view(admin_site=self)(request)

    def get_urls(self):
        """As Django's, but "view on site" answers 404 (not 500) for a record without a public page."""
        from django.contrib.contenttypes.views import shortcut
        from django.http import Http404
        from django.urls import path

        def view_on_site(request, content_type_id, object_id):
            try:
                return shortcut(request, content_type_id, object_id)
            except AttributeError as error:  # get_absolute_url() returned None: no public page yet
                raise Http404 from error

        return [
            path(
                "r/<path:content_type_id>/<path:object_id>/",
                self.admin_view(view_on_site),
                name="view_on_site",
            )
            if getattr(pattern, "name", None) == "view_on_site"
            else pattern
            for pattern in super().get_urls()
        ]
