"""A mail in its recipient's language: subject, plain text and HTML from three templates.

``notifications/<name>_subject.txt``, ``notifications/<name>.txt`` and ``notifications/<name>.html`` (which
extends ``notifications/base.html``) are rendered with the interface language switched to the
recipient's, so Lao recipients read Lao (record fields through modeltranslation's fallback) and English
recipients English. In the HTML part, names and loanwords are kept whole at line ends as on the web pages
(``{{ value|unbroken }}``, an inline ``white-space: nowrap`` because mail clients drop style sheets).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def site_url(path: str) -> str:
    """An absolute address on the portal (mail is read outside it)."""
    return settings.SITE_URL.rstrip("/") + path


def public_url(record, language: str) -> str:
    """The absolute address of a record's public page in ``language``."""
    with translation.override(language):
        return site_url(record.get_absolute_url())


def render_mail(name: str, context: dict, *, language: str) -> Rendered:
    context = {**context, "site_url": settings.SITE_URL.rstrip("/"), "language": language}
    with translation.override(language):
        subject = render_to_string(f"notifications/{name}_subject.txt", context)
        text = render_to_string(f"notifications/{name}.txt", context)
        html = render_to_string(f"notifications/{name}.html", context)
    # A subject is one line: Django refuses header values with line breaks.
    subject = " ".join(subject.split())
    return Rendered(subject=subject, text=text.strip() + "\n", html=html)
