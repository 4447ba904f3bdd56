"""The fact reader's round-3 rules (issue 24), each on sentences written for it: the grammar that makes a value
the meeting's, and the phrasings that must leave a fact empty. No database: the seeded country list only."""

import datetime

import pytest

from meetings.importing.evaluation import score_half
from meetings.importing.lao_facts import Known, read_facts

KNOWN = Known.for_evaluation()


def read(text, **kw):
    return read_facts(text, known=KNOWN, language="lo", **kw)


def people(reading):
    return {f.value["name_lo"]: f.value for f in reading.facts if f.field == "person"}


def test_opened_on_one_day_and_closed_on_a_later_day():
    reading = read("ກອງປະຊຸມໄດ້ໄຂຂຶ້ນ ວັນທີ 3 ແລະ ປິດລົງ ໃນວັນທີ 5 ມີນາ 2024 ທີ່ຫ້ອງວ່າການແຂວງ.")
    assert (reading.get("start_date"), reading.get("end_date")) == ("2024-03-03", "2024-03-05")
    # the opening day must be marked as a day: a session's number before the closing verb is not one
    numbered = read("ກອງປະຊຸມຄັ້ງທີ 3 ແລະ ປິດກອງປະຊຸມ ໃນວັນທີ 5 ມີນາ 2024.")
    assert numbered.get("start_date") is None and numbered.get("end_date") is None


def test_a_closing_date_alone_is_not_the_day_the_meeting_began():
    reading = read("ກອງປະຊຸມໄດ້ດຳເນີນມາເປັນເວລາ 3 ວັນ ແລະ ໄດ້ອັດລົງ ໃນວັນທີ 5 ມີນາ 2024.")
    assert reading.get("start_date") is None
    # a date marked as the opening is still read when a closing date follows it
    both = read("ກອງປະຊຸມເປີດຂຶ້ນໃນວັນທີ 1 ມີນາ 2024 ແລະ ອັດລົງ ໃນວັນທີ 5 ມີນາ 2024.")
    assert (both.get("start_date"), both.get("end_date")) == ("2024-03-01", "2024-03-05")
    # a closing date months after the start is of something else
    later = read("ກອງປະຊຸມເປີດຂຶ້ນໃນວັນທີ 1 ມີນາ 2024. ໂຄງການຈະປິດລົງ ໃນວັນທີ 5 ກັນຍາ 2024.")
    assert (later.get("start_date"), later.get("end_date")) == ("2024-03-01", None)


def test_the_first_day_stated_within_a_longer_event_is_the_meetings_day():
    reading = read(
        "ໃນວັນທີ 12 ພະຈິກນີ້ ທີ່ ນະຄອນຫຼວງວຽງຈັນ, ສອງລັດຖະມົນຕີ ໄດ້ພົບປະສອງຝ່າຍ ໃນໂອກາດເຂົ້າຮ່ວມ"
        "ກອງປະຊຸມລັດຖະມົນຕີ ໃນວັນທີ 11-13 ພະຈິກ 2024."
    )
    assert (reading.get("start_date"), reading.get("end_date")) == ("2024-11-12", None)


def test_a_first_day_outside_the_full_date_conflicts_and_no_date_is_read():
    reading = read("ໃນວັນທີ 20 ພະຈິກນີ້ ໄດ້ມີການພົບປະ. ກອງປະຊຸມຈັດຂຶ້ນໃນວັນທີ 11-13 ພະຈິກ 2024.")
    assert reading.get("start_date") is None and reading.get("end_date") is None


def test_a_time_of_day_is_not_read_when_the_text_names_several_days_and_no_date():
    text = "ໃນຕອນບ່າຍ ວັນທີ 21 ມັງກອນ, ຜູ້ແທນໄດ້ລົງຄະແນນສຽງ. ກອງປະຊຸມໄດ້ໄຂຂຶ້ນໃນວັນທີ 19 ມັງກອນ."
    assert read(text).get("time_of_day") is None
    one_day = read("ໃນຕອນບ່າຍ ວັນທີ 21 ມັງກອນ, ໄດ້ຈັດກອງປະຊຸມ. ວັນທີ 21 ແມ່ນວັນສຳຄັນ.")
    assert one_day.get("time_of_day") == {"lo": "ຕອນບ່າຍ", "en": "afternoon"}


