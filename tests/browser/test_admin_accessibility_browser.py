"""The admin forms officers use, in Lao, have no serious or critical axe-core violations: meeting, person,
organisation and action item, add and change, with rows in every inline (a new empty row added as an
officer adds one, on top of the recorded ones). Every autocomplete box (select2), inline input and select has
an accessible name, and it is the Lao label the officer sees.

Also the public pages as a signed-in partner (the account part of the header, the partners-only mark) at 360
and 1280 px; the anonymous public pages are checked by test_public_browser.py."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from meetings import models as m
from meetings.rules import roles
from meetings.services.demo import load_demo_data
from tests import factories as f
from tests.browser.conftest import assert_accessible, screenshot, session_cookie

pytestmark = pytest.mark.browser

# An accessible name as Chromium's accessibility tree computes it (what a screen reader says).
ACCESSIBLE_NAMES = """async (selector) => {
  return [...document.querySelectorAll(selector)].filter((el) => el.offsetParent !== null).map((el) => {
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    const byIds = ids.map((id) => document.getElementById(id)?.textContent.trim() || '').join(' ').trim();
    const label = el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
    return {id: el.id || el.className, name: byIds || el.getAttribute('aria-label') || (label && label.textContent.trim()) || ''};
  });
}"""


@pytest.fixture
def admin_site(transactional_db, live_server):
    meeting = load_demo_data()[0]
    item = m.ActionItem.objects.filter(meeting=meeting, responsible__isnull=False).first()
    officer = get_user_model().objects.create_superuser("a11y-officer", "o@example.org", "x-long-password-1")
    return {
        "cookies": [
            session_cookie(officer, live_server.url),
            {"name": "django_language", "value": "lo", "url": live_server.url},
        ],
        "pages": {
            "meeting-add": "/admin/meetings/meeting/add/",
            "meeting-change": f"/admin/meetings/meeting/{meeting.pk}/change/",
            "person-add": "/admin/meetings/person/add/",
            "person-change": f"/admin/meetings/person/{m.Person.objects.order_by('pk').first().pk}/change/",
            "organisation-add": "/admin/meetings/organisation/add/",
            "organisation-change": (
                f"/admin/meetings/organisation/{meeting.organisers.order_by('pk').first().pk}/change/"
            ),
            "actionitem-add": "/admin/meetings/actionitem/add/",
            "actionitem-change": f"/admin/meetings/actionitem/{item.pk}/change/",
        },
    }


def open_admin_page(admin_site, new_browser_page, name):
    page = new_browser_page()
    page.context.add_cookies(admin_site["cookies"])
    page.goto(admin_site["pages"][name])
    assert page.locator("html").get_attribute("lang") == "lo"
    return page


def add_inline_rows(page) -> int:
    """Click every inline's "add another" link once, as an officer adding a row; returns how many."""
    links = [link for link in page.locator(".inline-group .add-row a").all() if link.is_visible()]
    for link in links:
        link.click()
    return len(links)


@pytest.mark.parametrize(
    "name",
    [
        "meeting-add",
        "meeting-change",
        "person-add",
        "person-change",
        "organisation-add",
        "organisation-change",
        "actionitem-add",
        "actionitem-change",
    ],
)
def test_the_officers_forms_have_no_serious_axe_violations_in_lao(admin_site, new_browser_page, name):
    page = open_admin_page(admin_site, new_browser_page, name)
    added = add_inline_rows(page)
    if name.startswith(("meeting", "actionitem")):
        assert added >= 1 and page.locator(".inline-related .form-row:not(.empty-form)").count() >= added
    if name == "meeting-change":  # recorded rows in the tabular inlines, besides the new ones
        assert page.locator("#participations-group tbody tr.has_original").count() >= 3
    screenshot(page, f"admin-a11y/{name}")
    assert_accessible(page)

    # every autocomplete box, its search field and every tabular-inline field has a Lao name
    boxes = page.evaluate(ACCESSIBLE_NAMES, ".select2-selection, .select2-search__field")
    fields = page.evaluate(
        ACCESSIBLE_NAMES, ".tabular .form-row:not(.empty-form) td :is(input, select, textarea)"
    )
    assert boxes  # every one of these forms has autocomplete boxes
    for element in boxes + fields:
        assert any("\u0e80" <= ch <= "\u0eff" for ch in element["name"]), element


def test_a_new_participant_row_is_named_by_its_column_headings(admin_site, new_browser_page):
    page = open_admin_page(admin_site, new_browser_page, "meeting-add")
    page.locator("#participations-group .add-row a").click()
    row = page.locator("#participations-0")
    with translation.override("lo"):
        role = str(m.Participation._meta.get_field("role").verbose_name)
        person = str(m.Participation._meta.get_field("person").verbose_name)
    assert row.get_by_role("combobox", name=role[:1].upper() + role[1:]).count() == 1
    assert row.get_by_role("combobox", name=person[:1].upper() + person[1:]).count() == 1


def test_an_open_autocomplete_dropdown_is_named_too(admin_site, new_browser_page):
    page = open_admin_page(admin_site, new_browser_page, "person-add")
    page.locator(".field-organisation .select2-selection").click()
    search = page.locator(".select2-dropdown .select2-search__field")
    search.wait_for()
    assert page.evaluate(ACCESSIBLE_NAMES, ".select2-dropdown .select2-search__field")[0]["name"]
    assert_accessible(page)


@pytest.fixture
def partner_site(transactional_db, live_server):
    shared = f.meeting(visibility="partners", title_en="Partners meeting", title_lo="ກອງປະຊຸມກັບຄູ່ຮ່ວມງານ")
    f.meeting(title_en="Open meeting", title_lo="ກອງປະຊຸມເປີດ")
    partner = f.user(role=roles.PARTNER, username="partner-a11y", first_name="ຄຳພອນ")
    paths = []
    for lang in ("lo", "en"):
        with translation.override(lang):
            paths += [
                reverse("meetings:home"),
                reverse("meetings:meeting_list"),
                reverse("meetings:meeting", kwargs={"slug": shared.slug}),
            ]
    return {"cookie": session_cookie(partner, live_server.url), "paths": paths}


@pytest.mark.parametrize("width", [360, 1280])
def test_public_pages_of_a_signed_in_partner_are_accessible(partner_site, new_browser_page, width):
    page = new_browser_page(viewport={"width": width, "height": 800})
    page.context.add_cookies([partner_site["cookie"]])
    for path in partner_site["paths"]:
        assert page.goto(path).status == 200, path
        assert page.locator(".account-nav form button").is_visible(), path
        assert_accessible(page)
