"""Whether a post is about a meeting when no meeting word names it (issue 24, round 5, importer6c): a gathering of
speech held (a lecture, a press conference, a dissemination, a summing-up, a founding-day ceremony) and talks or a
reception with an official or a delegation, both only in the post's opening (headline and lead). Sentences written
for each rule, both ways; each ticked sentence is left unticked by the reader before round 5. No database."""

import pytest

from meetings.importing.lao_subject import looks_like_meeting


@pytest.mark.parametrize(
    "title, text",
    [
        # a gathering of speech, the object of a verb of holding in the lead
        ("", "ໃນວັນທີ 8 ມີນາ 2024, ສະຫະພັນແມ່ຍິງແຂວງ ໄດ້ຈັດພິທີປາຖະກະຖາວັນແມ່ຍິງສາກົນ ໂດຍມີສະມາຊິກ 80 ຄົນເຂົ້າຮ່ວມ."),
        ("ສະຫະພັນແມ່ຍິງກະຊວງ ຈັດຕັ້ງປາຖະກະຖາເນື່ອງໃນໂອກາດວັນແມ່ຍິງສາກົນ", "ມີສະມາຊິກແມ່ຍິງເຂົ້າຮ່ວມຢ່າງພ້ອມພຽງ."),
        ("", "ຄະນະກຳມະການເລືອກຕັ້ງ ໄດ້ຈັດພິທີຖະແຫຼງຂ່າວຕໍ່ສື່ມວນຊົນ ໃນວັນທີ 20 ພະຈິກ 2020."),
        ("", "ຢູ່ສະໂມສອນແຂວງ ໄດ້ຈັດພິທີເຜີຍແຜ່ເນື້ອໃນສຳຄັນຂອງແຜນແມ່ບົດ ໃຫ້ພະນັກງານ 120 ທ່ານ."),
        ("", "ພະແນກກະສິກຳແຂວງ ໄດ້ຈັດພິທີ ສະຫຼຸບວຽກງານປະຈຳປີ 2023 ໃນວັນທີ 4 ທັນວາ."),
        # a founding-day ceremony, the subject of a verb of holding
        ("", "ພິທີສະເຫຼີມສະຫຼອງວັນສ້າງຕັ້ງກະຊວງ ຄົບຮອບ 30 ປີ ໄດ້ຈັດຂຶ້ນທີ່ສະໂມສອນຂອງກະຊວງ ໃນວັນທີ 27 ກຸມພານີ້."),
        # talks or a reception with an official or a delegation as the object, in the headline or the lead
        ("ສະຫາຍ ນາຍົກລັດຖະມົນຕີ ພົບປະກັບ ສະຫາຍ ປະທານສະພາແຫ່ງຊາດກູບາ", "ທັງສອງຝ່າຍໄດ້ແລກປ່ຽນຄຳເຫັນ."),
        ("ອະດີດປະທານປະເທດ ຕ້ອນຮັບປະທານປະເທດຫວຽດນາມ", "ວັນທີ 9 ສິງຫາ 2021 ທີ່ທຳນຽບປະທານປະເທດ."),
        ("", "ທູດລາວ ໄດ້ເຂົ້າຢ້ຽມຂ່ຳນັບ ສະຫາຍ ລັດຖະມົນຕີກະຊວງການຕ່າງປະເທດ ເມື່ອວັນທີ 13 ມີນາ ຜ່ານມາ."),
        ("", "ສະຖາບັນ ໄດ້ຕ້ອນຮັບການມາຢ້ຽມຢາມ ແລະ ເຮັດວຽກ ຂອງ ຄະນະຜູ້ແທນ ຈາກໂຮງຮຽນພັກແຂວງ."),
        ("", "ທີ່ຫ້ອງວ່າການແຂວງ, ທ່ານຮອງເຈົ້າແຂວງ ໄດ້ຕ້ອນຮັບ ຄະນະ ຜູ້ຕາງໜ້າອົງການຈັດຕັ້ງສາກົນ."),
    ],
)
def test_a_gathering_or_talks_in_the_opening_is_a_meeting(title, text):
    assert looks_like_meeting(title, text)


