"""Downloads while the file store (S3: moto's server mode, tests/s3.py) is down: a 503 page in both
languages, Lao first, with ``Retry-After``, never a 500; the pages keep serving. And a download handed to
nginx by a presigned URL names the file in Lao (``response-content-disposition``, RFC 5987 ``filename*``)."""

from urllib.parse import quote

import pytest
import requests
from django.test import Client
from django.urls import reverse
from django.utils import translation

from meetings.rules import roles
from tests import factories as f

LAO_NAME = "ບົດບັນທຶກກອງປະຊຸມ.pdf"
CONTENT = b"%PDF-1.4\n%store down\n"
PAGE = {
    "lo": ("ຕອນນີ້ບໍ່ສາມາດສົ່ງໄຟລ໌ໄດ້", "ໜ້າຕ່າງໆຂອງເວັບໄຊຍັງໃຊ້ໄດ້"),
    "en": ("The file cannot be sent just now", "The pages of the portal still work"),
}


def partner_client() -> Client:
    client = Client()
    client.force_login(f.user(role=roles.PARTNER))
    return client


@pytest.mark.parametrize("reader", ["anonymous", "partner"])
@pytest.mark.parametrize("x_accel", [False, True])
def test_a_download_with_s3_down_is_a_503_in_both_languages(db, s3, settings, reader, x_accel):
    settings.SENDFILE_X_ACCEL = x_accel
    meeting = f.meeting(visibility="public", title_en="Store down meeting")
    document = f.document(meeting=meeting, name=LAO_NAME, content=CONTENT)
    client = Client() if reader == "anonymous" else partner_client()
    url = reverse("meetings:document_download", kwargs={"pk": document.pk})
    with translation.override("en"):
        page_url = reverse("meetings:meeting", kwargs={"slug": meeting.slug})
    before = client.get(url)
    assert before.status_code == 200, "the download works while S3 is up"
    if before.streaming:  # streamed by the portal (not handed to nginx): reading it to the end closes it
        assert b"".join(before.streaming_content) == CONTENT

    s3.stop()
    try:
        answer = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        page = client.get(page_url)
    finally:
        s3.start()
        s3.client().create_bucket(Bucket=s3.bucket)  # moto starts empty
    assert answer.status_code == 503
    assert answer["Retry-After"] == "60" and "no-store" in answer["Cache-Control"]
    assert "X-Accel-Redirect" not in answer, "nginx is not sent to a store that is down"
    html = answer.content.decode()
    for title, body in PAGE.values():
        assert title in html and body in html
    body = html[html.index('class="storage-down"') :]
    assert body.index(PAGE["lo"][0]) < body.index(PAGE["en"][0]), "Lao first"
    assert page.status_code == 200 and "Store down meeting" in page.content.decode(), "pages keep serving"


def test_the_presigned_url_names_the_file_in_lao(db, s3, settings):
    settings.SENDFILE_X_ACCEL = True
    document = f.document(meeting=f.meeting(visibility="public"), name=LAO_NAME, content=CONTENT)
    answer = partner_client().get(reverse("meetings:document_download", kwargs={"pk": document.pk}))
    assert answer.status_code == 200 and answer["X-Accel-Redirect"] == "/_protected/s3"
    expected = f"attachment; filename*=utf-8''{quote(LAO_NAME)}"
    assert answer["Content-Disposition"] == expected
    url = answer["X-Accel-S3-URL"]
    assert "response-content-disposition=" in url
    from_bucket = requests.get(url, timeout=30)  # what nginx fetches: the object's own answer names it too
    assert from_bucket.status_code == 200 and from_bucket.content == CONTENT
    assert from_bucket.headers["Content-Disposition"] == expected
