"""The fact reader's round-5 rules (issue 24) for whether a post is about a meeting, who chaired it, when and where,
each on sentences written for it: the grammar that makes a value the meeting's, and the phrasings that must read
nothing. No database: the seeded country list only."""

import pytest

from meetings.importing.lao_subject import looks_like_meeting
from tests.meetings.reader import people, read

# ---- is the post about a meeting? ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, text",
    [
        # a meeting to be held: ຈະ + a verb of holding after it, or a word of scheduling before the verb
        ("ແຈ້ງການ", "ກອງປະຊຸມສະໄໝສາມັນເທື່ອທີ 3 ຂອງສະພາແຫ່ງຊາດ ຊຶ່ງຈະຈັດຂຶ້ນໃນວັນທີ 5-20 ມີນາ 2024."),
        ("", "ລັດຖະບານໄທ ໄດ້ສະເໜີເລື່ອນເວລາຈັດຕັ້ງກອງປະຊຸມສຸດຍອດ ອອກໄປເດືອນ ມິຖຸນາ 2019."),
        ("", "ກະຊວງການເງິນ ມີແຜນການຈັດກອງປະຊຸມປະຈຳປີ ໃນທ້າຍປີ 2024."),
        # what something is for, through a list joined by ແລະ
        ("", "ຈີນໄດ້ມອບລົດ 20 ຄັນ ສຳລັບກອງປະຊຸມສຸດຍອດອາຊຽນ ແລະ ກອງປະຊຸມທີ່ກ່ຽວຂ້ອງ ໃຫ້ແກ່ລາວ."),
        # a relative clause: the people who attended a meeting do something else
        ("", "ພັນລະຍາຂອງຄະນະຜູ້ແທນ ທີ່ເຂົ້າຮ່ວມກອງປະຊຸມລັດຖະມົນຕີອາຊຽນ ໄດ້ທ່ຽວຊົມວັດພະແກ້ວ."),
        # the topic of a document, and the document an act is based on
        ("", "ກະຊວງ ໄດ້ອອກມະຕິວ່າດ້ວຍການດຳເນີນກອງປະຊຸມ ຂອງຂະແໜງການ."),
        ("", "ອີງຕາມກົດໝາຍ ມາດຕາ 59 ກ່ຽວກັບການດຳເນີນກອງປະຊຸມສະໄໝສາມັນ ຂອງສະພາແຫ່ງຊາດ ແລະ ມະຕິເລກທີ 12."),
    ],
)
def test_a_meeting_not_held_or_named_inside_another_phrase_is_not_ticked(title, text):
    assert not looks_like_meeting(title, text)


@pytest.mark.parametrize(
    "title, text",
    [
        # the news's own meeting, said to go on: ຄັ້ງນີ້ before ຈະ
        ("", "ກອງປະຊຸມຄັ້ງນີ້ ຈະມີການປຶກສາຫາລືເປັນເວລາ 2 ວັນ."),
        # ສຳລັບ as "as for" this very meeting, and those who attended this one
        ("", "ສຳລັບກອງປະຊຸມຄັ້ງນີ້, ມີຜູ້ເຂົ້າຮ່ວມທັງໝົດ 50 ທ່ານ."),
        ("", "ຜູ້ແທນທີ່ເຂົ້າຮ່ວມກອງປະຊຸມຄັ້ງນີ້ ມີ 80 ທ່ານ."),
        # based on a plan, a body held a meeting: the verb of holding is the clause's
        ("", "ອີງຕາມແຜນການປີ ພະແນກສຶກສາໄດ້ຈັດກອງປະຊຸມສະຫຼຸບວຽກງານ."),
        # a notice's word ຈະ far from the meeting, in another sentence, changes nothing
        ("ກອງປະຊຸມສຳມະນາ ໄດ້ໄຂຂຶ້ນທີ່ແຂວງສາລະວັນ", "ໃນປີໜ້າ ກະຊວງ ຈະສືບຕໍ່ວຽກງານນີ້."),
    ],
)
def test_the_news_own_meeting_is_still_ticked(title, text):
    assert looks_like_meeting(title, text)


# ---- chairs, co-chairs, openers -----------------------------------------------------------------------------


def test_jointly_chaired_makes_co_chairs_of_the_list_not_a_chair():
    reading = read("ໂດຍມີ ທ່ານ ສົມພອນ ແກ້ວມະນີ ຫົວໜ້າກົມແຜນການ ແລະ ທ່ານ ບຸນມີ ສີສະຫວາດ ຮອງຫົວໜ້າກົມ ຮ່ວມກັນເປັນປະທານ.")
    named = people(reading)
    assert {name: p["role"] for name, p in named.items()} == {
        "ສົມພອນ ແກ້ວມະນີ": "co_chair",
        "ບຸນມີ ສີສະຫວາດ": "co_chair",
    }
    # one person who chairs is the chair
    alone = people(read("ໂດຍມີ ທ່ານ ບຸນມີ ສີສະຫວາດ ຮອງຫົວໜ້າກົມ ເປັນປະທານ."))
    assert alone["ບຸນມີ ສີສະຫວາດ"]["role"] == "chair"


def test_chaired_and_opened_as_serial_verbs():
    named = people(read("ທ່ານ ສົມພອນ ແກ້ວມະນີ ຫົວໜ້າກົມ ໄດ້ເປັນປະທານກ່າວເປີດ ແລະ ມີຄຳເຫັນຕໍ່ກອງປະຊຸມ."))
    assert named["ສົມພອນ ແກ້ວມະນີ"]["role"] == "chair" and named["ສົມພອນ ແກ້ວມະນີ"]["opened"]
    # opening alone is no chairing
    opener = people(read("ທ່ານ ສົມພອນ ແກ້ວມະນີ ຫົວໜ້າກົມ ໄດ້ກ່າວເປີດກອງປະຊຸມ."))
    assert opener["ສົມພອນ ແກ້ວມະນີ"]["opened"] and opener["ສົມພອນ ແກ້ວມະນີ"]["role"] == "participant"


