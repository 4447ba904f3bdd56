"""Report downloads. Thin: reads from :mod:`meetings.selectors`, the PDF from :mod:`reports.minutes`."""

from __future__ import annotations

from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from meetings import selectors
from meetings.models import Meeting, audience_of
from meetings.rules.text import ZWSP, line_break_hints
from portal.http.pagecache import share_with_proxy
from portal.http.sendfile import x_accel_response
from reports import minutes as services
from reports import summary as summary_service
from reports.minutes import editions
from reports.pdf.downloads import content_disposition, safe_name
from reports.summary.forms import SummaryForm


def minutes_filename(meeting: Meeting, edition: str, limit: int = 80) -> str:
    """E.g. "ບົດບັນທຶກກອງປະຊຸມ 2024-02-15 <title> - ພາສາລາວ.pdf": one name per edition (the Lao, English and
    bilingual PDFs of a meeting never overwrite each other in a downloads folder); long titles end between
    words. Only letters, digits, spaces, dots and dashes reach the name (:func:`safe_name`)."""
    with translation.override(editions.LANGUAGES[edition][0]):
        title = line_break_hints(meeting.title)
        if len(title) > limit:
            cut = max(title.rfind(ZWSP, 0, limit), title.rfind(" ", 0, limit))
            title = title[: cut if cut > 0 else limit]
        title = title.replace(ZWSP, "").strip()
        minutes = gettext("Minutes of the meeting")
        name = f"{minutes} {meeting.start_date.isoformat()} {title}"
        return f"{safe_name(name)} - {safe_name(str(editions.LABELS[edition]))}.pdf"


@require_safe
def minutes(request, slug: str, edition: str):
    meeting = get_object_or_404(selectors.meetings(request.user), slug=slug)
    audience = audience_of(request.user)
    pdf = services.minutes_pdf(meeting=meeting, edition=edition, audience=audience)
    # Behind nginx a stored PDF is sent by nginx itself (portal/http/sendfile.py); otherwise streamed from here.
    disposition = content_disposition(
        unicode_name=minutes_filename(meeting, edition),
        ascii_name=f"minutes-{meeting.slug}-{edition}.pdf",
        inline=request.GET.get("preview") == "1",
    )
    response = pdf.stored and x_accel_response(
        request, storage="reports", name=pdf.name, content_type="application/pdf", disposition=disposition
    )
    if not response:
        response = FileResponse(
            services.open_minutes_pdf(meeting=meeting, edition=edition, audience=audience, pdf=pdf),
            content_type="application/pdf",
        )
    response["Content-Disposition"] = disposition
    # Minutes of restricted meetings must not be kept by shared caches (nginx's own micro-cache keeps only
    # what an anonymous reader got, for a second).
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    return share_with_proxy(request, response)


@require_safe
def summary(request):
    """The summary report form; with a valid period, the report itself as PDF."""
    if not request.GET:
        form = SummaryForm(initial={"year": SummaryForm.initial_year()}, user=request.user)
        return render(request, "reports/summary_form.html", {"form": form})
    form = SummaryForm(request.GET, user=request.user)
    if not form.is_valid():
        return render(request, "reports/summary_form.html", {"form": form}, status=400)
    report = summary_service.build_report(
        user=request.user,
        period=form.period(),
        organisation=form.cleaned_data["organisation"],
        programme=form.cleaned_data["programme"],
        address=request.build_absolute_uri(),
    )
    pdf = summary_service.render_report(report)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(
        unicode_name=summary_service.report_filename(report),
        ascii_name=f"summary-report-{report['period'].start.isoformat()}-{report['period'].end.isoformat()}.pdf",
        inline=request.GET.get("preview") == "1",
    )
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    return response
