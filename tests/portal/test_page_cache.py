"""The page cache (portal/http/pagecache.py): anonymous public pages come from the cache, per language; a
signed-in reader never gets a page cached for another audience; any edit shows at the next request."""

import pytest
from django.urls import reverse
from django.utils import translation

from meetings.rules import roles
from meetings.services import publish_meeting
from tests import factories as f

PAGES = ["/{lang}/", "/{lang}/meetings/", "/{lang}/statistics/", "/{lang}/action-items/"]


def meeting_url(meeting, lang):
    with translation.override(lang):
        return reverse("meetings:meeting", kwargs={"slug": meeting.slug})


@pytest.fixture
def meetings(db):
    public = f.meeting(title_en="Open meeting", title_lo="ກອງປະຊຸມເປີດ")
    shared = f.meeting(visibility="partners", title_en="Partners meeting", title_lo="ກອງປະຊຸມຄູ່ຮ່ວມງານ")
    return public, shared


@pytest.mark.parametrize("lang", ["lo", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_anonymous_pages_are_cached_per_language(client, meetings, page, lang):
    url = page.format(lang=lang)
    first = client.get(url)
    second = client.get(url)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert first.content == second.content
    assert second["Content-Language"] == lang
    other = "en" if lang == "lo" else "lo"
    assert client.get(page.format(lang=other))["X-Page-Cache"] == "miss"  # the other language is its own page
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_partner_never_gets_the_anonymous_page(client, meetings):
    public, shared = meetings
    anonymous = client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    assert shared.title_en not in anonymous.content.decode()
    client.force_login(f.user(role=roles.PARTNER))
    page = client.get("/en/")
    assert page["X-Page-Cache"] == "miss" and shared.title_en in page.content.decode()  # the partners' own
    assert "private" in page["Cache-Control"]


def test_the_anonymous_reader_never_gets_a_partners_page(client, meetings):
    public, shared = meetings
    client.force_login(f.user(role=roles.PARTNER))
    assert shared.title_en in client.get("/en/meetings/").content.decode()
    assert shared.title_en in client.get(meeting_url(shared, "en")).content.decode()
    client.logout()
    client.cookies.clear()
    page = client.get("/en/meetings/")
    assert page["X-Page-Cache"] == "miss" and shared.title_en not in page.content.decode()
    assert client.get(meeting_url(shared, "en")).status_code == 404


def test_an_officer_never_gets_the_anonymous_page(client, meetings):
    client.get("/lo/")
    client.force_login(f.user(role=roles.EDITOR))
    page = client.get("/lo/")
    assert page["X-Page-Cache"] == "miss" and "private" in page["Cache-Control"]


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_an_edit_shows_at_the_next_request(client, meetings, lang):
    public, _shared = meetings
    url = meeting_url(public, lang)
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    public.title_en, public.title_lo = "Renamed meeting", "ກອງປະຊຸມປ່ຽນຊື່"
    public.save()
    page = client.get(url).content.decode()
    assert (public.title_en if lang == "en" else public.title_lo) in page
    home = client.get(f"/{lang}/").content.decode()
    assert (public.title_en if lang == "en" else public.title_lo) in home


def test_publishing_shows_at_once_everywhere(client, db):
    draft = f.meeting(status="review", title_en="Soon public")
    assert "Soon public" not in client.get("/en/meetings/").content.decode()
    client.get("/en/meetings/")
    publish_meeting(meeting=draft, by=f.user(role=roles.PUBLISHER))
    assert "Soon public" in client.get("/en/meetings/").content.decode()
    assert "Soon public" in client.get("/en/").content.decode()


def test_many_to_many_and_bulk_changes_invalidate(client, db):
    meeting = f.meeting()
    organisation = f.organisation(name_en="Newly organising ministry")
    url = meeting_url(meeting, "en")
    client.get(url)
    meeting.organisers.add(organisation)
    assert "Newly organising ministry" in client.get(url).content.decode()
    from meetings.models import Meeting

    Meeting.objects.filter(pk=meeting.pk).update(title_en="Bulk renamed")
    assert "Bulk renamed" in client.get(url).content.decode()


def test_etag_gives_304(client, meetings):
    first = client.get("/en/")
    again = client.get("/en/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_the_cache_can_be_switched_off(client, meetings, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/en/")
    assert "X-Page-Cache" not in client.get("/en/")