@pytest.mark.parametrize(
    ("text", "total", "women"),
    [
        # the verb ເຂົ້າຮ່ວມ right before the count
        ("ກອງປະຊຸມໃຫຍ່ ໂດຍມີຜູ້ແທນເຂົ້າຮ່ວມ 145 ສະຫາຍ ຍິງ 30 ສະຫາຍ.", 145, 30),
        # a count of candidates or of those elected is not the attendance
        ("ໄດ້ປ່ອນບັດເລືອກຕັ້ງ, ມີຜູ້ສະໝັກທັງໝົດ 21 ສະຫາຍ, ຍິງ 4 ສະຫາຍ.", None, None),
        ("ຜົນການເລືອກຕັ້ງ ໄດ້ທັງໝົດ 19 ສະຫາຍ, ຍິງ 3 ສະຫາຍ.", None, None),
    ],
)
def test_the_attendance_from_the_verb_and_not_from_an_election(text, total, women):
    reading = read(text)
    assert (reading.get("attendance_total"), reading.get("attendance_women")) == (total, women)


def test_the_opened_test_half_reads_no_wrong_fact():
    """Round 3 opened the test half: development data now, held to no wrong fact."""
    half = score_half("test", KNOWN)
    assert half.wrong == [] and half.total.recall >= 0.75


@pytest.mark.parametrize(
    "text",
    [
        # a count in a sentence that says nobody attended anything
        "ວັນທີ 5 ມີນາ 2024 ເຈົ້າໜ້າທີ່ໄດ້ຊ່ວຍເຫຼືອທັງໝົດ 120 ຄົນ, ຍິງ 80 ຄົນ.",
        # victims and cases are not the attendance, even where people attended
        "ກອງປະຊຸມມີຜູ້ແທນເຂົ້າຮ່ວມ, ໄດ້ລາຍງານຜູ້ເຄາະຮ້າຍທັງໝົດ 45 ຄົນ.",
        "ກອງປະຊຸມມີຜູ້ແທນເຂົ້າຮ່ວມ, ໄດ້ສະຫຼຸບຄະດີທັງໝົດ 12 ຄົນ.",
    ],
)
def test_a_count_that_is_not_of_people_attending(text):
    assert read(text).get("attendance_total") is None


def test_a_count_of_those_present_with_the_meeting():
    text = "ໂດຍມີຄະນະຮັບຜິດຊອບ ທີ່ມາຈາກກະຊວງຍຸຕິທຳ ແລະ ກະຊວງສາທາລະນະສຸກ ທັງໝົດ 10 ທ່ານ."
    assert read(text).get("attendance_total") == 10


@pytest.mark.parametrize(
    "text",
    [
        # the run from ທີ່ + a kind of place holds a verb: where the venue ends is not marked
        "ວັນທີ 5 ມີນາ 2024 ທີ່ຫ້ອງປະຊຸມກະຊວງແຮງງານ ກົມແຮງງານຈັດຂຶ້ນກອງປະຊຸມ ປຶກສາຫາລືແຜນງານ",
        "ວັນທີ 5 ມີນາ 2024 ທີ່ໂຮງແຮມລາວພລາຊາ ຄະນະຜູ້ແທນ ເຂົ້າຮ່ວມ ກອງປະຊຸມ",
        # no clause word within 120 characters: the name has no marked end
        "ວັນທີ 5 ມີນາ 2024 ທີ່ຫ້ອງປະຊຸມ" + "ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ " * 5 + "ເປັນຕົ້ນ",
    ],
)
def test_a_venue_that_runs_into_the_predicate_is_not_read(text):
    reading = read(text)
    assert reading.get("venue") is None


