"""The fact reader on the wrong guesses and misses seen on real posts (issue 24), and the evaluation set's
development half. No database: names are matched against the seeded country list only."""

import datetime
import unicodedata

import pytest

from meetings.importing.evaluation import score_half
from meetings.importing.lao_facts import Known, read_facts

KNOWN = Known.for_evaluation()


def read(text, **kw):
    return read_facts(text, known=KNOWN, language="lo", **kw)


def people(reading):
    return {f.value["name_lo"]: f.value for f in reading.facts if f.field == "person"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ວັນທີ 15 ກຸມພາ 2024 ທີ່ໂຮງແຮມລາວເທວ ໄດ້ຈັດກອງປະຊຸມ.", None),  # a venue does not say "in person"
        ("ກອງປະຊຸມ ໄດ້ຈັດຂຶ້ນໃນວັນທີ 27 ພຶດສະພາ 2024 ດ້ວຍຮູບແບບວິດີໂອທາງໄກ.", "online"),
        ("ກອງປະຊຸມຈັດຂຶ້ນທີ່ໂຮງແຮມລາວພລາຊາ ທັງແບບເຊິ່ງໜ້າ ແລະ ຜ່ານລະບົບອອນລາຍ.", "hybrid"),
        ("ກອງປະຊຸມຈັດຂຶ້ນແບບເຊິ່ງໜ້າ ທີ່ຫ້ອງປະຊຸມກະຊວງ.", "in_person"),
    ],
)
def test_format_only_when_stated(text, expected):
    assert read(text).get("format") == expected


def test_a_vice_president_in_a_job_title_is_not_the_chair():
    reading = read(
        "ໃຫ້ກຽດເຂົ້າຮ່ວມໂດຍ ທ່ານ ສະເຫຼີມໄຊ ກົມມະສິດ ລັດຖະມົນຕີ, ທ່ານນ. ສິລິກິດ ບຸບຜາ ຮອງປະທານ ຄະນະບໍລິຫານງານ ສສຍລ, "
        "ເຂົ້າຮ່ວມທັງໝົດ 350 ຄົນ."
    )
    assert {v["role"] for v in people(reading).values()} == {"participant"}
    assert reading.get("attendance_total") == 350


def test_a_director_listed_after_the_chair_is_not_a_chair():
    reading = read(
        "ໂດຍການເປັນປະທານຂອງ ທ່ານ ພົຈວ ແກ່ນຈັນ ພົມມະຈັກ ຮອງຫົວໜ້າກົມໃຫຍ່ຕໍາຫຼວດ, ມີສະມາຊິກກອງເລຂາ ແລະ ທ່ານ ອານິໄຊ ສຸຂະວົງ "
        "ຜູ້ອໍານວຍການ ບໍລິສັດ ເຂົ້າຮ່ວມ."
    )
    found = people(reading)
    assert found["ແກ່ນຈັນ ພົມມະຈັກ"]["role"] == "chair"
    assert found["ອານິໄຊ ສຸຂະວົງ"]["role"] == "participant"


def test_the_chair_with_a_glued_honorific_and_a_vice_president_title():
    reading = read("ໂດຍການເປັນປະທານ ຂອງທ່ານນາງ ສູນທອນ ໄຊຍະຈັກ ຮອງປະທານສະພາແຫ່ງຊາດ; ມີບັນດາທ່ານສະມາຊິກ ເຂົ້າຮ່ວມ.")
    assert people(reading)["ສູນທອນ ໄຊຍະຈັກ"]["role"] == "chair"


def test_the_official_who_opened_the_meeting_is_not_a_plain_participant():
    reading = read(
        "ກອງປະຊຸມ ພາຍໃຕ້ການເປັນປະທານຂອງທ່ານ ສອນໄຊ ສີພັນດອນ ຮອງນາຍົກລັດຖະມົນຕີ.\n"
        "ທ່ານ ບຸນມີ ພົມມະວົງ ຫົວໜ້າພະແນກແຂວງ ໄດ້ກ່າວເປີດກອງປະຊຸມ."
    )
    found = people(reading)
    assert found["ບຸນມີ ພົມມະວົງ"].get("opened") is True
    assert found["ສອນໄຊ ສີພັນດອນ"]["role"] == "chair" and not found["ສອນໄຊ ສີພັນດອນ"].get("opened")


