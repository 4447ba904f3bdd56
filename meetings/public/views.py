"""Public pages. Views stay thin: every read goes through :mod:`meetings.selectors`."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from meetings import selectors
from meetings.public.forms import (
    ActionItemFilterForm,
    MeetingFilterForm,
)
from meetings.rules.uploads import CONTENT_TYPES, detect_kind
from meetings.selectors import stats
from meetings.selectors.prepared import with_repeated_selects
from portal.http.pagecache import share_with_proxy
from portal.http.sendfile import x_accel_response
from portal.http.storage_down import storage_down_response
from portal.ops import files

PAGE_SIZE = 20


def _page(request, queryset, size=PAGE_SIZE):
    """One page of ``queryset``; a missing or bad ``page`` value gives the first or last page."""
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def _render_or_404(request, template: str, context: dict | None):
    """A detail page from its selector's content; ``None`` (nothing the reader may see) is 404."""
    if context is None:
        raise Http404
    return render(request, template, context)


def _query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@with_repeated_selects  # its lists and figures are the same SQL on every request
def home(request):
    user = request.user
    today = timezone.localdate()
    context = {
        "latest": selectors.listed_meetings(user).past(today)[:5],
        "upcoming": selectors.listed_meetings(user).upcoming(today)[:5],
        "open_items": selectors.action_items(user).unfinished().order_by("due_date", "pk")[:5],
        "figures": stats.key_figures(selectors.meetings(user), selectors.action_items(user)),
    }
    return render(request, "meetings/home.html", context)


def meeting_list(request, year: int | None = None):
    user = request.user
    year_counts = stats.meetings_per_year(selectors.meetings(user))
    if year is not None and year not in year_counts:
        raise Http404  # includes years that are not dates at all (0, 10000)
    organisations = selectors.organisations(user)  # decided once per request (a fixed number of queries)
    form = MeetingFilterForm(request.GET, organisations=organisations, programmes=selectors.programmes(user))
    if year is not None:
        del form.fields["year"]  # the year archive's year comes from the address
    values = form.valid_values()
    meetings = selectors.listed_meetings(user)
    if year is not None:
        meetings = meetings.in_year(year)
    elif "year" in values:
        meetings = meetings.in_year(values["year"])
    if "kind" in values:
        meetings = meetings.filter(kind=values["kind"])
    if "format" in values:
        meetings = meetings.filter(format=values["format"])
    if "programme" in values:
        meetings = meetings.filter(programme__slug=values["programme"])
    if "organisation" in values:
        organisation = organisations.filter(slug=values["organisation"]).first()
        if organisation is not None:
            meetings = selectors.meetings_involving(meetings, organisation)
    page = _page(request, meetings)
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "form": form,
            "page": page,
            "year": year,
            "year_counts": year_counts,
            "query": _query_without_page(request),
            "filtered": bool(values),
        },
    )


def year_archive(request, year: int):
    return meeting_list(request, year=year)


def meeting_detail(request, slug: str):
    return _render_or_404(request, "meetings/meeting_detail.html", selectors.meeting_page(request.user, slug))


def organisation_list(request):
    organisations = selectors.organisation_directory(request.user)
    return render(request, "meetings/organisation_list.html", {"page": _page(request, organisations, 100)})


def organisation_detail(request, slug: str):
    return _render_or_404(
        request, "meetings/organisation_detail.html", selectors.organisation_page(request.user, slug)
    )


def person_list(request):
    people = selectors.person_directory(request.user)
    return render(request, "meetings/person_list.html", {"page": _page(request, people, 100)})


def person_detail(request, slug: str):
    return _render_or_404(request, "meetings/person_detail.html", selectors.person_page(request.user, slug))


def action_item_list(request):
    user = request.user
    form = ActionItemFilterForm(request.GET, organisations=selectors.organisations(user))
    values = form.valid_values()
    items = selectors.tracker_items(
        user,
        status=values.get("status"),
        organisation_slug=values.get("organisation"),
        year=values.get("year"),
        overdue=values.get("overdue", False),
    )
    return render(
        request,
        "meetings/action_item_list.html",
        {
            "form": form,
            "page": _page(request, items),
            "query": _query_without_page(request),
            "today": timezone.localdate(),
        },
    )


def statistics(request):
    user = request.user
    context = stats.statistics_context(selectors.meetings(user), selectors.action_items(user))
    return render(request, "meetings/statistics.html", context)


def open_data(request):
    from meetings.public import exports

    return render(request, "meetings/open_data.html", {"datasets": exports.DATASETS})


@require_safe
def document_download(request, pk):
    """Send a document the user may see, always as a download; anything else is 404."""
    document = get_object_or_404(selectors.visible_documents(request.user), pk=pk)
    if not document.file:
        raise Http404
    try:
        handle = files.open_stored(document.file.storage, document.file.name)
        kind = detect_kind(handle)
        content_type = CONTENT_TYPES.get(kind, "application/octet-stream")
        response = x_accel_response(
            request, storage="default", name=document.file.name, content_type=content_type,
            disposition=content_disposition_header(True, document.filename),
        )  # fmt: skip
    except FileNotFoundError as error:
        raise Http404 from error
    except files.STORAGE_ERRORS as error:  # S3 down: a 503 in both languages, never a 500
        return storage_down_response(request, error)
    if response is not None:  # nginx sends the file (portal/http/sendfile.py)
        handle.close()
    else:
        response = FileResponse(
            handle, as_attachment=True, filename=document.filename, content_type=content_type
        )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return share_with_proxy(request, response)
