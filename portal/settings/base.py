"""Settings shared by every environment (development, production, test); see ``portal/settings/__init__``.

All environment reads go through :mod:`portal.env`. The values here are the safe development defaults;
``production.py`` tightens them.
"""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from portal.env import env_bool, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

PORTAL_ENV = "development"
PRODUCTION = False

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
    "django_tasks",
    "portal.third_party_apps.TaskQueueConfig",  # django_tasks_db, named in Lao and English
    "notifications.apps.NotificationsConfig",
    "accounts.apps.AccountsConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.http.replica.ReadReplicaMiddleware",  # anonymous reads on the replica, if any; read-your-writes
    # Before sessions: answers anonymous public pages from the cache; marks signed-in responses private.
    "portal.http.pagecache.PageCacheMiddleware",
    "portal.http.uploads.RequestSizeLimitMiddleware",  # 413 for an oversized body, before anything reads it
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.i18n.language.PortalLocaleMiddleware",  # the admin: the officer's choice or Lao, not the browser's
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "portal.http.cached_auth.CachedAuthenticationMiddleware",  # Django's, the user kept in the cache
    "portal.i18n.language.InterfaceLanguageMiddleware",  # an officer's language, applied at login
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "portal.http.ratelimit.RateLimitMiddleware",
    # After authentication: public pages per audience (never per person), the header's account part per request.
    "portal.http.pagecache.AudiencePageCacheMiddleware",
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
                "portal.http.help.help_links",  # help_url, help_partners_url: links into the guide
            ],
        },
    },
]

# SQLite is only the zero-setup demo default; PostgreSQL (DATABASE_URL) is production and the tests.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'demo.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
# A streaming replica of the primary (docs/en/it/scaling.md): anonymous public reads go there (portal/http/replica.py).
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
REPLICA_MAX_LAG_SECONDS = float(env_str("REPLICA_MAX_LAG_SECONDS", "5"))  # further behind: read the primary
REPLICA_RETRY_SECONDS = float(env_str("REPLICA_RETRY_SECONDS", "1"))  # a replica that failed: ask again after
READ_YOUR_WRITES_SECONDS = int(env_str("READ_YOUR_WRITES_SECONDS", "10"))  # after a write: primary only


def with_replica(databases: dict, **options) -> dict:
    """``databases`` plus the ``"replica"`` alias when DATABASE_REPLICA_URL is set (in tests a mirror of the
    test database, which reaches the replica by streaming replication)."""
    if not DATABASE_REPLICA_URL:
        return databases
    replica = dj_database_url.parse(DATABASE_REPLICA_URL, **options)
    replica["OPTIONS"] = {**replica.get("OPTIONS", {}), "connect_timeout": 1}
    replica["TEST"] = {"MIRROR": "default"}
    return {**databases, "replica": replica}


