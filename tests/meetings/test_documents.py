"""Documents: content-checked uploads, visibility (own level stricter than the meeting), download view."""

import io
import zipfile

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation

from meetings.models import Document, Meeting
from meetings.rules import roles
from tests import factories as f

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def ooxml(main_type: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<?xml version="1.0"?><Types><Override PartName="/x" ContentType="{main_type}"/></Types>',
        )
        archive.writestr("word/document.xml", "<w/>")
    return buffer.getvalue()


DOCX = ooxml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
XLSX = ooxml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
PLAIN_ZIP = ooxml("application/xml")


def _document(name, content, meeting=None):
    doc = Document(meeting=meeting or f.meeting(), title_lo="ເອກະສານ", kind="minutes")
    doc.file = ContentFile(content, name=name)
    return doc


@pytest.mark.parametrize(
    ("name", "content"),
    [("a.pdf", PDF), ("a.png", PNG), ("a.jpg", JPEG), ("a.jpeg", JPEG), ("a.docx", DOCX), ("a.xlsx", XLSX)],
)
def test_allowed_content_is_accepted(db, name, content):
    doc = _document(name, content)
    doc.full_clean()
    doc.save()
    assert doc.file.name.endswith(name.rsplit(".", 1)[1])


@pytest.mark.parametrize(
    ("name", "content", "code_words"),
    [
        ("report.pdf", b"MZ\x90\x00 this is a Windows program", "not an allowed document"),
        ("report.pdf", b"<html><script>alert(1)</script></html>", "not an allowed document"),
        ("report.docx", PLAIN_ZIP, "not an allowed document"),
        ("report.docx", b"PK\x03\x04 broken zip", "not an allowed document"),
        ("report.docx", XLSX, "does not match"),
        ("report.pdf", PNG, "does not match"),
        ("report.exe", PDF, "are not allowed"),
        ("empty.pdf", b"", "empty"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "lo"])
def test_bad_uploads_are_refused_with_a_clear_message(db, name, content, code_words, lang):
    doc = _document(name, content)
    with pytest.raises(ValidationError) as caught:
        doc.full_clean()
    with translation.override(lang):
        text = " ".join(caught.value.message_dict["file"])
    if lang == "en":
        assert code_words in text
    else:
        assert text and not any(w in text for w in ("allowed document", "does not match", "is empty"))
    assert Document.objects.count() == 0


def test_size_limit(db, settings):
    settings.DOCUMENT_MAX_UPLOAD_MB = 1
    doc = _document("big.pdf", PDF + b"0" * (1024 * 1024))
    with pytest.raises(ValidationError) as caught:
        doc.full_clean()
    with translation.override("en"):
        assert "The limit is 1 MB" in caught.value.message_dict["file"][0]


@pytest.fixture
def docs(db):
    public = f.meeting(visibility="public")
    partners = f.meeting(visibility="partners")
    draft = f.meeting(status=Meeting.Status.DRAFT)
    return {
        "public": f.document(meeting=public),
        "public_but_internal_doc": f.document(meeting=public, visibility="internal"),
        "public_but_partner_doc": f.document(meeting=public, visibility="partners"),
        "partners": f.document(meeting=partners),
        "partners_meeting_public_doc": f.document(meeting=partners, visibility="public"),
        "draft": f.document(meeting=draft),
    }


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, {"public"}),
        (roles.PARTNER, {"public", "public_but_partner_doc", "partners", "partners_meeting_public_doc"}),
        (roles.EDITOR, "all"),
    ],
)
def test_document_visibility(docs, role, expected):
    user = f.user(role=role) if role else AnonymousUser()
    visible = set(Document.objects.visible_to(user).values_list("pk", flat=True))
    wanted = {d.pk for d in docs.values()} if expected == "all" else {docs[k].pk for k in expected}
    assert visible == wanted


def test_download_is_an_attachment_and_hidden_documents_are_404(client, docs):
    url = reverse("meetings:document_download", kwargs={"pk": docs["public"].pk})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")  # reading it to the end closes it
    for key in ("public_but_internal_doc", "partners", "draft"):
        hidden = reverse("meetings:document_download", kwargs={"pk": docs[key].pk})
        assert client.get(hidden).status_code == 404
    assert client.get(reverse("meetings:document_download", kwargs={"pk": 999999})).status_code == 404
    client.force_login(f.user(role=roles.PARTNER))
    response = client.get(reverse("meetings:document_download", kwargs={"pk": docs["partners"].pk}))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_uploaded_files_are_not_served_as_media(client, docs):
    stored = docs["public"].file.name
    for prefix in ("/media/", "/static/", "/lo/media/"):
        assert client.get(prefix + stored).status_code == 404


def test_admin_links_documents_to_the_download_view(client, docs):
    client.force_login(f.user(role=roles.PUBLISHER))
    doc = docs["public"]
    page = client.get(reverse("admin:meetings_meeting_change", args=[doc.meeting_id])).content.decode()
    assert f'href="{doc.get_download_url()}"' in page
    assert "/media/" not in page