def test_co_chairs_joined_by_and():
    reading = read(
        "ໂດຍການເປັນປະທານຮ່ວມຂອງທ່ານນາງ ທຳມາ ເພັດວິໄຊ ຮອງປະທານຄະນະບໍລິຫານງານ ແລະ ທ່ານນາງ ມະນີຈັນ ແກ້ວວິຣິຍະວົງ "
        "ຜູ້ປະສານງານແຜນງານ; ມີຕາງໜ້າແຂວງ ເຂົ້າຮ່ວມ."
    )
    assert {n: v["role"] for n, v in people(reading).items()} == {
        "ທຳມາ ເພັດວິໄຊ": "co_chair",
        "ມະນີຈັນ ແກ້ວວິຣິຍະວົງ": "co_chair",
    }


def test_the_date_of_the_first_sentence_wins_over_the_post_date():
    reading = read(
        "ໃນວັນທີ 15 ກຸມພາ 2024 ກອງເລຂາ ໄດ້ຈັດກອງປະຊຸມ.", post_date=datetime.date(2025, 6, 1)
    )  # re-posted more than a year later
    start = next(f for f in reading.facts if f.field == "start_date")
    assert start.value == "2024-02-15" and start.end > start.start


def test_a_span_of_years_is_an_anniversary_not_the_date():
    reading = read("ວັນສ້າງຕັ້ງ ຄົບຮອບ 30 ປີ (27 ກຸມພາ 1995-27 ກຸມພາ 2025) ໄດ້ຈັດພິທີ.")
    assert reading.get("start_date") is None


@pytest.mark.parametrize(
    ("text", "total", "women"),
    [
        ("ມີຜູ້ເຂົ້າຮ່ວມ 60 ທ່ານ, ຍິງ 32 ທ່ານ.", 60, 32),
        ("ພ້ອມຄະນະກອງເລຂາ ທັງໝົດ  48 ທ່ານ, ຍິງ 10 ທ່ານ.", 48, 10),
        ("ຜູ້ແທນສົມບູນຈໍານວນ 131 ສະຫາຍ ຍິງ 59 ສະຫາຍເຂົ້າຮ່ວມ.", 131, 59),
        ("ຜູ້ເຂົ້າຮ່ວມທັງຫມົດ 35 ຄົນ (ຍິງ 12 ຄົນ).", 35, 12),
        ("ເຂົ້າຮ່ວມ ທັງໝົດ 121 ກວ່າທ່ານ.", None, None),  # "more than 121": no count
        ("ຜູ້ໂດຍສານ 2 ທ່ານທີ່ສົ່ງຮູບ.", None, None),  # not the participants
    ],
)
def test_totals_and_women(text, total, women):
    reading = read(text)
    assert (reading.get("attendance_total"), reading.get("attendance_women")) == (total, women)


def test_venue_with_its_province():
    reading = read("ໃນວັນທີ 9 ກໍລະກົດ 2021 ທີ່ຫ້ອງປະຊຸມໃຫ່ຍ ຂອງພະແນກຊັບພະຍາກອນທຳມະຊາດ ແຂວງຊຽງຂວາງ ໄດ້ເປີດກອງປະຊຸມ.")
    assert reading.get("venue") == "ຫ້ອງປະຊຸມໃຫ່ຍ ຂອງພະແນກຊັບພະຍາກອນທຳມະຊາດ"
    assert reading.get("city")["lo"] == "ແຂວງຊຽງຂວາງ"


def test_not_a_venue_inside_a_word():
    assert read("ມີບັນດາສະຫາຍຄະນະພັກ, ຄະນະພະແນກ ແລະ ພະນັກງານ ເຂົ້າຮ່ວມ.").get("venue") is None


