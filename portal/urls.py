from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite

if settings.ADMIN_REQUIRE_OTP:
    # Staff log in with password and a one-time code from their authenticator app (django-otp).
    admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

# Public pages exist in every language: /lo/... (default) and /en/...
# Uploaded documents are never served as media files: meetings:document_download applies visibility.
urlpatterns += i18n_patterns(
    path("", include("meetings.urls")),
    prefix_default_language=True,
)
