"""The fact reader's round-4 rules for people, roles, countries and kinds (issue 24), each on sentences written for
it: the grammar that makes a value the meeting's, and the phrasings that must leave a fact empty. No database: the
seeded country list only."""

from tests.meetings.reader import people, read


def countries(reading):
    return [v["code"] for v in reading.all("country")]


# ---- names ------------------------------------------------------------------------------------------------


def test_a_vietnamese_name_written_as_one_word():
    reading = read("ທ່ານ ຫງວຽນວັນອານ ປະທານສະພາແຫ່ງຊາດ ໄດ້ກ່າວເປີດກອງປະຊຸມ. ທ່ານ ເຈິ່ນຮົ່ງຮ່າ ກ່າວປິດກອງປະຊຸມ.")
    named = people(reading)
    assert named["ຫງວຽນວັນອານ"]["opened"] and named["ຫງວຽນວັນອານ"]["position"] == "ປະທານສະພາແຫ່ງຊາດ"
    assert named["ເຈິ່ນຮົ່ງຮ່າ"]["closed"]
    # followed by a word that may be a name's second word, it is read as the first word of two
    assert set(people(read("ທ່ານ ຫງວຽນຊວັນ ຟຸກ ຮອງນາຍົກລັດຖະມົນຕີ ເຂົ້າຮ່ວມ."))) == {"ຫງວຽນຊວັນ ຟຸກ"}
    # "ທ່ານ ດັ່ງກ່າວ" (the said person) and a Lao word are no names
    assert people(read("ທ່ານ ດັ່ງກ່າວ ໄດ້ກ່າວເປີດກອງປະຊຸມ.")) == {}
    assert people(read("ທ່ານ ມາຍັງ ໄດ້ກ່າວເປີດກອງປະຊຸມ.")) == {}


def test_a_title_glued_to_the_surname_is_cut_off():
    reading = read("ໂດຍການເປັນປະທານຂອງທ່ານ ບຸນມີ ພົມມະຈັນຮອງເຈົ້າແຂວງຈຳປາສັກ,ທ່ານ ສີສະຫວາດ ແກ້ວບຸນພັນຫົວໜ້າພະແນກການເງິນ.")
    named = people(reading)
    assert set(named) == {"ບຸນມີ ພົມມະຈັນ", "ສີສະຫວາດ ແກ້ວບຸນພັນ"}
    assert named["ບຸນມີ ພົມມະຈັນ"]["position"] == "ຮອງເຈົ້າແຂວງຈຳປາສັກ"
    assert {v["role"] for v in named.values()} == {"co_chair"}  # a comma with no space still joins the list
    # a surname that ends in a title word with nothing after it keeps it ("ສີຮອງ")
    assert set(people(read("ທ່ານ ບຸນມີ ສີຮອງ ເຂົ້າຮ່ວມ."))) == {"ບຸນມີ ສີຮອງ"}


def test_a_third_word_runs_on_to_a_title():
    reading = read("ໂດຍການເປັນປະທານຂອງ ທ່ານ ອາ ລຸນ ສີວົງໄຊ ກຳມະການພັກເມືອງ, ມີຜູ້ເຂົ້າຮ່ວມ 20 ທ່ານ.")
    assert reading.all("person")[0]["name_lo"] == "ອາ ລຸນ ສີວົງໄຊ"
    # a name already followed by a title, or a word that is no name's, keeps two words
    for text, name in [
        ("ທ່ານ ບຸນມີ ພົມມະຈັນ ຮອງເຈົ້າແຂວງ ເຂົ້າຮ່ວມ.", "ບຸນມີ ພົມມະຈັນ"),
        ("ທ່ານ ບຸນມີ ພົມມະຈັນ ໃນນາມ ຫົວໜ້າກົມແຜນການ ໄດ້ກ່າວ.", "ບຸນມີ ພົມມະຈັນ"),
        ("ທ່ານ ບຸນມີ ພົມມະຈັນ ອະດີດ ຮອງເຈົ້າແຂວງ ໄດ້ກ່າວ.", "ບຸນມີ ພົມມະຈັນ"),
        ("ທ່ານ ບຸນມີ ພົມມະຈັນ ແກ້ວມະນີ ເຂົ້າຮ່ວມ.", "ບຸນມີ ພົມມະຈັນ"),  # no title after the third word
    ]:
        assert reading_name(text) == name, text