def test_host_and_participating_countries_in_the_spellings_of_real_texts():
    reading = read(
        "ກອງປະຊຸມ ຄັ້ງທີ 20 ຈັດຂຶ້ນດ້ວຍຮູບແບບວິດີໂອທາງໄກ ໂດຍແມ່ນປະເທດ ຟີລິບປີນ ເປັນເຈົ້າພາບ ມີປະເທດ ບຣູໄນ, ກຳປູເຈຍ, "
        "ສີງກະໂປ, ອີນໂດເນເຊຍ, ໄທ, ລາວ ແລະ ຫວຽດນາມ ເຂົ້າຮ່ວມ."
    )
    assert reading.get("host_country")["code"] == "PH"
    assert [v["code"] for v in reading.all("country")] == ["BN", "KH", "SG", "ID", "TH", "LA", "VN"]
    assert reading.get("kind") == "international"


def test_a_framework_name_is_not_a_list_of_countries():
    reading = read("ພາຍໃຕ້ຂອບການຮ່ວມມື ອາຊຽນ- ອົດສະຕາລີ-ນິວຊີແລນ (AANZFTA) ໄດ້ເຂົ້າຮ່ວມກອງປະຊຸມທາງໄກ.")
    assert reading.all("country") == [] and reading.get("host_country") is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ໄດ້ຈັດກອງປະຊຸມທາບທາມ ຜ່ານຮ່າງແຜນຈັດສັນທີ່ດິນ.", "consultation"),
        ("ໄດ້ຈັດກອງປະຊຸມສະຫຼຸບການເຄື່ອນໄຫວວຽກງານ ປະຈຳປີ 2019.", "annual_review"),
        ("ໄດ້ເປີດກອງປະຊຸມສ່ອງແສງປະຈຳເດືອນ ເມສາ.", None),
    ],
)
def test_kind_of_meeting_from_its_name(text, kind):
    assert read(text).get("kind") == kind


def test_passages_are_cut_between_grapheme_clusters():
    text = "ກ" * 5 + "ເດັ່ນ" * 40 + " ວັນທີ 15 ກຸມພາ 2024 " + "ຕີ້" * 60
    reading = read(text)
    fact = next(f for f in reading.facts if f.field == "start_date")
    for context in range(80, 100):
        before, _passage, after = reading.passage(fact, context=context)
        first, last = before.lstrip("…")[:1], after.rstrip("…")[-1:]
        assert not first or not unicodedata.category(first).startswith("M")  # never a mark without its letter
        assert last != "ຕ" and last != "\u0eb5"  # never a letter or vowel without its tone mark


def test_development_half_reads_no_wrong_fact():
    half = score_half("development", KNOWN)
    assert half.wrong == [] and half.total.recall >= 0.9


@pytest.mark.django_db
def test_a_recorded_person_is_found_by_either_script_and_spacing():
    from meetings.importing.services import recorded_person
    from meetings.models import Person

    person = Person(name_lo="ຄຳສອນ ອ້ວນທະວີ", name_en="Khamsone Ounthavy")
    person.full_clean()
    person.save()
    assert recorded_person("ຄໍາສອນ  ອ້ວນທະວີ", "") == person  # ໍ + າ typed apart, two spaces
    assert recorded_person("", "khamsone ounthavy") == person
    assert recorded_person("ຄຳສອນ ພົມມະວົງ", "") is None


@pytest.mark.parametrize("filler", ["ກຳ", "ກຳ😀", "ເດັ່ນ"], ids=["sara-am", "astral", "marks"])
def test_passages_are_cut_at_icu_grapheme_boundaries(filler):
    """ຳ is a letter to unicodedata (Lo) but belongs to the letter before it (ICU grapheme cluster): a passage
    never ends between them; characters outside the BMP (UTF-16 pairs in ICU) do not shift the cut."""
    text = filler * 40 + " ວັນທີ 15 ກຸມພາ 2024 " + filler * 40
    reading = read(text)
    fact = next(f for f in reading.facts if f.field == "start_date")
    clusters = {"ກຳ": ["ກຳ"], "ກຳ😀": ["ກຳ", "😀"], "ເດັ່ນ": ["ເ", "ດັ່", "ນ"]}[filler]
    for context in range(80, 100):
        before, passage, after = reading.passage(fact, context=context)
        head, tail = before.lstrip("…"), after.rstrip("…")
        assert head + passage + tail in text
        assert any(head.startswith(c) for c in clusters), (context, head[:3])
        assert any(tail.endswith(c) for c in clusters), (context, tail[-3:])
