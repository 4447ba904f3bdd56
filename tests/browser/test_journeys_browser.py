"""Journeys: a secretariat officer records a real meeting from start to finish in Debian's Chromium.

Everything the officer types goes through the real admin forms ("+" popups, autocomplete, inlines, the
file input); the database is only read, to find the new meeting's address and to check what was stored.
After saving: submit for review → publish (publisher account) → the public page in Lao and English at 360
and 1280 px without sideways scrolling → the three PDF editions (their text layer holds what was typed) →
search finds the meeting → statistics count it → edit again → a concurrent edit is refused → an earlier
version is restored from the history.

1. (Lao interface) an ASEAN meeting held online and hosted abroad: host organisation and delegation head
   (with rank) created in "+" popups, participating countries, head-of-delegation role, attendance, a report;
2. (English interface) a consultation with a private company: the chair found by part of his Lao name,
   the company created in a popup opened from the person popup, women counted, a document with a Lao name;
3. (Lao interface) a meeting reporting follow-ups of two action items decided at an earlier meeting.
"""

from __future__ import annotations

import datetime
import functools

import pytest
from django.contrib.auth import get_user_model
from django.db import connections

from meetings import models as m
from meetings.rules import roles
from tests.browser.conftest import screenshot, session_cookie
from tests.browser.journey_steps import (
    NO_SIDEWAYS_SCROLL,
    add_row,
    check_pdfs,
    check_public_pages,
    check_search,
    choose,
    edit_conflict_and_restore,
    in_popup,
    officer_page,
    online_meetings_figure,
    save_and_continue,
    submit_and_publish,
)

pytestmark = pytest.mark.browser


