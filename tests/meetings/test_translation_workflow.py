"""Translation workflow: what to translate, export -> fill in -> import with preview, refusals, bad files."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook, load_workbook

from meetings import models as m
from meetings.translations import workflow as tw
from tests import factories as f

OVERVIEW = "/admin/meetings/translationsync/"
EXPORT = OVERVIEW + "export/"
IMPORT = OVERVIEW + "import/"


@pytest.fixture
def officer(db):
    return get_user_model().objects.create_superuser("officer", password="a-long-test-password-91")


@pytest.fixture
def admin_client(client, officer):
    client.force_login(officer)
    return client


def tasks_for(obj, user):
    return {
        (t.field, t.target_lang, t.reason)
        for t in tw.translation_tasks(user)
        if t.pk == obj.pk and t.model is type(obj)
    }


def edit(obj, **values):
    obj = type(obj).objects.get(pk=obj.pk)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()
    return obj


# --- what needs translating ---------------------------------------------------------------------------
def test_missing_and_older_texts_are_found_per_field_and_language(officer):
    meeting = f.meeting(title_lo="ກອງປະຊຸມ ກ", title_en="Meeting A", venue_lo="ວຽງຈັນ")
    assert tasks_for(meeting, officer) == {("venue", "en", "missing")}

    meeting = edit(meeting, title_lo="ກອງປະຊຸມ ກ (ສະບັບປັບປຸງ)")  # Lao edited: English now older
    assert ("title", "en", "outdated") in tasks_for(meeting, officer)

    meeting = edit(meeting, title_en="Meeting A (revised)", venue_en="Vientiane")  # both fixed
    assert tasks_for(meeting, officer) == set()

    meeting = edit(meeting, title_en="Meeting A (revised again)")  # English edited: Lao now older
    assert tasks_for(meeting, officer) == {("title", "lo", "outdated")}

    meeting = edit(meeting, title_lo="ກອງປະຊຸມ ກ ສະບັບໃໝ່", title_en="Meeting A, new version")  # one save
    assert tasks_for(meeting, officer) == set()

    only_english = f.organisation(name_lo="", name_en="Walk Free") if False else None  # name_lo is required
    assert only_english is None
    org = f.organisation(name_lo="ອົງການ ຂ", name_en="Organisation B", short_name_en="OB")
    assert tasks_for(org, officer) == {("short_name", "lo", "missing")}


def test_the_overview_lists_the_fields_and_its_queries_do_not_grow_with_records(admin_client, officer):
    f.meeting(title_lo="ກອງປະຊຸມ ບໍ່ມີພາສາອັງກິດ", title_en="")
    page = admin_client.get(OVERVIEW)
    assert page.status_code == 200
    html = page.content.decode()
    assert "ກອງປະຊຸມ ບໍ່ມີພາສາອັງກິດ" in html and 'id="translation-tasks"' in html
    with CaptureQueriesContext(connection) as few:
        admin_client.get(OVERVIEW)
    for n in range(12):
        f.meeting(title_lo=f"ກອງປະຊຸມ {n}", title_en="", summary_lo="ສະຫຼຸບ")
    admin_client.get(OVERVIEW)  # the content version moved: the signed-in user is loaded into the cache again
    with CaptureQueriesContext(connection) as many:
        page = admin_client.get(OVERVIEW)
    assert page.content.decode().count('class="task-missing"') >= 25
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_index_links_to_the_translations_in_lao(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert OVERVIEW in html and "ການແປທີ່ຕ້ອງເຮັດ" in html


# --- export -> fill in -> import ----------------------------------------------------------------------
def export(client, query=""):
    response = client.get(EXPORT + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def fill(wb, translations):
    """Fill in the column "new translation" as a translator would: {source text: translation}."""
    ws = wb["translations"]
    header = [str(c.value).rsplit("/", 1)[-1].strip() for c in ws[1]]
    src, new = header.index("source text") + 1, header.index("new translation") + 1
    for row in range(2, ws.max_row + 1):
        text = ws.cell(row, src).value
        if text in translations:
            ws.cell(row, new).value = translations[text]
    return wb


def upload(client, wb_or_bytes, name="translations.xlsx"):
    if isinstance(wb_or_bytes, bytes):
        data = wb_or_bytes
    else:
        buf = io.BytesIO()
        wb_or_bytes.save(buf)
        data = buf.getvalue()
    file = io.BytesIO(data)
    file.name = name
    return client.post(IMPORT, {"file": file})


def confirm(client, preview):
    return client.post(IMPORT, {"payload": preview.context["payload"]}, follow=True)


def test_round_trip_export_fill_in_import(admin_client, officer):
    a = f.meeting(title_lo="ກອງປະຊຸມທົບທວນປະຈຳປີ", title_en="", venue_lo="ນະຄອນຫຼວງວຽງຈັນ")
    b = f.meeting(title_lo="ກອງປະຊຸມປະສານງານ", title_en="Coordination meeting")
    b = edit(b, title_lo="ກອງປະຊຸມປະສານງານ ຄັ້ງທີ 2")
    wb = export(admin_client, "?to=en")
    assert wb["translations"].max_row == 4  # header + a.title, a.venue, b.title
    fill(
        wb,
        {
            "ກອງປະຊຸມທົບທວນປະຈຳປີ": "Annual review meeting",
            "ກອງປະຊຸມປະສານງານ ຄັ້ງທີ 2": "Second coordination meeting",
        },
    )

    preview = upload(admin_client, wb)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert (
        "Annual review meeting" in html
        and "Second coordination meeting" in html
        and "Coordination meeting" in html
    )
    assert preview.context["plan"].skipped == 1  # the venue row was left empty
    a.refresh_from_db(), b.refresh_from_db()
    assert a.title_en == "" and b.title_en == "Coordination meeting"  # the preview writes nothing

    done = confirm(admin_client, preview)
    assert done.status_code == 200
    assert "2" in " ".join(str(msg) for msg in get_messages(done.wsgi_request))
    a.refresh_from_db(), b.refresh_from_db()
    assert a.title_en == "Annual review meeting" and b.title_en == "Second coordination meeting"
    assert tasks_for(a, officer) == {("venue", "en", "missing")}
    assert tasks_for(b, officer) == set()  # imported English agrees with the Lao it was made from


def test_text_changed_since_the_export_is_reported_never_overwritten(admin_client):
    a = f.meeting(title_lo="ກອງປະຊຸມ ກ", title_en="")
    b = f.meeting(title_lo="ກອງປະຊຸມ ຂ", title_en="")
    wb = fill(export(admin_client), {"ກອງປະຊຸມ ກ": "Meeting A", "ກອງປະຊຸມ ຂ": "Meeting B"})
    edit(a, title_lo="ກອງປະຊຸມ ກ ແກ້ໄຂແລ້ວ")  # the source changed after the export
    edit(b, title_en="Meeting B, typed in the admin")  # the target was filled in meanwhile

    preview = upload(admin_client, wb)
    plan = preview.context["plan"]
    assert plan.changes == [] and len(plan.refused) == 2
    html = preview.content.decode()
    assert "ຂໍ້ຄວາມຖືກປ່ຽນແປງໃນລະບົບຫຼັງຈາກການສົ່ງອອກ" in html and "changed in the portal after the export" in html
    a.refresh_from_db(), b.refresh_from_db()
    assert a.title_en == "" and b.title_en == "Meeting B, typed in the admin"


def test_a_change_between_preview_and_confirmation_is_not_overwritten(admin_client):
    a = f.meeting(title_lo="ກອງປະຊຸມ ກ", title_en="")
    b = f.meeting(title_lo="ກອງປະຊຸມ ຂ", title_en="")
    preview = upload(
        admin_client, fill(export(admin_client), {"ກອງປະຊຸມ ກ": "Meeting A", "ກອງປະຊຸມ ຂ": "Meeting B"})
    )
    assert len(preview.context["plan"].changes) == 2
    edit(a, title_en="Meeting A (by an officer)")
    done = confirm(admin_client, preview)
    warnings = [str(msg) for msg in get_messages(done.wsgi_request)]
    assert any("after the export" in w for w in warnings)
    a.refresh_from_db(), b.refresh_from_db()
    assert a.title_en == "Meeting A (by an officer)" and b.title_en == "Meeting B"


def snapshot():
    return sorted(m.Meeting.objects.values_list("pk", "title_lo", "title_en", "updated_at"))


def workbook(rows, header=None):
    wb = Workbook()
    ws = wb.active
    ws.title = "translations"
    ws.append(header or [tw.heading(k) for k in tw.COLUMN_KEYS])
    for row in rows:
        ws.append(row)
    return wb


def refused(client, file, *expected):
    before = snapshot()
    response = upload(client, file)
    assert response.status_code == 302 and response["Location"] == OVERVIEW
    errors = [str(msg) for msg in get_messages(response.wsgi_request)]
    for text in expected:
        assert any(text in e for e in errors), (text, errors)
    assert all(" / " in e for e in errors)  # every message in Lao and English
    assert snapshot() == before
    return errors


def test_malformed_spreadsheets_are_refused_whole_with_bilingual_errors(admin_client):
    a = f.meeting(title_lo="ກອງປະຊຸມ ກ", title_en="")
    good = fill(export(admin_client), {"ກອງປະຊຸມ ກ": "Meeting A"})
    version = good["translations"].cell(2, 5).value

    refused(admin_client, b"", "The file is empty.", "ໄຟລ໌ເປົ່າ")
    refused(admin_client, b"id,field\n1,title\n", "not an Excel spreadsheet", "ບໍ່ແມ່ນ")
    refused(admin_client, b"PK\x03\x04 broken zip", "not an Excel spreadsheet")
    refused(admin_client, workbook([]), "no rows to import")
    refused(
        admin_client,
        workbook([["x"]], header=["id", "text"]),
        "The columns are not those of an export",
        "Missing: field",
    )
    refused(
        admin_client,
        workbook(
            [
                [f"meetings.meeting:{a.pk}", "title", "lo", "en", version, "", "ກອງປະຊຸມ ກ", "", "Meeting A"],
                ["meetings.meeting:999999", "title", "lo", "en", version, "", "", "", "Ghost meeting"],
                ["auth.user:1", "title", "lo", "en", version, "", "", "", "Not a record"],
                [f"meetings.meeting:{a.pk}", "password", "lo", "en", version, "", "", "", "x"],
            ]
        ),
        "Row 3: unknown record id “meetings.meeting:999999”",
        "Row 4: unknown record id",
        "Row 5: unknown field “password”",
    )
    a.refresh_from_db()
    assert a.title_en == ""  # the valid first row was not written either

    tampered = admin_client.post(IMPORT, {"payload": "not-a-signed-payload"})
    assert tampered.status_code == 302
    assert any("upload the file again" in str(msg) for msg in get_messages(tampered.wsgi_request))
    assert admin_client.get(IMPORT).status_code == 405


def test_a_translation_longer_than_the_field_is_refused(admin_client):
    a = f.meeting(title_lo="ກອງປະຊຸມ ກ", title_en="")
    refused(admin_client, fill(export(admin_client), {"ກອງປະຊຸມ ກ": "x" * 401}), "longer than 400 characters")
    a.refresh_from_db()
    assert a.title_en == ""


def test_visibility_and_permissions(client, db):
    """Staff without change permission see the list but cannot write; anonymous users are sent to log in."""
    f.meeting(title_lo="ກອງປະຊຸມ ກ", title_en="")
    assert client.get(OVERVIEW).status_code == 302
    clerk = get_user_model().objects.create_user("clerk", password="a-long-test-password-91", is_staff=True)
    client.force_login(clerk)
    assert client.get(OVERVIEW).status_code == 200
    wb = fill(export(client), {"ກອງປະຊຸມ ກ": "Meeting A"})
    preview = upload(client, wb)
    plan = preview.context["plan"]
    assert plan.changes == [] and "You may not change this kind of record" in plan.refused[0][2]


FORMULA_LIKE = ['=HYPERLINK("http://evil.example","ກົດ")', "+856 20 5555", "-ຕິດຕາມ", "@ກອງປະຊຸມ"]


def test_record_text_is_exported_as_text_never_as_a_formula(admin_client):
    for text in FORMULA_LIKE:
        f.meeting(title_lo=text, title_en="")
    # A saved text never starts with a tab or a carriage return (they are trimmed); a bulk write can.
    for text in ("\tກອງປະຊຸມ", "\rກອງປະຊຸມ"):
        m.Meeting.objects.filter(pk=f.meeting(title_en="").pk).update(title_lo=text)
    ws = export(admin_client, "?to=en")["translations"]
    header = [str(c.value).rsplit("/", 1)[-1].strip() for c in ws[1]]
    source = header.index("source text")
    cells = {row[source].value: row[source] for row in ws.iter_rows(min_row=2)}
    expected = [*FORMULA_LIKE, "\tກອງປະຊຸມ", "\rກອງປະຊຸມ"]
    assert set(expected) <= set(cells)  # the text itself, with nothing added
    # Text with the quote prefix (the apostrophe of a typed cell): shown as text, and still text when edited.
    assert {text: (cells[text].data_type, cells[text].quotePrefix) for text in expected} == dict.fromkeys(
        expected, ("s", True)
    )
    ordinary = [c for row in ws.iter_rows(min_row=2) for c in row if c.value and c.value not in expected]
    assert ordinary and not any(c.quotePrefix for c in ordinary)  # ids, versions, labels: as they are


def test_formula_like_texts_come_back_unchanged_through_export_and_import(admin_client):
    meeting = f.meeting(title_lo="=ກອງປະຊຸມ", title_en="", venue_lo="-ວຽງຈັນ")
    wb = fill(export(admin_client, "?to=en"), {"=ກອງປະຊຸມ": "=Meeting", "-ວຽງຈັນ": "-Vientiane"})
    for row in wb["translations"].iter_rows(min_row=2):
        if row[-1].value == "=Meeting":  # typed as '=Meeting: Excel keeps the text, with the quote prefix
            row[-1].data_type, row[-1].quotePrefix = "s", True
    preview = upload(admin_client, wb)
    assert sorted((c.field, c.new) for c in preview.context["plan"].changes) == [
        ("title", "=Meeting"),
        ("venue", "-Vientiane"),
    ]
    confirm(admin_client, preview)
    meeting.refresh_from_db()
    assert (meeting.title_lo, meeting.title_en, meeting.venue_lo, meeting.venue_en) == (
        "=ກອງປະຊຸມ",
        "=Meeting",
        "-ວຽງຈັນ",
        "-Vientiane",
    )