def test_a_venue_at_the_end_of_the_text_is_read():
    assert read("ວັນທີ 8 ກໍລະກົດ 2025 ຢູ່ທີ່ຫ້ອງປະຊຸມໃຫຍ່ ກະຊວງ").get("venue") == "ຫ້ອງປະຊຸມໃຫຍ່ ກະຊວງ"


def test_two_countries_in_the_place_clause_make_no_host():
    reading = read("ກອງປະຊຸມຈັດຂຶ້ນຢູ່ຊາຍແດນ ປະເທດໄທ ແລະ ປະເທດມຽນມາ ໃນວັນທີ 3 ມີນາ 2024.")
    assert reading.get("host_country") is None
    one = read("ກອງປະຊຸມຈັດຂຶ້ນຢູ່ນະຄອນຫຼວງບາງກອກ ປະເທດໄທ ໃນວັນທີ 3 ມີນາ 2024.")
    assert one.get("host_country")["code"] == "TH"


def test_an_online_phrase_is_the_format_only_when_said_of_the_meeting():
    scams = "ວັນທີ 3 ມີນາ 2024. ພວກຄ້າມະນຸດ ຫຼອກລວງແຮງງານຜ່ານລະບົບອອນລາຍ."
    assert read(scams).get("format") is None
    meeting = read("ວັນທີ 3 ມີນາ 2024 ໄດ້ຈັດກອງປະຊຸມ ຜ່ານລະບົບອອນລາຍ.")
    assert meeting.get("format") == "online"


def test_the_host_named_where_the_first_date_sets_the_scene():
    reading = read("ໃນວັນທີ 12 ພະຈິກນີ້ ທີ່ ບາງກອກ ປະເທດໄທ, ສອງລັດຖະມົນຕີ ໄດ້ພົບປະກັນ.")
    assert reading.get("host_country")["code"] == "TH"
    # (round 4) international only when others than the host take part: here another country is named
    both = read("ໃນວັນທີ 12 ພະຈິກນີ້ ທີ່ ບາງກອກ ປະເທດໄທ, ສອງລັດຖະມົນຕີ ລາວ ແລະ ໄທ ໄດ້ພົບປະກັນ.")
    assert both.get("host_country")["code"] == "TH" and both.get("kind") == "international"


@pytest.mark.parametrize(
    "text",
    [
        # ທີ່ຜ່ານມາ (past) is not ທີ່ + a place
        "ໃນວັນທີ 12 ພະຈິກ ທີ່ຜ່ານມາ ແຮງງານລາວ ຢູ່ປະເທດໄທ ໄດ້ກັບຄືນ.",
        # a place of more than two words: the sentence has moved on from the scene
        "ໃນວັນທີ 12 ພະຈິກນີ້ ທີ່ ກະຊວງແຮງງານ ໄດ້ລາຍງານ ແຮງງານ ປະເທດໄທ, ແລະ ອື່ນໆ.",
        # the place holds a verb
        "ໃນວັນທີ 12 ພະຈິກນີ້ ທີ່ ກະຊວງ ໄດ້ສົ່ງແຮງງານ ປະເທດໄທ, ຈຳນວນໜຶ່ງ.",
        # the country does not end the phrase
        "ໃນວັນທີ 12 ພະຈິກນີ້ ທີ່ ສະຖານທູດ ປະເທດໄທ ປະຈຳລາວ ໄດ້ຈັດງານລ້ຽງ.",
        # not the text's first date
        "ວັນທີ 3 ມີນາ 2024 ໄດ້ຈັດກອງປະຊຸມ. ໃນວັນທີ 12 ພະຈິກນີ້ ທີ່ ບາງກອກ ປະເທດໄທ, ຈະມີການພົບປະ.",
    ],
)
def test_no_host_where_the_scene_is_not_set_by_the_first_date(text):
    assert read(text).get("host_country") is None


def test_a_list_of_countries_with_and_then_country():
    reading = read("ມີຜູ້ແທນຈາກ ປະເທດ ກຳປູເຈຍ, ໄທ, ຫວຽດນາມ ແລະ ປະເທດຕີມໍເລສເຕ, ເຂົ້າຮ່ວມ.")
    assert sorted(v["code"] for v in reading.all("country")) == ["KH", "TH", "TL", "VN"]