def reading_name(text):
    return read(text).all("person")[0]["name_lo"]


def test_an_honorific_glued_on_both_sides_after_a_marker():
    assert people(read("ໂດຍການເປັນປະທານຂອງທ່ານບຸນມີ ພົມມະຈັນ ຮອງເຈົ້າແຂວງ."))["ບຸນມີ ພົມມະຈັນ"]["role"] == "chair"
    # inside a word not after ຂອງ/ໂດຍ, no honorific is split off
    assert people(read("ບັນດາທ່ານຜູ້ເຂົ້າຮ່ວມ ແລະ ແຂກ.")) == {}


def test_ranks_written_with_a_dot():
    named = people(read("ໂດຍການເປັນປະທານຂອງສະຫາຍ ພົ.ອ ບຸນມີ ພົມມະຈັນ ລັດຖະມົນຕີ."))
    assert named["ບຸນມີ ພົມມະຈັນ"]["role"] == "chair" and named["ບຸນມີ ພົມມະຈັນ"]["honorific_lo"] == "ພົ.ອ"


# ---- roles ------------------------------------------------------------------------------------------------


def test_chaired_written_with_the_noun_the_chairing_of():
    assert read_roles("ໄດ້ຈັດກອງປະຊຸມ ໂດຍການປະທານຂອງ ທ່ານ ບຸນມີ ພົມມະຈັນ ຮອງເຈົ້າແຂວງ.") == {"ບຸນມີ ພົມມະຈັນ": "chair"}
    # a body's presidium (ຄະນະປະທານ) is no chair
    assert read_roles("ຄະນະປະທານຂອງ ທ່ານ ບຸນມີ ພົມມະຈັນ ໄດ້ປະຊຸມ.") == {"ບຸນມີ ພົມມະຈັນ": "participant"}


def read_roles(text):
    return {name: value["role"] for name, value in people(read(text)).items()}


def test_a_chair_named_again_after_a_comma_is_not_a_second_chair():
    text = "ພາຍໃຕ້ການເປັນປະທານຂອງ ທ່ານ ບຸນມີ ພົມມະຈັນ ເຈົ້າແຂວງ, ກອງປະຊຸມໄດ້ຮັບຮອງ, ທ່ານ ບຸນມີ ພົມມະຈັນ ໄດ້ເນັ້ນ."
    assert read_roles(text) == {"ບຸນມີ ພົມມະຈັນ": "chair"}


def test_a_speech_named_before_its_speaker():
    named = people(read("ກອງປະຊຸມໄດ້ສຳເລັດ, ກ່າວຄຳເຫັນປິດກອງປະຊຸມ, ທ່ານ ບຸນມີ ພົມມະຈັນ ໄດ້ເນັ້ນໜັກ."))
    assert named["ບຸນມີ ພົມມະຈັນ"].get("closed") and not named["ບຸນມີ ພົມມະຈັນ"].get("opened")
    # the speech's subject is named before it: the next person only speaks after
    named = people(read("ທ່ານ ບຸນມີ ພົມມະຈັນ ກ່າວເປີດກອງປະຊຸມ, ທ່ານ ສີສະຫວາດ ແກ້ວບຸນພັນ ໄດ້ລາຍງານ."))
    assert named["ບຸນມີ ພົມມະຈັນ"].get("opened") and not named["ສີສະຫວາດ ແກ້ວບຸນພັນ"].get("opened")


