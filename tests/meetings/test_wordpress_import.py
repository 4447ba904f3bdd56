"""WordPress import: the export file made by a real WordPress (fixtures/wordpress/), the Lao fact reader,
and the import service (drafts, suggestions, documents, idempotent by GUID, officers' edits kept)."""

import datetime
import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import translation

from meetings.importing import services
from meetings.importing.accuracy import EXPECTED, SEEDS, comparable, scores
from meetings.importing.lao_facts import read_facts
from meetings.importing.wxr import WxrError, parse_wxr
from meetings.models import Meeting, Person
from meetings.models.imports import ImportedPost, Suggestion
from tests import factories

FIXTURES = Path(__file__).parent / "fixtures" / "wordpress"
WXR = FIXTURES / "committee-news.wxr.xml"
UPLOADS = FIXTURES / "uploads"
NPSC_GUID = "https://ncaht.example.la/2024/02/npsc-2023-meeting/"


@pytest.fixture
def english():
    """Messages in English (the default interface language is Lao)."""
    with translation.override("en"):
        yield


# --- the export file -------------------------------------------------------------------------------------
def test_fixture_was_written_by_wordpress_and_parses():
    data = WXR.read_bytes()
    assert b'generator="WordPress/6.1' in data
    export = parse_wxr(data)
    assert len(export.posts) == 7
    assert [p.title for p in export.skipped] == ["ກ່ຽວກັບພວກເຮົາ"]  # the page is not a post
    npsc = next(p for p in export.posts if p.guid == NPSC_GUID)
    assert npsc.post_date == datetime.datetime(2024, 2, 16, 10, 30)
    assert npsc.link == NPSC_GUID
    assert npsc.text.startswith("ໃນວັນທີ 15 ກຸມພາ 2024 ທີ່ໂຮງແຮມລາວເທວ")
    assert "<p>" not in npsc.text and "wp:paragraph" not in npsc.text
    assert [u.rsplit("/", 1)[1] for u in npsc.file_urls] == ["npsc-2023-report.pdf", "npsc-2023-photo.jpg"]
    annual = next(p for p in export.posts if "annual-review-2019" in p.guid)
    assert annual.author == "somchan"
    assert [a.title for a in annual.attachments] == ["ກອງປະຊຸມສະຫຼຸບປີ 2019"]  # the featured image


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss><channel>&b;</channel></rss>',
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss>&x;</rss>',
    ],
    ids=["entity-expansion", "external-entity"],
)
def test_unsafe_xml_is_refused(data, english):
    with pytest.raises(WxrError, match="DTD or entities"):
        parse_wxr(data)


@pytest.mark.parametrize("data", [b"not xml", b"<rss><channel><title>x</title></channel></rss>", b"<html/>"])
def test_other_files_are_refused_with_a_clear_message(data, english):
    with pytest.raises(WxrError, match="not a WordPress export"):
        parse_wxr(data)


# --- the fact reader -------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_seed_articles_every_stated_fact_read_right(demo):
    rows = {row.name: row for row in scores()}
    for name in SEEDS:
        assert rows[name].wrong == [], rows[name].wrong
        assert rows[name].missed == [], rows[name].missed
        assert rows[name].right == rows[name].stated == len(EXPECTED[name])


@pytest.mark.django_db
def test_variants_nothing_wrong(demo):
    for row in scores():
        assert row.wrong == [], (row.name, row.wrong)
    assert sum(r.right for r in scores()) == sum(len(e) for e in EXPECTED.values())