def reads_the_database(test):
    """For a journey that reads the database while the browser runs: such reads get their own connection
    (Playwright's sync API switches greenlets, and Django keeps connections per context), which nothing
    else closes; left open, it keeps the test database from being dropped at the end of the run."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        try:
            return test(*args, **kwargs)
        finally:
            connections.close_all()

    return run


# --- what exists before the officer starts ---------------------------------------------------------------
@pytest.fixture
def office(transactional_db, live_server):
    """An editor and a publisher, the secretariat's own organisation, an official already in the records
    (the chair of journey 2) and an earlier meeting with two action items (followed up in journey 3)."""
    from django.contrib.auth.models import Group

    users = {}
    for username, role in (
        ("editor", roles.EDITOR),
        ("publisher", roles.PUBLISHER),
        ("editor2", roles.EDITOR),
    ):
        user = get_user_model().objects.create_user(username, password=None, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        users[username] = session_cookie(user, live_server.url)
    secretariat = m.Organisation(
        name_lo="ກອງເລຂາຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ",
        name_en="National Secretariat for Anti-Human Trafficking",
        short_name_lo="ກລຕຊ",
        short_name_en="NSAHT",
        country=m.Country.objects.get(code="LA"),
    )
    secretariat.full_clean()
    secretariat.save()
    chair = m.Person(
        name_lo="ທ່ານ ບຸນມີ ສີສຸວັນ",
        name_en="Mr Bounmy Sisouvanh",
        honorific_lo="ພົນຈັດຕະວາ",
        honorific_en="Brig. Gen.",
        position_lo="ຫົວໜ້າກອງເລຂາ",
        position_en="Head of the Secretariat",
        organisation=secretariat,
        gender="m",
    )
    chair.full_clean()
    chair.save()
    earlier = m.Meeting(
        title_lo="ກອງປະຊຸມປະສານງານຕ້ານການຄ້າມະນຸດ ປະຈຳໄຕມາດ 1",
        title_en="Counter-trafficking coordination meeting, first quarter",
        kind=m.Meeting.Kind.COORDINATION,
        start_date=datetime.date(2024, 1, 18),
        status=m.Meeting.Status.PUBLISHED,
    )
    earlier.full_clean()
    earlier.save()
    items = [
        m.ActionItem(
            meeting=earlier,
            order=1,
            text_lo="ສະຫຼຸບສະຖິຕິຜູ້ຖືກເຄາະຮ້າຍທີ່ຖືກສົ່ງກັບຄືນ",
            text_en="Compile statistics of returned victims",
        ),
        m.ActionItem(
            meeting=earlier,
            order=2,
            text_lo="ກະກຽມຝຶກອົບຮົມໃຫ້ເຈົ້າໜ້າທີ່ດ່ານ",
            text_en="Prepare training for border officials",
        ),
    ]
    for item in items:
        item.full_clean()
        item.save()
    return {"cookies": users, "secretariat": secretariat, "chair": chair, "earlier": earlier, "items": items}


# --- 1. an ASEAN meeting, online, hosted abroad (Lao interface) ---------------------------------------------
TITLE_1_LO = "ກອງປະຊຸມເຈົ້າໜ້າທີ່ອາວຸໂສອາຊຽນ ວ່າດ້ວຍການຕ້ານການຄ້າມະນຸດ ຜ່ານລະບົບອອນລາຍ"
TITLE_1_EN = "ASEAN Senior Officials' Meeting on Trafficking in Persons (online)"


@reads_the_database
def test_journey_online_asean_meeting_hosted_abroad_in_lao(office, new_browser_page, tmp_path):
    page = officer_page(new_browser_page, office)
    online_before = online_meetings_figure(new_browser_page)
    page.goto("/admin/meetings/meeting/add/")
    assert page.locator("html").get_attribute("lang") == "lo"
    page.locator("#id_title_lo").fill(TITLE_1_LO)
    page.locator("#id_title_en").fill(TITLE_1_EN)
    page.locator("#id_kind").select_option("international")
    page.locator("#id_start_date").fill("03/04/2024")  # 3 April, day first
    page.locator("#id_time_of_day").select_option("morning")
    page.locator("#id_start_time").fill("09:00")
    page.locator("#id_end_time").fill("11:30")
    page.locator("#id_format").select_option("online")
    page.locator("#id_city_lo").fill("ຈາກາຕາ")
    page.locator("#id_city_en").fill("Jakarta")

    def host(popup):  # the host organisation, new to the records
        popup.locator("#id_name_lo").fill("ສຳນັກງານເລຂາທິການອາຊຽນ")
        popup.locator("#id_name_en").fill("ASEAN Secretariat")
        popup.locator("#id_short_name_lo").fill("ອາຊຽນ")
        popup.locator("#id_short_name_en").fill("ASEC")
        popup.locator("#id_kind").select_option("international")
        choose(popup, "id_country", "ອິນໂດ", "ອິນໂດເນເຊຍ")

    in_popup(page, "#add_id_organisers", host)
    assert "ສຳນັກງານເລຂາທິການອາຊຽນ" in page.locator("#id_organisers + .select2").inner_text()
    for typed, country in (
        ("ໄທ", "ໄທ"),
        ("ຫວຽດ", "ຫວຽດນາມ"),
        ("ກຳປູ", "ກຳປູເຈຍ"),
        ("ອິນໂດ", "ອິນໂດເນເຊຍ"),
        ("ລາວ", "ສປປ ລາວ"),
    ):
        choose(page, "id_countries", typed, country)

    row = add_row(page, "participations")

    def delegation_head(popup):  # the head of the Lao delegation, with his rank
        popup.locator("#id_name_lo").fill("ທ່ານ ສົມສັກ ພົມມະຈັນ")
        popup.locator("#id_name_en").fill("Mr Somsak Phommachanh")
        popup.locator("#id_honorific_lo").fill("ພັນເອກ")
        popup.locator("#id_honorific_en").fill("Col.")
        popup.locator("#id_position_lo").fill("ຮອງຫົວໜ້າກົມຕຳຫຼວດສະກັດກັ້ນແລະຕ້ານການຄ້າມະນຸດ")
        popup.locator("#id_gender").select_option("m")
        choose(popup, "id_organisation", "ກລຕຊ", "ກອງເລຂາຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ")

    in_popup(page, f"#add_id_participations-{row}-person", delegation_head)
    page.locator(f"#id_participations-{row}-role").select_option("head_of_delegation")
    page.locator(f"#id_participations-{row}-online").check()
    page.locator("#id_attendance_total").fill("45")
    page.locator("#id_attendance_women").fill("19")
    page.locator("#id_attendance_online").fill("45")
    item = add_row(page, "agenda_items")
    page.locator(f"#id_agenda_items-{item}-title_lo").fill("ລາຍງານຄວາມຄືບໜ້າການຕ້ານການຄ້າມະນຸດຂອງ ສປປ ລາວ")
    page.locator(f"#id_agenda_items-{item}-title_en").fill(
        "Progress report of the Lao PDR on counter-trafficking"
    )
    choose(page, f"id_agenda_items-{item}-presenter", "ສົມສັກ", "ສົມສັກ ພົມມະຈັນ")
    screenshot(page, "journeys/1-add-lo-1280")
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    message = save_and_continue(page)
    assert TITLE_1_LO in message

    meeting = m.Meeting.objects.get(title_lo=TITLE_1_LO)
    assert meeting.start_date == datetime.date(2024, 4, 3)
    assert meeting.format == m.Meeting.Format.ONLINE
    assert sorted(meeting.countries.values_list("code", flat=True)) == ["ID", "KH", "LA", "TH", "VN"]
    head = meeting.participations.get()
    assert (head.role, head.online, head.person.honorific_lo) == ("head_of_delegation", True, "ພັນເອກ")
    assert meeting.organisers.get().country.code == "ID"
    assert page.locator("#id_start_date").input_value() == "03/04/2024"
    screenshot(page, "journeys/1-change-lo-1280")
    assert page.evaluate(NO_SIDEWAYS_SCROLL)

    publisher = officer_page(new_browser_page, office, "publisher")
    submit_and_publish(page, publisher, meeting.pk)
    meeting.refresh_from_db()
    check_public_pages(
        new_browser_page,
        meeting,
        {
            "lo": [
                TITLE_1_LO,
                "3 ເມສາ 2024",
                "ພາກເຊົ້າ, 09:00–11:30",
                "ອອນລາຍ",
                "ຫວຽດນາມ",
                "ກຳປູເຈຍ",
                "ສຳນັກງານເລຂາທິການອາຊຽນ",
                "ສົມສັກ ພົມມະຈັນ",
                "ຫົວໜ້າຄະນະຜູ້ແທນ",
                "45",
            ],
            "en": [
                TITLE_1_EN,
                "3 April 2024",
                "Morning, 09:00–11:30",
                "Online",
                "Viet Nam",
                "Cambodia",
                "ASEAN Secretariat",
                "Head of delegation",
                "45",
            ],
        },
        "1",
    )
    check_pdfs(
        page,
        meeting,
        {
            "lo": [
                TITLE_1_LO,
                "ສຳນັກງານເລຂາທິການອາຊຽນ",
                "ຫວຽດນາມ",
                "ສົມສັກ ພົມມະຈັນ",
                "ຫົວໜ້າຄະນະຜູ້ແທນ",
                "ລາຍງານຄວາມຄືບໜ້າການຕ້ານການຄ້າມະນຸດຂອງ ສປປ ລາວ",
            ],
            "en": [
                TITLE_1_EN,
                "ASEAN Secretariat",
                "Viet Nam",
                "Head of delegation",
                "Progress report of the Lao PDR",
            ],
            "bilingual": [TITLE_1_LO, TITLE_1_EN],
        },
        tmp_path,
    )
    check_search(page, meeting, [("lo", "ອາວຸໂສອາຊຽນ"), ("en", "Senior Officials")])
    assert online_meetings_figure(new_browser_page) == online_before + 1  # an online meeting counts as online
    edit_conflict_and_restore(
        new_browser_page, office, meeting, "title_en", TITLE_1_EN + " — corrected", "Another title"
    )


# --- 2. a consultation with a private company (English interface) ------------------------------------------
TITLE_2_LO = "ກອງປະຊຸມປຶກສາຫາລືກັບບໍລິສັດເອກະຊົນ ກ່ຽວກັບການປ້ອງກັນການຄ້າມະນຸດໃນຂະແໜງການທ່ອງທ່ຽວ"
TITLE_2_EN = "Consultation with a private company on preventing trafficking in tourism"
LAO_FILE = "ບົດບັນທຶກກອງປະຊຸມ.pdf"


@reads_the_database
def test_journey_consultation_with_a_private_company_in_english(office, new_browser_page, tmp_path):
    page = officer_page(new_browser_page, office, language="en")
    online_before = online_meetings_figure(new_browser_page)
    page.goto("/admin/meetings/meeting/add/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator("#id_title_lo").fill(TITLE_2_LO)
    page.locator("#id_title_en").fill(TITLE_2_EN)
    page.locator("#id_kind").select_option("consultation")
    page.locator("#id_start_date").fill("12/03/2024")  # 12 March, day first in English too
    page.locator("#id_time_of_day").select_option("afternoon")
    page.locator("#id_venue_lo").fill("ຫ້ອງປະຊຸມກອງເລຂາ")
    page.locator("#id_venue_en").fill("Secretariat meeting room")
    page.locator("#id_city_lo").fill("ນະຄອນຫຼວງວຽງຈັນ")
    page.locator("#id_city_en").fill("Vientiane Capital")
    choose(page, "id_organisers", "NSAHT", "National Secretariat for Anti-Human Trafficking (NSAHT)")

    chair = add_row(page, "participations")
    choose(page, f"id_participations-{chair}-person", "ບຸນມີ", "Bounmy Sisouvanh")  # part of his Lao name
    page.locator(f"#id_participations-{chair}-role").select_option("chair")
    guest = add_row(page, "participations")

    def company_manager(popup):
        popup.locator("#id_name_lo").fill("ນາງ ວັນນະພອນ ແສງສະຫວ່າງ")
        popup.locator("#id_name_en").fill("Ms Vannaphone Sengsavang")
        popup.locator("#id_position_en").fill("Human resources manager")
        popup.locator("#id_gender").select_option("f")

        def company(inner):  # the company, created from inside the person popup
            inner.locator("#id_name_lo").fill("ບໍລິສັດ ລາວທ່ອງທ່ຽວ ຈຳກັດ")
            inner.locator("#id_name_en").fill("Lao Travel Company Limited")
            inner.locator("#id_short_name_en").fill("LTC")
            inner.locator("#id_kind").select_option("private")

        in_popup(popup, "#add_id_organisation", company)
        assert "Lao Travel Company Limited" in popup.locator("#id_organisation + .select2").inner_text()

    in_popup(page, f"#add_id_participations-{guest}-person", company_manager)
    page.locator(f"#id_participations-{guest}-role").select_option("guest")
    page.locator("#id_attendance_total").fill("24")
    page.locator("#id_attendance_women").fill("11")
    doc = add_row(page, "documents")
    page.locator(f"#id_documents-{doc}-kind").select_option("minutes")
    page.locator(f"#id_documents-{doc}-title_lo").fill("ບົດບັນທຶກກອງປະຊຸມ")
    page.locator(f"#id_documents-{doc}-title_en").fill("Minutes of the consultation")
    page.locator(f"#id_documents-{doc}-file").set_input_files(
        files=[{"name": LAO_FILE, "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n% minutes\n"}]
    )
    screenshot(page, "journeys/2-add-en-1280")
    message = save_and_continue(page)
    assert TITLE_2_EN in message

    meeting = m.Meeting.objects.get(title_lo=TITLE_2_LO)
    assert meeting.start_date == datetime.date(2024, 3, 12)
    assert meeting.participations.get(role="chair").person == office["chair"]
    company = m.Organisation.objects.get(name_en="Lao Travel Company Limited")
    assert company.kind == "private" and meeting.participations.get(role="guest").organisation == company
    document = meeting.documents.get()
    assert document.filename == LAO_FILE
    assert page.locator(f"#documents-group a:has-text('{LAO_FILE}')").count() == 1

    publisher = officer_page(new_browser_page, office, "publisher")
    submit_and_publish(page, publisher, meeting.pk)
    meeting.refresh_from_db()
    check_public_pages(
        new_browser_page,
        meeting,
        {
            "lo": [TITLE_2_LO, "12 ມີນາ 2024", "ພາກບ່າຍ", "ບຸນມີ ສີສຸວັນ", "24", "11", "ບົດບັນທຶກກອງປະຊຸມ"],
            "en": [
                TITLE_2_EN,
                "12 March 2024",
                "Afternoon",
                "Bounmy Sisouvanh",
                "24",
                "11",
                "Minutes of the consultation",
            ],
        },
        "2",
    )
    # The document downloads under the name it was uploaded with.
    download = publisher.request.get(document.get_download_url())
    assert download.status == 200
    assert download.headers["content-disposition"].endswith(
        "''"
        + "%E0%BA%9A%E0%BA%BB%E0%BA%94%E0%BA%9A%E0%BA%B1%E0%BA%99%E0%BA%97%E0%BA%B6%E0%BA%81%E0%BA%81%E0%BA%AD%E0%BA%87%E0%BA%9B%E0%BA%B0%E0%BA%8A%E0%BA%B8%E0%BA%A1.pdf"
    )
    check_pdfs(
        page,
        meeting,
        {
            "lo": [TITLE_2_LO, "ບຸນມີ ສີສຸວັນ", "ບໍລິສັດ ລາວທ່ອງທ່ຽວ ຈຳກັດ"],
            "en": [TITLE_2_EN, "Bounmy Sisouvanh", "Lao Travel Company Limited"],
            "bilingual": [TITLE_2_LO, TITLE_2_EN],
        },
        tmp_path,
    )
    check_search(page, meeting, [("lo", "ຂະແໜງການທ່ອງທ່ຽວ"), ("en", "tourism")])
    assert online_meetings_figure(new_browser_page) == online_before  # met in person: not an online meeting
    edit_conflict_and_restore(new_browser_page, office, meeting, "venue_en", "Large meeting room", "Room 2")


# --- 3. follow-ups of two earlier action items (Lao interface) -----------------------------------------------
TITLE_3_LO = "ກອງປະຊຸມປະສານງານຕ້ານການຄ້າມະນຸດ ປະຈຳໄຕມາດ 2"
TITLE_3_EN = "Counter-trafficking coordination meeting, second quarter"


@reads_the_database
def test_journey_follow_ups_of_earlier_action_items_in_lao(office, new_browser_page, tmp_path):
    page = officer_page(new_browser_page, office)
    page.goto("/admin/meetings/meeting/add/")
    page.locator("#id_title_lo").fill(TITLE_3_LO)
    page.locator("#id_title_en").fill(TITLE_3_EN)
    page.locator("#id_kind").select_option("coordination")
    page.locator("#id_start_date").fill("18/04/2024")
    page.locator("#id_format").select_option("hybrid")
    page.locator("#id_attendance_total").fill("30")
    page.locator("#id_attendance_online").fill("8")
    first = add_row(page, "action_item_updates")
    choose(page, f"id_action_item_updates-{first}-action_item", "ສະຖິຕິ", "ສະຫຼຸບສະຖິຕິ")
    page.locator(f"#id_action_item_updates-{first}-status").select_option("done")
    page.locator(f"#id_action_item_updates-{first}-note_lo").fill("ສະຫຼຸບສະຖິຕິສຳເລັດແລ້ວ ແລະ ສົ່ງໃຫ້ຄະນະກຳມະການ")
    page.locator(f"#id_action_item_updates-{first}-note_en").fill(
        "Statistics compiled and sent to the committee"
    )
    second = add_row(page, "action_item_updates")
    choose(page, f"id_action_item_updates-{second}-action_item", "ດ່ານ", "ກະກຽມຝຶກອົບຮົມ")
    page.locator(f"#id_action_item_updates-{second}-status").select_option("in_progress")
    page.locator(f"#id_action_item_updates-{second}-note_lo").fill("ຫຼັກສູດກຳລັງກະກຽມ")
    page.locator(f"#id_action_item_updates-{second}-note_en").fill("The course is being prepared")
    message = save_and_continue(page)
    assert TITLE_3_LO in message

    meeting = m.Meeting.objects.get(title_lo=TITLE_3_LO)
    done, in_progress = office["items"]
    done.refresh_from_db()
    in_progress.refresh_from_db()
    assert (done.status, in_progress.status) == ("done", "in_progress")
    assert meeting.action_item_updates.count() == 2

    publisher = officer_page(new_browser_page, office, "publisher")
    online_before = online_meetings_figure(new_browser_page)
    submit_and_publish(page, publisher, meeting.pk)
    meeting.refresh_from_db()
    check_public_pages(
        new_browser_page,
        meeting,
        {
            "lo": [TITLE_3_LO, "18 ເມສາ 2024", "ສະຫຼຸບສະຖິຕິສຳເລັດແລ້ວ", "ຫຼັກສູດກຳລັງກະກຽມ"],
            "en": [
                TITLE_3_EN,
                "18 April 2024",
                "Statistics compiled and sent to the committee",
                "The course is being prepared",
            ],
        },
        "3",
    )
    check_pdfs(
        page,
        meeting,
        {
            "lo": [TITLE_3_LO, "ສະຫຼຸບສະຖິຕິຜູ້ຖືກເຄາະຮ້າຍທີ່ຖືກສົ່ງກັບຄືນ", "ສະຫຼຸບສະຖິຕິສຳເລັດແລ້ວ"],
            "en": [TITLE_3_EN, "Prepare training for border officials", "The course is being prepared"],
            "bilingual": [TITLE_3_LO, TITLE_3_EN],
        },
        tmp_path,
    )
    check_search(page, meeting, [("lo", "ໄຕມາດ 2"), ("en", "second quarter")])
    assert online_meetings_figure(new_browser_page) == online_before + 1  # hybrid counts as an online meeting
    edit_conflict_and_restore(
        new_browser_page, office, meeting, "title_en", TITLE_3_EN + " (Vientiane)", "Other"
    )
