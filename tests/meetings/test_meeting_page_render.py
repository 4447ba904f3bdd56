"""The meeting page as the fast path renders it (meetings.selectors.meeting_page: the meeting and its parts
from prepared statements, rows rebuilt into light instances) is byte for byte the page rendered from the
plain ORM read (select_related and prefetch_related, as the minutes read it), for the two real meetings, in
Lao and English, for every audience."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from meetings import selectors
from meetings.models import ActionItemUpdate
from meetings.rules import roles
from meetings.selectors.known_names import names_shown_with
from meetings.selectors.meetings import _with_parts, chairs, sorted_participations
from tests import factories as f

TEMPLATE = "meetings/meeting_detail.html"
CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=)"[^"]+"')  # masked afresh on every render


def _render(context, request) -> str:
    return CSRF.sub(r'\1"…"', render_to_string(TEMPLATE, context, request=request))


def _reference(user, slug):
    """The page's content read the plain way (one prefetch query per part)."""
    meeting = _with_parts(selectors.meetings(user), user).get(slug=slug)
    participations = sorted_participations(meeting)
    return {
        "meeting": meeting,
        "participations": participations,
        "chairs": chairs(participations),
        "follow_ups": selectors.follow_ups_reported_at(meeting),
        "names": names_shown_with(meeting),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, roles.PARTNER, roles.PUBLISHER])
def test_the_fast_meeting_page_is_the_page_of_the_plain_read(demo, role):
    later, earlier = demo
    earlier_item = earlier.action_items.first()
    ActionItemUpdate.objects.create(
        meeting=later, action_item=earlier_item, status="in_progress", note_lo="ກຳລັງດຳເນີນ", note_en="Ongoing"
    )
    item = f.action_item(meeting=later, responsible=list(later.organisers.all()[:2]))
    ActionItemUpdate.objects.create(meeting=later, action_item=item, status="done", note_en="Finished")
    f.document(meeting=later, visibility="partners")
    f.document(meeting=later)
    user = AnonymousUser() if role is None else f.user(role=role)
    compared = 0
    for meeting in (later, earlier):
        for lang in ("lo", "en"):
            with translation.override(lang):
                request = RequestFactory().get(meeting.get_absolute_url())
                request.user = user
                fast = _render(selectors.meeting_page(user, meeting.slug), request)
                plain = _render(_reference(user, meeting.slug), request)
            assert fast == plain, (meeting.slug, lang)
            assert meeting.title_lo in fast or meeting.title_en in fast
            compared += 1
    assert compared == 4
    with translation.override("en"):
        request = RequestFactory().get(later.get_absolute_url())
        request.user = user
        page = _render(selectors.meeting_page(user, later.slug), request)
    assert "Finished" in page and "Ongoing" in page  # follow-ups of this meeting's and an earlier item
    assert page.count('class="partners-only"') == (0 if role is None else 1)
