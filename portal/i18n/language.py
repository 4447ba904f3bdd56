"""Each officer's interface language: chosen with the switcher in the admin header, and sticky.

How it sticks:

- The switcher posts to :func:`set_interface_language`, which does what Django's ``set_language`` does
  (the ``django_language`` cookie, made persistent by ``LANGUAGE_COOKIE_AGE``) and, for a signed-in
  user, stores the choice in :class:`portal.models.InterfacePreference`.
- At login (any device, any browser) :func:`remember_language_at_login` puts the stored choice in the
  session and :class:`InterfaceLanguageMiddleware` turns it into the language cookie on that response,
  so the officer's next page is in their language. Users who never chose keep the default (Lao), whatever
  their browser's language (:class:`PortalLocaleMiddleware`).

No query is added to ordinary page views: the preference is read once, at login.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.http import HttpResponseNotAllowed
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.views.decorators.csrf import csrf_protect
from django.views.i18n import set_language

from portal.models import InterfacePreference

SESSION_KEY = "portal_interface_language"
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


@csrf_protect
def set_interface_language(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    response = set_language(request)
    language = request.POST.get("language")
    if language in LANGUAGE_CODES and request.user.is_authenticated:
        InterfacePreference.objects.update_or_create(user=request.user, defaults={"language": language})
    return response


def remember_language_at_login(sender, request, user, **kwargs):
    language = (
        InterfacePreference.objects.filter(user=user).values_list("language", flat=True).first()
        if user is not None and user.pk
        else None
    )
    if language in LANGUAGE_CODES and request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = language


def connect_signals() -> None:
    user_logged_in.connect(remember_language_at_login, dispatch_uid="portal-interface-language")


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except in the admin: there the language is the officer's choice (the
    language cookie) or Lao, never the browser's ``Accept-Language``. Public pages take their language
    from the URL (/lo/, /en/) as before."""

    def process_request(self, request):
        super().process_request(request)
        if request.path_info.startswith(ADMIN_PREFIXES):
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            language = chosen if chosen in LANGUAGE_CODES else settings.LANGUAGE_CODE
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()


ADMIN_PREFIXES = ("/admin/", "/i18n/")


class InterfaceLanguageMiddleware:
    """Sets the language cookie from the preference remembered at login (once per login)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # Only look when the session was already loaded by this request (no extra query otherwise).
        if session is not None and session.accessed and SESSION_KEY in session:
            language = session.pop(SESSION_KEY)
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