def test_the_chair_named_by_role_opens_the_meeting():
    chair = "ໂດຍການເປັນປະທານຂອງ ທ່ານ ບຸນມີ ພົມມະຈັນ ເຈົ້າແຂວງ, ມີຜູ້ເຂົ້າຮ່ວມ 30 ທ່ານ."
    assert people(read(chair + "\nປະທານກອງປະຊຸມໄດ້ກ່າວເປີດກອງປະຊຸມ."))["ບຸນມີ ພົມມະຈັນ"].get("opened")
    # the vice-chair of the meeting is someone else; two co-chairs: which one is not said
    assert not people(read(chair + "\nຮອງປະທານກອງປະຊຸມໄດ້ກ່າວເປີດກອງປະຊຸມ."))["ບຸນມີ ພົມມະຈັນ"].get("opened")
    co = "ໂດຍການເປັນປະທານຮ່ວມຂອງ ທ່ານ ບຸນມີ ພົມມະຈັນ ແລະ ທ່ານ ສີສະຫວາດ ແກ້ວບຸນພັນ.\nປະທານກອງປະຊຸມໄດ້ກ່າວເປີດ."
    assert not any(v.get("opened") for v in people(read(co)).values())


# ---- kinds ------------------------------------------------------------------------------------------------


def test_an_annual_review_says_it_covers_a_year_anywhere_in_its_name():
    long_name = "ກອງປະຊຸມສະຫຼຸບວຽກງານປ້ອງກັນຊາດ 4 ແຂວງພາກເໜືອ (ແຂວງຜົ້ງສາລີ, ຫຼວງນ້ຳທາ, ອຸດົມໄຊ ແລະ ບໍ່ແກ້ວ) ແລະ ກອງພົນທີ 3 ປະຈຳປີ 2023 ໄດ້ຈັດຂຶ້ນ."
    assert read(long_name).get("kind") == "annual_review"
    assert read("ກອງປະຊຸມສະຫຼຸບການເຄື່ອນໄຫວວຽກງານໃນໄລຍະ 1 ປີຜ່ານມາ ໄດ້ຈັດຂຶ້ນ.").get("kind") == "annual_review"
    assert read("ໄດ້ຈັດພິທີ ສະຫຼຸບຂໍ້ແຂ່ງຂັນ ປະຈຳປີ 2022.").get("kind") == "annual_review"
    # a month's summary, and a year named only after the name's clause, are not
    assert read("ກອງປະຊຸມສະຫຼຸບວຽກງານປະຈຳເດືອນ ໄດ້ຈັດຂຶ້ນ.").get("kind") is None
    assert read("ກອງປະຊຸມສະຫຼຸບວຽກງານ ໄດ້ຈັດຂຶ້ນ ເພື່ອວາງແຜນປະຈຳປີ 2025.").get("kind") is None
    # a ceremony is never another kind
    assert read("ໄດ້ຈັດພິທີ ປຶກສາຫາລື ປະຈຳປີ.").get("kind") is None


def test_a_training_course_held():
    assert read("ພະແນກການເງິນ ໄດ້ຈັດຊຸດຝຶກອົບຮົມ ໃຫ້ພະນັກງານ 11 ເມືອງ.").get("kind") == "training"
    assert read("ສູນກາງ ໄດ້ສຳເລັດຊຸດເຝຶກອົບຮົມ ວຽກງານຕ້ານການຄ້າມະນຸດ.").get("kind") == "training"
    # a meeting that reviews a course is not a training
    assert read("ໄດ້ຈັດກອງປະຊຸມທົບທວນຄືນຊຸດຝຶກອົບຮົມ ປີ 2024.").get("kind") is None


# ---- host country -----------------------------------------------------------------------------------------


def host(text):
    value = read(text).get("host_country")
    return value and value["code"]


