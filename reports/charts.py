"""Small SVG bar charts for report PDFs (WeasyPrint draws inline SVG; nothing is fetched).

Labels and titles are escaped. The public statistics page may have its own chart helper
(``meetings/stats.py``); when both exist, keep one (see the merge notes in the report of issue 4).
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import mark_safe

from reports.fonts import SANS_STACK

BAR = "#2f5d8a"
GRID = "#bbbbbb"
TEXT = "#222222"


def _nice_max(value: float) -> int:
    """A round, even top of the scale (so that the middle grid line is a whole number)."""
    if value <= 4:
        return 4
    step = 10 ** (len(str(int(value))) - 1)
    top = int(-(-value // step) * step)
    return top + (top % 2)


def bar_chart(rows: list[tuple[str, float]], *, label: str, width: int = 480, height: int = 180) -> str:
    """Vertical bars, one per (label, value); ``label`` describes the chart for screen readers."""
    left, bottom, top = 30, 28, 10
    plot_w, plot_h = width - left - 6, height - bottom - top
    top_value = _nice_max(max([v for _l, v in rows] + [0]))
    n = max(len(rows), 1)
    slot = plot_w / n
    bar_w = max(2.0, slot * 0.62)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(label)}" class="chart" '
        f"font-family='{SANS_STACK}'>"
    ]
    for i in range(3):
        value = top_value * i / 2
        y = top + plot_h - plot_h * i / 2
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - 6}" y2="{y:.1f}" stroke="{GRID}" '
            'stroke-width="0.5"/>'
        )
        parts.append(
            f'<text x="{left - 4}" y="{y + 3:.1f}" font-size="8" text-anchor="end" '
            f'fill="{TEXT}">{value:g}</text>'
        )
    for i, (name, value) in enumerate(rows):
        h = plot_h * (value / top_value) if top_value else 0
        x = left + slot * i + (slot - bar_w) / 2
        y = top + plot_h - h
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{BAR}">'
            f"<title>{escape(name)}: {value:g}</title></rect>"
        )
        if value:
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{y - 2:.1f}" font-size="8" text-anchor="middle" '
                f'fill="{TEXT}">{value:g}</text>'
            )
        parts.append(
            f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 12:.1f}" font-size="8" '
            f'text-anchor="middle" fill="{TEXT}">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - numbers and escaped labels only
