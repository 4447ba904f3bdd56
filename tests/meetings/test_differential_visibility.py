"""The differential leak test: for each kind of reader, every exit of the site (every public URL the URLconf
has, in Lao and English: pages, minutes PDFs as text, CSV, JSON, feeds, sitemap, search for words that occur
only in hidden records, statistics, summary report) is rendered once on a rich database and once after
everything that reader may not see has been deleted. The two renderings must be equal (after removing
volatile parts: CSRF tokens, CSP nonces, generation dates).

A reader who sees the same thing whether or not the hidden records exist learns nothing from them. Unlike a
list of forbidden words, this cannot be fooled by a leak the fixtures did not think of: a hidden follow-up
that changes a public status, a count, an organisation known only from an internal meeting all show up as a
difference. ``test_the_differential_test_finds_a_leak`` shows that it fails when one rule is weakened.
"""

from __future__ import annotations

import datetime
import re
import subprocess

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile

from meetings import models as m
from meetings import selectors, services
from meetings.rules import roles
from tests import factories as f
from tests.urlwalk import endpoints, fill, make_pdf

S, V = m.Meeting.Status, m.Meeting.Visibility
HIDDEN_WORDS = ("ZQXSECRETWORD", "ຄວາມລັບພິເສດ")  # only in records some readers may not see
READERS = ["anonymous", "partner", "staff_without_otp", "editor", "publisher"]


