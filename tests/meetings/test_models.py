import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from meetings import models as m
from meetings import services
from tests import factories as f


def errors_of(obj):
    with pytest.raises(ValidationError) as exc:
        obj.full_clean()
    return exc.value.message_dict


@pytest.mark.django_db
class TestMeetingRules:
    def test_women_cannot_exceed_total_in_both_languages(self):
        meeting = m.Meeting(
            title_lo="ກອງປະຊຸມ",
            start_date=datetime.date(2024, 2, 15),
            attendance_total=24,
            attendance_women=30,
        )
        with translation.override("en"):
            assert errors_of(meeting)["attendance_women"] == [
                "The number of women cannot be greater than the total number of participants."
            ]
        with translation.override("lo"):
            message = errors_of(meeting)["attendance_women"][0]
        assert "ຍິງ" in message and "The number" not in message

    def test_online_cannot_exceed_total(self):
        meeting = m.Meeting(
            title_lo="ກອງປະຊຸມ", start_date=datetime.date(2024, 2, 15), attendance_total=2, attendance_online=3
        )
        assert "attendance_online" in errors_of(meeting)

    def test_end_cannot_be_before_start(self):
        meeting = m.Meeting(
            title_lo="ກອງປະຊຸມ", start_date=datetime.date(2024, 2, 15), end_date=datetime.date(2024, 2, 14)
        )
        with translation.override("en"):
            assert errors_of(meeting)["end_date"] == ["The meeting cannot end before it starts."]

    def test_database_refuses_what_validation_refuses(self):
        meeting = f.meeting(attendance_total=24, attendance_women=10)
        m.Meeting.objects.filter(pk=meeting.pk).update(attendance_women=10)  # fine
        with pytest.raises(IntegrityError), transaction.atomic():
            m.Meeting.objects.filter(pk=meeting.pk).update(attendance_women=30)
        with pytest.raises(IntegrityError), transaction.atomic():
            m.Meeting.objects.filter(pk=meeting.pk).update(end_date=datetime.date(2000, 1, 1))

    def test_valid_meeting_gets_a_unique_ascii_slug(self):
        one = f.meeting(title_en="Steering committee", start_date=datetime.date(2024, 2, 15))
        two = f.meeting(title_en="Steering committee", start_date=datetime.date(2024, 2, 15))
        assert one.slug == "2024-02-15-steering-committee"
        assert two.slug == "2024-02-15-steering-committee-2"

    def test_lao_only_meeting_gets_a_slug(self):
        meeting = f.meeting(title_en="", title_lo="ກອງປະຊຸມ")
        assert meeting.slug.startswith("2024-02-15-meeting")

    def test_slug_must_be_unique_with_a_clear_message(self):
        f.meeting(slug="npsc-2023")
        duplicate = m.Meeting(title_lo="ກອງປະຊຸມ", start_date=datetime.date(2024, 1, 1), slug="npsc-2023")
        assert "slug" in errors_of(duplicate)

    def test_text_is_stored_normalised(self):
        meeting = f.meeting(title_lo="ກອງປະຊຸມຄະນະກໍາມະການ  ")
        meeting.refresh_from_db()
        assert meeting.title_lo == "ກອງປະຊຸມຄະນະກຳມະການ"

    def test_required_lao_title(self):
        meeting = m.Meeting(title_en="Only English", start_date=datetime.date(2024, 2, 15))
        assert "title_lo" in errors_of(meeting)


