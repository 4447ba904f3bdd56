"""The public header's account part: the sign-in link, or the signed-in reader's name, a link to their account
and the sign-out form. It is the only per-person part of a public page, so it is written for every request:
into a page as it is rendered (``{% account_nav %}`` in ``base.html``), or into the hole a page kept by the
page cache leaves for it (``portal.http.pagecache``).

It is written in Python, not with a template: a template cost a signed-in reader's page (cached or not)
its own template render, and a page from the page cache ran every context processor again for it. The
markup is what ``templates/portal/_account_nav.html`` wrote, byte for byte (``tests/portal/test_account_nav.py``
keeps that template as the reference). Every value is escaped as the template escaped it; the labels are
literal ``gettext`` calls, so ``makemessages`` finds them.

The sign-out form's CSRF token is masked afresh for every response, as Django's ``get_token`` masks it (what
keeps the token safe in compressed pages, BREACH), but with the mask's 32 characters drawn from one read of
the operating system's random source instead of 32 (``secrets.choice`` reads it once per character).
"""

from __future__ import annotations

import os
from urllib.parse import quote

from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, get_token
from django.utils.html import escape
from django.utils.translation import gettext

from portal.http.reversed import reverse_all_kept

ACCOUNT_PAGES = {"login": "accounts:login", "account": "accounts:account", "logout": "accounts:logout"}


def account_nav(request) -> str:
    """The account part for ``request``'s reader, in the active language."""
    # Each label a literal gettext call outside the f-strings: xgettext (makemessages) reads no f-string.
    pages = reverse_all_kept(ACCOUNT_PAGES)
    account = escape(gettext("Account"))
    opening = f'<nav class="account-nav" aria-label="{account}">\n'
    user = getattr(request, "user", None)  # none on a page answered before authentication (413, 400)
    if user is None or not user.is_authenticated:
        login, sign_in = pages["login"], escape(gettext("Sign in"))
        back = "" if request.path == login else f"?next={escape(quote(request.get_full_path()))}"
        return (
            f'{opening}  <a class="account-nav__sign-in" href="{escape(login)}{back}">{sign_in}</a>\n</nav>\n'
        )
    name = escape(user.get_full_name() or user.get_username())
    signed_in = gettext("Signed in as <strong>%(name)s</strong>") % {"name": name}
    yours, sign_out = escape(gettext("Your account")), escape(gettext("Sign out"))
    return (
        f'{opening}  <span class="account-nav__user">{signed_in}</span>\n'
        f'  <a class="account-nav__account" href="{escape(pages["account"])}">{yours}</a>\n'
        f'  <form class="account-nav__sign-out" method="post" action="{escape(pages["logout"])}">'
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token(request))}">'
        f'<button type="submit">{sign_out}</button></form>\n'
        "</nav>\n"
    )


_INDEX = {char: i for i, char in enumerate(CSRF_ALLOWED_CHARS)}
_FAIR = 256 - 256 % len(CSRF_ALLOWED_CHARS)  # 248: below it, every character of the 62 is as likely


def csrf_token(request) -> str:
    """``django.middleware.csrf.get_token(request)``: the secret of the reader's CSRF cookie, masked with a new
    random mask (the cookie is sent again, to renew it, as Django does). Without a cookie, Django's own
    ``get_token`` makes the secret and sets the cookie."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret or len(secret) != CSRF_SECRET_LENGTH:
        return get_token(request)
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = random_chars(CSRF_SECRET_LENGTH)
    chars, count = CSRF_ALLOWED_CHARS, len(CSRF_ALLOWED_CHARS)
    return mask + "".join(chars[(_INDEX[s] + _INDEX[m]) % count] for s, m in zip(secret, mask, strict=True))


def random_chars(length: int) -> str:
    """``length`` characters of ``CSRF_ALLOWED_CHARS``, each drawn uniformly from ``os.urandom`` (a byte of 248
    or more is dropped, so that the 62 characters are equally likely)."""
    drawn: list[str] = []
    while len(drawn) < length:
        drawn += [
            CSRF_ALLOWED_CHARS[byte % len(CSRF_ALLOWED_CHARS)]
            for byte in os.urandom(length + 8)
            if byte < _FAIR
        ]
    return "".join(drawn[:length])
