"""Template filters for report text: escape first, then add Lao line-break hints.

Pango (WeasyPrint) breaks Lao only at spaces, so long Lao runs overflow their column. ``breakable`` adds a
zero-width space at every ICU line-break opportunity (:func:`meetings.rules.text.line_break_hints`); the hints
are added to already-escaped text, so user text can never become markup, and they exist only in the
rendered output, never in the database. Known names and loanwords (:mod:`meetings.selectors.known_names`) get no hint
inside them.
"""

from django import template
from django.utils.html import conditional_escape, format_html_join
from django.utils.safestring import mark_safe

from meetings.rules.text import line_break_hints
from meetings.selectors.known_names import active_protected_words

register = template.Library()


@register.filter(needs_autoescape=True)
def breakable(value, autoescape=True):
    if value is None:
        return ""
    text = conditional_escape(value) if autoescape else str(value)
    # no hint inside a known name or loanword (the words of the render under known_names.protecting)
    hinted = line_break_hints(str(text), active_protected_words())
    return mark_safe(hinted)  # noqa: S308 - escaped above; U+200B is inert


@register.filter(needs_autoescape=True)
def breakable_paragraphs(value, autoescape=True):
    """Each non-empty line of ``value`` as a ``<p>``, escaped and with line-break hints."""
    if not value:
        return ""
    lines = [line for line in str(value).splitlines() if line.strip()]
    return format_html_join("", "<p>{}</p>", ((breakable(line, autoescape),) for line in lines))
