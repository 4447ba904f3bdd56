"""The verify pages: a code printed on (or read from) a minutes PDF leads to what the reader may know."""

import re
import subprocess

import pikepdf
import pytest
from django.test import Client
from django.utils import formats, timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext

from meetings import models as m
from reports.minutes import verification
from reports.models import PublishedVersion
from reports.verify.views import code_in_pdf
from tests import factories as f
from tests.reports.conftest import pdftotext
from tests.urlwalk import body_text

CURRENT = "This is the current version of these minutes."
UNKNOWN = "No document with this verification code was found."


def download(client, meeting, edition="lo", lang="lo") -> bytes:
    response = client.get(f"/{lang}/reports/minutes/{meeting.slug}/{edition}.pdf")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def page(client, lang, code):
    return client.get(f"/{lang}/verify/{code}/")


def said(lang, text):
    with translation.override(lang):
        return gettext(text)


def comparable(response, code) -> str:
    """The page without what legitimately differs between two requests: the code typed, the CSRF token."""
    html = response.content.decode().replace(verification.display_code(code), "CODE").replace(code, "CODE")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["lo", "en"])
def test_verify_page_says_current_then_replaced_after_an_edit(demo, lang, tmp_path):
    client = Client()
    meeting = demo[0]
    pdf = download(client, meeting, edition=lang)
    code = code_in_pdf(pdf)
    assert code and verification.display_code(code) in pdftotext(pdf, tmp_path)

    response = page(client, lang, code)
    assert response.status_code == 200
    text = body_text(response)
    assert said(lang, CURRENT) in text
    if lang == "lo":
        assert "ນີ້ແມ່ນສະບັບປັດຈຸບັນຂອງບົດບັນທຶກກອງປະຊຸມນີ້" in text
    assert (meeting.title_lo if lang == "lo" else meeting.title_en) in text
    assert verification.display_code(code) in text

    # a correction in the language of this edition (the Lao edition shows the Lao summary)
    if lang == "lo":
        meeting.summary_lo = meeting.summary_lo + " ແກ້ໄຂຕາມທີ່ຕົກລົງຫຼັງກອງປະຊຸມ."
    else:
        meeting.summary_en = meeting.summary_en + " A correction agreed after the meeting."
    meeting.save()

    response = page(client, lang, code)
    assert response.status_code == 200
    text = body_text(response)
    version = PublishedVersion.objects.get(code=code)
    assert version.superseded_at is not None
    with translation.override(lang):
        when = formats.date_format(timezone.localtime(version.superseded_at), "j F Y, H:i")
        assert gettext("This version was replaced on %(date)s.") % {"date": when} in text
    assert said(lang, CURRENT) not in text
    with translation.override(lang):
        summary_label = capfirst(m.Meeting._meta.get_field("summary").verbose_name)
    assert f"{said(lang, 'Changed since this version:')} {summary_label}" in text
    current_pdf = f"/{lang}/reports/minutes/{meeting.slug}/{lang}.pdf"
    assert f'href="{current_pdf}"' in response.content.decode()

    # the current PDF carries the new code, and its page says "current"
    new_code = code_in_pdf(download(client, meeting, edition=lang))
    assert new_code != code
    assert said(lang, CURRENT) in body_text(page(client, lang, new_code))
    assert PublishedVersion.objects.get(code=new_code).superseded_at is None


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["lo", "en"])
def test_hidden_meeting_code_answers_exactly_like_an_unknown_code(lang):
    hidden = {
        "draft": f.meeting(status=m.Meeting.Status.DRAFT),
        "internal": f.meeting(visibility=m.Meeting.Visibility.INTERNAL),
        "partners": f.meeting(visibility=m.Meeting.Visibility.PARTNERS),
    }
    public = f.meeting()
    codes = {
        key: verification.record_issue(verification.prepare_issue(meeting=mt, edition="lo")).code
        for key, mt in hidden.items()
    }
    # a staff edition of a public meeting is not for the public either
    staff_code = verification.record_issue(
        verification.prepare_issue(meeting=public, edition="lo", audience="staff")
    ).code
    anonymous = Client()
    unknown = "AAAAABBBBB"
    assert not PublishedVersion.objects.filter(code=unknown).exists()
    reference = page(anonymous, lang, unknown)
    assert reference.status_code == 404
    assert said(lang, UNKNOWN) in body_text(reference)
    for code in [*codes.values(), staff_code]:
        response = page(anonymous, lang, code)
        assert response.status_code == 404
        assert comparable(response, code) == comparable(reference, unknown)

    partner = Client()
    partner.force_login(f.user(role="Partner"))
    assert page(partner, lang, codes["partners"]).status_code == 200
    assert page(partner, lang, codes["internal"]).status_code == 404
    editor = Client()
    editor.force_login(f.user(role="Secretariat editor"))
    for code in [*codes.values(), staff_code]:
        assert page(editor, lang, code).status_code == 200