def _meeting(marker, status, visibility, day, **kw):
    return f.meeting(
        title_lo=f"ກອງປະຊຸມ {marker}",
        title_en=f"Meeting {marker}",
        summary_lo=f"ສະຫຼຸບ {marker}",
        summary_en=f"Summary {marker}",
        start_date=datetime.date(2024, 1 + day // 28, 1 + day % 28),
        status=status,
        visibility=visibility,
        **kw,
    )


@pytest.fixture
def file_store(request):
    """Where documents and rendered PDFs are kept: folders on this machine ("disk", the default), or a
    private bucket of an S3-compatible server (moto's server mode, tests/s3.py), as on several app nodes.
    Returns the S3 server, or ``None`` for folders."""
    if getattr(request, "param", "disk") == "s3":
        return request.getfixturevalue("s3")
    return None


@pytest.fixture
def rich(db, settings, file_store):
    """Meetings at every status × visibility, follow-ups across meetings in both directions, documents
    stricter than their meeting, people and organisations known only from hidden meetings."""
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "100000/m")
    ministry = f.organisation(name_en="Shared ministry", short_name_en="SM", slug="shared-ministry")
    unit = f.organisation(name_en="Shared ministry unit", slug="shared-unit", parent=ministry)
    f.organisation(name_en="Directory organisation", slug="directory-org")  # no record refers to it
    secret_parent = f.organisation(name_en="ZQXSECRETWORD parent", slug="secret-parent")
    secret_org = f.organisation(
        name_lo="ອົງການຄວາມລັບພິເສດ", name_en="ZQXSECRETWORD agency", slug="secret-agency", parent=secret_parent
    )
    official = f.person(name_en="Public official", slug="public-official", organisation=ministry)
    secret_person = f.person(
        name_lo="ທ່ານ ຄວາມລັບພິເສດ",
        name_en="ZQXSECRETWORD person",
        slug="secret-person",
        organisation=secret_org,
    )
    presenter = f.person(name_en="Partner presenter", slug="partner-presenter")
    programme = m.Programme(name_lo="ແຜນງານ", name_en="Shared programme", slug="shared-programme")
    programme.full_clean()
    programme.save()
    secret_programme = m.Programme(name_lo="ແຜນງານລັບ", name_en="ZQXSECRETWORD programme", slug="secret-prog")
    secret_programme.full_clean()
    secret_programme.save()

    meetings = {}
    day = 0
    for status in (S.PUBLISHED, S.DRAFT, S.IN_REVIEW, S.ARCHIVED):
        for visibility in (V.PUBLIC, V.PARTNERS, V.INTERNAL):
            day += 2
            marker = f"ZQX{status.upper()}{visibility.upper()}"
            public = (status, visibility) == (S.PUBLISHED, V.PUBLIC)
            secret = status != S.PUBLISHED or visibility == V.INTERNAL  # hidden from partners too
            meeting = _meeting(
                marker,
                status,
                visibility,
                day,
                organisers=[ministry, secret_org] if secret else [ministry],
                programme=secret_programme if secret else programme,
                attendance_total=20,
                attendance_women=8 if public else 20,
                attendance_online=4,
            )
            f.participation(meeting=meeting, person=official, role=m.Participation.Role.CHAIR)
            if secret:
                f.participation(meeting=meeting, person=secret_person, organisation=secret_org)
            if secret:
                meeting.summary_en += " ZQXSECRETWORD"
                meeting.summary_lo += " ຄວາມລັບພິເສດ"
                meeting.save()
            meetings[(status, visibility)] = meeting
    public = meetings[(S.PUBLISHED, V.PUBLIC)]
    partners = meetings[(S.PUBLISHED, V.PARTNERS)]
    internal = meetings[(S.PUBLISHED, V.INTERNAL)]
    draft = meetings[(S.DRAFT, V.PUBLIC)]
    later_public = _meeting("ZQXLATERPUBLIC", S.PUBLISHED, V.PUBLIC, 40, organisers=[unit])

    agenda = m.AgendaItem(
        meeting=partners, order=1, title_en="Partner report", title_lo="ລາຍງານ", presenter=presenter
    )
    agenda.full_clean()
    agenda.save()

    # Action items and follow-ups across meetings, in both directions.
    public_item = f.action_item(meeting=public, text_en="Public direction", responsible=[unit], due_date=None)
    internal_item = f.action_item(
        meeting=internal,
        text_en="ZQXSECRETWORD internal direction",
        text_lo="ຄວາມລັບພິເສດ",
        responsible=[secret_org],
    )
    partners_item = f.action_item(meeting=partners, text_en="Partners direction", responsible=[ministry])
    # recorded at the public meeting, about the internal meeting's item
    services.record_action_item_update(
        action_item=internal_item,
        meeting=later_public,
        status="in_progress",
        note_en="ZQXSECRETWORD progress",
    )
    # recorded at hidden meetings, about the public meeting's item: "dropped" must not change its status
    services.record_action_item_update(action_item=public_item, meeting=partners, status="in_progress")
    services.record_action_item_update(
        action_item=public_item, meeting=draft, status="dropped", note_en="ZQXSECRETWORD dropped"
    )
    # recorded at the later public meeting, about the partners meeting's item
    services.record_action_item_update(action_item=partners_item, meeting=later_public, status="done")

    # Documents: one following the meeting, two stricter than it.
    f.document(meeting=public, title_en="Public minutes", content=make_pdf("Public minutes"))
    for level, word in ((V.PARTNERS, "ZQXPARTNERWORD"), (V.INTERNAL, "ZQXSECRETWORD")):
        document = m.Document(
            meeting=public, title_lo="ເອກະສານລັບ", title_en=f"{word} document", visibility=level
        )
        document.file = ContentFile(make_pdf(word), name="restricted.pdf")
        document.full_clean()
        document.save()

    users = {
        "partner": f.user(role=roles.PARTNER, username="diff-partner"),
        "staff_without_otp": f.user(role=roles.EDITOR, username="diff-staff-no-otp"),
        "editor": f.user(role=roles.EDITOR, username="diff-editor"),
        "publisher": f.user(role=roles.PUBLISHER, username="diff-publisher"),
    }
    return {"meetings": meetings, "users": users, "public": public}


def _reader_settings(settings, who):
    # A staff account with a password only (no second factor) where the admin asks for one.
    settings.ADMIN_REQUIRE_OTP = who == "staff_without_otp"


def _records_for(endpoint):
    """Every stored record an endpoint can be about (visible or not: hidden ones must answer alike)."""
    model = endpoint.model
    if model is None:
        return [None]
    return list(model._default_manager.order_by("pk"))