def test_a_capital_where_the_first_date_sets_the_scene():
    assert host("ໃນວັນທີ 5 ມີນາ 2024, ທີ່ ນະຄອນຫຼວງພະນົມເປັນ ທ່ານ ບຸນມີ ພົມມະຈັນ ໄດ້ພົບປະ.") == "KH"
    assert host("ຕອນເຊົ້າວັນທີ 20 ສິງຫາ, ທີ່ຮ່າໂນ້ຍ, ກະຊວງແຮງງານ ໄດ້ຈັດກອງປະຊຸມ.") == "VN"
    # Vientiane is no host; a capital after a later date, or named as a topic, sets no scene
    assert host("ໃນວັນທີ 5 ມີນາ 2024, ທີ່ ນະຄອນຫຼວງວຽງຈັນ ໄດ້ຈັດກອງປະຊຸມ.") is None
    assert host("ກອງປະຊຸມໄດ້ຈັດຂຶ້ນ ວັນທີ 4 ມີນາ. ໃນວັນທີ 5 ມີນາ, ທີ່ ຮ່າໂນ້ຍ ຄະນະຜູ້ແທນໄດ້ຢ້ຽມຢາມ.") is None
    assert host("ໃນວັນທີ 5 ມີນາ 2024, ໄດ້ປຶກສາຫາລືກ່ຽວກັບການເດີນທາງໄປຮ່າໂນ້ຍ.") is None


def test_a_country_after_a_past_date():
    assert host("ກອງປະຊຸມຄັ້ງທີ 1 ໃນວັນທີ 22 ພະຈິກ ຜ່ານມາທີ່ປະເທດ ບຣູໄນ ດາລູຊາລາມ, ມີຫຼາຍປະເທດເຂົ້າຮ່ວມ.") == "BN"
    # ທີ່ຜ່ານມາ is "past", not a place
    assert host("ໃນວັນທີ 22 ພະຈິກ ທີ່ຜ່ານມາ ກະຊວງ ໄດ້ສົ່ງແຮງງານໄປປະເທດໄທ.") is None


def test_a_city_and_its_country_right_before_the_first_date():
    text = "ໄດ້ເຂົ້າຮ່ວມກອງປະຊຸມການສຶກສາ ທີ່ເມືອງເມວເບີນປະເທດອົດສະຕຣາລີ ໃນລະຫວ່າງວັນທີ 11-13 ພະຈິກ 2025."
    assert host(text) == "AU"
    # the place of something else, with the date later in another clause
    other = "ແຮງງານທີ່ໄປເຮັດວຽກຢູ່ເມືອງແມ່ສອດປະເທດໄທ ໄດ້ກັບຄືນ. ກອງປະຊຸມໄດ້ຈັດຂຶ້ນ ໃນວັນທີ 5 ມີນາ 2025."
    assert host(other) is None


# ---- countries taking part ---------------------------------------------------------------------------------


def test_talks_between_officials_of_two_countries():
    text = "ທ່ານ ບຸນມີ ພົມມະຈັນ, ລັດຖະມົນຕີ ແຫ່ງ ສປປ ລາວ, ໄດ້ພົບປະກັບ ທ່ານ ຮຸນ ມາເນດ, ລັດຖະມົນຕີ ແຫ່ງ ລາຊະອານາຈັກກຳປູເຈຍ."
    reading = read(text)
    assert countries(reading) == ["LA", "KH"] and reading.get("kind") == "international"
    # two countries named in other clauses are not the sides of the talk
    assert countries(read("ທ່ານ ລັດຖະມົນຕີ ແຫ່ງ ສປປ ລາວ ໄດ້ພົບປະກັບ ນັກທຸລະກິດ. ແຮງງານ ແຫ່ງ ປະເທດໄທ ມາຮຽນ.")) == []


def test_a_meeting_between_two_bodies_each_of_its_country():
    text = "ກອງປະຊຸມສຳມະນາທິດສະດີຄັ້ງທີ 4 ລະຫວ່າງພັກກອມມູນິດຫວຽດນາມ ແລະ ພັກປະຊາຊົນປະຕິວັດລາວ ໄດ້ດຳເນີນ."
    assert countries(read(text)) == ["VN", "LA"]
    # a meeting about the cooperation between two countries may be held by one of them
    about = "ກອງປະຊຸມປຶກສາຫາລືກ່ຽວກັບການຮ່ວມມືລະຫວ່າງລາວ ແລະ ຫວຽດນາມ ໄດ້ຈັດຂຶ້ນທີ່ແຂວງຈຳປາສັກ."
    assert countries(read(about)) == [] and read(about).get("kind") != "international"


