"""The fact reader's round-6 rules (issue 24, importer7b), each on sentences written for it, both ways: whether a
post is about a meeting (a meeting named as a complement of another act is none), and who opened or chaired it,
when and where. No database: the seeded country list only."""

import pytest

from meetings.importing.lao_subject import looks_like_meeting
from tests.meetings.reader import people, read

# ---- is the post about a meeting? ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, text",
    [
        # the possessor of another noun: the results of a meeting, cited in a phone call
        ("", "ລັດຖະມົນຕີ ສອງຝ່າຍ ໄດ້ລົມໂທລະສັບກັນ. ສອງຝ່າຍ ສືບຕໍ່ຜັນຂະຫຍາຍໝາກຜົນ, ສຳຄັນຂອງກອງປະຊຸມຄະນະລັດຖະບານຮ່ວມ."),
        # inside a clause of purpose: a donation to help a congress succeed
        ("", "ບໍລິສັດ ໄດ້ມອບເງິນ 1 ຕື້ກີບ ໃຫ້ລັດຖະບານ ເພື່ອປະກອບສ່ວນເຮັດໃຫ້ການດຳເນີນກອງປະຊຸມໃຫຍ່ ປະສົບຜົນສຳເລັດ."),
        # an aside added to the news's own act (a visit)
        (
            "ຫົວໜ້າພະແນກ ຢ້ຽມຢາມຫ້ອງຮຽນພອນສະຫວັນ",
            "ທ່ານ ຫົວໜ້າພະແນກ ໄດ້ຢ້ຽມຢາມນັກຮຽນ. ພ້ອມກັນນັ້ນຍັງໄດ້ໄປຢ້ຽມຢາມບ່ອນຢູ່ ແລະ ເຂົ້າຮ່ວມປະຊຸມກັບພາກສ່ວນທີ່ກ່ຽວຂ້ອງ.",
        ),
        # a courtesy call as a purpose, in the spelling ຂໍານັບ
        ("", "ຄະນະຜູ້ແທນຊາວໜຸ່ມ ໄດ້ເດີນທາງມາ ເພື່ອເຂົ້າຢ້ຽມຂໍານັບ ເລຂາຄະນະບໍລິຫານງານສູນກາງຊາວໜຸ່ມ."),
    ],
)
def test_a_meeting_named_as_a_complement_is_not_ticked(title, text):
    assert not looks_like_meeting(title, text)


@pytest.mark.parametrize(
    "title, text",
    [
        # the meeting held, whatever else its sentence names: a verb of holding after it, or "this one"
        ("", "ພິທີປິດຂອງກອງປະຊຸມສຳມະນາ ໄດ້ຈັດຂຶ້ນໃນວັນທີ 5 ມີນາ 2024."),
        ("", "ເພື່ອປຶກສາຫາລືແຜນການປີ, ພະແນກກະສິກຳ ໄດ້ຈັດກອງປະຊຸມ ໃນວັນທີ 5 ມີນາ 2024."),
        ("", "ພ້ອມກັນນັ້ນ, ກອງປະຊຸມສຳມະນາ ໄດ້ໄຂຂຶ້ນທີ່ແຂວງສາລະວັນ."),
        # a courtesy call in the spellings ຂໍານັບ and ຂໍ່ານັບ, on a secretary (ເລຂາ), after a Latin dateline
        ("ຄະນະຜູ້ແທນຊາວໜຸ່ມຈີນເຂົ້າຢ້ຽມຂໍານັບເລຂາ ຊ ປ ປ ລາວ", "ຊາວໜຸ່ມສອງຝ່າຍ ໄດ້ແລກປ່ຽນຄຳເຫັນ."),
        (
            "ຄະນະຜູ້ແທນຊາວໜຸ່ມຈີນ ຢ້ຽມຢາມລາວ",
            "(GMT+08:00) 2011-11-20 13:59:56 cri\nຄະນະຜູ້ແທນ ໄດ້ເຂົ້າຢ້ຽມຂໍ່ານັບ ທ່ານ ເລຂາຄະນະບໍລິຫານງານສູນກາງຊາວໜຸ່ມ.",
        ),
    ],
)
def test_the_news_own_meeting_or_call_is_ticked(title, text):
    assert looks_like_meeting(title, text)


# ---- who --------------------------------------------------------------------------------------------------


def test_an_opener_as_the_agent_of_opening():
    passive = people(read("ໂດຍໄດ້ຮັບກຽດເຂົ້າຮ່ວມເປີດກອງປະຊຸມໂດຍ ທ່ານ ນາງ ສີລິພອນ ສຸພັນທອງ ຮອງເຈົ້າແຂວງ ແຂວງຫຼວງພະບາງ."))
    assert passive["ສີລິພອນ ສຸພັນທອງ"]["opened"]
    nominal = people(read("ເຊິ່ງໄດ້ຮັບກຽດກ່າວຕ້ອນຮັບ ແລະ ເປີດກອງປະຊຸມຂອງທ່ານ ເຫຼັກໄຫລ ສີວິໄລ ຮອງເຈົ້າແຂວງເຊກອງ."))
    assert nominal["ເຫຼັກໄຫລ ສີວິໄລ"]["opened"]
    # a guest at the opening ceremony opened nothing
    guest = people(read("ພິທີເປີດກອງປະຊຸມ ມີ ທ່ານ ສີລິພອນ ສຸພັນທອງ ຮອງເຈົ້າແຂວງ ເຂົ້າຮ່ວມ."))
    assert not guest["ສີລິພອນ ສຸພັນທອງ"].get("opened")


