"""The fact reader's round-5 rules for the sides of a meeting, its host, kind, format and attendance (issue 24),
each on sentences written for it: the grammar that makes a value the meeting's, and the phrasings that must leave a
fact empty. No database: the seeded country list only."""

import pytest

from tests.meetings.reader import read


def countries(reading):
    return sorted(v["code"] for v in reading.all("country"))


def host(reading):
    value = reading.get("host_country")
    return value and value["code"]


# ---- the two sides of an encounter -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # someone of one country met, received or called on someone of another, the verb between them
        ("ເລຂາທິການໃຫຍ່ພັກປະຊາຊົນປະຕິວັດລາວ ພົບປະ ເລຂາທິການໃຫຍ່ພັກກອມມູນິດຫວຽດນາມ", ["LA", "VN"]),
        (
            "ສະຫາຍ ຈູມມະລີ ອະດີດປະທານປະເທດ ແຫ່ງ ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ ໄດ້ຕ້ອນຮັບການເຂົ້າຢ້ຽມຢາມ ຂອງ "
            "ສະຫາຍ ຫງວຽນ ຊວັນ ຟຸກ ປະທານປະເທດ ແຫ່ງ ສາທາລະນະລັດ ສັງຄົມນິຍົມ ຫວຽດນາມ.",
            ["LA", "VN"],
        ),
        # a country one is posted to ("ປະຈຳ ສສ ຫວຽດນາມ") is not one's side
        (
            "ເອກອັກຄະລັດຖະທູດ ແຫ່ງ ສປປ ລາວ ປະຈຳ ສສ ຫວຽດນາມ ໄດ້ເຂົ້າຢ້ຽມຂ່ຳນັບ ສະຫາຍ ບຸ່ຍ ແທັງ ເຊີນ "
            "ລັດຖະມົນຕີກະຊວງການຕ່າງປະເທດ ແຫ່ງ ສສ ຫວຽດນາມ.",
            ["LA", "VN"],
        ),
        # blank lines inside the sentence do not cut it
        ("ນາຍົກລັດຖະມົນຕີ ແຫ່ງ ສປປ ລາວ\n\n \n\nໄດ້ພົບປະກັບ ທ່ານ ນາຍົກລັດຖະມົນຕີ ແຫ່ງ ລາຊະອານາຈັກກຳປູເຈຍ", ["KH", "LA"]),
    ],
)
def test_the_two_sides_of_an_encounter(text, sides):
    reading = read(text)
    assert countries(reading) == sides and reading.get("kind") == "international"


@pytest.mark.parametrize(
    "text",
    [
        # one side named only: whom he met is of no country said
        "ທ່ານ ລັດຖະມົນຕີ ແຫ່ງ ສປປ ລາວ ໄດ້ພົບປະກັບ ນັກທຸລະກິດ ແລະ ນັກລົງທຶນ.",
        # both of the same country
        "ທ່ານ ເຈົ້າແຂວງ ແຫ່ງ ສປປ ລາວ ໄດ້ຕ້ອນຮັບ ຄະນະນັກສຶກສາລາວ.",
        # the other country is named in the next sentence, not after the verb in this one
        "ທ່ານ ລັດຖະມົນຕີ ແຫ່ງ ສປປ ລາວ ໄດ້ພົບປະກັບ ນັກທຸລະກິດ. ສິນຄ້າ ສົ່ງອອກໄປ ປະເທດໄທ ເພີ່ມຂຶ້ນ.",
        # a country that is a place: where those met study, where the minister went
        "ທ່ານ ລັດຖະມົນຕີ ແຫ່ງ ສປປ ລາວ ໄດ້ພົບປະກັບ ນັກສຶກສາລາວ ທີ່ຮຽນຢູ່ ປະເທດຍີ່ປຸ່ນ.",
        "ທ່ານ ລັດຖະມົນຕີ ທີ່ເດີນທາງໄປ ຍີ່ປຸ່ນ ໄດ້ພົບປະກັບ ຄະນະຜູ້ແທນ ແຫ່ງ ສປປ ລາວ.",
        # a country named before the verb's sentence began
        "ລາວ ສົ່ງອອກໄປ ປະເທດໄທ ຫຼາຍ.\nທ່ານ ເຈົ້າແຂວງ ໄດ້ພົບປະກັບ ທ່ານ ກົງສຸນ ຫວຽດນາມ.",
    ],
)
def test_no_sides_without_a_country_on_each_side_of_the_verb(text):
    assert countries(read(text)) == []


