"""Settings of the records portal.

All environment reads go through :mod:`portal.env`. Importing this module does no work beyond reading
variables: Lao language information is registered by :class:`portal.apps.PortalConfig` at start-up.
"""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from portal.env import env_bool, env_list, env_required, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

PORTAL_ENV = env_str("PORTAL_ENV", "development")
PRODUCTION = PORTAL_ENV == "production"

if PRODUCTION:
    SECRET_KEY = env_required("SECRET_KEY")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or [env_required("ALLOWED_HOSTS")]
    DEBUG = False
else:
    SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
    DEBUG = env_bool("DEBUG", True)

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Absolute address of the public site, used in PDF footers and feeds.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "portal.apps.PortalConfig",
    "modeltranslation",  # must come before django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "django_otp",
    "portal.third_party_apps.TwoFactorTOTPConfig",
    "portal.third_party_apps.TwoFactorStaticConfig",
    "portal.third_party_apps.LoginLockoutConfig",
    "django.contrib.sitemaps",
    "meetings.apps.MeetingsConfig",
    "reports.apps.ReportsConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.language.PortalLocaleMiddleware",  # the admin: the officer's choice or Lao, not the browser's
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.language.InterfaceLanguageMiddleware",  # an officer's language, applied at login
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "portal.ratelimit.RateLimitMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite is only the zero-setup demo default; PostgreSQL (DATABASE_URL) is production and the tests.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'demo.sqlite3'}"),
        conn_max_age=60 if PRODUCTION else 0,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# dumpdata/loaddata keep timestamps to the microsecond, so an export of all records round-trips.
SERIALIZATION_MODULES = {"json": "portal.serializers_json"}

# --- Accounts: roles are groups (meetings/roles.py); lock-out after failed logins; two-factor for staff ---
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out logins
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # reads older hashes, upgraded on next login
]
AXES_FAILURE_LIMIT = int(env_str("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env_str("AXES_COOLOFF_HOURS", "1"))  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "portal/locked_out.html"
# Behind the reverse proxy the client address comes from X-Forwarded-For (one proxy).
AXES_IPWARE_PROXY_COUNT = int(env_str("AXES_PROXY_COUNT", "1" if PRODUCTION else "0"))
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
# Staff must enter a one-time code (TOTP app) to use the admin; on by default in production.
ADMIN_REQUIRE_OTP = env_bool("ADMIN_REQUIRE_OTP", PRODUCTION)
OTP_TOTP_ISSUER = "Lao CT records"
LOGIN_URL = "accounts:login"  # partners sign in on the public site; staff through /admin/
LOGIN_REDIRECT_URL = "meetings:home"
LOGOUT_REDIRECT_URL = "meetings:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages: Lao first, English beside it -------------------------------------------------------
LANGUAGE_CODE = "lo"
LANGUAGES = [("lo", "ລາວ"), ("en", "English")]
# The project's catalogue first (it wins), then Lao for Django's own admin/auth/forms strings, kept apart so
# that makemessages never drops them (see README, "Translations").
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "vendor"]
FORMAT_MODULE_PATH = ["portal.formats"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600  # the language an officer chose sticks (see portal/language.py)
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Vientiane"

MODELTRANSLATION_DEFAULT_LANGUAGE = "lo"
MODELTRANSLATION_LANGUAGES = ("lo", "en")
# A record without English text shows the Lao text (the page says so); Lao falls back to English.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("lo", "en"), "lo": ("en",), "en": ("lo",)}

# --- Static and uploaded files ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # The Lao web font, installed from npm by bin/setup and served by the portal itself.
    ("fonts/noto-sans-lao", BASE_DIR / "node_modules" / "@fontsource" / "noto-sans-lao" / "files"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "meetings.uploads.DocumentStorage"},  # file names keep Lao vowels and tones
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production, whitenoise serves straight from the app and project static folders.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000  # a meeting with 150 participants has many inline fields
# Uploaded documents are never served as files: only meetings.views.document_download sends them.
DOCUMENT_MAX_UPLOAD_MB = int(env_str("DOCUMENT_MAX_UPLOAD_MB", "20"))
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Rate limits (portal/ratelimit.py): requests per client per minute ------------------------------
RATE_LIMITS = {
    "search": env_str("RATE_LIMIT_SEARCH", "60/m"),
    "pdf": env_str("RATE_LIMIT_PDF", "12/m"),
}
# URLs counted in each scope: a regular expression over "<view name> <route>" (see RateLimitMiddleware).
RATE_LIMITED_URLS = {"pdf": r"pdf", "search": r"search"}
CACHES = {
    "default": (
        {
            # Shared by all gunicorn workers, so a limit is a limit for the whole site.
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env_str("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
        }
        if PRODUCTION
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# --- Content Security Policy (django-csp): only the portal's own files, no inline script ------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Security (production) -------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60  # one working day
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
