"""Bulk review: every unconfirmed suggestion of one fact kind, across the drafts an import made, in one list
with its passage, confirmed or dismissed in a few clicks (admin: imported news posts → review by kind).

Deciding goes through :func:`meetings.importing.services.decide_suggestions`, meeting by meeting, so a bulk
confirmation does exactly what the same ticks on each draft's page would do (a new person is recorded once,
and found again for every other draft that names them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied

from meetings.models.imports import Suggestion

PAGE = 500  # rows on one page of the review (an archive of 200 posts has fewer of any one kind)


def pending(*, kind: str | None = None):
    """Unconfirmed suggestions of drafts (of one kind), the draft and post at hand, in post order."""
    rows = Suggestion.objects.filter(status=Suggestion.Status.PENDING, meeting__status="draft")
    if kind:
        rows = rows.filter(field=kind)
    return rows.select_related("meeting", "post").order_by("post__post_date", "post_id", "pk")


def pending_counts() -> list[tuple[str, str, int]]:
    """(kind, its label, how many unconfirmed) for every kind that has some, in the order of the choices."""
    counts = {}
    for kind in pending().values_list("field", flat=True):
        counts[kind] = counts.get(kind, 0) + 1
    return [(value, label, counts[value]) for value, label in Suggestion.Field.choices if value in counts]


@dataclass
class BulkResult:
    decided: int = 0
    refused: list[int] = field(default_factory=list)  # meetings this officer may not edit


def decide_in_bulk(*, ids, confirm: bool, by) -> BulkResult:
    """Confirm (or dismiss) the suggestions ``ids`` that are still unconfirmed, meeting by meeting."""
    from meetings.importing.services import decide_suggestions

    by_meeting: dict[int, list[int]] = {}
    rows = pending().filter(pk__in=list(ids)).select_related(None).values_list("meeting_id", "pk")
    for meeting_id, pk in rows:
        by_meeting.setdefault(meeting_id, []).append(pk)
    result = BulkResult()
    from meetings.models import Meeting

    for meeting in Meeting.objects.filter(pk__in=by_meeting):
        chosen = by_meeting[meeting.pk]
        try:
            result.decided += decide_suggestions(
                meeting=meeting,
                confirm=chosen if confirm else (),
                dismiss=() if confirm else chosen,
                by=by,
            )
        except PermissionDenied:
            result.refused.append(meeting.pk)
    return result
