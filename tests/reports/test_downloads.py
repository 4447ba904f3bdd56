"""Downloading minutes: visibility, the cache, streaming and file names."""

import datetime
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings import models as m
from meetings.rules import roles
from portal.ops.files import reports as reports_storage
from portal.ops.locks import lock_key
from reports import minutes as services
from tests import factories


@pytest.fixture
def renders(monkeypatch):
    """Counts real renders (the cache calls services.render_minutes only when it has no PDF)."""
    calls = []
    real = services.render_minutes

    def counting(meeting, edition, *, audience):
        calls.append((meeting.pk, edition))
        return real(meeting, edition, audience=audience)

    monkeypatch.setattr(services, "render_minutes", counting)
    return calls


def url(meeting, edition, lang="lo"):
    from django.utils import translation

    with translation.override(lang):
        return reverse("reports:minutes", kwargs={"slug": meeting.slug, "edition": edition})


def download(client, meeting, edition="lo", **params):
    response = client.get(url(meeting, edition), params)
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response, body


@pytest.mark.django_db
@pytest.mark.parametrize("edition", ["lo", "en", "bilingual"])
def test_download_streams_a_pdf_with_names_in_both_scripts(client, demo, edition, renders):
    meeting = demo[0]
    response, body = download(client, meeting, edition)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/pdf"
    assert body.startswith(b"%PDF") and len(body) == int(response["Content-Length"])
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; ")
    assert f'filename="minutes-{meeting.slug}-{edition}.pdf"' in disposition
    unicode_name = unquote(disposition.split("filename*=UTF-8''", 1)[1])
    assert meeting.start_date.isoformat() in unicode_name and unicode_name.endswith(".pdf")
    if edition == "en":
        assert unicode_name.startswith("Minutes of the meeting 2024-02-15 ASEAN-ACT")
    else:
        assert unicode_name.startswith("ບົດບັນທຶກກອງປະຊຸມ 2024-02-15 ກອງປະຊຸມ")
    assert renders == [(meeting.pk, edition)]


@pytest.mark.django_db
def test_preview_is_inline(client, demo):
    response, _ = download(client, demo[0], "en", preview="1")
    assert response["Content-Disposition"].startswith("inline; ")


@pytest.mark.django_db
def test_second_download_comes_from_storage_and_any_edit_renders_again(client, demo, renders):
    edits_render_again(client, demo[0], renders)


@pytest.mark.django_db(transaction=True)
def test_any_committed_edit_renders_again(client, demo, renders):
    """The same outside a test's transaction, where the content stamp is kept per content version
    (reports/minutes, once_per_content_version): every committed change still gives a fresh PDF."""
    edits_render_again(client, demo[0], renders)


def edits_render_again(client, meeting, renders):
    _, first = download(client, meeting)
    _, second = download(client, meeting)
    assert renders == [(meeting.pk, "lo")], "an unchanged meeting must not be rendered twice"
    assert first == second

    item = meeting.action_items.order_by("order").first()
    item.text_lo = "ຮັບຮອງປຶ້ມຄູ່ມືສະບັບໃໝ່"
    item.save()
    _, third = download(client, meeting)
    assert len(renders) == 2
    assert third != second

    # unchanged again: from storage
    download(client, meeting)
    assert len(renders) == 2

    # each kind of related change makes the next download fresh
    changes = [
        lambda: item.responsible.set([factories.organisation()]),  # M2M: no updated_at
        lambda: meeting.organisers.remove(meeting.organisers.first()),  # M2M on the meeting
        lambda: factories.participation(meeting=meeting, person=factories.person()),
        lambda: meeting.participations.order_by("-pk").first().delete(),
        lambda: m.Organisation.objects.filter(pk=item.responsible.first().pk).update(
            name_lo="ຊື່ໃໝ່", updated_at=datetime.datetime.now(datetime.UTC)
        ),
        lambda: factories.action_item(meeting=meeting, text_lo="ທິດຊີ້ນຳໃໝ່"),
    ]
    for number, change in enumerate(changes, start=3):
        change()
        download(client, meeting)
        assert len(renders) == number, f"change {number - 2} did not refresh the PDF"
    # only the current version is kept
    files = list(Path(settings.REPORTS_CACHE_ROOT).rglob("*.pdf"))
    assert len(files) == 1


