"""Template helpers for mail: a record's field in the language being rendered (with the other language as
fallback, as on the web pages) and names kept whole at line ends with an inline style (mail clients
ignore style sheets)."""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from meetings.selectors.known_names import unbroken_pieces
from meetings.templatetags.portal import NAME_FIELDS, pick_translation

register = template.Library()
NOWRAP = '<span style="white-space:nowrap">{}</span>'


def _unbroken_html(text: str, *, is_name: bool) -> str:
    return mark_safe(  # noqa: S308 - every piece is escaped
        "".join(
            NOWRAP.format(escape(piece)) if keep else escape(piece)
            for piece, keep in unbroken_pieces(text or "", is_name=is_name)
        )
    )


@register.simple_tag
def field(obj, name: str) -> str:
    """The field's text in the active language, else the other language's (plain text)."""
    return pick_translation(obj, name).value


@register.simple_tag
def field_html(obj, name: str) -> str:
    """The field's text for HTML: escaped, names and loanwords kept whole, marked with its language when it
    is the other language's text."""
    picked = pick_translation(obj, name)
    html = _unbroken_html(picked.value, is_name=name in NAME_FIELDS)
    return format_html('<span lang="{}">{}</span>', picked.lang, html) if picked.is_fallback else html


@register.filter
def unbroken(value) -> str:
    return _unbroken_html(str(value or ""), is_name=False)