def exit_urls() -> list[str]:
    """Every public exit, in both languages, with query strings that reach filters, search and reports."""
    from reports.minutes.editions import EDITIONS

    urls = []
    organisation_slugs = list(m.Organisation.objects.values_list("slug", flat=True))

    def add(url):
        if url not in urls:
            urls.append(url)

    for endpoint in endpoints():
        if endpoint.admin:
            continue
        name = (endpoint.name or "").split(":")[-1]
        for lang in ("lo", "en") if endpoint.i18n else ("lo",):
            if name == "minutes" and lang == "en":
                continue  # a PDF's language is its edition's, whatever the address's prefix
            for record in _records_for(endpoint) if endpoint.takes_record else [None]:
                url = fill(endpoint, record, lang=lang)
                if name == "minutes":
                    for edition in EDITIONS:
                        add(re.sub(r"/[^/]+\.pdf$", f"/{edition}.pdf", url))
                elif name == "export":
                    for dataset in ("meetings", "organisations", "people", "action-items"):
                        for fmt in ("csv", "json"):
                            add(re.sub(r"/[^/]+$", f"/{dataset}.{fmt}", url))
                else:
                    add(url)
                if name == "search":
                    for word in (*HIDDEN_WORDS, "ZQXPARTNERWORD", "Meeting", "ກອງປະຊຸມ"):
                        add(f"{url}?q={word}")
                    for slug in organisation_slugs:
                        add(f"{url}?q=Meeting&organisation={slug}")
                elif name == "meeting_list":
                    for slug in organisation_slugs:
                        add(f"{url}?organisation={slug}")
                elif name == "action_items":
                    for status in m.ActionItemStatus.values:
                        add(f"{url}?status={status}")
                elif name == "summary":
                    add(f"{url}?year=2024")
                    for slug in organisation_slugs[:3]:
                        add(f"{url}?year=2024&organisation={slug}")
    return urls


VOLATILE = [
    re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"'),
    re.compile(r'nonce="[^"]*"'),
    re.compile(r"nonce-[A-Za-z0-9+/=_-]+"),
    re.compile(r"DTSTAMP:[0-9TZ]+"),  # iCalendar: when the file was made
]


def _normalise(text: str) -> str:
    for pattern in VOLATILE:
        text = pattern.sub("", text)
    return text


def _readable(response) -> str:
    """What a reader gets: the text of a page or export, the text layer of a PDF (not its bytes, which carry
    a creation date)."""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if raw.startswith(b"%PDF-"):
        extracted = subprocess.run(["pdftotext", "-", "-"], input=raw, capture_output=True, check=True)
        return "%PDF " + extracted.stdout.decode()
    return raw.decode("utf-8", errors="replace")


def render_all(client, urls) -> dict[str, tuple[int, str, str]]:
    out = {}
    for url in urls:
        response = client.get(url)
        out[url] = (response.status_code, response.get("Location", ""), _normalise(_readable(response)))
    return out


def delete_what_reader_may_not_see(user) -> dict[str, int]:
    """Delete every record ``user`` may not see (the "copy" of the database that reader's view must equal).
    What is hidden is decided on the full database first, then deleted."""
    hidden = {
        "meetings": list(m.Meeting.objects.exclude(pk__in=m.Meeting.objects.visible_to(user).values("pk"))),
        "documents": list(
            m.Document.objects.exclude(pk__in=m.Document.objects.visible_to(user).values("pk"))
        ),
        "follow_ups": list(
            m.ActionItemUpdate.objects.exclude(
                pk__in=m.ActionItemUpdate.objects.visible_to(user).values("pk")
            )
        ),
        "people": list(m.Person.objects.exclude(pk__in=selectors.people(user).values("pk"))),
        "programmes": list(m.Programme.objects.exclude(pk__in=selectors.programmes(user).values("pk"))),
        "organisations": list(
            m.Organisation.objects.exclude(pk__in=selectors.organisations(user).values("pk"))
        ),
    }
    m.ActionItemUpdate.objects.filter(pk__in=[u.pk for u in hidden["follow_ups"]]).delete()
    m.Document.objects.filter(pk__in=[d.pk for d in hidden["documents"]]).delete()
    m.Meeting.objects.filter(pk__in=[x.pk for x in hidden["meetings"]]).delete()
    m.Person.objects.filter(pk__in=[p.pk for p in hidden["people"]]).delete()
    m.Programme.objects.filter(pk__in=[p.pk for p in hidden["programmes"]]).delete()
    orgs = hidden["organisations"]
    while orgs:  # units before their parents (a parent is protected while it has units)
        leaves = [o for o in orgs if not m.Organisation.objects.filter(parent=o).exists()]
        assert leaves, "a hidden organisation has a visible unit"
        m.Organisation.objects.filter(pk__in=[o.pk for o in leaves]).delete()
        orgs = [o for o in orgs if o not in leaves]
    return {kind: len(records) for kind, records in hidden.items()}


