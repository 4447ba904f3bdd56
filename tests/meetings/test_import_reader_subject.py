"""Whether a post is about a meeting (issue 24: a post not about a meeting makes no draft), read from the grammar
around its meeting words, on sentences written for each rule: a meeting that took place is ticked; a meeting word
said of a room, a device, a past decision or the occasion of other news is not. No database."""

import pytest

from meetings.importing.lao_subject import looks_like_meeting


@pytest.mark.parametrize(
    "title, text",
    [
        # a meeting held, opened or organised
        ("ກອງປະຊຸມສຳມະນາກ່ຽວກັບການປົກປ້ອງເດັກ", "ໄດ້ໄຂຂຶ້ນໃນວັນທີ 3 ມີນາ 2024 ທີ່ແຂວງສາລະວັນ."),
        ("", "ພະແນກແຮງງານແຂວງ ໄດ້ຈັດຊຸດຝຶກອົບຮົມໃຫ້ພະນັກງານບ້ານ 40 ທ່ານ."),
        # a room where the event took place
        ("", "ໃນວັນທີ 5 ເມສາ 2023, ຢູ່ທີ່ຫ້ອງປະຊຸມຂອງພະແນກສຶກສາ ໄດ້ມີພິທີມອບໃບຍ້ອງຍໍໃຫ້ຄູ."),
        ("", "ວັນທີ 2 ພະຈິກນີ້ ທີ່ ສູນຝຶກອົບຮົມຂອງກະຊວງ ໄດ້ມີການບັນລະຍາຍກ່ຽວກັບກົດໝາຍແຮງງານ."),
        # talks on the sidelines of a summit: the occasion comes after the talks
        ("ສອງລັດຖະມົນຕີ ໄດ້ພົບປະສອງຝ່າຍ ໃນໂອກາດເຂົ້າຮ່ວມກອງປະຊຸມລັດຖະມົນຕີອາຊຽນ", "ທັງສອງຝ່າຍໄດ້ແລກປ່ຽນຄຳເຫັນ."),
        # a meeting held on the occasion of a day: the meeting is the news
        ("", "ເນື່ອງໃນໂອກາດວັນແມ່ຍິງສາກົນ 8 ມີນາ ສະຫະພັນແມ່ຍິງແຂວງ ໄດ້ຈັດກອງປະຊຸມສຳມະນາກ່ຽວກັບສິດແມ່ຍິງ."),
        ("", "ເນື່ອງໃນໂອກາດວັນເດັກສາກົນ ກອງປະຊຸມກ່ຽວກັບສິດເດັກ ໄດ້ໄຂຂຶ້ນທີ່ແຂວງຄຳມ່ວນ."),
        # "on this occasion" points back to the news's own event
        ("", "ໃນໂອກາດດຽວກັນນີ້ ທ່ານລັດຖະມົນຕີ ໄດ້ເປັນປະທານກອງປະຊຸມກັບພະນັກງານແຂວງ."),
        # a meeting held that also decided something
        ("", "ກອງປະຊຸມສະພາແຫ່ງຊາດ ໄດ້ໄຂຂຶ້ນ ແລະ ໄດ້ຮັບຮອງເອົາກົດໝາຍ 3 ສະບັບ."),
        # the news's own meeting, dated "past" or deciding
        ("", "ກອງປະຊຸມຄະນະກຳມະການແຂວງ ໄດ້ດຳເນີນໃນວັນທີ 4 ມີນາ ທີ່ຜ່ານມາ."),
        ("", "ກອງປະຊຸມຄັ້ງນີ້ ໄດ້ຮັບຮອງເອົາແຜນການປີ 2025 ຂອງກະຊວງ."),
        # observers who followed a meeting: ຕິດຕາມ is no "according to"
        ("", "ພະນັກງານເມືອງ ໄດ້ຕິດຕາມກອງປະຊຸມທາງໄກຂອງກະຊວງ ຢູ່ຫ້ອງການເມືອງ."),
        # talks in the opening, about carrying out a resolution
        ("", "ຄະນະປະຈຳສະພາ ແລະ ລັດຖະບານ ໄດ້ປຶກສາຫາລືການຈັດຕັ້ງປະຕິບັດມະຕິກອງປະຊຸມສະພາແຫ່ງຊາດ."),
        # English posts read their English words
        ("Workshop on safe migration", "The ministry held a workshop for district officers."),
    ],
)
def test_a_post_about_a_meeting_is_ticked(title, text):
    assert looks_like_meeting(title, text)