def test_the_states_of_the_co_chairs():
    text = (
        "ໄດ້ຈັດກອງປະຊຸມພາຍໃຕ້ການເປັນປະທານຮ່ວມລະຫວ່າງທ່ານ ສະເຫຼີມໄຊ ກົມມະສິດ, ລັດຖະມົນຕີກະຊວງການຕ່າງປະເທດແຫ່ງ ສປປ ລາວ "
        "ແລະທ່ານ ດອນ ປະຣະມັດວິໄນ, ລັດຖະມົນຕີວ່າການກະຊວງການຕ່າງປະເທດແຫ່ງຣາຊະອານາຈັກໄທພ້ອມດ້ວຍພະນັກງານ."
    )
    assert countries(read(text)) == ["LA", "TH"]
    # an abbreviation's dot ("ສສ. ຫວຽດນາມ") does not end the clause
    assert countries(read("ໂດຍການເປັນປະທານຮ່ວມຂອງ ສສ. ຫວຽດນາມ ແລະ ສ.ອາເມລິກາ.")) == ["US", "VN"]
    # co-chairs of one country, and a country named later that chairs nothing
    assert countries(read("ໂດຍການເປັນປະທານຮ່ວມຂອງ ທ່ານ ບຸນມີ ແຫ່ງ ສປປ ລາວ ແລະ ທ່ານ ສີສະຫວາດ ແຫ່ງ ສປປ ລາວ.")) == []
    assert countries(read("ໂດຍການເປັນປະທານຮ່ວມຂອງ ສອງກະຊວງ ເພື່ອປຶກສາ ການສົ່ງອອກ ແຫ່ງ ສປປ ລາວ ໄປ ໄທ.")) == []


# ---- host country ------------------------------------------------------------------------------------------


def test_the_meeting_of_a_foreign_body_is_held_in_its_country():
    text = "ກອງປະຊຸມໃຫຍ່ ຄັ້ງທີ 14 ຂອງພັກ ຫຼຸດເວລາ\nບັນດາຜູ້ແທນເຂົ້າຮ່ວມກອງປະຊຸມໃຫຍ່ ຄັ້ງທີ 14 ຂອງພັກກອມມູນິດຫວຽດນາມ ໄດ້ລົງປະຊາມັດ."
    assert host(read(text)) == "VN"
    assert host(read("ກອງປະຊຸມໃຫຍ່ຄັ້ງທີ XIV ຂອງພັກກອມມູນິດ ຫວຽດນາມ ໄດ້ສິ້ນສຸດ.")) == "VN"
    for text in [
        "ກອງປະຊຸມໃຫຍ່ ຄັ້ງທີ XII ຂອງພັກປະຊາຊົນປະຕິວັດລາວ ໄດ້ເປີດ.",  # Laos's own: no host to read
        "ກອງປະຊຸມສຳມະນາກ່ຽວກັບມູນເຊື້ອ ຂອງສະພາແຫ່ງຊາດ ຫວຽດນາມ ໄດ້ເປີດ.",  # a meeting about something of it
        "ກອງປະຊຸມຄັ້ງທີ 5 ຂອງຄະນະກຳມະການຮ່ວມ ລາວ-ຫວຽດນາມ ໄດ້ເປີດ.",  # a body of two countries
        "ກອງປະຊຸມປະຈຳປີ ຂອງສະຖານທູດຫວຽດນາມ ປະຈຳ ລາວ ໄດ້ເປີດ.",  # a body based elsewhere
    ]:
        assert host(read(text)) is None, text


