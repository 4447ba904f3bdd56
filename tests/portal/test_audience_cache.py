# ruff: noqa: F811 - the fixtures imported from the page cache and differential tests are used by name
"""The page cache per audience (issue 23): pages are kept per audience (anonymous, partners, staff with a set
of rights), language, host, path and content version, never per person; the header's account part (name,
sign-out form, CSRF token) is rendered for each request into the kept page."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from meetings.rules import roles
from portal.http import pagecache
from tests import factories as f
from tests.meetings.test_differential_visibility import _normalise, _readable, exit_urls, file_store, rich  # noqa: F401
from tests.portal.test_page_cache import meeting_url, meetings  # noqa: F401

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_two_partners_share_the_page_but_each_gets_their_own_header(meetings):
    _public, shared = meetings
    anna = signed_in(f.user(role=roles.PARTNER, first_name="Anna", last_name="Partner"))
    boun = signed_in(f.user(role=roles.PARTNER, first_name="Boun", last_name="Mixay"))
    first = anna.get("/en/meetings/")
    second = boun.get("/en/meetings/")
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    for page, mine, theirs in ((first, "Anna Partner", "Boun Mixay"), (second, "Boun Mixay", "Anna Partner")):
        text = page.content.decode()
        assert shared.title_en in text and mine in text and theirs not in text
        assert "private" in page["Cache-Control"]
    tokens = [CSRF.search(p.content.decode()).group(1) for p in (first, second)]
    assert tokens[0] != tokens[1]  # the sign-out form's token is each reader's own


def test_the_sign_out_form_of_a_cached_page_works(meetings):
    partner, other = f.user(role=roles.PARTNER), f.user(role=roles.PARTNER)
    signed_in(other).get("/en/")  # the partners' page is kept
    client = Client(enforce_csrf_checks=True)
    client.force_login(partner)
    page = client.get("/en/")
    assert page["X-Page-Cache"] == "hit"
    token = CSRF.search(page.content.decode()).group(1)
    with translation.override("en"):
        logout = reverse("accounts:logout")
    assert client.post(logout, {"csrfmiddlewaretoken": token}).status_code == 302
    after = client.get("/en/meetings/").content.decode()
    assert "Partners meeting" not in after and "Sign in" in after


def test_signing_in_shows_the_partner_pages_at_once(meetings):
    _public, shared = meetings
    client = Client()
    assert shared.title_en not in client.get("/en/meetings/").content.decode()
    assert client.get("/en/meetings/")["X-Page-Cache"] == "hit"
    partner = f.user(role=roles.PARTNER, username="partner-signing-in")
    partner.set_password("a long partner password")
    partner.save()
    with translation.override("en"):
        login = reverse("accounts:login")
    page = client.get(login)
    token = CSRF.search(page.content.decode()).group(1)
    answer = client.post(
        login,
        {
            "username": "partner-signing-in",
            "password": "a long partner password",
            "csrfmiddlewaretoken": token,
        },
    )
    assert answer.status_code == 302
    assert shared.title_en in client.get("/en/meetings/").content.decode()
    assert client.get(meeting_url(shared, "en")).status_code == 200


def test_a_signed_out_or_deactivated_partner_gets_nothing_more(meetings):
    _public, shared = meetings
    # accounts first: a change of users' rights moves the content version on (the kept audiences are forgotten)
    staying, leaving, deactivated, demoted = (f.user(role=roles.PARTNER) for _ in range(4))
    assert shared.title_en in signed_in(staying).get("/en/meetings/").content.decode()  # kept for partners
    client = signed_in(leaving)
    assert client.get("/en/meetings/")["X-Page-Cache"] == "hit"
    client.logout()
    assert shared.title_en not in client.get("/en/meetings/").content.decode()
    assert client.get(meeting_url(shared, "en")).status_code == 404

    client = signed_in(deactivated)
    assert client.get("/en/meetings/")["X-Page-Cache"] == "hit"
    deactivated.is_active = False
    deactivated.save()
    assert shared.title_en not in client.get("/en/meetings/").content.decode()
    assert client.get(meeting_url(shared, "en")).status_code == 404

    client = signed_in(demoted)
    assert shared.title_en in client.get("/en/meetings/").content.decode()
    demoted.groups.clear()  # the role taken away: the audience kept for this user is forgotten
    assert shared.title_en not in client.get("/en/meetings/").content.decode()


def test_staff_pages_are_kept_per_set_of_rights(meetings, settings):
    settings.ADMIN_REQUIRE_OTP = False
    draft = f.meeting(status="draft", title_en="Draft for the secretariat")
    editors = [signed_in(f.user(role=roles.EDITOR)) for _ in range(2)]
    publisher = signed_in(f.user(role=roles.PUBLISHER))
    partner = signed_in(f.user(role=roles.PARTNER))
    assert editors[0].get("/en/meetings/")["X-Page-Cache"] == "miss"
    assert editors[1].get("/en/meetings/")["X-Page-Cache"] == "hit"
    page = publisher.get("/en/meetings/")
    assert page["X-Page-Cache"] == "miss"  # other rights, another kept page
    assert draft.title_en in page.content.decode()
    page = partner.get("/en/meetings/")
    assert page["X-Page-Cache"] == "miss" and draft.title_en not in page.content.decode()


def test_the_host_is_part_of_the_key(meetings, settings):
    settings.ALLOWED_HOSTS = ["records.example.org", "records.example.net"]
    partner = signed_in(f.user(role=roles.PARTNER))
    client = Client()
    first = client.get("/en/", HTTP_HOST="records.example.org")
    assert client.get("/en/", HTTP_HOST="records.example.org")["X-Page-Cache"] == "hit"
    other = client.get("/en/", HTTP_HOST="records.example.net")
    assert other["X-Page-Cache"] == "miss"
    assert (
        "records.example.org" in first.content.decode()
        and "records.example.org" not in other.content.decode()
    )
    assert "records.example.net" in other.content.decode()
    partner.get("/en/", HTTP_HOST="records.example.org")
    assert partner.get("/en/", HTTP_HOST="records.example.net")["X-Page-Cache"] == "miss"


def test_the_key_never_holds_the_person(meetings, monkeypatch):
    keys = []
    real = pagecache._key
    monkeypatch.setattr(
        pagecache,
        "_key",
        lambda request, kind, audience: keys.append(audience) or real(request, kind, audience),
    )
    readers = [signed_in(f.user(role=roles.PARTNER, username=f"partner-{n}")) for n in range(2)]
    for reader in readers:
        reader.get("/en/")
    assert keys == ["partners", "partners"]


# --- The differential visibility test, through the cache --------------------------------------------------
def _cached_pages() -> list[str]:
    """The exits the page cache keeps (the public pages, in both languages, with their filters)."""
    urls = []
    for url in exit_urls():
        request = type("R", (), {"method": "GET", "path_info": url.split("?")[0]})()
        if pagecache.cached_view(request):
            urls.append(url)
    return urls


def _readers(rich, who_list):  # noqa: F811 - rich is the fixture's value
    clients = {}
    for who in who_list:
        client = Client()
        if who != "anonymous":
            client.force_login(rich["users"][who])
        clients[who] = client
    return clients


@pytest.mark.parametrize(
    ("otp", "who_list"),
    [
        (False, ["anonymous", "partner", "editor", "publisher"]),
        (True, ["anonymous", "partner", "staff_without_otp"]),
    ],
)
def test_no_audience_ever_gets_another_audiences_page(rich, settings, otp, who_list):  # noqa: F811
    """Every reader renders every cached page in turn, on one content version, so that a page kept for one
    audience would be served to the next; each reader's pages must equal what the same reader gets with
    the cache off, and must have come from the cache on a second pass."""
    settings.ADMIN_REQUIRE_OTP = otp
    check_through_cache(rich, settings, who_list, _cached_pages())


def test_the_through_cache_test_finds_a_leak(rich, settings, monkeypatch):  # noqa: F811
    """Key the cache without the audience: the test above then fails."""
    settings.ADMIN_REQUIRE_OTP = False
    monkeypatch.setattr(pagecache, "audience_key", lambda request: "public")
    with pytest.raises(AssertionError, match="partner"):
        check_through_cache(rich, settings, ["anonymous", "partner"], ["/en/", "/en/meetings/"])


def check_through_cache(rich, settings, who_list, urls):  # noqa: F811
    # room for every page of every audience (the default 300 entries would cull pages between the passes)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "audience-test",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }
    cache.clear()  # this cache was switched to after the records were written: it must not hold an older run
    assert any("/meetings/" in u for u in urls)
    readers = _readers(rich, who_list)
    version = pagecache.content_version()
    through_cache = {who: {u: client.get(u) for u in urls} for who, client in readers.items()}
    again = {who: {u: client.get(u) for u in urls} for who, client in readers.items()}
    assert pagecache.content_version() == version  # one content version throughout: the cache was shared
    settings.PAGE_CACHE_SECONDS = 0
    fresh = {who: {u: client.get(u) for u in urls} for who, client in readers.items()}
    for who in who_list:
        hits = [u for u in urls if again[who][u].get("X-Page-Cache") == "hit"]
        assert len(hits) >= len([u for u in urls if fresh[who][u].status_code == 200]), who
        for url in urls:
            for seen in (through_cache[who][url], again[who][url]):
                assert seen.status_code == fresh[who][url].status_code, (who, url)
                assert _normalise(_readable(seen)) == _normalise(_readable(fresh[who][url])), (who, url)
    # not vacuous: the audiences do see different pages
    assert _readable(again["anonymous"]["/en/meetings/"]) != _readable(again["partner"]["/en/meetings/"])
