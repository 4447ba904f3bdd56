"""Feeds of meetings: Atom (news readers) and iCalendar (calendar programs), in the reader's language.

Both list only what ``meetings.selectors.feed_meetings(request.user)`` gives.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from meetings import selectors
from meetings.templatetags.portal import pick_translation


class PlainTextAtom1Feed(Atom1Feed):
    """Atom whose summaries are plain text (``type="text"``), as the meetings' summaries are: a reader
    must show "<b>" as typed, never interpret it as markup. Django's Atom1Feed marks them as HTML."""

    def add_item_elements(self, handler, item):
        description = item.get("description")
        item["description"] = None  # Django would write it as type="html"
        try:
            super().add_item_elements(handler, item)
        finally:
            item["description"] = description
        if description is not None:
            handler.addQuickElement("summary", description, {"type": "text"})


class MeetingAtomFeed(Feed):
    feed_type = PlainTextAtom1Feed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def title(self):
        return _("Counter-trafficking meetings")

    def subtitle(self):
        return _("Meetings of the counter-trafficking committees of the Lao PDR")

    def link(self):
        return reverse("meetings:meeting_list")

    def feed_url(self):
        return reverse("meetings:feed_atom")

    def items(self):
        return selectors.feed_meetings(self.request.user)

    def item_title(self, item):
        return pick_translation(item, "title").value

    def item_description(self, item):
        date = item.start_date.isoformat()
        summary = pick_translation(item, "summary").value
        return f"{date} — {summary}" if summary else date

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"{settings.SITE_URL}/meetings/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [str(item.get_kind_display())]


def meetings_ical(request):
    """An iCalendar (RFC 5545) file with one all-day event per visible meeting."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//Lao counter-trafficking records portal//meetings//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Counter-trafficking meetings"))
    now = timezone.now()
    for meeting in selectors.feed_meetings(request.user):
        event = icalendar.Event()
        event.add("uid", f"meeting-{meeting.pk}@{request.get_host()}")
        event.add("dtstamp", now)
        event.add("dtstart", meeting.start_date)
        event.add("dtend", meeting.last_date + datetime.timedelta(days=1))
        event.add("summary", pick_translation(meeting, "title").value)
        place = ", ".join(
            v
            for v in (pick_translation(meeting, "venue").value, pick_translation(meeting, "city").value)
            if v
        )
        if place:
            event.add("location", place)
        summary = pick_translation(meeting, "summary").value
        if summary:
            event.add("description", summary)
        event.add("url", request.build_absolute_uri(meeting.get_absolute_url()))
        event.add("last-modified", meeting.updated_at)
        event.add("categories", [str(meeting.get_kind_display())])
        cal.add_component(event)
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    return response