def test_a_day_without_its_year_is_not_read_when_the_text_names_several_days():
    post_date = datetime.date(2026, 1, 25)
    one = read("ໃນວັນທີ 21 ມັງກອນ, ໄດ້ຈັດກອງປະຊຸມ.", post_date=post_date)
    assert one.get("start_date") == "2026-01-21"
    several = read("ໃນວັນທີ 21 ມັງກອນ, ຜູ້ແທນໄດ້ລົງຄະແນນ. ກອງປະຊຸມໄຂຂຶ້ນໃນວັນທີ 19 ມັງກອນ.", post_date=post_date)
    start = next(f for f in several.facts if f.field == "start_date")
    assert (start.value, start.start, start.end) == (
        "2026-01-25",
        0,
        0,
    )  # the post's date, not read from the text


def test_a_list_of_destinations_is_not_of_countries_taking_part():
    text = "ວັນທີ 3 ມີນາ 2024. ແຮງງານລາວທີ່ໄປເຮັດວຽກຢູ່ປະເທດ ໄທ, ມາເລເຊຍ ແລະ ສີງກະໂປ ຖືກຫຼອກລວງ."
    reading = read(text)
    assert reading.all("country") == [] and reading.get("kind") is None


def test_a_list_after_the_chair_that_ends_in_attending_is_of_participants():
    found = people(read("ໂດຍການເປັນປະທານຂອງ ທ່ານ ບົວສອນ ແສງດາລາ ລັດຖະມົນຕີ, ທ່ານ ສົມພອນ ວົງສາ ຮອງລັດຖະມົນຕີ ເຂົ້າຮ່ວມ."))
    assert (found["ບົວສອນ ແສງດາລາ"]["role"], found["ສົມພອນ ວົງສາ"]["role"]) == ("chair", "participant")
    # two names after the chair phrase, then others brought in by ມີ: the two chair jointly
    joint = people(read("ໂດຍການເປັນປະທານຂອງ ທ່ານ ບົວສອນ ແສງດາລາ ແລະ ທ່ານ ສົມພອນ ວົງສາ ມີພະນັກງານ ເຂົ້າຮ່ວມ."))
    assert {v["role"] for v in joint.values()} == {"co_chair"}
    # co-chairs named as such stay co-chairs whatever follows
    named = people(read("ໂດຍການເປັນປະທານຮ່ວມຂອງ ທ່ານ ບົວສອນ ແສງດາລາ ແລະ ທ່ານ ສົມພອນ ວົງສາ ເຂົ້າຮ່ວມ."))
    assert {v["role"] for v in named.values()} == {"co_chair"}


def test_a_city_after_at_only_when_at_is_a_word_of_its_own():
    assert read("ຄະນະນະຄອນຫຼວງວຽງຈັນ ໄດ້ຈັດກອງປະຊຸມ.").get("city") is None
    assert read("ກອງປະຊຸມຈັດຂຶ້ນ ທີ່ນະຄອນຫຼວງວຽງຈັນ.").get("city")["lo"] == "ນະຄອນຫຼວງວຽງຈັນ"


def test_a_ministry_is_a_venue_only_after_a_strict_locative():
    at = read("ກອງປະຊຸມໄດ້ຈັດຂຶ້ນໃນວັນທີ 3 ມີນາ 2024 ຢູ່ທີ່ກະຊວງແຮງງານ ພາຍໃຕ້ການເປັນປະທານຂອງ ທ່ານ ບົວສອນ ແສງດາລາ.")
    assert at.get("venue") == "ກະຊວງແຮງງານ"
    # ທີ່ alone may be "that": the ministry that held the meeting, not where it was
    that = read("ກອງປະຊຸມທີ່ກະຊວງແຮງງານ ໄດ້ຈັດຂຶ້ນໃນວັນທີ 3 ມີນາ 2024 ມີຜູ້ເຂົ້າຮ່ວມ 30 ທ່ານ.")
    assert that.get("venue") is None