def test_countries_as_co_chairs_and_a_countrys_officials_attending():
    text = "ເຈົ້າໜ້າທີ່ອາວຸໂສ ຂອງ ສປປ ລາວ ໄດ້ເຂົ້າຮ່ວມກອງປະຊຸມທາງໄກ. ໂດຍການເປັນປະທານຮ່ວມຂອງ ສສ. ຫວຽດນາມ ແລະ ສ.ອາເມລິກາ."
    assert sorted(countries(read(text))) == ["LA", "US", "VN"]
    # a country's delegation attends
    assert countries(read("ທ່ານ ລັດຖະມົນຕີ ໄດ້ນຳພາຄະນະຜູ້ແທນລາວເຂົ້າຮ່ວມກອງປະຊຸມ.")) == ["LA"]
    # officials of a country who did something else, and a country's people, do not take part
    assert countries(read("ເຈົ້າໜ້າທີ່ ຂອງ ສປປ ລາວ ໄດ້ກະກຽມເອກະສານ.")) == []


def test_the_host_of_a_meeting_of_many_countries_takes_part():
    text = "ວັນທີ 20 ສິງຫາ, ທີ່ຮ່າໂນ້ຍ, ໄດ້ຈັດກອງປະຊຸມ. ເຂົ້າຮ່ວມມີຜູ້ຕາງໜ້າປະເທດ ກຳປູເຈຍ - ລາວ - ມຽນມາ - ໄທ, ແລະ ອົງການ ILO."
    assert countries(read(text)) == ["KH", "LA", "MM", "TH", "VN"]
    # a host alone is no list of participants
    assert countries(read("ວັນທີ 20 ສິງຫາ, ທີ່ຮ່າໂນ້ຍ, ໄດ້ຈັດກອງປະຊຸມ.")) == []


def test_a_sentence_that_begins_like_a_vietnamese_family_name_is_no_name():
    # ມາຍັງ (came to) begins with the letters of Mai; ຫງວຽນ followed by Lao verbs is a clause
    assert people(read("ທ່ານ ມາຍັງສະຖານທີ່ ແລະ ໄດ້ກ່າວເປີດ.")) == {}
    assert people(read("ທ່ານ ຫງວຽນຍັງມາ, ກອງປະຊຸມສຳເລັດ.")) == {}


def test_a_role_then_there_were_introduces_those_who_hold_it():
    text = (
        "ເຂົ້າຮ່ວມ ແລະ ເປັນປະທານຮ່ວມທີ່ກອງປະຊຸມສຳມະນາ ມີທ່ານ ເຈິ່ນວັນທັງ ປະທານສະພາແຫ່ງຊາດ; "
        "ທ່ານ ບຸນມີ ພົມມະຈັນ ຮອງນາຍົກລັດຖະມົນຕີ ແລະ ທ່ານ ສີສະຫວາດ ແກ້ວບຸນພັນ ລັດຖະມົນຕີ."
    )
    assert set(read_roles(text).values()) == {"co_chair"} and len(read_roles(text)) == 3
    # those attending, listed after ມີ, hold no role; a chair's list does not go on across a semicolon
    attending = "ເຂົ້າຮ່ວມກອງປະຊຸມ ມີທ່ານ ບຸນມີ ພົມມະຈັນ ເຈົ້າແຂວງ; ທ່ານ ສີສະຫວາດ ແກ້ວບຸນພັນ ຮອງເຈົ້າແຂວງ."
    assert set(read_roles(attending).values()) == {"participant"}
    chaired = "ໂດຍການເປັນປະທານຂອງ ທ່ານ ບຸນມີ ພົມມະຈັນ ເຈົ້າແຂວງ; ທ່ານ ສີສະຫວາດ ແກ້ວບຸນພັນ ຮອງເຈົ້າແຂວງ ໄດ້ລາຍງານ."
    assert read_roles(chaired)["ບຸນມີ ພົມມະຈັນ"] == "chair"
    assert read_roles(chaired)["ສີສະຫວາດ ແກ້ວບຸນພັນ"] != "co_chair"


