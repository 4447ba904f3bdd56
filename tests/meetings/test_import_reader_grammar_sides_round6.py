"""The fact reader's round-6 rules for the countries taking part, the host, the kind and the format (issue 24),
each on sentences written for it, both ways: the grammar that makes a country a party (the two sides a meeting is
between, a pair after "ສອງຝ່າຍ", the co-chairs' states, a state chairing, those present "ມີ … ເຂົ້າຮ່ວມ", a list
after "ຄື:"), and the phrasings that must leave a fact empty. No database: the seeded country list only."""

import pytest

from meetings.services.countries import COUNTRIES
from tests.meetings.test_import_reader_grammar_sides import countries, host, read


def test_cuba_mongolia_argentina_are_listed():
    assert {"CU", "MN", "AR"} <= {code for code, _lo, _en, _asean in COUNTRIES}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the two bodies a meeting is between, each named with its state (ແຫ່ງ …, or a state in brackets)
        (
            "ກອງປະຊຸມພົບປະມິດຕະພາບ ລະຫວ່າງ ຄະນະຜູ້ແທນແຂວງຫຼວງນ້ຳທາ ແຫ່ງ ສປປ ລາວ ແລະ ຄະນະຜູ້ແທນເມືອງເມິງລາ "
            "ແຂວງຢຸນນານ ແຫ່ງ ສປ ຈີນ ໄດ້ຈັດຂຶ້ນໃນວັນທີ 5 ມີນາ 2024 ທີ່ຫ້ອງປະຊຸມແຂວງ.",
            ["CN", "LA"],
        ),
        (
            "ກອງປະຊຸມແລກປ່ຽນສະພາບ ຄັ້ງທີ 3 ລະຫວ່າງຄະນະຜູ້ແທນ ແຂວງສະຫວັນນະເຂດ ສປປ ລາວ ກັບ ຈັງຫວັດມຸກດາຫານ "
            "(ຣາຊາອານາຈັກໄທ) ໄດ້ຈັດຂຶ້ນໃນວັນທີ 2 ເມສາ 2023.",
            ["LA", "TH"],
        ),
        # a pair of states after ສອງຝ່າຍ in the sentence that names the meeting
        (
            "ທ່ານ ລັດຖະມົນຕີ ໄດ້ເຂົ້າຮ່ວມກອງປະຊຸມຄະນະກຳມະການຮ່ວມ ວ່າດ້ວຍການຮ່ວມມືສອງຝ່າຍ ລາວ-ຫວຽດນາມ ຄັ້ງທີ 45.",
            ["LA", "VN"],
        ),
        # the co-chairs' states, ending their titles (not those "ພ້ອມດ້ວຍ", joining them)
        (
            "ພາຍໃຕ້ການເປັນປະທານຮ່ວມຂອງ ທ່ານ ບຸນມີ ສີສະຫວັດ ຮອງລັດຖະມົນຕີກະຊວງ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ ສປປ ລາວ, "
            "ທ່ານ ນາງ Ana López ຮອງລັດຖະມົນຕີ ກະຊວງ ການສື່ສານ ຂອງສາທາລະນະລັດກູບາ, ພ້ອມດ້ວຍບັນດາປະເທດສະມາຊິກ "
            "ເຂົ້າຮ່ວມ.",
            ["CU", "LA"],
        ),
        # a state chairing a meeting a delegation attended
        (
            "ທ່ານ ລັດຖະມົນຕີ ໄດ້ນຳພາຄະນະຜູ້ແທນລາວ ເຂົ້າຮ່ວມກອງປະຊຸມລັດຖະມົນຕີຕ່າງປະເທດອາຊຽນ ໂດຍການເປັນປະທານຂອງ "
            "ອິນໂດເນເຊຍ ພາຍໃຕ້ຄຳຂວັນ “ອາຊຽນມີຄວາມສຳຄັນ”.",
            ["ID", "LA"],
        ),
        # those present, "ມີ … ຂອງ X … ເຂົ້າຮ່ວມ", and a body of a country that attended ("ຂອງ ລາວ ເຂົ້າຮ່ວມ")
        (
            "ຄະນະສັນຕິພາບ ແລະ ສາມັກຄີ ຂອງ ລາວ ເຂົ້າຮ່ວມກອງປະຊຸມສາກົນ. ໃນກອງປະຊຸມດັ່ງກ່າວ ມີການນຳຂັ້ນສູງ ຂອງ "
            "ສສ ຫວຽດນາມ ແລະ ຜູ້ແທນອົງການສາກົນ ເຂົ້າຮ່ວມ.",
            ["LA", "VN"],
        ),
        # a list after ຄື:, state forms before its members, in a sentence about taking part
        (
            "ມີຄະນະຜູ້ແທນຈາກປະເທດສະມາຊິກຄື: ກຳປູເຈຍ, ສປປລາວ, ສສ. ມຽນມາ, ໄທ ແລະ ສສ. ຫວຽດນາມ ເຂົ້າຮ່ວມ.",
            ["KH", "LA", "MM", "TH", "VN"],
        ),
        # Cuba by its other spelling, on each side of an encounter
        ("ທ່ານ ນາຍົກລັດຖະມົນຕີ ແຫ່ງ ສປປ ລາວ ໄດ້ພົບປະກັບ ທ່ານ ປະທານສະພາ ແຫ່ງ ສ ກູບາ.", ["CU", "LA"]),
    ],
)
def test_the_parties_are_read(text, expected):
    reading = read(text)  # two states or more taking part: an international meeting
    assert (countries(reading), reading.get("kind")) == (expected, "international")


