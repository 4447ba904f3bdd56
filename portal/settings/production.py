"""Production (``PORTAL_ENV=production``): refuses to start without the values that must not have a
default, and switches on HTTPS, secure cookies, the shared Redis cache and the file hand-off to nginx.
See docs/en/it/install.md and ``deploy/``."""

import dj_database_url

from portal.env import env_bool, env_list, env_required, env_str
from portal.settings.base import *  # noqa: F403
from portal.settings.base import BASE_DIR, DATABASE_URL, STORAGES, with_replica

PORTAL_ENV = "production"
PRODUCTION = True
DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or [env_required("ALLOWED_HOSTS")]

# Persistent connections (gunicorn threads each keep one); checked before reuse after a server restart.
DATABASES = with_replica(
    {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)},
    conn_max_age=60,
    conn_health_checks=True,
)

# Documents and PDFs as in every environment (base.py: folders, or S3 with S3_BUCKET; Lao file names kept).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False

# Mail leaves through SMTP only: no production without a mail server (docs/en/developers/internals.md, "Mail").
EMAIL_HOST = env_required("EMAIL_HOST")
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_FROM_EMAIL = env_required("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

ADMIN_REQUIRE_OTP = env_bool("ADMIN_REQUIRE_OTP", True)
# nginx is the one reverse proxy in front of gunicorn and sets X-Forwarded-For to the client's address.
AXES_IPWARE_PROXY_COUNT = int(env_str("AXES_PROXY_COUNT", "1"))

# Shared by all gunicorn workers, so a limit is a limit for the whole site and a cached page is cached
# once: Redis (REDIS_URL) when set, else a folder (CACHE_DIR). Cache failures never answer 500
# (portal/ops/resilient_cache.py): rate limits and the page cache are skipped, with a warning in the log.
REDIS_URL = env_str("REDIS_URL")
CACHES = {
    "default": (
        {
            "BACKEND": "portal.ops.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "portal"),
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
        if REDIS_URL
        else {
            "BACKEND": "portal.ops.resilient_cache.ResilientFileBasedCache",
            "LOCATION": env_str("CACHE_DIR", str(BASE_DIR / "var" / "cache")),
        }
    )
}
# Sessions read from the cache, written through to the database (a Redis restart signs no one out): Django's
# cached_db, read in one round trip with what a signed-in request needs next (portal/http/sessions.py).
SESSION_ENGINE = "portal.http.sessions"
PAGE_CACHE_SECONDS = int(env_str("PAGE_CACHE_SECONDS", "600"))
# At most this long may nginx answer with a page of before an edit; off together with the page cache.
PROXY_CACHE_SECONDS = int(env_str("PROXY_CACHE_SECONDS", "1" if PAGE_CACHE_SECONDS > 0 else "0"))
SENDFILE_X_ACCEL = env_bool("SENDFILE_X_ACCEL", False)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # monitoring asks over plain HTTP on the machine itself
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
