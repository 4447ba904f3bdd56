"""Known records are matched, never duplicated: a post about a meeting already in the portal is linked to it
(no second draft), and an unstated format stays blank ("not recorded")."""

import datetime
import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

from meetings.importing import services
from meetings.importing.matching import Candidate, MeetingMatcher, title_similarity
from meetings.models import Meeting
from meetings.models.imports import ImportedPost
from tests import factories

FIXTURES = Path(__file__).parent / "fixtures" / "wordpress"
WXR = FIXTURES / "committee-news.wxr.xml"  # the seed export: the two seed articles and five other posts
UPLOADS = FIXTURES / "uploads"
NPSC_GUID = "https://ncaht.example.la/2024/02/npsc-2023-meeting/"
DAY = datetime.date(2024, 2, 15)


def seed_import(**kw):
    return services.import_wxr(file=str(WXR), by=None, media_dir=UPLOADS, meetings_only=True, **kw)


@pytest.mark.django_db
def test_reimporting_the_seed_export_into_the_demo_database_makes_no_duplicate(demo):
    before = set(Meeting.objects.values_list("pk", flat=True))
    report = seed_import()
    linked = {r.guid: r.meeting.slug for r in report.results if r.outcome == services.LINKED}
    assert linked == {
        NPSC_GUID: "2024-02-15-asean-act-npsc-2023",
        "https://ncaht.example.la/2020/02/annual-review-2019/": "2020-02-13-annual-review-2019",
    }
    assert report.count(services.CREATED) == 4  # the other meeting posts are new meetings
    for day in (datetime.date(2024, 2, 15), datetime.date(2020, 2, 13)):
        assert Meeting.objects.filter(start_date=day).count() == 1
    post = ImportedPost.objects.get(guid=NPSC_GUID)
    assert post.meeting is None and post.linked_meeting.slug == "2024-02-15-asean-act-npsc-2023"
    assert not post.suggestions.exists()
    assert len(set(Meeting.objects.values_list("pk", flat=True)) - before) == 4

    again = seed_import()  # a second import: nothing new, the links kept
    assert again.count(services.CREATED) == again.count(services.LINKED) == 0
    assert (
        next(r for r in again.results if r.guid == NPSC_GUID).meeting.slug == "2024-02-15-asean-act-npsc-2023"
    )
    assert Meeting.objects.count() == len(before) + 4


@pytest.mark.django_db
def test_new_draft_forces_a_draft_of_a_linked_post(demo, capsys):
    call_command("import_wordpress", str(WXR), "--media-dir", str(UPLOADS))
    assert "4 drafts created, 2 linked to meetings already in the portal" in capsys.readouterr().out
    call_command("import_wordpress", str(WXR), "--media-dir", str(UPLOADS), "--new-draft", NPSC_GUID)
    assert "1 drafts created, 0 linked" in capsys.readouterr().out
    post = ImportedPost.objects.get(guid=NPSC_GUID)
    assert post.linked_meeting is None and post.meeting.status == Meeting.Status.DRAFT
    assert post.meeting.start_date == DAY and post.suggestions.exists()
    assert Meeting.objects.filter(start_date=DAY).count() == 2  # the officer asked for it


@pytest.mark.django_db
def test_the_preview_offers_the_existing_meeting(demo):
    source = services.open_export(file=str(WXR), media_dir=UPLOADS)
    rows = {row["post"].guid: row for row in services.preview(source=source)}
    same = rows[NPSC_GUID]["same_meeting"]
    assert same.pk == Meeting.objects.get(slug="2024-02-15-asean-act-npsc-2023").pk
    assert sum(1 for row in rows.values() if row["same_meeting"] is not None) == 2


def candidate(**kw):
    values = {
        "pk": 1,
        "start_date": DAY,
        "titles": ("ກອງປະຊຸມສະຫຼຸບວຽກງານ ປະຈຳປີ 2023",),
        "venues": (),
        "label": "",
    }
    return Candidate(**{**values, **kw})


