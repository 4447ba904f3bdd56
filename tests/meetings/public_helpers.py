"""Shared builders for the public-site tests: a small world with public, hidden and partly translated records."""

import datetime

from meetings import models as m
from tests import factories as f


def hidden_meetings(*, organisers=(), person=None, responsible=()):
    """One meeting of each kind an anonymous reader must not see, each with children that must not leak."""
    hidden = {
        "draft": f.meeting(
            title_en="SECRET draft meeting", status=m.Meeting.Status.DRAFT, organisers=organisers
        ),
        "review": f.meeting(
            title_en="SECRET meeting in review", status=m.Meeting.Status.IN_REVIEW, organisers=organisers
        ),
        "internal": f.meeting(
            title_en="SECRET internal meeting",
            visibility=m.Meeting.Visibility.INTERNAL,
            organisers=organisers,
        ),
        "partners": f.meeting(
            title_en="PARTNERS-ONLY meeting", visibility=m.Meeting.Visibility.PARTNERS, organisers=organisers
        ),
    }
    for key, meeting in hidden.items():
        text = "PARTNERS-ONLY action" if key == "partners" else f"SECRET action of the {key} meeting"
        f.action_item(meeting=meeting, text_en=text, responsible=responsible)
        if person is not None:
            f.participation(meeting=meeting, person=person)
    return hidden


def many_meetings(n, *, organisers=(), person=None, responsible=()):
    """``n`` public meetings, each with a participant, an action item and a follow-up."""
    meetings = []
    for i in range(n):
        meeting = f.meeting(
            start_date=datetime.date(2021 + i % 4, 1 + i % 12, 1 + i % 27),
            organisers=organisers,
            attendance_total=20,
            attendance_women=8,
            attendance_online=2,
        )
        if person is not None:
            f.participation(meeting=meeting, person=person, role=m.Participation.Role.PARTICIPANT)
        f.participation(meeting=meeting, person=f.person())
        item = f.action_item(meeting=meeting, responsible=responsible)
        m.ActionItemUpdate.objects.create(
            action_item=item, meeting=meeting, status="in_progress", note_en="Begun"
        )
        meetings.append(meeting)
    return meetings
