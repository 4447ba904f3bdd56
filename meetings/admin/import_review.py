"""Bulk review of the suggestions read from imported posts, one fact kind at a time (see
:mod:`meetings.importing.review`): ``admin/meetings/importedpost/review/?kind=venue``. Every row is ticked;
the officer unticks what is wrong, reading the passage, and confirms (or dismisses) the ticked ones."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from meetings.importing import review, services
from meetings.models.imports import Suggestion

MSG_DECIDED = _("%(count)d suggestions decided.")
MSG_REFUSED = _("%(count)d drafts were left as they are: you may not edit them.")
MSG_NONE_TICKED = _("Tick the suggestions to confirm or dismiss.")


def review_url(kind: str = "") -> str:
    return reverse("admin:meetings_importedpost_review") + (f"?kind={kind}" if kind else "")


def review_view(model_admin, request):
    if not services.can_import(request.user):
        raise PermissionDenied
    kinds = review.pending_counts()
    kind = request.GET.get("kind", "")
    if kind not in Suggestion.Field.values:
        kind = kinds[0][0] if kinds else ""
    if request.method == "POST":
        ids = [int(i) for i in request.POST.getlist("suggestion") if i.isdigit()]
        if not ids:
            messages.warning(request, MSG_NONE_TICKED)
        else:
            result = review.decide_in_bulk(ids=ids, confirm="dismiss" not in request.POST, by=request.user)
            messages.success(request, MSG_DECIDED % {"count": result.decided})
            if result.refused:
                messages.warning(request, MSG_REFUSED % {"count": len(result.refused)})
        return HttpResponseRedirect(review_url(kind))
    rows = list(review.pending(kind=kind)[: review.PAGE]) if kind else []
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Review the suggestions by kind"),
        "kinds": [(value, label, count, review_url(value)) for value, label, count in kinds],
        "kind": kind,
        "kind_label": Suggestion.Field(kind).label if kind else "",
        "rows": rows,
        "more": max(0, sum(c for v, _l, c in kinds if v == kind) - len(rows)),
    }
    return TemplateResponse(request, "admin/meetings/importedpost/review.html", context)


def review_urls(model_admin) -> list:
    """The review page's address, for :meth:`ImportedPostAdmin.get_urls`."""
    view = model_admin.admin_site.admin_view(lambda request: review_view(model_admin, request))
    return [path("review/", view, name="meetings_importedpost_review")]