@pytest.mark.django_db
def test_facts_table_command_prints_the_figures(demo, capsys):
    call_command("facts_table")
    out = capsys.readouterr().out
    assert "| **seed articles** | 22 | 22 | 0 | 0 |" in out
    assert "WRONG" not in out


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "facts"),
    [
        # spacing and spelling variants of the attendance
        ("ຜູ້ເຂົ້າຮ່ວມ ທັງໝົດ 24 ທ່ານ ຍິງ 10 ທ່ານ.", {"attendance_total": 24, "attendance_women": 10}),
        ("ມີຜູ້ເຂົ້າຮ່ວມທັງຫມົດ 30ຄົນ, ເປັນແມ່ຍີງ 9ຄົນ.", {"attendance_total": 30, "attendance_women": 9}),
        ("ຜູ້ເຂົ້າຮ່ວມທັງໝົດ ໒໔ ທ່ານ, ຍິງ ໑໐ ທ່ານ.", {"attendance_total": 24, "attendance_women": 10}),
        # women above the total cannot be right: left out
        ("ຜູ້ເຂົ້າຮ່ວມທັງໝົດ 10 ທ່ານ, ຍິງ 12 ທ່ານ.", {"attendance_total": 10}),
        # dates
        (
            "ວັນທີ 15/02/2024 ທີ່ໂຮງແຮມລາວເທວ",
            {"start_date": "2024-02-15", "venue": "ໂຮງແຮມລາວເທວ"},  # a venue alone does not say "in person"
        ),
        ("ວັນທີ 30 ທັນວາ - 2 ມັງກອນ 2024", {"start_date": "2023-12-30", "end_date": "2024-01-02"}),
        ("ໃນຕອນບ່າຍຂອງວັນທີ 3 ກໍລະກົດ 2023", {"start_date": "2023-07-03", "time_of_day": "afternoon"}),
        # "online" in "social media" is not a way of attending; a plan's years are not a date
        ("ໂຄສະນາທາງສັງຄົມອອນລາຍ 5 ທ່ານ ແລະ ແຜນງານ 2021-2025", {}),
        # counters are not people: "10 ທ່ານ ແລະ ..." must not read "ແລະ ຍັງມີ" as a name
        ("ຍິງ 10 ທ່ານ ແລະ ຍັງມີພາກສ່ວນອື່ນ", {}),
    ],
)
def test_reader_variants(demo, text, facts):
    assert comparable(read_facts(text)) == facts


@pytest.mark.django_db
def test_names_match_whichever_way_sara_am_is_typed(demo):
    decomposed = "ໂດຍການເປັນປະທານຂອງ ທ່ານ ພົທ ວິໄລ ຫຼ້າຄ\u0ecd\u0eb2ຟອງ ລັດຖະມົນຕີ"
    assert comparable(read_facts(decomposed)) == {"person:vilay-lakhamfong": "chair ພົທ"}
    reading = read_facts(decomposed)
    assert "\u0ecd\u0eb2" not in reading.text  # offsets point into the normalised text
    before, passage, after = reading.passage(reading.facts[0])
    assert passage == "ທ່ານ ພົທ ວິໄລ ຫຼ້າຄຳຟອງ" and before.endswith("ຂອງ ") and after.startswith(" ລັດຖະມົນຕີ")


@pytest.mark.django_db
def test_a_date_far_from_the_post_date_is_not_the_meetings(demo):
    reading = read_facts("ຕາມແຜນ ວັນທີ 1 ມັງກອນ 2015 ໄດ້ຈັດກອງປະຊຸມ", post_date=datetime.date(2024, 3, 1))
    start = next(f for f in reading.facts if f.field == "start_date")
    assert start.value == "2024-03-01" and start.start == start.end  # the post date, no passage


# --- the import service ----------------------------------------------------------------------------------
@pytest.fixture
def editor(db):
    return factories.user(role="Secretariat editor")


@pytest.fixture
def records(demo):
    """The demo's people, organisations and programmes without its two meetings: the seed posts then make
    drafts (with the demo meetings in place they are linked to them instead: test_import_matching.py)."""
    Meeting.objects.all().delete()
    return demo


def run_import(by=None, **kw):
    return services.import_wxr(file=str(WXR), by=by, media_dir=UPLOADS, **kw)