@pytest.mark.parametrize(
    "text",
    [
        # a meeting about the cooperation between two states, which one of them may hold alone
        "ກອງປະຊຸມກ່ຽວກັບການຮ່ວມມືລະຫວ່າງ ສປປ ລາວ ແລະ ສປ ຈີນ ໄດ້ຈັດຂຶ້ນຢູ່ກະຊວງແຜນການ.",
        # only one side named with its state
        "ກອງປະຊຸມພົບປະ ລະຫວ່າງ ພະແນກການເງິນແຂວງ ແລະ ບໍລິສັດກໍ່ສ້າງ ໄດ້ຈັດຂຶ້ນໃນວັນທີ 5 ມີນາ.",
        # a pair that is not the meeting's parties: no meeting in its sentence, or not after ສອງຝ່າຍ/ສອງປະເທດ
        "ສາຍພົວພັນມິດຕະພາບສອງປະເທດ ລາວ-ຫວຽດນາມ ນັບມື້ນັບແໜ້ນແຟ້ນ.",
        "ກອງປະຊຸມທົບທວນໂຄງການທາງລົດໄຟ ລາວ-ຈີນ ໄດ້ຈັດຂຶ້ນຢູ່ກະຊວງໂຍທາທິການ ແລະ ຂົນສົ່ງ.",
        # one co-chair's state only; a person chairing, not a state
        "ພາຍໃຕ້ການເປັນປະທານຮ່ວມຂອງ ທ່ານ ບຸນມີ ຮອງລັດຖະມົນຕີ ສປປ ລາວ ແລະ ທ່ານ ນາງ ເຄເຊຍ ປະທານອົງການອາວະກາດ.",
        "ໂດຍການເປັນປະທານຂອງ ທ່ານ ສົມສະຫວາດ ຮອງລັດຖະມົນຕີ ແຫ່ງ ສປປ ລາວ, ໄດ້ຈັດກອງປະຊຸມວິຊາການ.",
        # those present: a verb between them and ເຂົ້າຮ່ວມ, or a place rather than a side
        "ມີການນຳຂັ້ນສູງ ຂອງ ສສ ຫວຽດນາມ ໄດ້ກ່າວວ່າ ຈະສືບຕໍ່ເຂົ້າຮ່ວມ.",
        "ມີນັກສຶກສາທີ່ຮຽນຢູ່ ສສ ຫວຽດນາມ ເຂົ້າຮ່ວມ.",
        # a list after ຄື: in a sentence that is not about taking part
        "ແຮງງານລາວທີ່ໄປເຮັດວຽກຢູ່ປະເທດຕ່າງໆຄື: ໄທ, ມາເລເຊຍ ແລະ ສ. ເກົາຫຼີ ມີຈຳນວນຫຼາຍ.",
    ],
)
def test_no_parties_are_read(text):
    assert countries(read(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the date, a place, a comma, then the country ending the phrase
        (
            "ວັນທີ 9 ພຶດສະພາ 2023 ທີ່ ລາບວນ ບາໂຈ, ອິນໂດເນເຊຍ, ທ່ານ ລັດຖະມົນຕີ ໄດ້ນຳພາຄະນະຜູ້ແທນລາວ ເຂົ້າຮ່ວມກອງປະຊຸມລັດຖະມົນຕີ.",
            "ID",
        ),
        # a city, its province, then the country
        ("ຄະນະຜູ້ແທນລາວ ໄດ້ເຂົ້າຮ່ວມກອງປະຊຸມລັດຖະມົນຕີ ທີ່ເມືອງຊຽງຮຸ່ງ, ແຂວງຢຸນນານ, ສປ ຈີນ.", "CN"),
        ("ກອງປະຊຸມລັດຖະມົນຕີ ຄັ້ງທີ 10 ຈັດຂຶ້ນທີ່ປະເທດມົງໂກລີ, ພາຍໃຕ້ຄຳຂວັນ ໃໝ່.", "MN"),
        # Laos is never a host; a country that does not end the phrase is not where it was held
        ("ກອງປະຊຸມວິຊາການ ທີ່ເມືອງໄຊ, ແຂວງອຸດົມໄຊ, ສປປ ລາວ.", None),
        ("ວັນທີ 9 ພຶດສະພາ 2023 ທີ່ ສະຖານທູດ, ຍີ່ປຸ່ນ ໄດ້ມອບອຸປະກອນໃຫ້ແກ່ກະຊວງ.", None),
    ],
)
def test_the_host(text, expected):
    assert host(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is discussed is itself a kind of meeting (coordination): no kind is said
        ("ໄດ້ຈັດກອງປະຊຸມປຶກສາຫາລື ກ່ຽວກັບການປະສານງານ ແລະ ງົບປະມານ ຂອງສະພາປະຊາຊົນແຂວງ.", None),
        ("ໄດ້ຈັດກອງປະຊຸມປຶກສາຫາລື ກ່ຽວກັບ ການຄຸ້ມຄອງການລົງທຶນ ຂອງແຂວງ.", "consultation"),
        # the education administrators' conference of a school year heads the name
        ("ພະແນກສຶກສາທິການ ໄດ້ຈັດກອງປະຊຸມຜູ້ບໍລິຫານການສຶກສາ ທົ່ວແຂວງ ປະຈຳສົກຮຽນ 2024-2025 ຂຶ້ນ.", "annual_review"),
        ("ໄດ້ຈັດກອງປະຊຸມເຜີຍແຜ່ເອກະສານ ໃຫ້ແກ່ຜູ້ບໍລິຫານການສຶກສາ ທົ່ວແຂວງ.", None),
    ],
)
def test_the_kind(text, expected):
    assert read(text).get("kind") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ໃນກອງປະຊຸມດັ່ງກ່າວ ມີຜູ້ແທນຫຼາຍປະເທດເຂົ້າຮ່ວມທັງແບບເຊິ່ງໜ້າ ແລະ ອອນລາຍ.", "hybrid"),
        ("ໃນກອງປະຊຸມດັ່ງກ່າວ ມີຜູ້ແທນຫຼາຍປະເທດເຂົ້າຮ່ວມແບບເຊິ່ງໜ້າ.", "in_person"),
    ],
)
def test_both_ways_at_once_is_hybrid(text, expected):
    assert read(text).get("format") == expected