def test_a_city_then_its_country_where_the_meeting_was():
    text = "ທ່ານ ນາງ ບົວຈັນ ໄດ້ເຂົ້າຮ່ວມກອງປະຊຸມສາກົນການພັດທະນາແມ່ຍິງ ໃນກາງເດືອນ ກັນຍາ 2018 ທີ່ນະຄອນຊຽງໄຮ້, ສປ ຈີນ."
    reading = read(text)
    assert host(reading) == "CN" and reading.get("kind") == "international"
    # the place goes on after the country (a hotel of it), in Laos, or in a sentence that names no meeting
    assert host(read("ໄດ້ຈັດກອງປະຊຸມ ທີ່ນະຄອນຊຽງໄຮ້, ສປ ຈີນ ແລະ ໂຮງແຮມ.")) is None
    assert host(read("ໄດ້ຈັດກອງປະຊຸມ ທີ່ນະຄອນຫຼວງວຽງຈັນ, ສປປ ລາວ.")) is None
    assert host(read("ຄະນະໄດ້ໄປທ່ຽວ ທີ່ນະຄອນຊຽງໄຮ້, ສປ ຈີນ.")) is None


def test_the_place_after_the_date_may_name_its_state():
    text = "ສະຫາຍ ໄດ້ເຂົ້າຢ້ຽມຂ່ຳນັບ ລັດຖະມົນຕີ ເມື່ອວັນທີ 13 ມີນາ ຜ່ານມາ ທີ່ກະຊວງການຕ່າງປະເທດ ສສ ຫວຽດນາມ, ໃນໂອກາດ."
    assert host(read(text)) == "VN"


# ---- kind ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ໄດ້ເຂົ້າຮ່ວມກອງປະຊຸມສາກົນການພັດທະນາແມ່ຍິງ.", "international"),
        ("ໄດ້ນຳພາຄະນະເຂົ້າຮ່ວມກອງປະຊຸມລັດຖະມົນຕີຕ່າງປະເທດ FEALAC ຄັ້ງທີ 10.", "international"),
        ("ກອງປະຊຸມສຸດຍອດ ຄັ້ງທີ 47 ໄດ້ເປີດ.", "international"),
        ("ກອງປະຊຸມເຈົ້າໜ້າທີ່ອາວຸໂສ ຄັ້ງທີ 3 ໄດ້ເປີດ.", "international"),
        # not the head of the meeting's name: the cabinet's meeting, an international day as its subject
        ("ກອງປະຊຸມຄະນະລັດຖະມົນຕີ ໄດ້ເປີດ.", None),
        ("ກອງປະຊຸມຂອງກະຊວງ ເພື່ອກະກຽມວັນແມ່ຍິງສາກົນ ໄດ້ເປີດ.", None),
        # ປຶກສາຫາລື names a consultation with what or whom it consults about or with after it
        ("ກອງປະຊຸມປຶກສາຫາລືກ່ຽວກັບວຽກງານການເອົາເດັກໄປເປັນລູກລ້ຽງ ໄດ້ເປີດ.", "consultation"),
        ("ກອງປະຊຸມປຶກສາຫາລື ລະຫວ່າງ ກອງເລຂາ ກັບ ບໍລິສັດ ໄດ້ເປີດ.", "consultation"),
        ("ກອງປະຊຸມປຶກສາຫາລື ການປະເມີນ ການສະໜັບສະໜູນງົບປະມານ ໄດ້ເປີດ.", None),
        ("ໄດ້ຈັດກອງປະຊຸມປືກສາຫາລືແຜນສະເໜີກິດຈະກຳໂຄງການ.", None),
        ("ໄດ້ຈັດກອງປະຊຸມທາບທາມ ຮ່າງແຜນຈັດສັນທີ່ດິນ.", "consultation"),  # ທາບທາມ: consulting, on its own
    ],
)
def test_kind_words_of_the_meetings_name(text, kind):
    assert read(text).get("kind") == kind


def test_a_meeting_named_after_an_international_body():
    assert read("ໄດ້ເຂົ້າຮ່ວມກອງປະຊຸມລະດັບສູງ ສປຊ ວ່າດ້ວຍ ການຮ່ວມມືໃຕ້-ໃຕ້.").get("kind") == "international"
    assert read("ກອງປະຊຸມ ອາຊຽນ ວ່າດ້ວຍການຕ້ານການຄ້າມະນຸດ ຄັ້ງທີ 20 ໄດ້ເປີດ.").get("kind") == "international"
    # the body named in what the meeting is about or for, or after the name's clause
    assert read("ໄດ້ຈັດກອງປະຊຸມແນະນຳວິທີ ເພື່ອຍາດແຍ່ງທຶນອາຊຽນ.").get("kind") is None
    assert read("ໄດ້ຈັດກອງປະຊຸມກ່ຽວກັບການກະກຽມເປັນປະທານອາຊຽນ.").get("kind") is None
    assert read("ໄດ້ຈັດກອງປະຊຸມພະແນກ, ເພື່ອກະກຽມກອງປະຊຸມອາຊຽນ.").get("kind") is None
    # a national body's meeting that prepares for the body's
    assert read("ກອງປະຊຸມຄົບຄະນະ ຄັ້ງທີ 3 ຂອງຄະນະຊີ້ນຳ ກະກຽມ ອາຊຽນ ໄດ້ເປີດ.").get("kind") is None
    assert read("ກອງປະຊຸມຄະນະຊີ້ນຳແຫ່ງຊາດ ອາຊຽນ ໄດ້ເປີດ.").get("kind") is None