def test_chaired_and_did_another_thing_in_one_phrase():
    named = people(read("ໂດຍການເປັນປະທານ ແລະ ເຜີຍແຜ່ຂອງ ທ່ານ ຄຳພັນ ສິດທິດຳພາ ປະທານສານປະຊາຊົນສູງສຸດ."))
    assert named["ຄຳພັນ ສິດທິດຳພາ"]["role"] == "chair"
    guest = people(read("ໂດຍການເຂົ້າຮ່ວມ ແລະ ເຜີຍແຜ່ຂອງ ທ່ານ ຄຳພັນ ສິດທິດຳພາ ປະທານສານປະຊາຊົນສູງສຸດ."))
    assert guest["ຄຳພັນ ສິດທິດຳພາ"]["role"] != "chair"


def test_co_chairs_named_as_such_and_listed_by_position():
    text = (
        "ພາຍໃຕ້ການເປັນປະທານຮ່ວມຂອງ ທ່ານ ສີສຸກ ເທບທານີ ກຳມະການພັກເມືອງ ຮອງເຈົ້າເມືອງ ທ່ານ ຄູນຄຳ ຣາຊະພົນ "
        "ຮອງຫົວໜ້າພະແນກ ແລະທ່ານ ນາງ ພອນທະວີ ລາດບໍວອນ ຫົວໜ້າຫ້ອງການ ມີຜູ້ບໍລິຫານເຂົ້າຮ່ວມ."
    )
    assert {n: p["role"] for n, p in people(read(text)).items()} == {
        "ສີສຸກ ເທບທານີ": "co_chair",
        "ຄູນຄຳ ຣາຊະພົນ": "co_chair",
        "ພອນທະວີ ລາດບໍວອນ": "co_chair",
    }
    # one chair: the next person after a position is no co-chair
    single = people(read(text.replace("ປະທານຮ່ວມຂອງ", "ປະທານຂອງ")))
    assert single["ສີສຸກ ເທບທານີ"]["role"] == "chair" and single["ຄູນຄຳ ຣາຊະພົນ"]["role"] == "participant"


def test_a_master_degree_is_a_title_and_a_latin_name_runs_on():
    named = people(read("ໂດຍພາຍໃຕ້ການເປັນປະທານຂອງທ່ານ ປທ ຄຳຜຸຍ ໂນລາ ຫົວໜ້າໂຮງຮຽນການເມືອງ."))
    assert list(named) == ["ຄຳຜຸຍ ໂນລາ"]
    long = people(read("ພາຍໃຕ້ການເປັນປະທານຮ່ວມຂອງ ທ່ານ ນາງ Ana Julia Marine López ຮອງລັດຖະມົນຕີ ກະຊວງການສື່ສານ."))
    assert list(long) == ["Ana Julia Marine López"]
    # punctuation ends the name
    short = people(read("ພາຍໃຕ້ການເປັນປະທານຂອງ ທ່ານ ນາງ Ksenia Drozdova, Intersputnik ໄດ້ກ່າວ."))
    assert list(short) == ["Ksenia Drozdova"]


# ---- when -------------------------------------------------------------------------------------------------


def test_a_trip_days_are_not_the_meeting_days():
    trip = read(
        "ໃນລະຫວ່າງວັນທີ 06-08 ກໍລະກົດ 2022, ທ່ານ ສະເຫຼີມໄຊ ກົມມະສິດ ໄດ້ນໍາພາຄະນະຜູ້ແທນ ເດີນທາງເຂົ້າຮ່ວມກອງປະຊຸມ"
        "ຄະນະກຳມາທິການຮ່ວມ ຄັ້ງທີ 14."
    )
    assert trip.get("start_date") is None and trip.get("end_date") is None
    held = read("ກອງປະຊຸມ ໄດ້ຈັດຂຶ້ນໃນລະຫວ່າງວັນທີ 06-08 ກໍລະກົດ 2022, ຄະນະຜູ້ແທນລາວ ໄດ້ເດີນທາງໄປເຂົ້າຮ່ວມ.")
    assert (held.get("start_date"), held.get("end_date")) == ("2022-07-06", "2022-07-08")


