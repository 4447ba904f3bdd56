"""The public header's account part (portal/http/account_nav.py), the favicon, and the "partners only"
mark on restricted pages and minutes PDFs.

The account part is the only per-person part of a public page: a signed-in name must never reach a page the
page cache (portal/http/pagecache.py) keeps for anonymous readers."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from meetings.rules import roles
from portal.http.account_nav import ACCOUNT_PAGES, csrf_token, random_chars
from portal.http.account_nav import account_nav as written
from reports import minutes as minutes_service
from tests import factories as f
from tests.reports.conftest import pdftotext, squash

MARK = {"en": "Partners only", "lo": "ສະເພາະພາກສ່ວນຮ່ວມມື"}
NOTICE = {
    "en": "Shared with partner organisations only; not for publication.",
    "lo": "ແບ່ງປັນໃຫ້ສະເພາະອົງການຄູ່ຮ່ວມງານເທົ່ານັ້ນ, ບໍ່ໃຫ້ເຜີຍແຜ່ຕໍ່ສາທາລະນະ.",
}
SIGN_IN = {"en": "Sign in", "lo": "ເຂົ້າສູ່ລະບົບ"}
SIGN_OUT = {"en": "Sign out", "lo": "ອອກຈາກລະບົບ"}


def url(name, lang, **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def meetings(db):
    public = f.meeting(title_en="Open meeting", title_lo="ກອງປະຊຸມເປີດ")
    shared = f.meeting(visibility="partners", title_en="Partners meeting", title_lo="ກອງປະຊຸມຄູ່ຮ່ວມງານ")
    return public, shared


@pytest.fixture
def partner(db):
    return f.user(role=roles.PARTNER, username="kham", first_name="Khamphone", last_name="Sisavath")


def account_nav(html: str) -> str:
    match = re.search(r'<nav class="account-nav".*?</nav>', html, re.S)
    assert match, "no account part in the header"
    return match.group(0)


# --- Favicon -------------------------------------------------------------------------------------------
def test_favicon_ico_is_found_and_is_an_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"  # the ICO file signature


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_every_public_page_links_its_icon(client, meetings, lang):
    html = client.get(f"/{lang}/").content.decode()
    href = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', html).group(1)
    icon = client.get(href)
    assert icon.status_code == 200
    assert b"<svg" in b"".join(icon.streaming_content)


# --- Sign in, name, sign out -------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["lo", "en"])
def test_an_anonymous_reader_gets_a_sign_in_link_back_to_the_page(client, meetings, lang):
    page_url = url("meetings:meeting_list", lang) + "?year=2024"
    response = client.get(page_url)
    nav = account_nav(response.content.decode())
    login = url("accounts:login", lang)
    assert f'href="{login}?next=/{lang}/meetings/%3Fyear%3D2024"' in nav
    assert SIGN_IN[lang] in nav and "<form" not in nav
    assert "csrftoken" not in response.cookies  # an anonymous page sets no cookie: it can be cached
    assert response["X-Page-Cache"] == "miss" and client.get(page_url)["X-Page-Cache"] == "hit"


def test_the_sign_in_page_does_not_send_the_reader_back_to_itself(client, db):
    nav = account_nav(client.get(url("accounts:login", "en")).content.decode())
    assert f'href="{url("accounts:login", "en")}"' in nav


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_a_signed_in_partner_sees_their_name_and_a_sign_out_button(client, meetings, partner, lang):
    client.force_login(partner)
    response = client.get(f"/{lang}/")
    nav = account_nav(response.content.decode())
    assert "<strong>Khamphone Sisavath</strong>" in nav
    form = re.search(r'<form[^>]*method="post"[^>]*action="([^"]+)"', nav)
    assert form and form.group(1) == url("accounts:logout", lang)
    assert 'name="csrfmiddlewaretoken"' in nav
    assert SIGN_OUT[lang] in nav and "account-nav__sign-in" not in nav
    assert "private" in response["Cache-Control"]


def test_a_name_is_shown_as_the_user_name_when_no_full_name_is_recorded(client, meetings):
    client.force_login(f.user(role=roles.PARTNER, username="partner-lwb"))
    assert "<strong>partner-lwb</strong>" in account_nav(client.get("/en/").content.decode())


def test_signing_out_from_the_header_signs_out(client, meetings, partner):
    _public, shared = meetings
    client.force_login(partner)
    shared_url = url("meetings:meeting", "en", slug=shared.slug)
    assert client.get(shared_url).status_code == 200
    response = client.post(url("accounts:logout", "en"))
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert client.get(shared_url).status_code == 404
    assert SIGN_IN["en"] in account_nav(client.get("/en/").content.decode())


# --- Written in Python, the same markup as the template it replaced --------------------------------------
# templates/portal/_account_nav.html as it was (its comment left out, its {% account_pages %} given as
# `pages`): the reference the Python must write byte for byte.
REFERENCE = """{% load i18n %}<nav class="account-nav" aria-label="{% translate 'Account' %}">{% if request.user.is_authenticated %}
  <span class="account-nav__user">{% blocktranslate trimmed with name=request.user.get_full_name|default:request.user.get_username %}Signed in as <strong>{{ name }}</strong>{% endblocktranslate %}</span>
  <a class="account-nav__account" href="{{ pages.account }}">{% translate "Your account" %}</a>
  <form class="account-nav__sign-out" method="post" action="{{ pages.logout }}">{% csrf_token %}<button type="submit">{% translate "Sign out" %}</button></form>
{% else %}{% with login_url=pages.login %}
  <a class="account-nav__sign-in" href="{{ login_url }}{% if request.path != login_url %}?next={{ request.get_full_path|urlencode }}{% endif %}">{% translate "Sign in" %}</a>{% endwith %}
{% endif %}</nav>
"""
TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")([^"]+)"')


def _reference(request) -> str:
    pages = {key: reverse(name) for key, name in ACCOUNT_PAGES.items()}
    return engines["django"].from_string(REFERENCE).render({"pages": pages}, request)


@pytest.mark.parametrize("lang", ["lo", "en"])
@pytest.mark.parametrize(
    "reader, path",
    [
        ("anonymous", "/{lang}/meetings/?year=2024&q=ການ ປະຊຸມ"),
        ("anonymous", "login"),
        ("anonymous", "/{lang}/x/?next=<script>&a=\"'"),
        ("before authentication", "/{lang}/admin/upload/"),  # a 413 or 400 page: no request.user yet
        ("full name", "/{lang}/"),
        ("user name only", "/{lang}/statistics/"),
        ("markup in the name", "/{lang}/"),
    ],
)
def test_the_account_part_is_the_templates_markup_byte_for_byte(db, lang, reader, path):
    users = {
        "full name": lambda: f.user(
            role=roles.PARTNER, username="kham", first_name="Khamphone", last_name="ສີສະຫວາດ"
        ),
        "user name only": lambda: f.user(role=roles.PARTNER, username="partner-lwb"),
        "markup in the name": lambda: f.user(
            role=roles.PARTNER, first_name='<script>alert("x")</script>', last_name="&'"
        ),
    }
    with translation.override(lang):
        target = reverse("accounts:login") if path == "login" else path.format(lang=lang)
        request = RequestFactory().get(target)
        if reader != "before authentication":
            request.user = users[reader]() if reader in users else AnonymousUser()
        request.META["CSRF_COOKIE"] = "a" * 32  # the secret of the reader's CSRF cookie
        ours, theirs = written(request), _reference(request)
    tokens = [TOKEN.search(html) for html in (ours, theirs)]
    assert bool(tokens[0]) == bool(tokens[1]) == (reader in users)
    # the token is masked afresh for every response (BREACH), so only its place and length can be compared
    same = [TOKEN.sub(lambda m: m.group(1) + "-" * len(m.group(2)) + '"', html) for html in (ours, theirs)]
    assert same[0] == same[1]
    assert "<script>" not in ours


def test_the_sign_out_token_is_the_cookies_secret_masked_afresh_each_time(rf):
    from django.middleware.csrf import _unmask_cipher_token

    request = rf.get("/en/")
    request.META["CSRF_COOKIE"] = secret = "Kx7" * 10 + "q9"
    tokens = {csrf_token(request) for _ in range(50)}
    assert len(tokens) == 50 and all(len(t) == 64 and t.isalnum() and t.isascii() for t in tokens)
    assert {_unmask_cipher_token(t) for t in tokens} == {secret}
    assert (
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True
    )  # the cookie is sent again, renewed, as Django does


def test_without_a_csrf_cookie_djangos_get_token_makes_one(rf):
    request = rf.get("/en/")
    token = csrf_token(request)
    assert len(request.META["CSRF_COOKIE"]) == 32 and request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True
    assert token[32:] != request.META["CSRF_COOKIE"] and len(token) == 64


def test_the_masks_characters_are_equally_likely():
    # 64,000 characters: each of the 62 is expected 1,032 times (standard deviation 32). Taking bytes modulo 62
    # without dropping those of 248 and more would make 8 characters 25% more likely (about 1,280 times).
    from collections import Counter

    from django.middleware.csrf import CSRF_ALLOWED_CHARS

    counts = Counter("".join(random_chars(32) for _ in range(2000)))
    assert set(counts) == set(CSRF_ALLOWED_CHARS)
    assert max(counts.values()) < 1032 + 6 * 32 and min(counts.values()) > 1032 - 6 * 32, counts.most_common(
        10
    )


def test_the_sign_out_form_of_a_page_rendered_afresh_works(meetings, partner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(partner)
    page = client.get("/en/meetings/?year=1999")  # a query no one asked before: rendered, not from the cache
    assert page["X-Page-Cache"] == "miss"
    token = TOKEN.search(page.content.decode()).group(2)
    assert client.post(url("accounts:logout", "en"), {"csrfmiddlewaretoken": token}).status_code == 302
    assert SIGN_IN["en"] in account_nav(client.get("/en/").content.decode())


# --- The page cache never keeps a name ----------------------------------------------------------------
@pytest.mark.parametrize("page", ["/en/", "/lo/", "/en/meetings/", "/lo/statistics/"])
def test_a_signed_in_name_never_reaches_the_anonymous_page(client, meetings, partner, page):
    client.force_login(partner)
    signed_in = client.get(page)
    # Signed-in pages may be kept per audience (portal/http/pagecache.py), with the header filled per request.
    assert "Khamphone" in signed_in.content.decode()
    client.logout()
    client.cookies.clear()
    first, second = client.get(page), client.get(page)
    assert first["X-Page-Cache"] == "miss"  # the signed-in page was not stored
    assert second["X-Page-Cache"] == "hit"
    for anonymous in (first, second):
        html = anonymous.content.decode()
        assert "Khamphone" not in html and "csrfmiddlewaretoken" not in html
        assert "account-nav__sign-in" in account_nav(html)


def test_a_partner_after_an_anonymous_reader_sees_their_own_name(client, meetings, partner):
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    client.force_login(partner)
    nav = account_nav(client.get("/en/").content.decode())
    assert "Khamphone Sisavath" in nav and "account-nav__sign-in" not in nav


# --- Partners-only mark -----------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["lo", "en"])
def test_a_partners_only_meeting_page_and_list_entry_carry_the_mark(client, meetings, partner, lang):
    public, shared = meetings
    client.force_login(partner)
    shared_page = client.get(url("meetings:meeting", lang, slug=shared.slug)).content.decode()
    assert f'<span class="partners-only">{MARK[lang]}</span>' in shared_page
    assert NOTICE[lang] in shared_page
    public_page = client.get(url("meetings:meeting", lang, slug=public.slug)).content.decode()
    assert 'class="partners-only' not in public_page
    listing = client.get(url("meetings:meeting_list", lang)).content.decode()
    entries = dict(re.findall(r'<li class="meeting-item">.*?>([^<]+)</a>(.*?)</li>', listing, re.S))
    title = {"en": "title_en", "lo": "title_lo"}[lang]
    assert 'class="partners-only"' in entries[getattr(shared, title)]
    assert 'class="partners-only"' not in entries[getattr(public, title)]


def test_a_partners_only_document_of_a_public_meeting_is_marked(client, meetings, partner):
    public, _shared = meetings
    f.document(meeting=public, title_en="Partner annex", visibility="partners")
    f.document(meeting=public, title_en="Public agenda", name="agenda.pdf")
    client.force_login(partner)
    html = client.get(url("meetings:meeting", "en", slug=public.slug)).content.decode()
    documents = re.findall(r"<li>.*?</li>", html.split('id="documents-title"')[1], re.S)
    assert [("partners-only" in li) for li in documents if "Partner annex" in li] == [True]
    assert [("partners-only" in li) for li in documents if "Public agenda" in li] == [False]


@pytest.mark.parametrize("edition", ["lo", "en", "bilingual"])
def test_the_minutes_of_a_partners_only_meeting_say_so_on_every_page(meetings, edition, tmp_path):
    public, shared = meetings
    pdf = minutes_service.render_minutes(shared, edition, audience="partners")
    text = pdftotext(pdf, tmp_path, edition)
    pages = [page for page in text.split("\f") if page.strip()]
    languages = ["lo", "en"] if edition == "bilingual" else [edition]
    assert len(pages) >= len(languages)
    for page in pages:
        assert any(squash(MARK[lang]) in squash(page) for lang in languages), page
    for lang in languages:
        assert squash(NOTICE[lang]) in squash(text)
    public_text = squash(
        pdftotext(minutes_service.render_minutes(public, edition, audience="partners"), tmp_path)
    )
    assert not any(squash(MARK[lang]) in public_text for lang in languages)


def test_search_hits_in_a_partners_only_meeting_are_marked(client, meetings, partner):
    public, shared = meetings
    f.action_item(meeting=shared, text_en="Translate the referral handbook", text_lo="ແປປຶ້ມຄູ່ມືການສົ່ງຕໍ່")
    f.action_item(meeting=public, text_en="Print the referral handbook", text_lo="ພິມປຶ້ມຄູ່ມືການສົ່ງຕໍ່")
    client.force_login(partner)
    for query in ("handbook", "meeting"):  # hits in a meeting's records, and the meetings themselves
        html = client.get(url("meetings:search", "en") + f"?q={query}").content.decode()
        hits = re.findall(r'<li class="search-hit">.*?</li>', html, re.S)
        text = {hit: re.sub(r"<[^>]+>", "", hit) for hit in hits}  # without the highlighting
        marked = {("partners-only" in hit) for hit in hits if "Partners meeting" in text[hit]}
        unmarked = {("partners-only" in hit) for hit in hits if "Open meeting" in text[hit]}
        assert marked == {True} and unmarked == {False}, query