def test_co_chaired_between_two_sides():
    reading = read(
        "ພາຍໃຕ້ການເປັນປະທານຮ່ວມລະຫວ່າງທ່ານ ສົມພອນ ແກ້ວມະນີ, ລັດຖະມົນຕີກະຊວງການຕ່າງປະເທດ ແລະທ່ານ ບຸນມີ ສີສະຫວາດ, ຮອງລັດຖະມົນຕີ."
    )
    assert {p["role"] for p in people(reading).values()} == {"co_chair"}
    assert len(people(reading)) == 2


def test_an_honorific_abbreviated_with_a_dot_and_glued_to_the_name():
    named = people(read("ໂດຍການເປັນປະທານຂອງທ່ານນ.ຈັນທະບູນ ໂພສາລາດ ປະທານສະຫະພັນແມ່ຍິງແຂວງ."))
    assert named["ຈັນທະບູນ ໂພສາລາດ"]["role"] == "chair"
    # an abbreviation that is no honorific is no person's
    assert people(read("ຄະນະຈາກ ກຊ.ແຜນການ ແລະ ການລົງທຶນ ເຂົ້າຮ່ວມ.")) == {}


def test_a_surname_that_begins_like_a_title_before_a_comma_and_a_position():
    named = people(read("ທ່ານ ສະເຫຼີມໄຊ ກົມມະສິດ, ລັດຖະມົນຕີກະຊວງການຕ່າງປະເທດ ໄດ້ກ່າວເປີດກອງປະຊຸມ."))
    assert list(named) == ["ສະເຫຼີມໄຊ ກົມມະສິດ"] and named["ສະເຫຼີມໄຊ ກົມມະສິດ"]["opened"]
    # a title after a one-word name is no surname, comma or not
    assert "ແສງແກ້ວ ຫົວໜ້າກົມ" not in people(read("ທ່ານ ແສງແກ້ວ ຫົວໜ້າກົມ, ຮອງປະທານສະມາຄົມ ໄດ້ກ່າວເປີດ."))
    # without the comma and the position, a word beginning with ກົມ ends the name
    assert people(read("ທ່ານ ບຸນມີ ກົມແຜນການ ໄດ້ກ່າວເປີດ.")) == {}


# ---- when and where -----------------------------------------------------------------------------------------


def test_the_day_first_stated_that_opens_the_meeting_own_range():
    text = "ກອງປະຊຸມລັດຖະບານ ໄດ້ເປີດຂຶ້ນໃນຕອນເຊົ້າວັນທີ 23 ພະຈິກນີ້. ກອງປະຊຸມຄັ້ງນີ້ ຈະດຳເນີນໃນລະຫວ່າງວັນທີ 23-24 ພະຈິກ 2023."
    reading = read(text)
    assert (reading.get("start_date"), reading.get("end_date")) == ("2023-11-23", "2023-11-24")
    # the days of an occasion: the meeting is the day stated alone
    occasion = read(
        "ໃນວັນທີ 26 ຕຸລານີ້ ນາຍົກລັດຖະມົນຕີ ໄດ້ພົບປະສອງຝ່າຍ, ໃນໂອກາດເຂົ້າຮ່ວມກອງປະຊຸມສຸດຍອດອາຊຽນ ໃນວັນທີ 26-28 ຕຸລາ 2025."
    )
    assert (occasion.get("start_date"), occasion.get("end_date")) == ("2025-10-26", None)


def test_an_official_residence_is_a_venue():
    reading = read("ວັນທີ 9 ສິງຫາ 2021 ທີ່ທຳນຽບປະທານປະເທດ, ທ່ານ ປະທານປະເທດ ໄດ້ຕ້ອນຮັບຄະນະ.")
    assert reading.get("venue") == "ທຳນຽບປະທານປະເທດ"


def test_a_venue_ends_at_the_guest_of_honour_phrase():
    reading = read("ວັນທີ 8 ມີນາ 2021 ຢູ່ທີສະໂມສອນເມືອງໃໝ່ເປັນກຽດເຂົ້າຮ່ວມຂອງ ທ່ານນາງ ແດງ ຕີດສະພອນ.")
    assert reading.get("venue") == "ສະໂມສອນເມືອງໃໝ່"
    # with no mark where it ends, the run into the clause reads no venue
    assert read("ວັນທີ 8 ມີນາ 2021 ຢູ່ທີສະໂມສອນເມືອງໃໝ່ທ່ານນາງ ແດງ ຕີດສະພອນເຂົ້າຮ່ວມ.").get("venue") is None


def test_a_bracketed_abbreviation_between_the_holding_body_province_and_its_verb():
    text = "ກອງປະຊຸມໃຫຍ່ ຂອງ ອົງຄະນະພັກ ກອງບັນຊາການທະຫານ ນະຄອນຫຼວງວຽງຈັນ (ນວ) ໄດ້ຈັດຂຶ້ນໃນວັນທີ 3 ກໍລະກົດ 2020."
    assert read(text).get("city")["lo"] == "ນະຄອນຫຼວງວຽງຈັນ"
    # a delegation from a province holds nothing there
    away = "ຄະນະຜູ້ແທນຈາກ ແຂວງຫຼວງພະບາງ (ຫພບ) ໄດ້ເຂົ້າຮ່ວມກອງປະຊຸມ ໃນວັນທີ 3 ກໍລະກົດ 2020."
    assert read(away).get("city") is None
