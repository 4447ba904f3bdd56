"""Rendering reads only the portal's static files and the report fonts: nothing else on disk or network."""

import socket
import subprocess

import pytest
from django.conf import settings

from reports.pdf import fonts
from reports.pdf.fetcher import PortalURLFetcher, RefusedURL, resolve
from reports.pdf.rendering import font_context, html_to_document

REFUSED = [
    "file:///etc/passwd",
    "file:///usr/share/fonts/truetype/noto/NotoLoopedLao-Regular.ttf",  # a font, but not a report font
    "file://evil.example/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "http://127.0.0.1:5432/",
    "http://localhost:8000/static/css/reports.css",  # not the configured site address
    "https://evil.example/x.png",
    "ftp://evil.example/x",
    "data:text/css,body{}",
    "{site}/admin/",
    "{site}/static/../portal/settings.py",
    "{site}/static/%2e%2e/%2e%2e/portal/settings.py",
    "{site}/static//etc/passwd",
    "{site}/static/css/reports.css?x=1",
]


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Any attempt to open a socket fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("url", REFUSED)
def test_refused_urls(url):
    url = url.replace("{site}", settings.SITE_URL)
    with pytest.raises(RefusedURL):
        resolve(url)
    fetcher = PortalURLFetcher()
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_static_files_and_report_fonts_are_served():
    css = resolve(f"{settings.SITE_URL}/static/css/reports.css")
    assert css == settings.BASE_DIR / "static" / "css" / "reports.css"
    fetched = PortalURLFetcher().fetch(f"{settings.SITE_URL}/static/css/reports.css")
    assert fetched.content_type == "text/css"
    assert fetched.read() == css.read_bytes()
    for url, path in fonts.font_files().items():
        assert resolve(url) == path and path.is_file()


def _pdf_images(pdf, tmp_path):
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True)
    return listing.stdout.splitlines()[2:]


@pytest.mark.parametrize(
    "markup",
    [
        '<img src="https://evil.example/tracker.png" alt="">',
        '<img src="http://127.0.0.1:5432/" alt="">',
        '<img src="file:///etc/passwd" alt="">',
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        '<div style="background: url(file:///etc/passwd)">x</div>',
        "<style>@import url(http://127.0.0.1:5432/);</style>",
        '<iframe src="file:///etc/passwd"></iframe><object data="https://evil.example/x.svg"></object>',
    ],
)
def test_a_document_cannot_make_the_renderer_fetch_elsewhere(markup, tmp_path):
    fetcher = PortalURLFetcher()
    html = f"<html><head><style>{font_context()['font_faces_css']}</style></head><body>{markup}<p>ok</p></body></html>"
    pdf = html_to_document(html, fetcher=fetcher).write_pdf()
    assert fetcher.refused, "the renderer asked for nothing: the test proves nothing"
    assert all("evil.example" in u or "127.0.0.1:5432" in u or "/etc/passwd" in u for u in fetcher.refused)
    assert _pdf_images(pdf, tmp_path) == []


def test_fonts_come_through_the_fetcher():
    """The allow-list is what the renderer really uses: the fonts load through it, nothing is refused."""
    fetcher = PortalURLFetcher()
    html = (
        f"<html lang='lo'><head><style>{font_context()['font_faces_css']} body {{ font-family: "
        f"{font_context()['sans_stack']}; }}</style>"
        f"<link rel='stylesheet' href='/static/css/reports.css'></head><body><p>ກຳມະການ</p></body></html>"
    )
    html_to_document(html, fetcher=fetcher)
    assert fetcher.refused == []
    assert f"{settings.SITE_URL}/static/css/reports.css" in fetcher.served
    assert fonts.font_url("NotoSansLao-Regular.ttf") in fetcher.served
