"""The personal-data detector finds phone, ID/passport numbers, addresses, e-mails and ages, and leaves
ordinary minutes (dates, years, amounts, decree numbers, the real demo meetings) alone."""

import pytest

from meetings.rules.sensitive import find_sensitive, scan_meeting
from tests import factories as f


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ໂທຫາຄອບຄົວ +856 20 5555 1234 ໄດ້", "phone"),
        ("call 020 5555 1234 for details", "phone"),
        ("020-22345678", "phone"),
        ("Tel: 021 212 345", "phone"),
        ("(+66) 81 234 5678", "phone"),
        ("ໜັງສືຜ່ານແດນ ເລກທີ P1234567", "id_number"),
        ("her passport LA0123456", "id_number"),
        ("ID card number 0123456789", "id_number"),
        ("ບັດປະຈຳຕົວເລກທີ 12345678901", "id_number"),
        ("ເຮືອນເລກທີ 45 ບ້ານໂພນໄຊ", "address"),
        ("ບ້ານ ດົງໂດກ ໜ່ວຍ 12 ເມືອງ ໄຊທານີ", "address"),
        ("house no. 17, Ban Nongbone", "address"),
        ("Ban Sokpaluang, unit 5", "address"),
        ("write to victim.family@gmail.com", "email"),
        ("ເດັກຍິງອາຍຸ 15 ປີ", "age"),
        ("a girl aged 15 from the province", "age"),
        ("a 16-year-old boy", "age"),
    ],
)
def test_personal_data_is_found(text, kind):
    kinds = [finding.kind for finding in find_sensitive(text)]
    assert kind in kinds, (text, kinds)


@pytest.mark.parametrize(
    "text",
    [
        "ກອງປະຊຸມວັນທີ 15/02/2024 ທີ່ນະຄອນຫຼວງວຽງຈັນ",
        "Meeting on 2024-02-15, the 2023 annual review",
        "Decree No. 245/PM on anti-human trafficking",
        "Budget of 1,250,000,000 kip for 2024-2025",
        "ແຜນງານປີ 2021-2025 ມີ 150 ຜູ້ເຂົ້າຮ່ວມ",
        "Hotline 1300 and 1362 were promoted",
        "ASEAN-ACT (Australia-Asia Program to Combat Trafficking in Persons)",
        "ງົບປະມານ 1250000000 ກີບ ສຳລັບແຜນງານ",
        "a grant of 2500000000 kip and $1200000000",
    ],
)
def test_ordinary_minutes_are_not_flagged(text):
    assert find_sensitive(text) == []


def test_demo_meetings_raise_no_warning(demo):
    for meeting in demo:
        assert scan_meeting(meeting) == [], meeting


def test_scan_covers_the_meeting_records_in_both_languages(db):
    meeting = f.meeting()
    f.action_item(meeting=meeting, text_en="Contact the victim's mother on 020 5555 1234")
    findings = scan_meeting(meeting)
    assert [(x.kind, x.excerpt) for x in findings] == [("phone", "020 5555 1234")]
    assert "(en)" in findings[0].where