def test_a_foreign_name_in_latin_letters_after_a_lao_honorific():
    named = people(read("ໂດຍການເປັນປະທານຮ່ວມຂອງ ທ່ານ ນາງ Jane Batmunkh ລັດຖະມົນຕີ ມົງໂກລີ."))
    assert named["Jane Batmunkh"]["role"] == "co_chair" and named["Jane Batmunkh"]["name_lo"] == ""
    # acronyms and abbreviations are no names
    assert people(read("ທ່ານ ILO UNICEF ໄດ້ກ່າວ.")) == {}
    assert people(read("ທ່ານ Dr. Somphone ໄດ້ກ່າວ.")) == {}


def test_guards_of_the_round_4_role_rules():
    # "A chairs, there were B and C": the role phrase follows a person in its clause, so B and C hold no role
    text = "ໂດຍມີທ່ານ ບຸນມີ ພົມມະຈັນ ເປັນປະທານ ມີທ່ານ ສີສະຫວາດ ແກ້ວບຸນພັນ ແລະ ທ່ານ ຄຳແພງ ວົງສາ ເຂົ້າຮ່ວມ."
    assert read_roles(text)["ສີສະຫວາດ ແກ້ວບຸນພັນ"] == "participant"
    # the office of the president (ຫ້ອງການປະທານ) is no chairing
    assert read_roles("ຫ້ອງການປະທານຂອງ ທ່ານ ບຸນມີ ພົມມະຈັນ ໄດ້ແຈ້ງ.") == {"ບຸນມີ ພົມມະຈັນ": "participant"}
    # a surname that ends in ຮອງ + letters that are no title keeps them
    assert set(people(read("ທ່ານ ບຸນມີ ພົມມະຮອງທອງ ເຂົ້າຮ່ວມ."))) == {"ບຸນມີ ພົມມະຮອງທອງ"}


def test_a_training_course_mentioned_after_the_meeting_is_not_its_kind():
    text = "ໄດ້ຈັດກອງປະຊຸມທົບທວນຄືນວຽກງານ ທີ່ໄດ້ຈັດຊຸດຝຶກອົບຮົມ ມາແລ້ວ 3 ຄັ້ງ."
    assert read(text).get("kind") is None


def test_a_countrys_own_meeting_reported_from_abroad_is_not_international():
    own = "ວັນທີ 21 ມັງກອນ, ທີ່ຮ່າໂນ້ຍ, ກອງປະຊຸມໃຫຍ່ຄັ້ງທີ 14 ຂອງພັກກອມມູນິດ ຫວຽດນາມ ໄດ້ປິດລົງ."
    assert host(own) == "VN" and read(own).get("kind") is None
    # with others taking part it is
    joint = "ວັນທີ 21 ມັງກອນ, ທີ່ຮ່າໂນ້ຍ, ກອງປະຊຸມລັດຖະມົນຕີອາຊຽນ ໄດ້ປິດລົງ."
    assert host(joint) == "VN" and read(joint).get("kind") == "international"


def test_held_at_a_place_and_linked_from_afar_is_hybrid():
    text = "ກອງປະຊຸມທົ່ວປະເທດ ໄດ້ຈັດຂຶ້ນຢູ່ຫໍປະຊຸມແຂວງ ແລະ ເຊື່ອມຕໍ່ແບບທາງໄກກັບບັນດາເມືອງ."
    assert read(text).get("format") == "hybrid"
    # linked from afar, with nothing said of a place: not said whether anyone met in person
    assert read("ກອງປະຊຸມ ໄດ້ເຊື່ອມຕໍ່ແບບທາງໄກກັບບັນດາເມືອງ.").get("format") is None


