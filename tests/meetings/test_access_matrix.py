"""The access matrix: EVERY URL of the site (walked from the URLconf), for anonymous, partner, editor,
publisher and administrator users, against public, partners-only, internal, draft, in-review and archived
meetings and documents more restricted than their meeting.

A record a user may not see answers 404, and no restricted title appears in any response (pages, feeds,
sitemap, exports, PDFs decoded with pdftotext). Each restricted record carries a marker word (ZQX...) in
its Lao and English text, its items and its documents, so a leak anywhere is caught.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile

from meetings import models as m
from meetings.rules import roles
from tests import factories as f
from tests.urlwalk import CannotFill, body_text, endpoints, fill, make_pdf

S, V = m.Meeting.Status, m.Meeting.Visibility
USERS = ["anonymous", "partner", "editor", "publisher", "administrator"]
MEETINGS = {
    # marker: (status, visibility)
    "ZQXPUBLIC": (S.PUBLISHED, V.PUBLIC),
    "ZQXPARTNERS": (S.PUBLISHED, V.PARTNERS),
    "ZQXINTERNAL": (S.PUBLISHED, V.INTERNAL),
    "ZQXDRAFT": (S.DRAFT, V.PUBLIC),
    "ZQXREVIEW": (S.IN_REVIEW, V.PUBLIC),
    "ZQXARCHIVED": (S.ARCHIVED, V.PUBLIC),
}
# Documents stricter than their (public) meeting.
STRICT_DOCUMENTS = {"ZQXDOCPARTNERS": V.PARTNERS, "ZQXDOCINTERNAL": V.INTERNAL}
SEARCH_WORD = "ລັບສະເພາະ"  # in every fixture meeting's Lao title, so a search finds them all


@pytest.fixture
def world(db, settings):
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "100000/m")
    organisation = f.organisation(name_en="Matrix ministry", slug="matrix-ministry")
    person = f.person(name_en="Matrix official", slug="matrix-official", organisation=organisation)
    programme = m.Programme(name_lo="ແຜນງານ", name_en="Matrix programme", slug="matrix-programme")
    programme.full_clean()
    programme.save()
    records = {"meetings": {}, "children": [], "documents": {}}
    for day, (marker, (status, visibility)) in enumerate(MEETINGS.items(), start=1):
        meeting = f.meeting(
            title_lo=f"ກອງປະຊຸມ{SEARCH_WORD} {marker}",
            title_en=f"Meeting {marker}",
            summary_lo=f"ສະຫຼຸບ {marker}",
            summary_en=f"Summary {marker}",
            start_date=datetime.date(2024, 2, day),
            status=status,
            visibility=visibility,
            organisers=[organisation],
            programme=programme,
        )
        records["meetings"][marker] = meeting
        f.participation(meeting=meeting, person=person, position_en=f"Position {marker}")
        item = m.AgendaItem(meeting=meeting, order=1, title_lo=f"ວາລະ {marker}", title_en=f"Agenda {marker}")
        item.full_clean()
        item.save()
        records["children"].append((marker, item))
        action = f.action_item(meeting=meeting, text_lo=f"ມະຕິ {marker}", text_en=f"Decision {marker}")
        records["children"].append((marker, action))
        document = f.document(
            meeting=meeting,
            title_lo=f"ບົດບັນທຶກ {marker}",
            title_en=f"Minutes {marker}",
            content=make_pdf(f"Minutes {marker}"),
        )
        records["documents"][marker] = document
    public = records["meetings"]["ZQXPUBLIC"]
    for marker, level in STRICT_DOCUMENTS.items():
        document = m.Document(
            meeting=public, title_lo=f"ເອກະສານ {marker}", title_en=f"Document {marker}", visibility=level
        )
        document.file = ContentFile(make_pdf(f"Document {marker}"), name="restricted.pdf")
        document.full_clean()
        document.save()
        records["documents"][marker] = document
    records["organisation"], records["person"], records["programme"] = organisation, person, programme
    records["users"] = {
        "anonymous": AnonymousUser(),
        "partner": f.user(role=roles.PARTNER, username="matrix-partner"),
        "editor": f.user(role=roles.EDITOR, username="matrix-editor"),
        "publisher": f.user(role=roles.PUBLISHER, username="matrix-publisher"),
        "administrator": f.user(role=roles.ADMINISTRATOR, username="matrix-admin"),
    }
    # Records of the other admin pages (two-factor devices), so their pages are really exercised.
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=records["users"]["administrator"], name="phone")
    StaticDevice.objects.create(user=records["users"]["administrator"], name="backup codes")
    return records


def hidden_markers(world, user) -> set[str]:
    visible_meetings = set(m.Meeting.objects.visible_to(user).values_list("pk", flat=True))
    visible_documents = set(m.Document.objects.visible_to(user).values_list("pk", flat=True))
    hidden = {marker for marker, meeting in world["meetings"].items() if meeting.pk not in visible_meetings}
    hidden |= {
        marker for marker in STRICT_DOCUMENTS if world["documents"][marker].pk not in visible_documents
    }
    return hidden


def candidates(world, endpoint):
    """(record, marker or None) pairs to try for an endpoint that names a record."""
    model = endpoint.model
    if model is m.Meeting:
        return [(meeting, marker) for marker, meeting in world["meetings"].items()]
    if model is m.Document:
        return [(doc, marker) for marker, doc in world["documents"].items()]
    if model is not None and issubclass(model, m.MeetingChild):
        found = [(record, marker) for marker, record in world["children"] if isinstance(record, model)]
        found += [
            (p, marker) for marker, meeting in world["meetings"].items() for p in meeting.participations.all()
        ]
        return [(r, mk) for r, mk in found if isinstance(r, model)]
    for key in ("organisation", "person", "programme"):
        if model is type(world[key]):
            return [(world[key], None)]
    if endpoint.admin and model is not None:
        first = model._default_manager.first()
        return [(first or SimpleNamespace(pk=999999), None)]
    if endpoint.admin:
        return [(world["meetings"]["ZQXINTERNAL"], None)]
    return []


def test_every_url_pattern_can_be_filled(world):
    """A new URL that the walker cannot fill fails here: teach tests/urlwalk.py about it."""
    problems = []
    for endpoint in endpoints():
        if endpoint.takes_record and endpoint.model is None and not endpoint.admin:
            problems.append(f"{endpoint.route} ({endpoint.name}): which record is this URL about?")
            continue
        tried = candidates(world, endpoint) if endpoint.takes_record else [(None, None)]
        if not tried:
            problems.append(f"{endpoint.route} ({endpoint.name}): no test records of {endpoint.model}")
        for record, _marker in tried:
            try:
                fill(endpoint, record)
            except CannotFill as error:
                problems.append(str(error))
                break
    assert problems == []
    public = [e for e in endpoints() if not e.admin]
    assert any(e.name == "meetings:document_download" for e in public)


def _check_body(response, hidden, where):
    text = body_text(response)
    leaked = sorted(marker for marker in hidden if marker in text)
    assert not leaked, f"{where}: restricted record shown ({', '.join(leaked)})"


@pytest.mark.parametrize("who", USERS)
def test_access_matrix(client, world, who):
    user = world["users"][who]
    if who != "anonymous":
        client.force_login(user)
    hidden = hidden_markers(world, user)
    # The matrix itself: what each role may see.
    expected_hidden = {
        "anonymous": {"ZQXPARTNERS", "ZQXINTERNAL", "ZQXDRAFT", "ZQXREVIEW", "ZQXARCHIVED"}
        | set(STRICT_DOCUMENTS),
        "partner": {"ZQXINTERNAL", "ZQXDRAFT", "ZQXREVIEW", "ZQXARCHIVED", "ZQXDOCINTERNAL"},
    }.get(who, set())
    assert hidden == expected_hidden
    staff = who in ("editor", "publisher", "administrator")
    checked = 0
    for endpoint in endpoints():
        if endpoint.admin:
            for record, _marker in candidates(world, endpoint) if endpoint.takes_record else [(None, None)]:
                url = fill(endpoint, record)
                response = client.get(url)
                checked += 1
                where = f"{who} GET {url}"
                assert response.status_code < 500, where
                if not staff and endpoint.name not in ("admin:login", "admin:logout"):
                    assert response.status_code == 302, where
                    assert response["Location"].startswith("/admin/login/"), where
                _check_body(response, hidden, where)
            continue
        for lang in ("lo", "en"):
            if endpoint.takes_record:
                for record, marker in candidates(world, endpoint):
                    url = fill(endpoint, record, lang=lang)
                    where = f"{who} GET {url} ({marker})"
                    response = client.get(url)
                    checked += 1
                    if marker in hidden:
                        assert response.status_code == 404, where
                    else:
                        if response.status_code in (301, 302):
                            response = client.get(url, follow=True)
                        if marker is not None:
                            assert response.status_code == 200, where
                        assert response.status_code < 500, where
                    _check_body(response, hidden, where)
            else:
                url = fill(endpoint, lang=lang)
                for query in ("", f"?q={SEARCH_WORD}", "?q=ZQX&page=1", "?format=json", "?format=csv"):
                    where = f"{who} GET {url}{query}"
                    response = client.get(url + query)
                    checked += 1
                    assert response.status_code < 500 and response.status_code not in (401, 403), where
                    if response.status_code in (301, 302) and not response["Location"].startswith("/admin/"):
                        response = client.get(url + query, follow=True)
                    _check_body(response, hidden, where)
    assert checked > 100


@pytest.mark.parametrize("who", ["anonymous", "partner"])
def test_lists_show_what_the_user_may_see(client, world, who):
    """Not vacuous: the home page does list the meetings the user may see, in both languages."""
    if who != "anonymous":
        client.force_login(world["users"][who])
    visible = {"anonymous": ["ZQXPUBLIC"], "partner": ["ZQXPUBLIC", "ZQXPARTNERS"]}[who]
    for lang in ("lo", "en"):
        text = client.get(f"/{lang}/").content.decode()
        for marker in visible:
            assert marker in text
