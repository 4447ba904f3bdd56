"""S3 down while an officer uploads a document in the admin: the form comes back with a clear message in
the interface language (Lao or English) and everything typed; nothing is saved; once S3 is back, the same
form saves."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from meetings import models as m
from meetings.rules import roles
from tests import factories as f
from tests.admin_forms import form_values

LAO_NAME = "ບົດບັນທຶກກອງປະຊຸມ.pdf"
MESSAGES = {
    "en": "The file store cannot be reached just now, so nothing was saved.",
    "lo": "ບໍ່ສາມາດເຂົ້າເຖິງບ່ອນເກັບໄຟລ໌ໄດ້ໃນຕອນນີ້",
}


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_an_upload_with_s3_down_keeps_the_form_and_says_why_in_both_languages(db, s3, lang):
    meeting = f.meeting(status=m.Meeting.Status.DRAFT, title_en="Before")
    client = Client()
    client.force_login(f.user(role=roles.EDITOR))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = form_values(client.get(url).content.decode(), "meeting_form")
    typed = {
        "title_en": "Typed while S3 was down",
        "documents-TOTAL_FORMS": "1",
        "documents-0-kind": "minutes",
        "documents-0-title_lo": "ບົດບັນທຶກທີ່ພິມໄວ້",
        "documents-0-language": "lo",
    }

    def upload():
        file = SimpleUploadedFile(LAO_NAME, b"%PDF-1.4\n%test\n", "application/pdf")
        return client.post(url, {**form, **typed, "documents-0-file": file})

    s3.stop()
    try:
        response = upload()
    finally:
        s3.start()
        s3.client().create_bucket(Bucket=s3.bucket)  # moto starts empty
    html = response.content.decode()
    assert response.status_code == 200
    assert MESSAGES[lang] in html
    assert 'value="Typed while S3 was down"' in html and "ບົດບັນທຶກທີ່ພິມໄວ້" in html
    meeting.refresh_from_db()
    assert meeting.title_en == "Before" and not meeting.documents.exists(), "nothing saved"

    response = upload()  # S3 is back: the same form saves
    assert response.status_code == 302, response.content.decode()[:2000]
    assert meeting.documents.get().filename == LAO_NAME
