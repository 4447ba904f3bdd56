"""Signed, expiring links that change an account's e-mail address (``ADDRESS_CHANGE_TIMEOUT`` seconds).

The token holds the account, its address when the change was asked for and the new address. It is only
good while the account still has that old address, so it works once: after the change (or any other
change of address) it is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "accounts.address-change"


class InvalidLink(Exception):
    """The link is damaged, expired or was used already."""


@dataclass(frozen=True)
class AddressChange:
    user_id: int
    old_address: str
    new_address: str


def make_address_token(*, user, new_address: str) -> str:
    return signing.dumps({"u": user.pk, "o": user.email, "n": new_address}, salt=SALT, compress=True)


def read_address_token(token: str) -> AddressChange:
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.ADDRESS_CHANGE_TIMEOUT)
        return AddressChange(user_id=int(data["u"]), old_address=data["o"], new_address=data["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:  # SignatureExpired included
        raise InvalidLink(str(error)) from error