def test_times_of_day_a_weekday_between_and_a_full_day():
    friday = read("ຕອນບ່າຍຂອງວັນສຸກ, ວັນທີ 18 ພະຈິກ 2022, ຢູ່ທີ່ຫ້ອງປະຊຸມສະພາປະຊາຊົນແຂວງ ໄດ້ຈັດກອງປະຊຸມ.")
    assert friday.get("time_of_day")["en"] == "afternoon"
    full = read("ກອງປະຊຸມ ຈັດຂື້ນ ແລະດຳເນີນໜື່ງວັນເຕັມຂອງວັນທີ 5 ສິງຫາ 2015, ທີ່ຫ້ອງວ່າການແຂວງ.")
    assert full.get("time_of_day")["en"] == "all_day"
    # a morning start stated: the time of day is the morning
    morning = read("ໃນຕອນເຊົ້າວັນທີ 14 ກັນຍາ 2021 ໄດ້ຈັດກອງປະຊຸມ ດຳເນີນເປັນເວລາ 1 ວັນເຕັມ.")
    assert morning.get("time_of_day")["en"] == "morning"
    # a comma with no weekday still parts a time of day from the date
    assert read("ຕອນບ່າຍ ຄະນະໄດ້ລົງຢ້ຽມຢາມ, ວັນທີ 18 ພະຈິກ 2022 ກອງປະຊຸມໄດ້ຈັດຂຶ້ນ.").get("time_of_day") is None


# ---- where ------------------------------------------------------------------------------------------------


def test_a_room_then_the_building_it_is_in():
    reading = read("ວັນທີ 5 ສິງຫາ 2015, ທີ່ຫ້ອງປະຊຸມຊັ້ນ 3, ຫ້ອງວ່າການແຂວງ ເຊກອງເຊີ່ງໄດ້ຮັບກຽດກ່າວຕ້ອນຮັບ.")
    assert reading.get("venue") == "ຫ້ອງປະຊຸມຊັ້ນ 3, ຫ້ອງວ່າການແຂວງ ເຊກອງ"
    assert reading.get("city")["lo"] == "ແຂວງເຊກອງ"
    # a body after the room, the sentence's subject, is not the room's building
    subject = read("ວັນທີ 5 ສິງຫາ 2015 ທີ່ຫ້ອງປະຊຸມ ເມືອງຫົງສາ, ພະແນກຍຸຕິທຳແຂວງໄຊຍະບູລີ ໄດ້ຈັດກອງປະຊຸມ.")
    assert subject.get("venue") == "ຫ້ອງປະຊຸມ ເມືອງຫົງສາ"


def test_no_venue_cut_by_a_broken_line():
    cut = read("ວັນທີ 5 ສິງຫາ 2015, ໄດ້ແລກປ່ຽນບົດຮຽນ ທີ່ຫ້ອງປະຊຸມພະແນກກະສິ\nກຳ ແລະ ປ່າໄມ້ ແຂວງຊຽງຂວາງ ນຳໂດຍທ່ານ ຄີ່ນ.")
    assert cut.get("venue") is None
    whole = read("ວັນທີ 5 ສິງຫາ 2015, ໄດ້ແລກປ່ຽນບົດຮຽນ ທີ່ຫ້ອງປະຊຸມພະແນກກະສິກຳ\nທ່ານ ຄີ່ນ ທຸມມາລາ ໄດ້ກ່າວ.")
    assert whole.get("venue") == "ຫ້ອງປະຊຸມພະແນກກະສິກຳ"


def test_the_province_that_hosts_or_owns_the_room_and_not_one_possessed():
    host = read("ກອງປະຊຸມ ໄດ້ຈັດຂຶ້ນໃນວັນທີ 26 ເມສາ 2023 ທີ່ຜ່ານມາ, ເຊິ່ງແຂວງຄຳມ່ວນເປັນເຈົ້າພາບ, ຝ່າຍລາວ ມີ ທ່ານ ບຸນເລີດ.")
    assert host.get("city")["lo"] == "ແຂວງຄຳມ່ວນ"
    own = read(
        "ພະແນກສຶກສາ ທິການ ແລະ ກິລາແຂວງໄຊສົມບູນ ໄດ້ຈັດກອງປະຊຸມຜູ້ບໍລິຫານ ຂຶ້ນໃນວັນທີ 21 ສິງຫາ 2024 "
        "ທີ່ຫ້ອງປະຊຸມຂອງພະແນກ ໂດຍການເປັນປະທານຂອງທ່ານ ຢົງຢີ ລີເຍ່ຍວື."
    )
    assert own.get("city")["lo"] == "ແຂວງໄຊສົມບູນ"
    # villages of a province, the event's topic: not the body that holds it
    topic = read(
        "ພິທີເປີດຝຶກອົບຮົມ ໃນບ້ານເປົ້າໝາຍ ຂອງແຂວງອັດຕະປື ຈັດຂຶ້ນໃນວັນທີ 25 ເມສາ 2023, ໂດຍການເປັນປະທານຂອງທ່ານນາງ ອິນລາວັນ."
    )
    assert topic.get("city") is None
    body = read("ສະຫະພັນແມ່ຍິງແຂວງອັດຕະປື ໄດ້ຈັດພິທີເປີດຝຶກອົບຮົມ ໃນວັນທີ 25 ເມສາ 2023.")
    assert body.get("city")["lo"] == "ແຂວງອັດຕະປື"