@pytest.mark.django_db
class TestRelatedRules:
    def test_a_person_takes_part_once_per_meeting(self):
        meeting, person = f.meeting(), f.person()
        f.participation(meeting=meeting, person=person)
        again = m.Participation(meeting=meeting, person=person, role="chair")
        with translation.override("en"):
            assert errors_of(again)["__all__"] == [
                "This person is already listed as a participant of this meeting."
            ]

    def test_participation_defaults_to_the_persons_organisation(self):
        org = f.organisation()
        part = f.participation(meeting=f.meeting(), person=f.person(organisation=org))
        assert part.organisation == org

    def test_organisation_parent_cycle_refused(self):
        top = f.organisation()
        child = f.organisation(parent=top)
        top.parent = child
        assert "parent" in errors_of(top)
        child.parent = child
        assert "parent" in errors_of(child)

    def test_programme_years_in_order(self):
        programme = m.Programme(name_lo="ແຜນງານ", start_year=2028, end_year=2018)
        assert "end_year" in errors_of(programme)

    def test_due_date_not_before_the_deciding_meeting(self):
        meeting = f.meeting(start_date=datetime.date(2024, 2, 15))
        item = m.ActionItem(meeting=meeting, order=1, text_lo="ຕິດຕາມ", due_date=datetime.date(2024, 1, 1))
        assert "due_date" in errors_of(item)

    def test_item_numbers_unique_per_meeting(self):
        meeting = f.meeting()
        f.action_item(meeting=meeting, order=1)
        assert "__all__" in errors_of(m.ActionItem(meeting=meeting, order=1, text_lo="ອີກ"))

    def test_follow_up_across_meetings_updates_status(self):
        first = f.meeting(start_date=datetime.date(2024, 2, 15))
        later = f.meeting(start_date=datetime.date(2025, 2, 20))
        item = f.action_item(meeting=first, due_date=datetime.date(2024, 12, 31))
        services.record_action_item_update(
            action_item=item, meeting=later, status=m.ActionItem.Status.DONE, note_lo="ສຳເລັດ", note_en="Done"
        )
        item.refresh_from_db()
        assert item.status == "done"
        assert [u.meeting for u in item.updates.all()] == [later]

    def test_follow_up_cannot_be_recorded_before_the_decision(self):
        first = f.meeting(start_date=datetime.date(2024, 2, 15))
        earlier = f.meeting(start_date=datetime.date(2023, 2, 15))
        item = f.action_item(meeting=first)
        with pytest.raises(ValidationError):
            services.record_action_item_update(action_item=item, meeting=earlier, status="done")
        assert not item.updates.exists()

    def test_overdue(self):
        meeting = f.meeting(start_date=datetime.date(2024, 2, 15))
        late = f.action_item(meeting=meeting, due_date=datetime.date(2024, 6, 1))
        f.action_item(meeting=meeting, due_date=datetime.date(2024, 6, 1), status="done")
        f.action_item(meeting=meeting, due_date=None)
        today = datetime.date(2024, 7, 1)
        assert list(m.ActionItem.objects.overdue(today)) == [late]
        assert late.is_overdue(today)


@pytest.mark.django_db
class TestVisibility:
    def test_anonymous_sees_only_published_public(self, django_user_model):
        from django.contrib.auth.models import AnonymousUser

        public = f.meeting()
        f.meeting(status="draft")
        f.meeting(visibility="partners")
        f.meeting(visibility="internal")
        assert list(m.Meeting.objects.visible_to(AnonymousUser())) == [public]
        from django.contrib.auth.models import Group

        from meetings.rules import roles

        staff = django_user_model.objects.create(username="officer", is_staff=True)
        assert m.Meeting.objects.visible_to(staff).count() == 1  # staff status alone grants nothing
        staff.groups.add(Group.objects.get(name=roles.EDITOR))
        staff = django_user_model.objects.get(pk=staff.pk)  # fresh permission cache
        assert m.Meeting.objects.visible_to(staff).count() == 4


