"""The meeting page shows the size of each stored minutes PDF, looked up once per content version: a
file-system ``stat`` (or an S3 ``HEAD``) per edition on every fresh render otherwise. Storing a PDF moves
the version on, so its size shows at once; an unreachable storage is asked again on the next page."""

import pytest
from django.core.files.storage import storages

from reports import minutes as services
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)  # outside a transaction, as a request runs


@pytest.fixture
def size_lookups(monkeypatch):
    storage = type(storages["reports"])
    asked = []
    original = storage.size

    def size(self, name):
        asked.append(name)
        return original(self, name)

    monkeypatch.setattr(storage, "size", size)
    return asked


def test_sizes_are_looked_up_once_per_content_version(client, settings, size_lookups):
    settings.PAGE_CACHE_SECONDS = 0
    meeting = f.meeting(title_en="Border review")
    page = meeting.get_absolute_url().replace("/lo/", "/en/")
    assert client.get(page).content.decode().count("(PDF, A4)") == 3
    assert len(size_lookups) == 3  # one per edition
    assert client.get(page).content.decode().count("(PDF, A4)") == 3
    assert len(size_lookups) == 3  # the same content version: nothing asked again

    pdf = services.minutes_pdf(meeting=meeting, edition="en", audience="public")  # stored: a new version
    kilobytes = round(pdf.size / 1024)
    size_lookups.clear()
    html = client.get(page).content.decode()
    assert f"PDF, {kilobytes} kB" in html and html.count("(PDF, A4)") == 2
    assert len(size_lookups) == 3


def test_an_unreachable_storage_is_asked_again(client, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 0
    meeting = f.meeting(title_en="Border review")
    page = meeting.get_absolute_url().replace("/lo/", "/en/")
    storage = type(storages["reports"])
    original = storage.size
    monkeypatch.setattr(storage, "size", lambda self, name: (_ for _ in ()).throw(OSError("storage down")))
    assert client.get(page).content.decode().count("(PDF, A4)") == 3  # the page still shows, without sizes
    monkeypatch.setattr(storage, "size", original)
    pdf = services.minutes_pdf(meeting=meeting, edition="en", audience="public")
    monkeypatch.setattr(storage, "size", lambda self, name: (_ for _ in ()).throw(OSError("storage down")))
    assert client.get(page).content.decode().count("(PDF, A4)") == 3
    monkeypatch.setattr(storage, "size", original)  # back, within the same content version
    assert f"PDF, {round(pdf.size / 1024)} kB" in client.get(page).content.decode()