@pytest.mark.django_db
def test_import_creates_drafts_with_the_posts_facts_and_files(records, editor):
    report = run_import(by=editor, meetings_only=True)
    assert report.count(services.CREATED) == 6
    assert report.count(services.SKIPPED) == 1  # the New Year greeting
    post = ImportedPost.objects.get(guid=NPSC_GUID)
    meeting = post.meeting
    assert meeting.status == Meeting.Status.DRAFT and meeting.published_at is None
    assert post.title.startswith("ກອງປະຊຸມຄະນະຮັບຜິດຊອບຊີ້ນ") and post.link == NPSC_GUID
    assert post.post_date.date() == datetime.date(2024, 2, 16)
    assert meeting.title_lo == "ກອງປະຊຸມຄະນະຮັບຜິດຊອບຊີ້ນຳແຜນງານອາຊຽນ-ອົດສະຕຣາລີ ເພື່ອຕ້ານການຄ້າມະນຸດ (NPSC) ປະຈຳປີ 2023"
    assert meeting.start_date == datetime.date(2024, 2, 15)  # from the text, not the post date
    assert (meeting.venue_lo, meeting.city_lo, meeting.city_en) == (
        "ໂຮງແຮມລາວເທວ",
        "ນະຄອນຫຼວງວຽງຈັນ",
        "Vientiane Capital",
    )
    assert (meeting.format, meeting.attendance_total, meeting.attendance_women, meeting.attendance_online) == (
        "hybrid", 24, 10, 2,
    )  # fmt: skip
    assert meeting.programme.slug == "asean-act"
    assert set(meeting.organisers.values_list("slug", flat=True)) == {
        "secretariat-national-committee",
        "asean-act-lao-pdr",
    }
    assert {(p.person.slug, p.role) for p in meeting.participations.all()} == {
        ("kenchanh-phommachack", "co_chair"), ("kate-wallace", "co_chair"), ("kikeo-chanthalangsy", "presenter"),
    }  # fmt: skip
    assert sorted(d.filename for d in meeting.documents.all()) == [
        "npsc-2023-photo.jpg",
        "npsc-2023-report.pdf",
    ]
    assert meeting.suggestions.count() == 14  # 13 facts and the kind (a steering committee, from its name)
    assert meeting.kind == "steering_committee"
    assert set(meeting.suggestions.values_list("status", flat=True)) == {Suggestion.Status.PENDING}
    venue = meeting.suggestions.get(field="venue")
    assert (
        venue.passage == "ໂຮງແຮມລາວເທວ"
        and venue.before.endswith("ທີ່")
        and venue.after.startswith(", ນະຄອນຫຼວງ")
    )
    # drafts stay out of public view
    assert not Meeting.objects.visible_to(None).filter(pk=meeting.pk).exists()
    english = ImportedPost.objects.get(language="en").meeting
    assert (english.title_en, english.venue_en) == (
        "Workshop on victim-centred investigation",
        "Lao Plaza Hotel",
    )
    assert not english.title_lo  # to be translated by the officer


@pytest.mark.django_db
def test_importing_twice_creates_nothing_twice(records):
    run_import()
    counts = (Meeting.objects.count(), Suggestion.objects.count(), ImportedPost.objects.count())
    documents = sum(m.documents.count() for m in Meeting.objects.all())
    report = run_import()
    assert report.count(services.CREATED) == 0 and report.count(services.UNCHANGED) == 7
    assert (Meeting.objects.count(), Suggestion.objects.count(), ImportedPost.objects.count()) == counts
    assert sum(m.documents.count() for m in Meeting.objects.all()) == documents


@pytest.mark.django_db
def test_an_officers_edit_survives_a_new_import(records):
    run_import()
    meeting = ImportedPost.objects.get(guid=NPSC_GUID).meeting
    meeting.venue_lo = "ໂຮງແຮມລາວ ເທວ (ຫ້ອງ 2)"
    meeting.attendance_total = 26
    meeting.save()
    report = run_import()
    outcome = next(r for r in report.results if r.guid == NPSC_GUID)
    assert outcome.outcome == services.KEPT
    meeting.refresh_from_db()
    assert (meeting.venue_lo, meeting.attendance_total) == ("ໂຮງແຮມລາວ ເທວ (ຫ້ອງ 2)", 26)
    meeting.delete()
    report = run_import()
    assert next(r for r in report.results if r.guid == NPSC_GUID).outcome == services.DELETED
    assert not Meeting.objects.filter(title_lo__contains="NPSC", status=Meeting.Status.DRAFT).exists()