def test_a_capital_where_the_meeting_was_held():
    text = "ກອງປະຊຸມ ໄດ້ຈັດຂຶ້ນຢູ່ກອງປະຊຸມ ຢຽນຮົ່ງ, ຫໍສະພາແຫ່ງຊາດ (ຢູ່ນະຄອນຫຼວງຮ່າໂນ້ຍ) ແລະ ເຊື່ອມຕໍ່ແບບທາງໄກ."
    assert host(text) == "VN"
    # a capital reached through another verb is where someone went, not where the meeting was
    went = "ກອງປະຊຸມ ໄດ້ຈັດຂຶ້ນຢູ່ແຂວງຈຳປາສັກ ແລະ ຄະນະໄດ້ເດີນທາງໄປຢ້ຽມຢາມ ທີ່ຮ່າໂນ້ຍ."
    assert host(went) is None


def test_the_meeting_said_to_be_a_kind():
    text = "ກອງປະຊຸມດັ່ງກ່າວໄດ້ຈັດຂຶ້ນໃນວັນທີ 16 ມັງກອນ 2024, ເປັນການສືບຕໍ່ປຶກສາຫາລື ລະຫວ່າງ ກອງເລຂາ ກັບ ບໍລິສັດ."
    assert read(text).get("kind") == "consultation"
    # a summing-up said of a part of the meeting, a purpose, and another subject say nothing of its kind
    assert read("ກອງປະຊຸມໄດ້ຈັດຂຶ້ນ, ເປັນການສະຫຼຸບວຽກງານ ປະຈຳປີ.").get("kind") is None
    assert read("ໄດ້ຈັດກອງປະຊຸມ ເພື່ອປຶກສາຫາລືແຜນງານ.").get("kind") is None
    assert read("ຄະນະພັກໄດ້ພົບປະກັບກອງປະຊຸມ, ເປັນການປຶກສາຫາລື.").get("kind") is None


def test_guards_of_names_and_delegations():
    # an acronym after a name (ສສຊ, a deputy of the National Assembly) is no third word of it
    assert reading_name("ທ່ານ ບຸນມີ ພົມມະຈັນ ສສຊ ປະທານຄະນະກຳມາທິການ ໄດ້ກ່າວ.") == "ບຸນມີ ພົມມະຈັນ"
    # the report of a delegation that went abroad, heard at home: no country takes part here
    debrief = "ກອງປະຊຸມໄດ້ຮັບຟັງບົດລາຍງານຂອງຄະນະຜູ້ແທນລາວ ທີ່ໄປເຂົ້າຮ່ວມກອງປະຊຸມຢູ່ຕ່າງປະເທດ."
    assert countries(read(debrief)) == []
    assert countries(read("ຄະນະຜູ້ແທນລາວ ທີ່ໄດ້ໄປຢ້ຽມຢາມ ໄດ້ລາຍງານຕໍ່ກອງປະຊຸມ.")) == []


def test_a_summary_of_part_of_a_year_is_no_annual_review():
    text = "ກອງປະຊຸມສະຫຼຸບວຽກງານ 9 ເດືອນ ແລະ ວາງແຜນການປະຈຳປີ 2024 ໄດ້ຈັດຂຶ້ນ."
    assert read(text).get("kind") is None
    assert read("ກອງປະຊຸມສະຫຼຸບວຽກງານໄຕມາດ I ປະຈຳປີ 2024 ໄດ້ຈັດຂຶ້ນ.").get("kind") is None


def test_a_title_after_an_honorific_is_no_name():
    # "ຄຳສັ່ງຂອງທ່ານເຈົ້າແຂວງ ບຸນມີ ພົມມະຈັນ": the honorific split off after ຂອງ is followed by a title, then the name
    named = people(read("ຕາມຄຳສັ່ງຂອງທ່ານເຈົ້າແຂວງ ບຸນມີ ພົມມະຈັນ ໄດ້ຈັດກອງປະຊຸມ."))
    assert "ເຈົ້າແຂວງ ບຸນມີ" not in named