def test_spellings_of_states_in_real_texts():
    for text, sides in [
        ("ທ່ານ ລັດຖະມົນຕີ ແຫ່ງ ສປປ ລາວ ໄດ້ພົບປະກັບ ທ່ານ ເອກອັກຄະລັດຖະທູດ ແຫ່ງ ສະຫະລັດອາເມຣິກາ.", ["LA", "US"]),
        ("ທ່ານ ລັດຖະມົນຕີ ແຫ່ງ ສປປ ລາວ ໄດ້ພົບປະກັບ ທ່ານ ລັດຖະມົນຕີ ແຫ່ງ ສະຫະພັນລັດເຊຍ.", ["LA", "RU"]),
        ("ທ່ານ ລັດຖະມົນຕີ ແຫ່ງ ສປປ ລາວ ໄດ້ພົບປະກັບ ທ່ານ ລັດຖະມົນຕີ ແຫ່ງ ສ.ເກົາຫຼີ.", ["KR", "LA"]),
        # Latin America is no state, and the DPRK is not the Republic of Korea
        ("ທ່ານ ລັດຖະມົນຕີ ແຫ່ງ ສປປ ລາວ ໄດ້ພົບປະກັບ ຜູ້ແທນ ອາເມຣິກາລາຕິນ.", []),
        ("ທ່ານ ລັດຖະມົນຕີ ແຫ່ງ ສປປ ລາວ ໄດ້ພົບປະກັບ ທ່ານ ລັດຖະມົນຕີ ແຫ່ງ ສປປ ເກົາຫຼີ.", []),
    ]:
        assert countries(read(text)) == sides, text


def test_a_training_course_held_or_named_as_this_course():
    assert read("ສະຫະພັນແມ່ຍິງແຂວງ ໄດ້ສຳເລັດການຈັດຝຶກອົບຮົມການເສີມຄວາມງາມ ໃຫ້ແມ່ຍິງ.").get("kind") == "training"
    assert read("ໄດ້ປິດການຝຶກອົບຮົມ ວິຊາຊີບ.").get("kind") == "training"
    text = "ໄດ້ມີພິທີປິດການຮຽນ - ການສອນວິຊາຊີບ ຊຸດທີ III.\n\n     ຊຸດຝຶກອົບຮົມຄັ້ງນີ້ ໄດ້ເປີດຮັບຮຽນ ແຕ່ວັນທີ 1 ຕຸລາ."
    assert read(text).get("kind") == "training"
    # a course that is the object of another verb, or a meeting named first
    assert read("ໄດ້ທົບທວນຄືນຊຸດຝຶກອົບຮົມຄັ້ງນີ້ ແລະ ຊຸດກ່ອນ.").get("kind") is None
    assert read("ກອງປະຊຸມຄະນະພັກ ໄດ້ເປີດ.\nຊຸດຝຶກອົບຮົມຄັ້ງນີ້ ຈະເປີດໃນປີໜ້າ.").get("kind") is None