@pytest.mark.django_db
def test_editions_are_cached_separately(client, demo, renders):
    meeting = demo[1]
    for edition in ("lo", "en", "bilingual", "lo", "en", "bilingual"):
        download(client, meeting, edition)
    assert sorted(renders) == sorted([(meeting.pk, e) for e in ("lo", "en", "bilingual")])


@pytest.mark.django_db
def test_cached_download_queries_do_not_grow_with_rows(client, demo):
    small = factories.meeting()
    big = demo[0]
    for _ in range(30):
        factories.participation(meeting=big, person=factories.person())
    for meeting in (small, big):
        download(client, meeting)  # fill the cache
    counts = []
    for meeting in (small, big):
        with CaptureQueriesContext(connection) as queries:
            response, _ = download(client, meeting)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 2  # the meeting, and the content fingerprint


@pytest.mark.django_db
def test_rendering_queries_do_not_grow_with_rows(demo):
    meeting = demo[0]
    with CaptureQueriesContext(connection) as before:
        services.minutes_html(meeting, "bilingual", audience="staff")
    for _ in range(20):
        factories.participation(
            meeting=meeting, person=factories.person(organisation=factories.organisation())
        )
        factories.action_item(meeting=meeting, responsible=[factories.organisation()])
    with CaptureQueriesContext(connection) as after:
        services.minutes_html(meeting, "bilingual", audience="staff")
    assert len(after) == len(before)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "visibility", "who", "expected"),
    [
        ("draft", "public", "anonymous", 404),
        ("review", "public", "partner", 404),
        ("published", "partners", "anonymous", 404),
        ("published", "partners", "partner", 200),
        ("published", "internal", "partner", 404),
        ("published", "internal", "staff", 200),
        ("draft", "internal", "staff", 200),
    ],
)
def test_minutes_only_for_meetings_visible_to_the_user(client, status, visibility, who, expected, renders):
    meeting = factories.meeting(status=status, visibility=visibility)
    if who != "anonymous":
        role = {"partner": roles.PARTNER, "staff": roles.EDITOR}[who]
        client.force_login(factories.user(role=role, username=who))
    for edition in ("lo", "en", "bilingual"):
        response, _ = download(client, meeting, edition)
        assert response.status_code == expected
    if expected == 404:
        assert renders == [], "nothing may be rendered for a meeting the user cannot see"


@pytest.mark.django_db
def test_unknown_edition_and_meeting_are_404(client, demo):
    assert client.get(f"/lo/reports/minutes/{demo[0].slug}/fr.pdf").status_code == 404
    assert client.get("/lo/reports/minutes/no-such-meeting/lo.pdf").status_code == 404
    assert client.post(url(demo[0], "lo")).status_code == 405


@pytest.mark.django_db
def test_a_file_removed_by_a_concurrent_render_is_looked_up_again(demo, monkeypatch, renders):
    meeting = demo[0]
    services.minutes_pdf(meeting=meeting, edition="en", audience="staff")
    real = services.minutes_pdf
    calls = []

    def racing(**kwargs):
        pdf = real(**kwargs)
        if not calls:  # another worker removes this version right after the look-up
            reports_storage().delete(pdf.name)
        calls.append(pdf)
        return pdf

    monkeypatch.setattr(services, "minutes_pdf", racing)
    with services.open_minutes_pdf(meeting=meeting, edition="en", audience="staff") as handle:
        assert handle.read(4) == b"%PDF"
    assert len(calls) == 2 and len(renders) == 2


def stored_bytes(name: str) -> bytes:
    with reports_storage().open(name, "rb") as handle:
        return handle.read()


def other_session():
    """A second database session, as another worker or app node has."""
    import psycopg2

    db = connection.settings_dict
    return psycopg2.connect(
        dbname=db["NAME"], user=db["USER"], password=db["PASSWORD"], host=db["HOST"], port=db["PORT"]
    )