@pytest.mark.parametrize(
    ("kw", "title", "venue", "same"),
    [
        ({}, "ກອງປະຊຸມ ສະຫຼູບວຽກງານປະຈໍາປີ 2023", "", True),  # spaces, ຫຼູ/ຫຼຸ, ໍ + າ typed apart
        ({"start_date": DAY + datetime.timedelta(days=1)}, "ກອງປະຊຸມສະຫຼຸບວຽກງານ ປະຈຳປີ 2023", "", False),
        ({}, "ຝຶກອົບຮົມການສືບສວນ", "", False),  # same day, another meeting
        ({"venues": ("ໂຮງແຮມລາວເທວ",)}, "ຝຶກອົບຮົມການສືບສວນ", "ໂຮງແຮມ ລາວເທວ", True),  # same day, same venue
        ({"venues": ("ໂຮງແຮມລາວເທວ",)}, "ຝຶກອົບຮົມການສືບສວນ", "ໂຮງແຮມດອນຈັນ", False),
    ],
    ids=["title-variant", "other-day", "other-title", "same-venue", "other-venue"],
)
def test_same_meeting_rule(kw, title, venue, same):
    matcher = MeetingMatcher()
    matcher.add(candidate(**kw))
    assert (matcher.find(start_date=DAY, title=title, venue=venue) is not None) is same


def test_titles_are_compared_as_keys():
    assert title_similarity("ASEAN-ACT NPSC meeting 2023", "asean-act  npsc meeting 2023") == 1.0
    assert title_similarity("", "x") == 0.0


# --- format: blank means "not recorded" ------------------------------------------------------------------
@pytest.mark.django_db
def test_a_draft_whose_text_states_no_format_has_none(demo):
    editor = factories.user(role="Secretariat editor")
    text = "ໃນວັນທີ 3 ມີນາ 2025 ທີ່ໂຮງແຮມດອນຈັນພາເລດ ໄດ້ຈັດກອງປະຊຸມປະສານງານ."
    meeting = services.import_text(title="ກອງປະຊຸມປະສານງານ", text=text, by=editor)
    assert meeting.venue_lo == "ໂຮງແຮມດອນຈັນພາເລດ" and meeting.format == ""
    assert not meeting.suggestions.filter(field="format").exists()
    assert Meeting().format == ""  # a meeting entered by hand starts "not recorded" too


@pytest.mark.django_db
def test_the_migration_forgets_formats_only_the_old_default_gave(demo):
    editor = factories.user(role="Secretariat editor")
    stated = services.import_text(title="ທາງໄກ", text="ໃນວັນທີ 3 ມີນາ 2025 ກອງປະຊຸມຜ່ານລະບົບອອນລາຍ.", by=editor)
    unstated = services.import_text(title="ປະຊຸມ", text="ໃນວັນທີ 4 ມີນາ 2025 ໄດ້ຈັດກອງປະຊຸມ.", by=editor)
    edited = services.import_text(title="ປະຊຸມ 2", text="ໃນວັນທີ 5 ມີນາ 2025 ໄດ້ຈັດກອງປະຊຸມ.", by=editor)
    for meeting in (unstated, edited):  # as the old default left them
        version = ImportedPost.objects.get(meeting=meeting).meeting_version
        Meeting.objects.filter(pk=meeting.pk).update(format="in_person", version=version)
    Meeting.objects.filter(pk=edited.pk).update(summary_lo="ແກ້ໄຂ")  # an officer's save moves the version on
    migration = importlib.import_module("meetings.migrations.0013_importer_format_not_recorded")
    migration.forget_defaulted_formats(apps, None)
    formats = dict(
        Meeting.objects.filter(pk__in=[stated.pk, unstated.pk, edited.pk]).values_list("pk", "format")
    )
    assert formats == {stated.pk: "online", unstated.pk: "", edited.pk: "in_person"}


@pytest.mark.django_db
def test_the_meetings_page_lists_the_posts_linked_to_it(demo):
    from django.test import Client
    from django.urls import reverse

    seed_import()
    meeting = Meeting.objects.get(slug="2024-02-15-asean-act-npsc-2023")
    client = Client()
    client.force_login(factories.user(role="Secretariat editor"))
    page = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()
    section = page[page.index('class="linked-posts') :]
    assert f'href="{NPSC_GUID}"' in section[: section.index("</section>")]
    other = Meeting.objects.get(slug="2020-02-13-annual-review-2019")
    assert (
        f'href="{NPSC_GUID}"'
        not in client.get(reverse("admin:meetings_meeting_change", args=[other.pk])).content.decode()
    )
