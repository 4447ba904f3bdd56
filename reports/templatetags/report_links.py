"""``{% minutes_downloads meeting as downloads %}``: the three editions of a meeting's minutes, with URLs."""

from django import template

from meetings.models import audience_of
from portal.http.reversed import reverse_kept
from reports import minutes as services

register = template.Library()


@register.simple_tag(takes_context=True)
def minutes_downloads(context, meeting):
    """Editions (label, url, size in kB of the stored PDF for the reader's audience, or None). One query,
    whatever the meeting size."""
    request = context.get("request")
    audience = audience_of(request.user if request is not None else None)
    rows = services.minutes_downloads(meeting, audience=audience)
    for row in rows:
        row["url"] = reverse_kept("reports:minutes", slug=meeting.slug, edition=row["edition"])
        row["kilobytes"] = max(1, round(row["size"] / 1024)) if row["size"] else None
    return rows
