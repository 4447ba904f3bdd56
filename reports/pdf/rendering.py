"""HTML -> PDF with WeasyPrint, always through the portal's URL fetcher and report fonts."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from reports.pdf.fetcher import PortalURLFetcher, base_url
from reports.pdf.fonts import SANS_STACK, SERIF_STACK, font_face_css


def css_string(text: str) -> str:
    """``text`` as a CSS string literal (quotes, backslashes, newlines and ``<`` escaped)."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")
    return f'"{escaped}"'


def page_counter_css(pattern: str) -> str:
    """A translated "Page {page} of {pages}" as a CSS ``content`` value with page counters."""
    parts = []
    rest = str(pattern)
    while rest:
        positions = [(rest.find(tok), tok) for tok in ("{page}", "{pages}") if tok in rest]
        if not positions:
            parts.append(css_string(rest))
            break
        pos, token = min(positions)
        if pos:
            parts.append(css_string(rest[:pos]))
        parts.append("counter(page)" if token == "{page}" else "counter(pages)")
        rest = rest[pos + len(token) :]
    return " ".join(parts)


def font_context() -> dict:
    return {
        "font_faces_css": mark_safe(font_face_css()),  # noqa: S308 - built from constants
        "sans_stack": mark_safe(SANS_STACK),  # noqa: S308
        "serif_stack": mark_safe(SERIF_STACK),  # noqa: S308
    }


def html_to_document(html: str, *, fetcher: PortalURLFetcher | None = None):
    """Lay out ``html``; returns WeasyPrint's Document (pages and their layout boxes)."""
    from weasyprint import HTML  # importing WeasyPrint costs about a second: only when rendering

    return HTML(string=html, base_url=base_url(), url_fetcher=fetcher or PortalURLFetcher()).render()


def render_template_pdf(template_name: str, context: dict) -> bytes:
    html = render_to_string(template_name, {**font_context(), **context})
    return html_to_document(html).write_pdf()