@pytest.mark.django_db
class TestDemoData:
    def test_loading_twice_creates_nothing_twice(self, demo):
        from meetings.services.demo import load_demo_data

        models = [
            m.Organisation, m.Person, m.Programme, m.Meeting, m.Participation, m.AgendaItem,
            m.Activity, m.Achievement, m.ActionItem,
        ]  # fmt: skip
        before = {model: model.objects.count() for model in models}
        load_demo_data()
        assert {model: model.objects.count() for model in models} == before
        assert before[m.Meeting] == 2

    def test_npsc_meeting_facts(self, demo):
        npsc = m.Meeting.objects.get(slug="2024-02-15-asean-act-npsc-2023")
        assert (npsc.attendance_total, npsc.attendance_women, npsc.attendance_online) == (24, 10, 2)
        assert npsc.venue_lo == "ໂຮງແຮມລາວເທວ" and npsc.venue_en == "Lao Thevo Hotel"
        roles = {p.person.name_en: p.role for p in npsc.participations.select_related("person")}
        assert roles == {
            "Kenchanh Phommachack": "co_chair",
            "Kate Wallace": "co_chair",
            "Kikeo Chanthalangsy": "presenter",
        }
        assert npsc.action_items.count() == 3
        assert npsc.activities.count() == 3 and npsc.achievements.count() == 2
        assert npsc.programme.partners.count() == 4
        assert {o.slug for o in npsc.organisers.all()} == {
            "secretariat-national-committee",
            "asean-act-lao-pdr",
        }
        police = m.Organisation.objects.get(slug="anti-human-trafficking-police-department")
        assert police.parent.parent.slug == "mps"

    def test_every_demo_record_has_lao_and_english(self, demo):
        from meetings.rules.translated import missing_languages

        for model in (
            m.Organisation,
            m.Person,
            m.Programme,
            m.Meeting,
            m.AgendaItem,
            m.Activity,
            m.ActionItem,
        ):
            for obj in model.objects.all():
                assert missing_languages(obj) == [], obj


def test_lao_date_format():
    from django.template import Context, Template

    with translation.override("lo"):
        rendered = Template("{{ d|date }}").render(Context({"d": datetime.date(2024, 2, 15)}))
    assert rendered == "15 ກຸມພາ 2024"
    with translation.override("en"):
        assert (
            Template("{{ d|date }}").render(Context({"d": datetime.date(2024, 2, 15)})) == "15 February 2024"
        )


def test_lao_language_info():
    assert translation.get_language_info("lo")["name_local"] == "ລາວ"


@pytest.mark.django_db
def test_saving_never_copies_the_fallback_language_into_an_empty_field():
    for lang in ("lo", "en"):
        with translation.override(lang):
            org = f.organisation(
                name_lo="ກົມຕຳຫຼວດ", name_en="Police Department", short_name_lo="", short_name_en="PD"
            )
            org.refresh_from_db()
            assert (org.short_name_lo, org.short_name_en) == ("", "PD")


def test_records_saved_without_full_clean_get_an_address_name(client, db):
    """Slugs are an invariant of save(), not only of clean(): a record made by code (an import, a shell)
    has an address, and the pages that link to it work."""
    import datetime

    org = m.Organisation.objects.create(name_lo="ອົງການ", name_en="Created in code")
    person = m.Person.objects.create(name_lo="ທ່ານ", name_en="Person in code", organisation=org)
    meeting = m.Meeting.objects.create(
        title_lo="ກອງປະຊຸມ",
        title_en="Meeting in code",
        start_date=datetime.date(2024, 2, 15),
        status="published",
    )
    m.Participation.objects.create(meeting=meeting, person=person)
    assert (org.slug, person.slug, meeting.slug) == (
        "created-in-code",
        "person-in-code",
        "2024-02-15-meeting-in-code",
    )
    for url in (
        "/en/",
        "/en/meetings/",
        meeting.get_absolute_url(),
        person.get_absolute_url(),
        org.get_absolute_url(),
    ):
        assert client.get(url).status_code == 200, url


def test_publishing_asks_every_caller_to_confirm_personal_data(db):
    from django.core.exceptions import ValidationError

    from meetings import services

    meeting = m.Meeting.objects.create(
        title_lo="ກອງປະຊຸມ",
        title_en="Meeting",
        summary_en="The victim's phone number is 020 5555 1234.",
        start_date=datetime.date(2024, 2, 15),
        status="draft",
    )
    with pytest.raises(ValidationError) as refused:
        services.publish_meeting(meeting=meeting)
    assert refused.value.code == "personal_data"
    services.publish_meeting(meeting=meeting, personal_data_confirmed=True)
    meeting.refresh_from_db()
    assert meeting.status == "published"