@pytest.mark.django_db
def test_zip_with_the_uploads_folder_and_missing_files_reported(records, english):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("export/committee-news.wxr.xml", WXR.read_bytes())
        archive.writestr(
            "export/uploads/2024/02/npsc-2023-report.pdf",
            (UPLOADS / "2024/02/npsc-2023-report.pdf").read_bytes(),
        )
    report = services.import_wxr(file=buffer.getvalue(), by=None, only_guids={NPSC_GUID})
    result = next(r for r in report.results if r.guid == NPSC_GUID)
    assert result.documents == 1
    assert result.problems == ["File not found in the export or the folder: npsc-2023-photo.jpg"]


@pytest.mark.django_db
def test_only_officers_with_the_permission_may_import(records):
    for user in (factories.user(role="Partner"), factories.user()):
        with pytest.raises(PermissionDenied):
            run_import(by=user)
    assert not ImportedPost.objects.exists()


@pytest.mark.django_db
def test_confirming_a_new_person_records_them_and_dismissing_removes_a_link(records, editor):
    run_import(by=editor)
    meeting = ImportedPost.objects.get(guid__contains="coordination-referral").meeting
    person = meeting.suggestions.get(field="person")
    assert not person.applied and not Person.objects.filter(name_lo="ສົມພອນ ວົງສາ").exists()
    organiser = meeting.suggestions.get(field="organiser", value__slug="lao-womens-union")
    done = services.decide_suggestions(
        meeting=meeting, confirm=[person.pk], dismiss=[organiser.pk], by=editor
    )
    assert done == 2
    recorded = Person.objects.get(name_lo="ສົມພອນ ວົງສາ")
    assert (recorded.honorific_lo, recorded.honorific_en, recorded.position_lo) == (
        "ປອ",
        "Dr",
        "ຫົວໜ້າກົມແຜນການ",
    )
    assert meeting.participations.get(person=recorded).role == "chair"
    assert not meeting.organisers.filter(slug="lao-womens-union").exists()
    person.refresh_from_db()
    assert person.status == Suggestion.Status.CONFIRMED and person.decided_by == editor


@pytest.mark.django_db
def test_paste_an_article_makes_a_draft_with_suggestions(records, editor):
    text = (FIXTURES / "posts" / "03-training-luang-prabang.lo.txt").read_text()
    meeting = services.import_text(title="ຝຶກອົບຮົມ ຫຼວງພະບາງ", text=text, by=editor)
    assert meeting.status == Meeting.Status.DRAFT
    assert (meeting.start_date, meeting.end_date) == (datetime.date(2023, 3, 27), datetime.date(2023, 3, 28))
    assert meeting.suggestions.filter(field="time_of_day", value__en="morning").exists()


@pytest.mark.django_db
def test_command_imports_and_reports(records, capsys):
    call_command("import_wordpress", str(WXR), "--media-dir", str(UPLOADS))
    out = capsys.readouterr().out
    assert (
        "6 drafts created, 0 linked to meetings already in the portal, 0 already imported, 0 edited since and kept, 1 skipped."
        in out
    )
    call_command("import_wordpress", str(WXR), "--media-dir", str(UPLOADS))
    assert (
        "0 drafts created, 0 linked to meetings already in the portal, 6 already imported"
        in capsys.readouterr().out
    )