@pytest.mark.django_db
def test_upload_checks_the_code_and_the_file(demo, tmp_path):
    client = Client()
    meeting = demo[1]
    pdf = download(client, meeting, edition="bilingual")
    code = code_in_pdf(pdf)

    response = client.post("/en/verify/", {"pdf": _file(pdf)})
    assert response.status_code == 200
    text = body_text(response)
    assert said("en", CURRENT) in text
    assert verification.display_code(code) in text
    assert "The uploaded file is exactly the file the portal issued with this code." in text

    # the same document saved again by another program: the code is still found, the bytes differ
    original = tmp_path / "original.pdf"
    original.write_bytes(pdf)
    with pikepdf.open(original) as document:
        document.save(tmp_path / "resaved.pdf")
    response = client.post("/lo/verify/", {"pdf": _file((tmp_path / "resaved.pdf").read_bytes())})
    assert response.status_code == 200
    text = body_text(response)
    assert "ໄຟລ໌ທີ່ອັບໂຫຼດມີລະຫັດນີ້, ແຕ່ບໍ່ແມ່ນໄຟລ໌ດຽວກັນທຸກໄບຕ໌" in text
    assert said("lo", CURRENT) in text

    # without the XMP packet the code is read from the text layer (the footer of every page)
    with pikepdf.open(original) as document:
        del document.Root.Metadata
        document.save(tmp_path / "no-xmp.pdf")
    assert (
        "verify"
        not in subprocess.run(
            ["pdfinfo", "-meta", str(tmp_path / "no-xmp.pdf")], capture_output=True, text=True
        ).stdout
    )
    assert code_in_pdf((tmp_path / "no-xmp.pdf").read_bytes()) == code

    # no PDF, a PDF without a code: a clear message in the page's language, nothing else
    response = client.post("/lo/verify/", {"pdf": _file(b"hello", name="note.pdf")})
    assert response.status_code == 400
    assert "ໄຟລ໌ນີ້ບໍ່ແມ່ນ PDF." in body_text(response)
    blank = tmp_path / "blank.pdf"
    with pikepdf.new() as document:
        document.add_blank_page()
        document.save(blank)
    response = client.post("/en/verify/", {"pdf": _file(blank.read_bytes())})
    assert response.status_code == 400
    assert "No verification code was found in this file." in body_text(response)
    response = client.post("/en/verify/", {})
    assert response.status_code == 400
    assert "Choose the PDF file to check." in body_text(response)


@pytest.mark.django_db
def test_upload_of_a_hidden_meeting_pdf_answers_like_an_unknown_code():
    hidden = f.meeting(visibility=m.Meeting.Visibility.INTERNAL)
    staff = Client()
    staff.force_login(f.user(role="Secretariat editor"))
    pdf = download(staff, hidden)
    code = code_in_pdf(pdf)
    assert page(staff, "en", code).status_code == 200
    anonymous = Client()
    response = anonymous.post("/en/verify/", {"pdf": _file(pdf)})
    assert response.status_code == 404
    assert hidden.title_en not in response.content.decode()
    # the same upload once the code is unknown to the portal
    PublishedVersion.objects.filter(code=code).delete()
    unknown = anonymous.post("/en/verify/", {"pdf": _file(pdf)})
    assert unknown.status_code == 404
    assert comparable(response, code) == comparable(unknown, code)


@pytest.mark.django_db
def test_code_form_normalises_what_was_typed_and_explains_mistakes():
    client = Client()
    response = client.get("/en/verify/", {"code": " abcde-fghij "})
    assert response.status_code == 302
    assert response["Location"] == "/en/verify/ABCDEFGHIJ/"
    response = client.get("/lo/verify/", {"code": "12345"})
    assert response.status_code == 400
    assert "ລະຫັດກວດສອບມີຕົວອັກສອນ ແລະ ຕົວເລກ" in body_text(response)
    assert client.get("/en/verify/abcde-fghij/")["Location"] == "/en/verify/ABCDEFGHIJ/"
    assert client.get("/en/verify/").status_code == 200


@pytest.mark.django_db
def test_verify_pages_are_rate_limited(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "3/m"}
    client = Client()
    statuses = [page(client, "en", "AAAAABBBBB").status_code for _ in range(3)]
    assert statuses == [404, 404, 404]
    response = page(client, "en", "AAAAABBBBC")
    assert response.status_code == 429
    assert response["Retry-After"]
    assert client.post("/en/verify/", {}).status_code == 429


def _file(data: bytes, name: str = "minutes.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/pdf")
