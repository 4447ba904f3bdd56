"""Statistics of meetings and action items, and charts drawn on the server as SVG.

Plain functions, usable by the public statistics page and by ``reports/`` (PDF summary reports):

* Every query function takes querysets that the caller has already restricted with
  ``Meeting.objects.visible_to(user)`` / ``ActionItem.objects.visible_to(user)``; nothing here decides
  visibility. Each runs a fixed number of queries whatever the number of rows.
* ``bar_chart_svg(rows, ...)`` and ``stacked_bar_chart_svg(rows, series, ...)`` return a self-contained
  ``<svg>`` string (escaped, no script, no external references) for HTML pages or WeasyPrint.
* ``statistics_context(meetings, action_items)`` returns everything the statistics page shows:
  ``by_year_kind``, ``attendance``, ``action_status``, ``figures`` and the charts (``charts`` dict of SVG).

Example (a PDF report)::

    from meetings.selectors import stats
    ctx = stats.statistics_context(Meeting.objects.visible_to(user), ActionItem.objects.visible_to(user))
    ctx["charts"]["meetings_per_year"]   # '<svg ...>...</svg>'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meetings.models import ATTENDANCE_SUMS, HELD_ONLINE, UNFINISHED, ActionItemStatus, Meeting, share

# Colours with at least 4.5:1 contrast against white (text labels sit beside the bars, not on them).
PALETTE = ["#1f5f8b", "#b3541e", "#2e7d32", "#6a3d9a", "#8c6d1f", "#c2185b", "#00695c", "#5d4037"]


# --- queries -----------------------------------------------------------------------------------------
def meetings_per_year(meetings) -> dict[int, int]:
    """{year: number of meetings}, newest year first (one query)."""
    data = (
        meetings.order_by()
        .annotate(year=ExtractYear("start_date"))
        .values_list("year")
        .annotate(n=Count("pk"))
        .order_by("-year")
    )
    return dict(data)


def key_figures(meetings, action_items) -> dict:
    """A few headline numbers (two queries)."""
    m = meetings.order_by().aggregate(
        meetings=Count("pk"), online_meetings=Count("pk", filter=HELD_ONLINE), **ATTENDANCE_SUMS
    )
    status = action_items.status_field()  # the status from the follow-ups the reader may see
    a = action_items.order_by().aggregate(
        total=Count("pk"),
        unfinished=Count("pk", filter=Q(**{f"{status}__in": UNFINISHED})),
        done=Count("pk", filter=Q(**{status: ActionItemStatus.DONE})),
    )
    women_share = share(m["women"], m["women_counted"])
    return {
        "meetings": m["meetings"],
        "online_meetings": m["online_meetings"],
        "participants": m["participants"],  # None: no meeting recorded its total (never 0 for "unknown")
        "women_share": women_share,
        "action_items": a["total"],
        "action_items_unfinished": a["unfinished"],
        "action_items_done": a["done"],
    }


@dataclass
class YearKindRow:
    year: int
    total: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)


def meetings_per_year_and_kind(meetings) -> tuple[list[YearKindRow], list[tuple[str, str]]]:
    """Rows per year (oldest first) with counts per kind, and the kinds that occur as (value, label)."""
    data = (
        meetings.order_by()
        .annotate(year=ExtractYear("start_date"))
        .values("year", "kind")
        .annotate(n=Count("pk"))
        .order_by("year", "kind")
    )
    rows: dict[int, YearKindRow] = {}
    kinds_present = set()
    for item in data:
        row = rows.setdefault(item["year"], YearKindRow(item["year"]))
        row.by_kind[item["kind"]] = item["n"]
        row.total += item["n"]
        kinds_present.add(item["kind"])
    kinds = [(value, str(label)) for value, label in Meeting.Kind.choices if value in kinds_present]
    return list(rows.values()), kinds


@dataclass
class AttendanceRow:
    """A year's attendance. ``participants``, ``women`` and ``online`` are ``None`` when no meeting of the
    year recorded that figure: "not recorded" on pages and PDFs, an empty cell, a gap in a chart, never 0."""

    year: int
    meetings: int
    participants: int | None
    women: int | None
    online: int | None
    women_counted: int  # participants of meetings where women were counted
    online_counted: int
    online_meetings: int = 0  # meetings held online or hybrid

    @property
    def women_share(self) -> float | None:
        return share(self.women, self.women_counted)

    @property
    def online_share(self) -> float | None:
        return share(self.online, self.online_counted)


def attendance_per_year(meetings) -> list[AttendanceRow]:
    """Participants, women and online participants per year (oldest first, one query).

    Shares are computed only over meetings that recorded both the total and the part, so that a meeting
    without a count of women does not lower the share of women.
    """
    data = (
        meetings.order_by()
        .annotate(year=ExtractYear("start_date"))
        .values("year")
        .annotate(n=Count("pk"), online_meetings=Count("pk", filter=HELD_ONLINE), **ATTENDANCE_SUMS)
        .order_by("year")
    )
    return [
        AttendanceRow(
            year=d["year"],
            meetings=d["n"],
            participants=d["participants"],
            women=d["women"],
            online=d["online"],
            women_counted=d["women_counted"] or 0,
            online_counted=d["online_counted"] or 0,
            online_meetings=d["online_meetings"],
        )
        for d in data
    ]


def action_items_by_status(action_items) -> list[tuple[str, str, int]]:
    """(status, label, count) for every status, in workflow order (one query)."""
    counts = dict(action_items.order_by().values_list(action_items.status_field()).annotate(n=Count("pk")))
    return [(value, str(label), counts.get(value, 0)) for value, label in ActionItemStatus.choices]


# --- charts ------------------------------------------------------------------------------------------
def _num(value, decimals=0) -> str:
    # number_format cuts extra decimals; round first so that 41.7 shows as 42 like the tables
    return number_format(round(value, decimals), decimal_pos=decimals, use_l10n=True, force_grouping=True)


def _svg_open(width, height, title, desc="") -> list[str]:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}" '
        'font-family="Noto Sans Lao, Noto Sans, sans-serif" font-size="14">',
        f"<title>{escape(title)}</title>",
    ]
    if desc:
        parts.append(f"<desc>{escape(desc)}</desc>")
    return parts


def bar_chart_svg(
    rows: list[tuple[str, float]],
    *,
    title: str,
    max_value: float | None = None,
    value_label=None,
    color: str = PALETTE[0],
    width: int = 420,
) -> SafeString:
    """Horizontal bars, one per ``(label, value)`` row, with the value written after each bar.

    ``value_label(value) -> str`` formats the written values (default: a localised whole number). A value
    of ``None`` (not recorded) draws no bar (a gap, not a zero) and writes "not recorded".
    """
    value_label = value_label or _num
    bar_h, gap, top, label_w, right = 22, 8, 8, 110, 64
    height = top * 2 + max(1, len(rows)) * (bar_h + gap)
    top_value = max_value or max((v or 0 for _l, v in rows), default=0) or 1
    plot_w = width - label_w - right
    parts = _svg_open(width, height, title)
    if not rows:
        no_data = escape(_("No data"))
        parts.append(f'<text x="0" y="{top + 14}" fill="#1b1f24">{no_data}</text>')
    for i, (label, value) in enumerate(rows):
        y = top + i * (bar_h + gap)
        w = max(0.0, (value or 0) / top_value * plot_w)
        bar = (
            ""
            if value is None
            else f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{color}"/>'
        )
        parts.append(
            f'<text x="{label_w - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end" fill="#1b1f24">'
            f"{escape(label)}</text>{bar}"
            f'<text x="{label_w + w + 6:.1f}" y="{y + bar_h * 0.7:.1f}" fill="#1b1f24">'
            f"{escape(_shown(value, value_label))}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above


def stacked_bar_chart_svg(
    rows: list[tuple[str, dict[str, float]]],
    series: list[tuple[str, str]],
    *,
    title: str,
    width: int = 420,
) -> SafeString:
    """Horizontal stacked bars: ``rows`` are ``(label, {series_key: value})``, ``series`` ``(key, label)``.

    A legend under the bars names each colour; the total is written after each bar.
    """
    bar_h, gap, top, label_w, right = 22, 8, 8, 110, 40
    legend_h = 22 * len(series)
    height = top * 2 + max(1, len(rows)) * (bar_h + gap) + legend_h + 8
    top_value = max((sum(v.values()) for _l, v in rows), default=0) or 1
    plot_w = width - label_w - right
    parts = _svg_open(width, height, title)
    for i, (label, values) in enumerate(rows):
        y = top + i * (bar_h + gap)
        x = float(label_w)
        parts.append(
            f'<text x="{label_w - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end" fill="#1b1f24">'
            f"{escape(label)}</text>"
        )
        for j, (key, _series_label) in enumerate(series):
            value = values.get(key, 0)
            if not value:
                continue
            w = value / top_value * plot_w
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                f'fill="{PALETTE[j % len(PALETTE)]}" stroke="#fff" stroke-width="1"/>'
            )
            x += w
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y + bar_h * 0.7:.1f}" fill="#1b1f24">'
            f"{escape(_num(sum(values.values())))}</text>"
        )
    legend_top = top + max(1, len(rows)) * (bar_h + gap) + 8
    for j, (_key, series_label) in enumerate(series):
        y = legend_top + j * 22
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="14" height="14" fill="{PALETTE[j % len(PALETTE)]}"/>'
            f'<text x="{label_w + 20}" y="{y + 12}" fill="#1b1f24">{escape(series_label)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above


def not_recorded() -> str:
    """How a figure that was not recorded is written (never as 0)."""
    return _("not recorded")


def _shown(value, value_label) -> str:
    return not_recorded() if value is None else value_label(value)


def _percent(share) -> str:
    return "–" if share is None else f"{_num(share * 100)} %"


# Lazy: translated when a page is drawn, in that page's language (not once, when the module is imported).
CHART_TITLES = {
    "meetings_per_year": gettext_lazy("Meetings per year and kind"),
    "participants_per_year": gettext_lazy("Participants per year"),
    "women_share": gettext_lazy("Share of women among participants, per year"),
    "online_share": gettext_lazy("Share of participants online, per year"),
    "action_items_by_status": gettext_lazy("Action items by status"),
}


class ChartRow(NamedTuple):
    label: str
    value: float | None  # None: not recorded (no bar: a gap, not a zero)
    shown: str  # the value as written beside the bar
    share: float  # length of the bar, 0..1 of the scale


class Chart(NamedTuple):
    """One chart as SVG (web pages) and as rows (PDFs: WeasyPrint shapes Lao in HTML, not in SVG text)."""

    title: str
    svg: SafeString
    rows: list[ChartRow]


def chart_rows(pairs, *, max_value: float | None = None, value_label=None) -> list[ChartRow]:
    """``(label, value)`` pairs as rows with their bar length on a common scale (``None``: not recorded)."""
    value_label = value_label or _num
    top = max_value or max((v or 0 for _l, v in pairs), default=0) or 1
    return [ChartRow(label, value, _shown(value, value_label), (value or 0) / top) for label, value in pairs]


def statistics_charts(meetings, action_items) -> list[Chart]:
    """The charts of the statistics page, for PDF summary reports (the same numbers, the same titles)."""
    context = statistics_context(meetings, action_items)
    attendance = context["attendance"]
    percent = {"max_value": 100, "value_label": lambda v: _percent(v / 100)}
    rows = {
        "meetings_per_year": chart_rows(
            [
                (f"{r.year} · {label}", r.by_kind[kind])
                for r in context["by_year_kind"]
                for kind, label in context["kinds"]
                if r.by_kind.get(kind)
            ]
        ),
        "participants_per_year": chart_rows([(str(r.year), r.participants) for r in attendance]),
        "women_share": chart_rows(
            [(str(r.year), r.women_share * 100) for r in attendance if r.women_share is not None], **percent
        ),
        "online_share": chart_rows(
            [(str(r.year), r.online_share * 100) for r in attendance if r.online_share is not None], **percent
        ),
        "action_items_by_status": chart_rows([(label, n) for _v, label, n in context["action_status"]]),
    }
    return [Chart(str(CHART_TITLES[key]), svg, rows[key]) for key, svg in context["charts"].items()]


def statistics_context(meetings, action_items) -> dict:
    """Tables and charts of the statistics page (and of PDF summary reports). Six queries."""
    by_year_kind, kinds = meetings_per_year_and_kind(meetings)
    attendance = attendance_per_year(meetings)
    action_status = action_items_by_status(action_items)
    figures = key_figures(meetings, action_items)
    charts = {
        "meetings_per_year": stacked_bar_chart_svg(
            [(str(r.year), r.by_kind) for r in by_year_kind],
            kinds,
            title=CHART_TITLES["meetings_per_year"],
        ),
        "participants_per_year": bar_chart_svg(
            [(str(r.year), r.participants) for r in attendance], title=CHART_TITLES["participants_per_year"]
        ),
        "women_share": bar_chart_svg(
            [(str(r.year), r.women_share * 100) for r in attendance if r.women_share is not None],
            title=CHART_TITLES["women_share"],
            max_value=100,
            value_label=lambda v: _percent(v / 100),
            color=PALETTE[5],
        ),
        "online_share": bar_chart_svg(
            [(str(r.year), r.online_share * 100) for r in attendance if r.online_share is not None],
            title=CHART_TITLES["online_share"],
            max_value=100,
            value_label=lambda v: _percent(v / 100),
            color=PALETTE[6],
        ),
        "action_items_by_status": bar_chart_svg(
            [(label, n) for _v, label, n in action_status],
            title=CHART_TITLES["action_items_by_status"],
            color=PALETTE[2],
        ),
    }
    return {
        "by_year_kind": by_year_kind,
        "kinds": kinds,
        "year_kind_table": [
            (r.year, [r.by_kind.get(k, 0) for k, _label in kinds], r.total) for r in by_year_kind
        ],
        "attendance": attendance,
        "action_status": action_status,
        "figures": figures,
        "charts": charts,
    }