def _client_for(client, rich, who):
    if who == "anonymous":
        return client, AnonymousUser()
    user = rich["users"][who]
    client.force_login(user)
    request_user = client.get("/lo/").wsgi_request.user  # the user as the middleware sets it up (OTP)
    return client, request_user


def _differences(before, after) -> list[str]:
    problems = []
    for url, seen in before.items():
        again = after[url]
        if seen != again:
            problems.append(f"{url}: {seen[0]} {len(seen[2])} chars / {again[0]} {len(again[2])} chars")
    return problems


def _bucket_keys(file_store, prefix: str) -> list[str]:
    answer = file_store.client().list_objects_v2(Bucket=file_store.bucket, Prefix=prefix)
    return [o["Key"] for o in answer.get("Contents", [])]


@pytest.mark.parametrize("file_store", ["disk", "s3"], indirect=True)
@pytest.mark.parametrize("who", READERS)
def test_every_exit_is_the_same_without_what_the_reader_may_not_see(client, rich, settings, who, file_store):
    _reader_settings(settings, who)
    client, user = _client_for(client, rich, who)
    expected_audience = {"anonymous": "public", "partner": "partners", "staff_without_otp": "partners"}
    assert m.audience_of(user) == expected_audience.get(who, "staff")
    urls = exit_urls()
    kinds = {
        "pdf": any(u.endswith(".pdf") for u in urls),
        "csv": any(u.endswith(".csv") for u in urls),
        "json": any(u.endswith(".json") for u in urls),
        "feed": any("feed" in u or u.endswith(".ics") for u in urls),
        "sitemap": any("sitemap" in u for u in urls),
        "search": any("q=ZQXSECRETWORD" in u for u in urls),
        "summary": any("year=2024" in u for u in urls),
    }
    assert all(kinds.values()), kinds
    before = render_all(client, urls)
    rendered_pdfs = [u for u, (code, _loc, body) in before.items() if code == 200 and body.startswith("%PDF")]
    assert rendered_pdfs, "no PDF was rendered: the test would not see a PDF leak"
    if file_store is not None:  # the documents and the rendered PDFs really are in the bucket
        assert _bucket_keys(file_store, "media/") and _bucket_keys(file_store, "reports-cache/")
        downloads = [u for u, (code, _l, _b) in before.items() if "/download/" in u and code == 200]
        assert downloads, "documents were downloaded from the bucket"
    if who in ("editor", "publisher"):
        # Not vacuous: staff do see the hidden words through search, pages and PDFs.
        assert any("ZQXSECRETWORD" in body for _code, _loc, body in before.values())
        assert set(delete_what_reader_may_not_see(user).values()) == {0}  # staff may see everything
        return
    counts = delete_what_reader_may_not_see(user)
    assert all(counts[k] > 0 for k in counts), counts  # the fixture really hides something of each kind
    after = render_all(client, urls)
    assert _differences(before, after) == []
    # and, as a plain check beside it, no hidden word anywhere (but in a search page that repeats the query)
    assert not any("ZQXSECRETWORD" in body for url, (_c, _l, body) in after.items() if "ZQXSECRET" not in url)


def test_the_differential_test_finds_a_leak(client, rich, settings, monkeypatch):
    """Weaken one rule (follow-ups checked only at the meeting where they were recorded, as the minutes once
    did): the public minutes and meeting page then differ from the copy without hidden records."""
    from meetings.models import ActionItemUpdateQuerySet, MeetingChildQuerySet

    monkeypatch.setattr(ActionItemUpdateQuerySet, "visible_to", MeetingChildQuerySet.visible_to)
    _reader_settings(settings, "anonymous")
    later = m.Meeting.objects.get(title_en="Meeting ZQXLATERPUBLIC")
    urls = [u for u in exit_urls() if later.slug in u]
    assert any(u.endswith(".pdf") for u in urls) and any("/meetings/" in u for u in urls)
    before = render_all(client, urls)
    delete_what_reader_may_not_see(AnonymousUser())
    after = render_all(client, urls)
    assert _differences(before, after) != []