@pytest.mark.parametrize(
    "title, text",
    [
        # a ceremony that is not a gathering of speech: a handover, a signing, a prize-giving
        ("", "ບໍລິສັດ ໄດ້ຈັດພິທີມອບລົດໄຖນາ ໃຫ້ສະຫະກອນ ໃນວັນທີ 3 ເມສາ 2024."),
        ("", "ສອງຝ່າຍ ໄດ້ຈັດພິທີເຊັນສັນຍາກໍ່ສ້າງຂົວ ທີ່ແຂວງບໍລິຄຳໄຊ."),
        # a speech contest, a press conference to come, a lecture in the ministry's name
        ("", "ງານແຂ່ງຂັນປາຖະກະຖາຮອບຊີງຊະນະເລີດ ໄດ້ສິ້ນສຸດລົງຢ່າງຈົບງາມ."),
        ("", "ກະຊວງ ຈະຈັດພິທີຖະແຫຼງຂ່າວ ໃນວັນທີ 20 ພະຈິກນີ້."),
        ("", "ທ່ານ ນາງ ລັດຖະມົນຕີກະຊວງຖະແຫຼງຂ່າວ ໄດ້ລົງຢ້ຽມຢາມການຂຸດຄົ້ນພະພຸດທະຮູບ."),
        # the gathering named further down, among other news
        (
            "ຊາວໜຸ່ມເມືອງ ອອກແຮງງານອະນາໄມຕະຫຼາດ",
            "ຊາວໜຸ່ມ 200 ຄົນ ໄດ້ເກັບມ້ຽນຂີ້ເຫຍື້ອ. ທັງໝົດມີ 12 ຈຸດ. ຕອນແລງ, ຄະນະຊາວໜຸ່ມ ໄດ້ຈັດພິທີປາຖະກະຖາສັ້ນໆ.",
        ),
        # meeting people in the general sense, a day welcomed, a purpose, talks to come
        ("", "ຊາວໜຸ່ມເມືອງ ໄດ້ຈັດງານພົບປະເຍົາວະຊົນທັນວາ ທີ່ໂຮງຮຽນມັດທະຍົມ."),
        ("", "ກົມສື່ມວນຊົນ ໄດ້ຕ້ອນຮັບ ແລະ ນຳພາເຍົາວະຊົນຈາກ 18 ແຂວງ ຈຳນວນ 311 ຄົນ ຢ້ຽມຊົມຫໍສະພາ."),
        ("", "ອົງການຈັດຕັ້ງມະຫາຊົນ ໄດ້ອອກແຮງງານລວມ ເພື່ອຕ້ອນຮັບວັນສ້າງຕັ້ງສະຫະພັນກຳມະບານ."),
        ("", "ທ່ານລັດຖະມົນຕີ ໄດ້ລົງຢ້ຽມຢາມໂຮງຮຽນ ເພື່ອພົບປະກັບ ທ່ານຄູອາຈານ ແລະ ນັກຮຽນ."),
        ("", "ທ່ານລັດຖະມົນຕີ ຈະພົບປະກັບ ທ່ານເຈົ້າແຂວງ ໃນອາທິດໜ້າ."),
        ("ຍິນດີຕ້ອນຮັບທ່ານ ສູ່ງານວາງສະແດງສິນຄ້າຫັດຖະກຳ", "ງານວາງສະແດງ ໄດ້ເປີດໃຫ້ປະຊາຊົນເຂົ້າຊົມ ແຕ່ວັນທີ 1-5 ທັນວາ."),
        ("", "ແຂວງ ໄດ້ສະໜອງງົບປະມານ ເພື່ອການຈັດຕັ້ງເຜີຍແຜ່ກົດໝາຍ ໃຫ້ທຸກບ້ານ."),
        # a courtesy call named further down, during a working visit
        (
            "ລັດຖະມົນຕີ ລົງຢ້ຽມຢາມແຂວງຫົວພັນ",
            "ຄະນະ ໄດ້ມອບເຄື່ອງ ໃຫ້ໂຮງຮຽນ. ຄະນະ ໄດ້ລົງເບິ່ງໂຄງການ. ໃນໂອກາດດັ່ງກ່າວ ທ່ານ ໄດ້ພົບປະກັບ ທ່ານເຈົ້າແຂວງ.",
        ),
    ],
)
def test_no_gathering_or_talks_as_the_news_is_no_meeting(title, text):
    assert not looks_like_meeting(title, text)
