"""``{% minutes_downloads meeting as downloads %}``: the three editions of a meeting's minutes, with URLs."""

from django import template
from django.urls import reverse

from reports import services

register = template.Library()


@register.simple_tag
def minutes_downloads(meeting):
    """Editions (label, url, size in kB of the stored PDF or None). One query, whatever the meeting size."""
    rows = services.minutes_downloads(meeting)
    for row in rows:
        row["url"] = reverse("reports:minutes", kwargs={"slug": meeting.slug, "edition": row["edition"]})
        row["kilobytes"] = max(1, round(row["size"] / 1024)) if row["size"] else None
    return rows
