"""The partial with the three download links, for the public meeting page."""

import pytest
from django.core.files.storage import storages
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from reports import minutes as services


@pytest.mark.django_db
def test_links_to_the_three_editions_with_size_hints(demo, client):
    meeting = demo[0]
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        html = render_to_string("reports/_minutes_links.html", {"meeting": meeting})
    assert len(queries) == 1
    for edition, label in (
        ("lo", "Minutes in Lao<"),
        ("en", "Minutes in English<"),
        ("bilingual", "Lao and English<"),
    ):
        assert f'href="/en/reports/minutes/{meeting.slug}/{edition}.pdf"' in html
        assert label in html
    assert html.count("(PDF, A4)") == 3  # nothing rendered yet: no size to show

    pdf = services.minutes_pdf(meeting=meeting, edition="lo", audience="public")  # the template has no reader
    with translation.override("lo"):
        html = render_to_string("reports/_minutes_links.html", {"meeting": meeting})
    assert f'href="/lo/reports/minutes/{meeting.slug}/lo.pdf"' in html
    assert f"PDF, {round(pdf.size / 1024)} kB" in html
    assert "ບົດບັນທຶກເປັນພາສາລາວ<" in html
    response = client.get(f"/lo/reports/minutes/{meeting.slug}/lo.pdf")
    assert response.status_code == 200
    with storages["reports"].open(pdf.name, "rb") as stored:  # the stored PDF, not a new one
        assert b"".join(response.streaming_content) == stored.read()