@pytest.mark.parametrize(
    "title, text",
    [
        # a device, a system, a trial of one
        ("", "ພະແນກໄປສະນີ ໄດ້ມອບອຸປະກອນການປະຊຸມທາງໄກ ໃຫ້ 3 ເມືອງ."),
        ("", "ວິຊາການໄດ້ຕິດຕັ້ງລະບົບປະຊຸມທາງໄກ ແລະ ທົດລອງປະຊຸມທາງໄກກັບທຸກເມືອງ."),
        # a manual, a school: things named after training
        ("", "ອົງການແຮງງານສາກົນ ໄດ້ມອບຄູ່ມືຝຶກອົບຮົມ 500 ຫົວ ໃຫ້ກະຊວງ."),
        ("", "ນັກຮຽນຂອງວິທະຍາໄລຝຶກອົບຮົມຄູ ໄດ້ອອກແຮງງານອະນາໄມບ້ານ."),
        # a room that is not where anything took place
        ("", "ບໍລິສັດໄດ້ກໍ່ສ້າງຫ້ອງປະຊຸມໃໝ່ ແລະ ຫໍສະໝຸດ ໃຫ້ໂຮງຮຽນ."),
        # the occasion of other news
        ("", "ເນື່ອງໃນໂອກາດກອງປະຊຸມໃຫຍ່ຂອງພັກ, ຊາວໜຸ່ມໄດ້ອອກແຮງງານປູກຕົ້ນໄມ້."),
        ("", "ຄະນະຜູ້ແທນໄດ້ຢ້ຽມຊົມໂຮງງານ, ໃນໂອກາດທີ່ມາຮ່ວມກອງປະຊຸມພົບປະຢູ່ນະຄອນຫຼວງ."),
        # a past meeting, or the source of a decision
        ("", "ຕຳຫຼວດໄດ້ຈັບກຸມຜູ້ຕ້ອງຫາ 3 ຄົນ ຕາມມະຕິກອງປະຊຸມຄະນະກຳມະການ."),
        ("ວັນເດັກສາກົນ", "ໃນປີ 2015 ກອງປະຊຸມອົງການສະຫະປະຊາຊາດ ໄດ້ຮັບຮອງເອົາເປົ້າໝາຍການພັດທະນາ."),
        ("", "ຊາວບ້ານໄດ້ປະຕິບັດຂໍ້ຕົກລົງຂອງກອງປະຊຸມບ້ານທີ່ຜ່ານມາ ໂດຍການແປງທາງ."),
        # an English gloss or product name in a Lao text
        ("", "ບໍລິສັດໄດ້ຕິດຕັ້ງໂປຣແກຣມ Zoom (online meeting) ໃຫ້ຫ້ອງການເມືອງ."),
        # talks said only after the opening do not make an occasion a meeting
        (
            "ຄະນະນັກທ່ອງທ່ຽວຢ້ຽມຊົມວັດ",
            "ຄະນະໄດ້ມາຮອດແຂວງໃນວັນທີ 3. ພວກເຂົາໄດ້ຢ້ຽມຊົມວັດ. ຄະນະໄດ້ພົບປະຊາວບ້ານ ໃນໂອກາດກອງປະຊຸມບ້ານ.",
        ),
    ],
)
def test_a_post_that_only_mentions_a_meeting_is_not_ticked(title, text):
    assert not looks_like_meeting(title, text)
