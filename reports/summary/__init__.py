"""Figures of the summary report: meetings held, attendance, action items, for a period.

Every count starts from :mod:`meetings.selectors` for the reader: a summary never counts a meeting its reader
could not open, nor a status reported at one. Charts are the statistics page's (``meetings/stats.py``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from meetings import selectors
from meetings.models import (
    ATTENDANCE_SUMS,
    UNFINISHED,
    ActionItemStatus,
    Meeting,
    Organisation,
    Programme,
    percent,
    share,
)

MAX_LISTED = 300  # meetings listed one by one in the PDF; the figures always count all of them


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    def months(self) -> list[datetime.date]:
        out, month = [], self.start.replace(day=1)
        while month <= self.end:
            out.append(month)
            month = (month + datetime.timedelta(days=32)).replace(day=1)
        return out


def meetings_in(
    user, period: Period, *, organisation: Organisation | None = None, programme: Programme | None = None
):
    """The meetings the report covers: visible to ``user``, starting within ``period``, filtered."""
    meetings = selectors.meetings(user).filter(start_date__range=(period.start, period.end))
    if programme is not None:
        meetings = meetings.filter(programme=programme)
    if organisation is not None:
        meetings = selectors.meetings_involving(meetings, organisation)
    # one row per meeting, whatever the joins above did
    return Meeting.objects.filter(pk__in=meetings.values("pk"))


def statistics(meetings, action_items, *, today: datetime.date | None = None) -> dict:
    """Totals for ``meetings`` (a queryset from :func:`meetings_in`) and their ``action_items`` (from
    ``selectors.action_items``: statuses from the follow-ups the reader may see); three queries."""
    today = today or timezone.localdate()
    totals = meetings.aggregate(meetings=Count("pk"), **ATTENDANCE_SUMS)
    totals["attendance"] = totals["participants"]
    status = action_items.status_field()
    unfinished = Q(**{f"{status}__in": UNFINISHED})
    actions = action_items.order_by().aggregate(
        opened=Count("pk"),
        done=Count("pk", filter=Q(**{status: ActionItemStatus.DONE})),
        dropped=Count("pk", filter=Q(**{status: ActionItemStatus.DROPPED})),
        unfinished=Count("pk", filter=unfinished),
        overdue=Count("pk", filter=unfinished & Q(due_date__lt=today)),
    )
    per_month = dict(
        meetings.annotate(month=TruncMonth("start_date"))
        .order_by()
        .values_list("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    return {
        "meetings": totals["meetings"],
        # None where no meeting recorded the figure: "not recorded", never 0
        **{k: totals[k] for k in ("attendance", "women", "online")},
        "women_percent": percent(share(totals["women"], totals["women_counted"])),
        "actions": actions,
        "closed": actions["done"] + actions["dropped"],
        "per_month": {
            (key.date() if isinstance(key, datetime.datetime) else key): n for key, n in per_month.items()
        },
    }


# --- The report ---------------------------------------------------------------------------------------
def build_report(
    *, user, period: Period, organisation=None, programme=None, address: str = "", today=None
) -> dict:
    """Everything the summary PDF shows, in a fixed number of queries."""
    from django.utils.translation import get_language

    from meetings.selectors.stats import statistics_charts

    meetings = meetings_in(user, period, organisation=organisation, programme=programme)
    action_items = selectors.action_items(user).filter(meeting__in=meetings)
    stats = statistics(meetings, action_items, today=today)
    listing = list(
        meetings.select_related("programme")
        .prefetch_related("organisers")
        .order_by("start_date", "pk")[: MAX_LISTED + 1]
    )
    return {
        "lang": get_language(),
        "reader": user,
        "period": period,
        "organisation": organisation,
        "programme": programme,
        "stats": stats,
        "statistics_charts": statistics_charts(meetings, action_items),
        "meetings": listing[:MAX_LISTED],
        "more_meetings": max(0, stats["meetings"] - MAX_LISTED),
        "address": address,
        "today": today or timezone.localdate(),
    }


def report_filename(report: dict) -> str:
    from django.utils.translation import gettext

    period = report["period"]
    if (
        period.start.month == 1
        and period.start.day == 1
        and period.end == period.start.replace(month=12, day=31)
    ):
        span = str(period.start.year)
    else:
        span = f"{period.start.isoformat()} – {period.end.isoformat()}"
    report = gettext("Summary report")
    return f"{report} {span}.pdf"


def render_report(report: dict) -> bytes:
    from django.template.loader import render_to_string
    from django.utils.formats import date_format
    from django.utils.translation import gettext

    from meetings.selectors.known_names import protecting
    from meetings.selectors.stats import chart_rows
    from reports.pdf.rendering import css_string, font_context, html_to_document, page_counter_css

    stats = report["stats"]
    months = report["period"].months()
    charts = []
    if len(months) <= 36:
        label = gettext("Meetings per month")
        rows = [
            (
                date_format(mo, "N") if len(months) <= 12 else date_format(mo, "m/y"),
                stats["per_month"].get(mo, 0),
            )
            for mo in months
        ]
    else:
        label = gettext("Meetings per year")
        per_year = {}
        for month, count in stats["per_month"].items():
            per_year[month.year] = per_year.get(month.year, 0) + count
        years = range(report["period"].start.year, report["period"].end.year + 1)
        rows = [(str(year), per_year.get(year, 0)) for year in years]
    charts.append({"title": label, "rows": chart_rows(rows)})
    # ... then the charts of the public statistics page, from the same code and the same records.
    charts.extend({"title": chart.title, "rows": chart.rows} for chart in report["statistics_charts"])
    part = {
        "lang": report["lang"],
        "page_counter": page_counter_css(gettext("Page {page} of {pages}")),
        "address_css": css_string(report["address"]),
        "generated_css": css_string(
            gettext("Generated on %(date)s") % {"date": date_format(report["today"], "j F Y")}
        ),
    }
    with protecting(report["reader"]):  # known names and loanwords are never cut at a line end
        html = render_to_string(
            "reports/summary.html",
            {**font_context(), **report, "parts": [part], "charts": charts, "stylesheet": "css/reports.css"},
        )
    from reports.pdf.archival import write_archival_pdf

    title = report_filename(report).removesuffix(".pdf")
    return write_archival_pdf(html_to_document(html), titles={report["lang"]: title})