DATABASES = with_replica(DATABASES, conn_max_age=0)
DATABASE_ROUTERS = ["portal.http.replica.ReplicaRouter"] if DATABASE_REPLICA_URL else []
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# dumpdata/loaddata keep timestamps to the microsecond, so an export of all records round-trips.
SERIALIZATION_MODULES = {"json": "portal.ops.serializers_json"}

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
# The client address (portal/http/client.py, django-ipware): REMOTE_ADDR, or behind AXES_PROXY_COUNT reverse
# proxies (1 in production: nginx) the address the nearest proxy put in X-Forwarded-For.
AXES_IPWARE_PROXY_COUNT = int(env_str("AXES_PROXY_COUNT", "0"))
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
AXES_CLIENT_IP_CALLABLE = "portal.http.client.client_address"
# Failed logins on the public partner login and on the admin login are counted apart, so that failures at
# one never lock the other (portal/http/client.py, login_realm_username).
AXES_USERNAME_CALLABLE = "portal.http.client.login_realm_username"
# Staff must enter a one-time code (TOTP app) to use the admin; on by default in production.
ADMIN_REQUIRE_OTP = env_bool("ADMIN_REQUIRE_OTP", False)
OTP_TOTP_ISSUER = "Lao CT records"
LOGIN_URL = "accounts:login"  # partners sign in on the public site; staff through /admin/
LOGIN_REDIRECT_URL = "meetings:home"
LOGOUT_REDIRECT_URL = "meetings:home"
# Links to choose a password (reset, invitation) and to confirm a new address work once and expire after
# this many hours (accounts/; Django's PASSWORD_RESET_TIMEOUT is in seconds).
PASSWORD_RESET_TIMEOUT = int(env_str("ACCOUNT_LINK_HOURS", "72")) * 3600
ADDRESS_CHANGE_TIMEOUT = PASSWORD_RESET_TIMEOUT

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
# that makemessages never drops them (see docs/en/developers/translations.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "vendor"]
FORMAT_MODULE_PATH = ["portal.i18n.formats"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600  # the language an officer chose sticks (see portal/i18n/language.py)
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
# The built guide (mkdocs build -> var/help-site), served under /help/ by Django only when set: the
# development settings (the demo) set it; in production nginx serves the folder (portal/http/help.py).
HELP_SITE_DIR = None
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # The Lao web font, installed from npm by bin/setup and served by the portal itself.
    ("fonts/noto-sans-lao", BASE_DIR / "node_modules" / "@fontsource" / "noto-sans-lao" / "files"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Every stored file goes through STORAGES (portal/ops/files.py): "default" holds the uploaded documents and
# parked imports, "reports" the rendered minutes PDFs. One machine: folders (MEDIA_ROOT, REPORTS_CACHE_ROOT).
# With S3_BUCKET and S3_ENDPOINT_URL: one private bucket of an S3-compatible server shared by every node
# (docs/en/it/scaling.md). File names keep Lao vowels and tone marks on both (meetings/rules/uploads.py).
S3_BUCKET = env_str("S3_BUCKET")
S3_ENDPOINT_URL = env_str("S3_ENDPOINT_URL")
# A download handed to nginx fetches the object through a presigned URL valid this long (portal/http/sendfile.py).
S3_URL_SECONDS = int(env_str("S3_URL_SECONDS", "60"))
S3_OPTIONS = {
    "bucket_name": S3_BUCKET,
    "endpoint_url": S3_ENDPOINT_URL,
    "access_key": env_str("S3_ACCESS_KEY_ID"),
    "secret_key": env_str("S3_SECRET_ACCESS_KEY"),
    "region_name": env_str("S3_REGION", "us-east-1"),
    "addressing_style": env_str("S3_ADDRESSING_STYLE", "path"),
    "signature_version": "s3v4",
    "default_acl": None,  # objects are private: read only through a presigned URL or the portal
    "querystring_auth": True,
    "querystring_expire": S3_URL_SECONDS,
    "connect_timeout": float(env_str("S3_CONNECT_TIMEOUT", "2")),
    "read_timeout": float(env_str("S3_READ_TIMEOUT", "10")),
    "max_retries": int(env_str("S3_MAX_RETRIES", "1")),  # S3 down: fail within seconds, not minutes
}
USE_S3 = bool(S3_BUCKET and S3_ENDPOINT_URL)


def s3_storages(options: dict) -> dict:
    """The documents and PDF storages in the bucket of ``options`` (S3_OPTIONS), each under its prefix."""
    return {
        "default": {
            "BACKEND": "meetings.rules.s3_uploads.S3DocumentStorage",
            "OPTIONS": {**options, "location": "media", "file_overwrite": False},
        },
        "reports": {
            "BACKEND": "portal.ops.s3.PortalS3Storage",
            "OPTIONS": {**options, "location": "reports-cache"},
        },
    }


STORAGES = {
    **(
        s3_storages(S3_OPTIONS)
        if USE_S3
        else {
            "default": {"BACKEND": "meetings.rules.uploads.DocumentStorage"},
            "reports": {"BACKEND": "portal.ops.files.ReportsFileStorage"},
        }
    ),
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production, whitenoise serves straight from the app and project static folders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000  # a meeting with 150 participants has many inline fields
# Uploaded documents are never served as files: only meetings.public.views.document_download sends them.
DOCUMENT_MAX_UPLOAD_MB = int(env_str("DOCUMENT_MAX_UPLOAD_MB", "20"))
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Uploads: a request body over the limit is refused before it is read (portal/http/uploads.py) -------
# Django keeps at most this much of an upload in memory; larger files are streamed to a temporary file.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Form fields other than files: 2.5 MB, Django's default (a meeting with many inline rows stays far below).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# The whole request body (files and fields): the document limit plus room for the form's other fields.
REQUEST_MAX_BODY_MB = int(env_str("REQUEST_MAX_BODY_MB", str(DOCUMENT_MAX_UPLOAD_MB + 5)))
FILE_UPLOAD_HANDLERS = [
    "portal.http.uploads.RequestSizeLimitHandler",  # first: refuses an oversized body before anything is read
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Uploads and rendered PDFs are sent by nginx (X-Accel-Redirect) after the view's visibility check when
# true; the internal locations are in deploy/nginx/portal.conf (portal/http/sendfile.py).
SENDFILE_X_ACCEL = env_bool("SENDFILE_X_ACCEL", False)
REPORTS_CACHE_ROOT = Path(env_str("REPORTS_CACHE_ROOT", str(BASE_DIR / "var" / "reports-cache")))
# A minutes PDF not stored yet is rendered by one worker; the others asking for it meanwhile wait this long
# for that render (then render it themselves) instead of rendering it again at the same time.
REPORTS_RENDER_WAIT_SECONDS = float(env_str("REPORTS_RENDER_WAIT_SECONDS", "60"))
# The organisation (its address name) that issues the minutes when an officer chose no issuer for a meeting:
# its name heads the minutes (meetings.selectors.minutes_issuer).
MINUTES_ISSUER = env_str("MINUTES_ISSUER", "secretariat-national-committee")

# --- Rate limits (portal/http/ratelimit.py): requests per client per minute ------------------------------
RATE_LIMITS = {
    "search": env_str("RATE_LIMIT_SEARCH", "60/m"),
    "pdf": env_str("RATE_LIMIT_PDF", "12/m"),
    # Mail to an address (password reset, address change): per client, and per address whoever asks.
    "account_mail": env_str("RATE_LIMIT_ACCOUNT_MAIL", "10/h"),
    "account_mail_address": env_str("RATE_LIMIT_ACCOUNT_MAIL_ADDRESS", "3/h"),
    "subscribe": env_str("RATE_LIMIT_SUBSCRIBE", "10/h"),  # subscription requests (each mails a link)
}
# URLs counted in each scope: a regular expression over "<view name> <route>" (see RateLimitMiddleware).
# Every view of the reports app renders PDFs and counts as "pdf" by namespace, whatever its name.
RATE_LIMITED_URLS = {"pdf": r"pdf|^reports:", "search": r"search"}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Anonymous public pages are kept in the cache for this many seconds, per language and content version
# (portal/http/pagecache.py); 0 switches the page cache off.
PAGE_CACHE_SECONDS = int(env_str("PAGE_CACHE_SECONDS", "0"))
# Search results are kept this many seconds per (normalised query, audience, language, content version)
# (meetings/search/engine.py); 0 searches afresh every time (benchmarks: the cost of a new query).
SEARCH_CACHE_SECONDS = int(env_str("SEARCH_CACHE_SECONDS", "600"))
# nginx's micro-cache (deploy/nginx) keeps a shareable anonymous answer this long (X-Accel-Expires); 0: never.
PROXY_CACHE_SECONDS = 0
# Pages whose view reads its query string in a normal form (case, spaces, order of the parameters aside):
# the page cache keys them by that form, given by the named function of the request's GET parameters.
PAGE_CACHE_QUERY = {"meetings:search": "meetings.public.search.cache_query"}
# Who sees the same public pages (the read layer's audiences): the page cache's key, never the person.
PAGE_CACHE_AUDIENCE = "meetings.models.audience_of"

# --- Task queue (Django's Tasks API, django-tasks backport; rows in PostgreSQL) ---------------------
# Enqueued in the caller's transaction: a rolled-back change leaves no task. `manage.py db_worker` runs
# them (deploy/systemd/portal-worker.service; `--batch` until the queue is empty).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "mail"]}}

# --- Mail (Django's own setting names, read from the environment) -----------------------------------
# With EMAIL_HOST set, every settings module sends through that SMTP server; without it, development
# prints mail on the console and production refuses to start (portal/settings/production.py).
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(env_str("EMAIL_TIMEOUT", "20"))
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Lao CT records <records@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A message the SMTP server refuses or cannot take is tried again after 1, 2, 4 ... × MAIL_RETRY_BASE_SECONDS (at most
# MAIL_RETRY_MAX_MINUTES apart) and given up after MAIL_MAX_ATTEMPTS tries (admin → Outbox: send again).
MAIL_MAX_ATTEMPTS = int(env_str("MAIL_MAX_ATTEMPTS", "24"))
MAIL_RETRY_MAX_MINUTES = int(env_str("MAIL_RETRY_MAX_MINUTES", "15"))
MAIL_RETRY_BASE_SECONDS = int(env_str("MAIL_RETRY_BASE_SECONDS", "60"))
# Pending mail this long past its time has lost its delivery task (a worker killed): `mail_timers retry`
# queues it again.
MAIL_LOST_AFTER_SECONDS = int(env_str("MAIL_LOST_AFTER_SECONDS", "120"))
# Action item reminders (manage.py mail_timers reminders): this many days before the due date, on the day,
# and weekly while overdue (for at most ACTION_ITEM_OVERDUE_WEEKS weeks; 0: as long as it is overdue).
ACTION_ITEM_REMINDER_DAYS = int(env_str("ACTION_ITEM_REMINDER_DAYS", "7"))
ACTION_ITEM_OVERDUE_WEEKS = int(env_str("ACTION_ITEM_OVERDUE_WEEKS", "0"))

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
