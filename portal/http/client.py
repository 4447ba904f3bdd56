"""Who is asking: the client's address behind the reverse proxy, and the login realm of a failed login.

Both django-axes (``AXES_CLIENT_IP_CALLABLE``, ``AXES_USERNAME_CALLABLE``) and the rate limits
(:mod:`portal.http.ratelimit`) use these, so a lock-out and a limit always count the same client.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings

ADMIN_REALM = "admin"
PUBLIC_REALM = "public"


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request) -> str:
    """The client's IP address.

    With ``AXES_PROXY_COUNT`` = 0 (development) it is ``REMOTE_ADDR``. Behind N reverse proxies (production:
    nginx, N = 1) it is the N-th address from the right of ``X-Forwarded-For``: the one the proxy nearest to
    the client saw. Anything to its left was written by the client and is never trusted. A missing or
    malformed header falls back to ``REMOTE_ADDR``.
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    count = int(getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0) or 0)
    if count <= 0:
        return remote
    chain = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(chain) < count:
        return remote
    return _valid(chain[-count]) or remote


def login_realm(request) -> str:
    """``admin`` for the admin's login, ``public`` for the partner login on the public site."""
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return (
            ADMIN_REALM if match.app_name == "admin" or match.namespace.startswith("admin") else PUBLIC_REALM
        )
    from django.urls import reverse

    return ADMIN_REALM if request.path.startswith(reverse("admin:index")) else PUBLIC_REALM


def login_realm_username(request, credentials=None) -> str | None:
    """The name django-axes counts failed logins under: the user name at the admin login, and
    ``public:<user name>`` at the public partner login. Failures at the public login therefore never lock
    a staff account out of the admin, even from the same address."""
    field = getattr(settings, "AXES_USERNAME_FORM_FIELD", "username")
    if credentials:
        username = credentials.get(field)
    else:
        username = getattr(request, "data", request.POST).get(field) if request is not None else None
    if username is None or request is None:
        return username
    return username if login_realm(request) == ADMIN_REALM else f"{PUBLIC_REALM}:{username}"
