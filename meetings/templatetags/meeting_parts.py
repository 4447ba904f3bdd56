"""``{% meeting_facts meeting chairs %}``, ``{% participant_rows participations %}``, ``{% reported_item item %}``
and ``{% action_item item open_history=True %}`` (or ``show_meeting=True``): the dense and repeated parts of
the meeting page, and the action items of the lists, written in Python (:mod:`meetings.public.meeting_parts`)."""

from django import template

from meetings.public import meeting_parts

register = template.Library()
register.simple_tag(meeting_parts.facts_html, name="meeting_facts")
register.simple_tag(meeting_parts.participant_rows, name="participant_rows")
register.simple_tag(meeting_parts.reported_item_html, name="reported_item")
register.simple_tag(meeting_parts.action_item_html, name="action_item")
