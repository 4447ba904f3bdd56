"""The admin meeting page has a preview button per edition of the minutes; each opens the PDF inline."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse


@pytest.mark.django_db
def test_admin_meeting_page_previews_each_edition(client, demo):
    admin = get_user_model().objects.create_superuser("boss", password="a-long-test-password")
    client.force_login(admin)
    meeting = demo[0]
    meeting.status = "draft"  # the secretariat previews drafts too
    meeting.save()
    page = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    assert page.status_code == 200
    links = re.findall(
        r'<a href="([^"]+)"[^>]*class="minutes-preview" data-edition="(\w+)"', page.content.decode()
    )
    assert [edition for _href, edition in links] == ["lo", "en", "bilingual"]
    for href, _edition in links:
        response = client.get(href.replace("&amp;", "&"))
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("inline; ")
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    # an anonymous visitor cannot use the same links for the draft
    client.logout()
    assert client.get(links[0][0]).status_code == 404


@pytest.mark.django_db
def test_add_page_has_no_preview(client):
    admin = get_user_model().objects.create_superuser("boss", password="a-long-test-password")
    client.force_login(admin)
    page = client.get(reverse("admin:meetings_meeting_add"))
    assert page.status_code == 200
    assert b"minutes-preview" not in page.content
