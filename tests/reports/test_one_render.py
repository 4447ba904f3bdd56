"""The verified PDF's HTML is rendered once (issue 23), and the one render gives the same code and the same
HTML as rendering it twice (once for the code's fingerprint, once with the code) did: no verification code
changes with this."""

import pytest
from django.test.signals import template_rendered

from reports import minutes as services
from reports.minutes import editions, verification
from reports.models import Audience
from tests import factories as f

MINUTES = services.MINUTES_TEMPLATE


@pytest.fixture
def meeting(demo):
    meeting = demo[0]
    f.action_item(meeting=meeting, responsible=list(meeting.organisers.all()[:1]))
    return meeting


def test_a_verified_pdf_renders_its_html_once(meeting, monkeypatch):
    rendered = []

    def count(sender, template, **kwargs):
        if template.name == MINUTES:
            rendered.append(template.name)

    template_rendered.connect(count)
    try:
        pdf = services.render_minutes(meeting, editions.LAO, audience=Audience.PUBLIC)
    finally:
        template_rendered.disconnect(count)
    assert pdf.startswith(b"%PDF")
    assert rendered == [MINUTES]


@pytest.mark.parametrize("edition", editions.EDITIONS)
@pytest.mark.parametrize("audience", [Audience.PUBLIC, Audience.PARTNERS, Audience.STAFF])
def test_one_render_gives_the_code_and_html_of_two(meeting, edition, audience):
    issue, html = verification.verified_html(meeting, edition, audience=audience)
    assert issue.fingerprint == verification.visible_fingerprint(meeting, edition, audience)
    assert issue == verification.prepare_issue(meeting=meeting, edition=edition, audience=audience)
    twice = services.minutes_html(meeting, edition, audience=audience, verification=issue.template_context())
    assert html == twice
    assert verification.display_code(issue.code) in html and "\ue000" not in html
