"""The import's preview is a page of its own (``import/?preview=<token>``) read back from the shared storage,
so that any app node shows it (tests/portal/test_two_nodes.py walks it across two nodes); only the officer
who uploaded the export may open or import it; only one import runs at a time across nodes (a PostgreSQL
advisory lock), and the second officer is told so in their language, losing nothing."""

import re

import psycopg2
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from meetings.importing.running import IMPORT_LOCK
from meetings.models.imports import ImportedPost
from portal.ops.locks import lock_key
from tests import factories
from tests.meetings.test_wordpress_import import NPSC_GUID, WXR

IMPORT_URL = reverse("admin:meetings_importedpost_import")
BUSY = {
    "en": "Another import is running just now",
    "lo": "ມີການນຳເຂົ້າອື່ນກຳລັງດຳເນີນຢູ່",
}


def editor() -> Client:
    client = Client()
    client.force_login(factories.user(role="Secretariat editor"))
    return client


def upload(client: Client):
    file = SimpleUploadedFile("export.xml", WXR.read_bytes(), "text/xml")
    return client.post(IMPORT_URL, {"file": file}, HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.django_db
def test_an_upload_is_parked_in_the_storage_and_previewed_on_a_page_of_its_own(demo, settings, tmp_path):
    client = editor()
    answer = upload(client)
    assert answer.status_code == 302
    token = re.fullmatch(re.escape(IMPORT_URL) + r"\?preview=([0-9a-f]{32})", answer["Location"]).group(1)
    assert default_storage.exists(f"wordpress-imports/{token}.upload"), "in STORAGES['default'], shared"
    preview = client.get(answer["Location"], HTTP_ACCEPT_LANGUAGE="en")
    assert preview.status_code == 200
    assert preview.content.decode().count('name="guid"') == 7 and not ImportedPost.objects.exists()
    again = client.get(answer["Location"], HTTP_ACCEPT_LANGUAGE="en")
    assert again.status_code == 200, "a preview can be opened again (another node, a reload)"
    stranger = editor().get(answer["Location"], HTTP_ACCEPT_LANGUAGE="en")
    assert stranger.status_code == 302 and stranger["Location"] == IMPORT_URL, "only the uploader's session"


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["lo", "en"])
def test_an_import_while_another_runs_waits_and_loses_nothing(demo, settings, lang):
    client = editor()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang  # the officer's interface language
    preview_url = upload(client)["Location"]
    token = preview_url.rsplit("=", 1)[1]
    db = connection.settings_dict
    other_node = psycopg2.connect(
        dbname=db["NAME"], user=db["USER"], password=db["PASSWORD"], host=db["HOST"], port=db["PORT"]
    )
    try:
        with other_node.cursor() as cursor:  # an import running on another node
            cursor.execute("SELECT pg_advisory_lock(%s)", [lock_key(IMPORT_LOCK)])
        busy = client.post(IMPORT_URL, {"step": "import", "token": token, "guid": [NPSC_GUID]}, follow=True)
    finally:
        other_node.close()  # its import ends: the lock goes with its session
    assert busy.redirect_chain == [(preview_url, 302)], "back to the same preview"
    assert BUSY[lang] in busy.content.decode() and busy.content.decode().count('name="guid"') == 7
    assert not ImportedPost.objects.exists()
    done = client.post(IMPORT_URL, {"step": "import", "token": token, "guid": [NPSC_GUID]})
    assert done.status_code == 200 and ImportedPost.objects.get().guid == NPSC_GUID


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["lo", "en"])
def test_an_export_uploaded_while_s3_is_down_is_refused_with_the_reason(demo, s3, settings, lang):
    client = editor()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    s3.stop()
    try:
        answer = upload(client)
    finally:
        s3.start()
        s3.client().create_bucket(Bucket=s3.bucket)  # moto starts empty
    assert answer.status_code == 200 and 'class="errorlist' in answer.content.decode()
    reason = {"lo": "ບໍ່ສາມາດເຂົ້າເຖິງບ່ອນເກັບໄຟລ໌ໄດ້ໃນຕອນນີ້", "en": "The file store cannot be reached just now"}
    assert reason[lang] in answer.content.decode()
    assert "wordpress_import_token" not in client.session
    assert upload(client).status_code == 302, "once S3 is back, the same upload goes to its preview"


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["lo", "en"])
def test_a_preview_or_import_while_s3_is_down_says_so_and_imports_nothing(demo, s3, settings, lang):
    client = editor()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    preview_url = upload(client)["Location"]
    token = client.session["wordpress_import_token"]
    s3.stop()
    try:
        shown = client.get(preview_url)
        posted = client.post(IMPORT_URL, {"step": "import", "token": token, "guid": [NPSC_GUID]})
    finally:
        s3.start()
        s3.client().create_bucket(Bucket=s3.bucket)  # moto starts empty
    reason = {"lo": "ບໍ່ສາມາດເຂົ້າເຖິງບ່ອນເກັບໄຟລ໌ໄດ້ໃນຕອນນີ້", "en": "The file store cannot be reached just now"}
    for answer in (shown, posted):
        assert answer.status_code == 503
        assert reason[lang] in answer.content.decode()
    assert not ImportedPost.objects.exists()
    assert client.session["wordpress_import_token"] == token, "the export stays parked for the next try"
