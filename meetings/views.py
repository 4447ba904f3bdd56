"""Public pages. Views stay thin: every read goes through the ``visible_to`` rule of the model layer."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from meetings import stats
from meetings.forms import (
    ActionItemFilterForm,
    MeetingFilterForm,
    organisation_choices,
    programme_choices,
)
from meetings.models import (
    Achievement,
    ActionItem,
    ActionItemUpdate,
    Activity,
    AgendaItem,
    Document,
    Meeting,
    Organisation,
    Participation,
    Person,
)
from meetings.uploads import CONTENT_TYPES, detect_kind

PAGE_SIZE = 20
ORGANISATION_PAGE_ROWS = 10


def _page(request, queryset, size=PAGE_SIZE):
    """One page of ``queryset``; a missing or bad ``page`` value gives the first or last page."""
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def _query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _listed_meetings(user):
    return Meeting.objects.visible_to(user).select_related("programme").prefetch_related("organisers")


def _visible_updates(user):
    return ActionItemUpdate.objects.visible_to(user).select_related("meeting")


def _listed_action_items(user):
    return (
        ActionItem.objects.visible_to(user)
        .select_related("meeting")
        .prefetch_related("responsible", Prefetch("updates", queryset=_visible_updates(user)))
    )


def home(request):
    user = request.user
    today = timezone.localdate()
    visible = Meeting.objects.visible_to(user)
    context = {
        "latest": _listed_meetings(user).past(today)[:5],
        "upcoming": _listed_meetings(user).upcoming(today)[:5],
        "open_items": _listed_action_items(user).unfinished().order_by("due_date", "pk")[:5],
        "figures": stats.key_figures(visible, ActionItem.objects.visible_to(user)),
    }
    return render(request, "meetings/home.html", context)


def meeting_list(request, year: int | None = None):
    user = request.user
    year_counts = stats.meetings_per_year(Meeting.objects.visible_to(user))
    if year is not None and year not in year_counts:
        raise Http404  # includes years that are not dates at all (0, 10000)
    form = MeetingFilterForm(
        request.GET, organisations=organisation_choices(), programmes=programme_choices()
    )
    if year is not None:
        del form.fields["year"]  # the year archive's year comes from the address
    values = form.valid_values()
    meetings = _listed_meetings(user)
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
        slug = values["organisation"]
        meetings = meetings.filter(
            Q(organisers__slug=slug) | Q(participations__organisation__slug=slug)
        ).distinct()
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
    user = request.user
    meeting = get_object_or_404(
        Meeting.objects.visible_to(user)
        .select_related("programme")
        .prefetch_related(
            "organisers",
            "countries",
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("person", "organisation"),
            ),
            Prefetch("agenda_items", queryset=AgendaItem.objects.select_related("presenter")),
            Prefetch("activities", queryset=Activity.objects.select_related("organisation")),
            Prefetch("achievements", queryset=Achievement.objects.select_related("organisation")),
            Prefetch(
                "action_items",
                queryset=ActionItem.objects.prefetch_related(
                    "responsible", Prefetch("updates", queryset=_visible_updates(user))
                ),
            ),
            Prefetch("documents", queryset=Document.objects.visible_to(user)),
        ),
        slug=slug,
    )
    # Follow-ups reported at this meeting on action items decided earlier (only items the reader may see).
    follow_ups = (
        ActionItemUpdate.objects.filter(meeting=meeting)
        .filter(action_item__in=ActionItem.objects.visible_to(user))
        .exclude(action_item__meeting=meeting)
        .select_related("action_item", "action_item__meeting")
    )
    role_order = {role: i for i, role in enumerate(Participation.Role.values)}
    participations = sorted(meeting.participations.all(), key=lambda p: role_order.get(p.role, 99))
    chairs = [p for p in participations if p.role in (Participation.Role.CHAIR, Participation.Role.CO_CHAIR)]
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "participations": participations,
            "chairs": chairs,
            "follow_ups": follow_ups,
        },
    )


def organisation_list(request):
    organisations = Organisation.objects.select_related("parent")
    return render(request, "meetings/organisation_list.html", {"page": _page(request, organisations, 100)})


def organisation_detail(request, slug: str):
    user = request.user
    organisation = get_object_or_404(
        Organisation.objects.select_related("parent").prefetch_related("children"), slug=slug
    )
    organised = _listed_meetings(user).filter(organisers=organisation)
    attended = (
        _listed_meetings(user)
        .filter(participations__organisation=organisation)
        .exclude(organisers=organisation)
        .distinct()
    )
    action_items = (
        _listed_action_items(user).filter(responsible=organisation).order_by("-meeting__start_date", "order")
    )
    people = organisation.people.all()
    return render(
        request,
        "meetings/organisation_detail.html",
        {
            "organisation": organisation,
            # the latest rows; the full lists are the filtered meeting list and action-item tracker
            "organised": organised[:ORGANISATION_PAGE_ROWS],
            "organised_count": organised.count(),
            "attended": attended[:ORGANISATION_PAGE_ROWS],
            "attended_count": attended.count(),
            "action_items": action_items[:ORGANISATION_PAGE_ROWS],
            "action_items_count": action_items.count(),
            "people": people,
        },
    )


def person_list(request):
    people = Person.objects.select_related("organisation")
    return render(request, "meetings/person_list.html", {"page": _page(request, people, 100)})


def person_detail(request, slug: str):
    user = request.user
    person = get_object_or_404(Person.objects.select_related("organisation"), slug=slug)
    participations = (
        Participation.objects.visible_to(user)
        .filter(person=person)
        .select_related("meeting", "organisation")
        .order_by("-meeting__start_date")
    )
    by_role: dict[str, dict] = {}
    for part in participations:
        group = by_role.setdefault(part.role, {"label": part.get_role_display(), "items": []})
        group["items"].append(part)
    presented = (
        AgendaItem.objects.visible_to(user)
        .filter(presenter=person)
        .select_related("meeting")
        .order_by("-meeting__start_date", "order")
    )
    return render(
        request,
        "meetings/person_detail.html",
        {"person": person, "roles": list(by_role.values()), "presented": presented},
    )


def action_item_list(request):
    user = request.user
    form = ActionItemFilterForm(request.GET, organisations=organisation_choices())
    values = form.valid_values()
    items = _listed_action_items(user).order_by("-meeting__start_date", "order")
    if "status" in values:
        items = items.filter(status=values["status"])
    if "organisation" in values:
        items = items.filter(responsible__slug=values["organisation"]).distinct()
    if "year" in values:
        items = items.filter(meeting__start_date__year=values["year"])
    if values.get("overdue"):
        items = items.overdue()
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
    context = stats.statistics_context(Meeting.objects.visible_to(user), ActionItem.objects.visible_to(user))
    return render(request, "meetings/statistics.html", context)


def open_data(request):
    from meetings import exports

    return render(request, "meetings/open_data.html", {"datasets": exports.DATASETS})


@require_safe
def document_download(request, pk):
    """Send a document the user may see, always as a download; anything else is 404."""
    document = get_object_or_404(Document.objects.visible_to(request.user), pk=pk)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    kind = detect_kind(handle)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.filename,
        content_type=CONTENT_TYPES.get(kind, "application/octet-stream"),
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
