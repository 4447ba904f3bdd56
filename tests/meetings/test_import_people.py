"""People already recorded are matched, never recorded twice: by name in either script, however typed, by
the older spellings of ໜ/ໝ/ຫຼ and by the names their records had before; a position is a job title, never
the rest of a sentence."""

import pytest

from meetings.importing import services
from meetings.importing.lao_facts import Known, read_facts
from meetings.importing.lao_people import position_after
from meetings.models import Participation, Person
from tests import factories


def recorded(**kw):
    person = Person(**kw)
    person.full_clean()
    person.save()
    return person


def people(text):
    reading = read_facts(text, known=Known.from_database(), language="lo")
    return [f.value for f in reading.facts if f.field == "person"]


@pytest.mark.django_db
def test_an_older_spelling_in_the_text_finds_the_recorded_person():
    person = recorded(name_lo="ສົມໝາຍ ພົມມະຈັນ", name_en="Sommay Phommachanh")
    (value,) = people("ກອງປະຊຸມເປັນປະທານໂດຍ ທ່ານ ສົມຫມາຍ ພົມມະຈັນ ຫົວໜ້າກົມ.")  # ຫມ written for ໝ
    assert value["person"] == person.pk and value["role"] == "chair"


@pytest.mark.django_db
def test_a_name_the_record_had_before_finds_the_person():
    person = recorded(name_lo="ບຸນມີ ສີສຸວັນ", name_en="Bounmy Sisouvanh")
    person.name_lo = "ບຸນມີ ສີສຸວັນນະ"  # corrected since: older posts still use the first spelling
    person.save()
    (value,) = people("ກອງປະຊຸມເປັນປະທານໂດຍ ທ່ານ ນາງ ບຸນມີ ສີສຸວັນ ຫົວໜ້າພະແນກ.")
    assert value["person"] == person.pk
    assert services.recorded_person("ບຸນມີ ສີສຸວັນ", "") == person
    other = recorded(name_lo="ບຸນມີ ສີສຸວັນ", name_en="")  # someone now recorded under that name wins
    assert services.recorded_person("ບຸນມີ ສີສຸວັນ", "") == other


@pytest.mark.django_db
def test_confirming_never_records_a_second_person(demo):
    editor = factories.user(role="Secretariat editor")
    text = "ໃນວັນທີ 3 ມີນາ 2025 ໄດ້ຈັດກອງປະຊຸມ ພາຍໃຕ້ການເປັນປະທານຂອງ ທ່ານ ບຸນຫນອງ ສີຫາລາດ ຫົວໜ້າກົມແຜນການ."
    first = services.import_text(title="ກອງປະຊຸມ 1", text=text, by=editor)
    second = services.import_text(title="ກອງປະຊຸມ 2", text=text.replace("3 ມີນາ", "4 ມີນາ"), by=editor)
    # meanwhile an officer records the person, in the modern spelling and with an English name
    person = recorded(name_lo="ບຸນໜອງ ສີຫາລາດ", name_en="Bounnong Sihalath")
    for meeting in (first, second):
        suggestion = meeting.suggestions.get(field="person")
        assert suggestion.value["person"] is None  # read before the person was recorded
        services.decide_suggestions(meeting=meeting, confirm=[suggestion.pk], by=editor)
    assert Person.objects.filter(name_lo__startswith="ບຸນ", name_lo__endswith="ສີຫາລາດ").count() == 1
    assert set(Participation.objects.filter(person=person).values_list("meeting", flat=True)) == {
        first.pk,
        second.pk,
    }


@pytest.mark.parametrize(
    ("after", "position"),
    [
        (" ຫົວໜ້າກົມແຜນການ, ມີຜູ້ເຂົ້າຮ່ວມ", "ຫົວໜ້າກົມແຜນການ"),
        (" ຫົວໜ້າກົມແຜນການໄດ້ກ່າວເປີດກອງປະຊຸມ", "ຫົວໜ້າກົມແຜນການ"),  # a verb glued to it ends it
        (" ຮອງຫົວຫນ້າອົງການ ພ້ອມດ້ວຍພະນັກງານທີ່ກ່ຽວຂ້ອງ", "ຮອງຫົວຫນ້າອົງການ"),  # "together with" is not in it
        (" ພົມມະວົງ ປະທານາທິບໍດີ", ""),  # the rest of a name, not a title
        (" ແລະ ຄະນະ ໄດ້ເດີນທາງໄປຢ້ຽມຢາມ", ""),
        (" ກ່າວວ່າ ກອງປະຊຸມຄັ້ງນີ້ແມ່ນມີຄວາມໝາຍ", ""),
        (" ຫົວໜ້າ" + "ກົມ" * 60, ""),  # too long to be a title
    ],
)
def test_a_position_is_a_job_title_never_a_sentence(after, position):
    assert position_after("ທ່ານ ສົມພອນ ວົງສາ" + after, len("ທ່ານ ສົມພອນ ວົງສາ")) == position
