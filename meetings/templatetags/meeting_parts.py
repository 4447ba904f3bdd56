"""``{% meeting_facts meeting chairs %}`` and ``{% participant_rows participations %}``: the meeting page's
dense parts, written in Python (:mod:`meetings.public.meeting_parts`)."""

from django import template

from meetings.public import meeting_parts

register = template.Library()
register.simple_tag(meeting_parts.facts_html, name="meeting_facts")
register.simple_tag(meeting_parts.participant_rows, name="participant_rows")
