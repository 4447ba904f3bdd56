"""Reads: what a reader sees, for every exit of the portal.

Every public page, PDF, summary report, export, feed, sitemap, statistic and search reads records through
these functions, each taking the reader (``user``). They are built on the chainable ``visible_to(user)``
QuerySet methods of the models, which hold the one visibility rule (``meetings.models.visibility_levels``);
nothing else filters by status or visibility. What is reached through links is filtered too: follow-ups
recorded at or about hidden meetings, documents stricter than their meeting, people and organisations known
only from hidden meetings, statuses and counts derived from hidden rows.

Views and PDF builders call these and hold no query logic of their own.
"""

from meetings.selectors.action_items import (
    action_items,
    follow_ups_reported_at,
    tracker_items,
    visible_follow_ups,
)
from meetings.selectors.collation import by_name
from meetings.selectors.directory import (
    organisation_directory,
    organisations,
    people,
    person_directory,
    programmes,
)
from meetings.selectors.meetings import (
    chairs,
    feed_meetings,
    listed_meetings,
    meeting_page,
    meetings,
    meetings_involving,
    minutes_issuer,
    minutes_meeting,
    sorted_participations,
    visible_documents,
)
from meetings.selectors.profiles import organisation_page, person_page

__all__ = [
    "action_items",
    "by_name",
    "chairs",
    "feed_meetings",
    "follow_ups_reported_at",
    "listed_meetings",
    "meeting_page",
    "meetings",
    "meetings_involving",
    "minutes_issuer",
    "minutes_meeting",
    "organisation_directory",
    "organisation_page",
    "organisations",
    "people",
    "person_directory",
    "person_page",
    "programmes",
    "sorted_participations",
    "tracker_items",
    "visible_documents",
    "visible_follow_ups",
]