# ---- format --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("ວັນທີ 26 ພະຈິກ 2020, ໄດ້ຈັດກອງປະຊຸມປຶກສາຫາລືທາງໄກພາຍໃຕ້ການເປັນປະທານຮ່ວມ.", "online"),
        ("ວິທະຍຸຊາວໜຸ່ມລາວໄດ້ຈັດລາຍການປະຖົມນິເທດອອນລາຍຂອງງານແຂ່ງຂັນ.", "online"),
        ("ໄດ້ຈັດກອງປະຊຸມ ທີ່ໂຮງແຮມຄຣາວພລາຊາ, ມີແຂວງສະຫວັນນະເຂດ ເຂົ້າຮ່ວມແບບອອນລາຍ.", "hybrid"),
        # some joined online and no venue read: nothing is said of the whole meeting
        ("ໄດ້ຈັດກອງປະຊຸມ, ມີແຂວງສະຫວັນນະເຂດ ເຂົ້າຮ່ວມແບບອອນລາຍ.", None),
        # online, but not said of an event (scams online, news online)
        ("ຂ່າວການຫຼອກລວງທາງອອນລາຍ ເພີ່ມຂຶ້ນ.", None),
    ],
)
def test_an_event_named_online_and_some_joining_online(text, form):
    assert read(text).get("format") == form


# ---- attendance ------------------------------------------------------------------------------------------------


def test_had_those_counted_take_part():
    text = "ມີແຂກຖືກເຊີນ ແລະ ຜູ້ແທນສົມບູນ 179 ສະຫາຍ ທີ່ເປັນຕົວແທນແກ່ສະມາຊິກແມ່ຍິງທົ່ວແຂວງ ເຂົ້າຮ່ວມ."
    assert read(text).get("attendance_total") == 179
    # the verb is not the clause's last word, or another count stands between
    assert read("ມີຜູ້ແທນ 179 ສະຫາຍ ທີ່ເຂົ້າຮ່ວມກອງປະຊຸມ ໄດ້ຮັບໃບຍ້ອງຍໍ.").get("attendance_total") is None
    assert read("ມີຜູ້ແທນ 179 ສະຫາຍ ຈາກ 12 ເມືອງ ເຂົ້າຮ່ວມ.").get("attendance_total") is None


def test_a_count_dated_otherwise_is_not_the_meetings():
    text = (
        "ໃນຕອນເຊົ້າຂອງວັນທີ 10 ມັງກອນ 2019 ໄດ້ມີພິທີປິດການຮຽນ.\n"
        "ຊຸດຝຶກອົບຮົມຄັ້ງນີ້ ໄດ້ເປີດຮັບຮຽນ ແຕ່ວັນທີ 1 ຕຸລາ 2018 ຈົນມາຮອດ ວັນທີ 31 ທັນວາ 2018 ຈຶ່ງສຳເລັດ "
        "ໂດຍມີນັກຝຶກອົບຮົມທັງໝົດ 8 ຄົນ, ຍິງ 8 ຄົນ."
    )
    reading = read(text)
    assert reading.get("attendance_total") is None and reading.get("attendance_women") is None
    # the meeting's own day in the count's sentence
    same = "ວັນທີ 10 ມັງກອນ 2019 ໄດ້ຈັດກອງປະຊຸມ ໂດຍມີຜູ້ເຂົ້າຮ່ວມທັງໝົດ 40 ທ່ານ, ຍິງ 12 ທ່ານ."
    assert read(same).get("attendance_total") == 40 and read(same).get("attendance_women") == 12


def test_a_count_of_women_only():
    text = "ທ່ານ ກ່າວວ່າ: ຊຸດຝຶກຮົມຄັ້ງນີ້ ມີນັກຝຶກອົບຮົມເຊິ່ງເປັນແມ່ຍິງຜູ້ດ້ອຍໂອກາດ ມາຈາກ 11 ເມືອງ ຈຳນວນ 21 ຄົນ ເຂົ້າຮ່ວມ."
    reading = read(text)
    assert reading.get("attendance_total") == 21 and reading.get("attendance_women") == 21
    # women and others counted together
    both = "ມີຜູ້ແທນເຊິ່ງເປັນແມ່ຍິງ ແລະ ຊາວໜຸ່ມ ຈຳນວນ 40 ຄົນ ເຂົ້າຮ່ວມ."
    assert read(both).get("attendance_total") == 40 and read(both).get("attendance_women") is None
    # women named in the clause but not as those counted
    other = "ມີຜູ້ເຂົ້າຮ່ວມທັງໝົດ 30 ທ່ານ ຈາກສະຫະພັນແມ່ຍິງ ແລະ ຊາວໜຸ່ມ."
    assert read(other).get("attendance_total") == 30 and read(other).get("attendance_women") is None