@pytest.mark.django_db
def test_a_zip_is_not_unpacked_beyond_the_size_limit(monkeypatch, english):
    monkeypatch.setattr(services, "MAX_WXR_BYTES", 1000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("export.xml", b"<rss>" + b" " * 5000 + b"</rss>")
    with pytest.raises(WxrError, match="too large"):
        services.import_wxr(file=buffer.getvalue(), by=None)
    assert not ImportedPost.objects.exists()


@pytest.mark.django_db
def test_a_new_draft_costs_few_statements_and_leaves_one_version_with_its_organisers(records, editor):
    """Bench figure: ~27 SQL statements per post at first, then ~21 (one history version per draft, written once
    its organisers and countries are added, instead of one per save and per add(); the slug looked up once),
    now 18 (the version's memberships read as ids, without loading the meeting again from its history row; no
    look-up of translation rows for a record the database has just numbered)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from meetings.importing.lao_facts import Known

    known = Known.from_database()
    with CaptureQueriesContext(connection) as queries:
        report = run_import(by=editor, known=known)
    drafts = [r.meeting for r in report.results if r.outcome == services.CREATED]
    assert len(drafts) == 7
    assert len(queries.captured_queries) <= 18 * len(drafts), len(queries.captured_queries)
    with_organisers = 0
    for meeting in drafts:
        versions = list(meeting.history.all())
        assert [v.history_type for v in versions] == ["+"]
        assert versions[0].history_user == editor and versions[0].history_change_reason
        kept = {row.organisation_id for row in versions[0].organisers.all()}
        assert kept == set(meeting.organisers.values_list("pk", flat=True))
        assert {row.country_id for row in versions[0].countries.all()} == set(
            meeting.countries.values_list("pk", flat=True)
        )
        with_organisers += bool(kept)
    assert with_organisers >= 1  # the versions hold memberships, not just empty lists


@pytest.mark.django_db
def test_a_post_that_is_no_meeting_report_makes_a_draft_marked_as_such(records, capsys):
    """``--all`` (like an officer ticking it in the preview) makes a draft of the New Year greeting too: the
    draft's post is marked as not reading as a meeting report, and the command says so."""
    call_command("import_wordpress", str(WXR), "--media-dir", str(UPLOADS), "--all")
    out = capsys.readouterr().out
    assert "7 drafts created" in out
    greeting = ImportedPost.objects.get(title="ຂໍອວຍພອນບຸນປີໃໝ່ລາວ")
    assert greeting.meeting is not None and greeting.meeting_like is False
    assert set(ImportedPost.objects.exclude(pk=greeting.pk).values_list("meeting_like", flat=True)) == {True}
    assert out.count("does not look like a meeting report (the draft is marked as such)") == 1
    line = next(i for i, text in enumerate(out.splitlines()) if "ຂໍອວຍພອນບຸນປີໃໝ່ລາວ" in text)
    assert "does not look like a meeting report" in out.splitlines()[line + 1]


@pytest.mark.django_db
def test_a_pasted_text_that_is_no_meeting_report_is_marked(records, editor):
    meeting = services.import_text(
        title="ຂໍອວຍພອນບຸນປີໃໝ່ລາວ", text="ຂໍອວຍພອນໃຫ້ທຸກທ່ານມີຄວາມສຸກ ໃນໂອກາດບຸນປີໃໝ່ລາວ.", by=editor
    )
    assert meeting.imported_post.meeting_like is False
    report = services.import_text(
        title="ກອງປະຊຸມ", text=(FIXTURES / "posts" / "03-training-luang-prabang.lo.txt").read_text(), by=editor
    )
    assert report.imported_post.meeting_like is True


@pytest.mark.django_db
def test_posts_imported_before_the_mark_are_judged_by_the_migration(records, capsys):
    """Migration 0016 marks the posts imported before it by the same reader the import uses."""
    import importlib

    from django.apps import apps

    call_command("import_wordpress", str(WXR), "--media-dir", str(UPLOADS), "--all")
    ImportedPost.objects.update(meeting_like=True)  # as the field's default left every earlier post
    importlib.import_module("meetings.migrations.0016_importedpost_meeting_like").judge(apps, None)
    assert list(ImportedPost.objects.filter(meeting_like=False).values_list("title", flat=True)) == [
        "ຂໍອວຍພອນບຸນປີໃໝ່ລາວ"
    ]
    assert ImportedPost.objects.filter(meeting_like=True).count() == 6