@pytest.fixture
def slow_render(demo, monkeypatch):
    """A render that takes a while and is counted, for the PDF of one fixed name (no records read in the
    threads; each thread takes the render lock on its own database connection)."""
    meeting = demo[0]
    path = services.minutes_cache_path(meeting, "en", audience="public")
    monkeypatch.setattr(services, "minutes_cache_path", lambda *args, **kwargs: path)
    calls = []

    def render(meeting, edition, *, audience):
        calls.append(edition)
        time.sleep(0.4)
        return b"%PDF-1.7 rendered once"

    monkeypatch.setattr(services, "render_minutes", render)
    return meeting, path, calls


@pytest.mark.django_db
def test_concurrent_downloads_of_a_pdf_not_stored_yet_render_it_once(slow_render):
    meeting, path, calls = slow_render

    def fetch(_):
        try:
            return services.minutes_pdf(meeting=meeting, edition="en", audience="public")
        finally:
            connection.close()  # this thread's own session, which took (or waited for) the render lock

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(fetch, range(4)))
    assert calls == ["en"], "the readers who asked meanwhile waited for the one render"
    assert sorted(result.rendered for result in results) == [False, False, False, True]
    assert all(result.name == path and result.stored for result in results)
    assert stored_bytes(path) == b"%PDF-1.7 rendered once"


@pytest.mark.django_db
def test_a_render_lock_held_too_long_never_stops_the_download(slow_render, settings, caplog):
    meeting, path, calls = slow_render
    settings.REPORTS_RENDER_WAIT_SECONDS = 0.2
    stuck = other_session()  # a worker (on any node) stuck inside its render holds the lock
    with stuck.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [lock_key(f"minutes-pdf:{path}")])
        try:
            pdf = services.minutes_pdf(meeting=meeting, edition="en", audience="public")
        finally:
            stuck.close()
    assert pdf.rendered and calls == ["en"] and stored_bytes(path) == b"%PDF-1.7 rendered once"
    assert "held too long" in caplog.text


# --- File names: one per edition; only letters, digits, spaces, dots and dashes ---------------------------
def _saved_name(response) -> str:
    return unquote(response["Content-Disposition"].split("filename*=UTF-8''", 1)[1])


@pytest.mark.django_db
def test_the_three_editions_download_under_distinct_names_that_keep_lao_letters(client, demo):
    meeting = demo[0]
    names = {
        edition: _saved_name(download(client, meeting, edition)[0]) for edition in ("lo", "en", "bilingual")
    }
    assert len(set(names.values())) == 3, names
    assert (
        names["lo"]
        == f"ບົດບັນທຶກກອງປະຊຸມ 2024-02-15 {names['lo'].split(' ', 2)[2].rsplit(' - ', 1)[0]} - ພາສາລາວ.pdf"
    )
    assert names["lo"].endswith(" - ພາສາລາວ.pdf") and "ກອງປະຊຸມ" in names["lo"]
    assert names["bilingual"].endswith(" - ພາສາລາວ ແລະ ພາສາອັງກິດ.pdf")
    assert names["en"].startswith("Minutes of the meeting 2024-02-15 ASEAN-ACT") and names["en"].endswith(
        " - English.pdf"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("edition", ["lo", "en", "bilingual"])
def test_markup_in_a_title_never_reaches_the_file_name(client, edition):
    from reports.pdf.downloads import safe_name

    # stored without full_clean() (as an old record or a bulk import could be): the name still drops it
    meeting = m.Meeting.objects.create(
        title_lo="ກອງປະຊຸມ <script>alert('xss')</script> <img src=x onerror=alert(2)>",
        title_en="Meeting <script>alert('xss')</script> <img src=x onerror=alert(2)>",
        start_date=datetime.date(2024, 3, 1),
        status=m.Meeting.Status.PUBLISHED,
    )
    name = _saved_name(download(client, meeting, edition)[0])
    assert not set(name) & set("<>'\"()=/\\;:"), name
    assert all(c.isalnum() or c in " .-" or unicodedata.category(c).startswith("M") for c in name), name
    assert safe_name("a/b\\c: <d> (e) «f» ‘g’ 1.5 ກິ-ແກ້ວ") == "abc d e f g 1.5 ກິ-ແກ້ວ"
