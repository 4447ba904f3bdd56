"""The chair/secretary signature block never sits alone on a page, in any PDF edition.

Checked twice: in WeasyPrint's layout tree (which page holds the block, and what else is on it) and in the
PDF's text layer page by page (``pdftotext -f N -l N``), as a reader would see it.
"""

import subprocess

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from meetings import models as m
from reports import minutes as services
from reports import summary as summary_service
from reports.minutes import editions
from reports.pdf.rendering import html_to_document
from tests.reports.pages import page_contents, signature_only_pages

SIGNATURE_LABELS = {
    "lo": ("ປະທານກອງປະຊຸມ", "ເລຂາກອງປະຊຸມ"),
    "en": ("Chair of the meeting", "Secretary of the meeting"),
}


def page_texts(pdf: bytes, tmp_path, name: str) -> list[str]:
    """The text layer of each page, one ``pdftotext -f N -l N`` per page."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    pages = int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-raw", "-enc", "UTF-8", str(path), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for n in range(1, pages + 1)
    ]


def body_lines(page_text: str) -> list[str]:
    """The page's lines without the running header (generation date) and footer (address, page number)."""
    lines = [line.strip() for line in page_text.splitlines() if line.strip()]
    return [
        line
        for line in lines
        if not (
            line.startswith(("Generated on", "ສ້າງເອກະສານວັນທີ", "http://", "https://"))
            or line.startswith(("Page ", "ໜ້າ "))
        )
    ]


def assert_no_signature_only_page(pdf: bytes, tmp_path, name: str):
    labels = {label for pair in SIGNATURE_LABELS.values() for label in pair}
    texts = page_texts(pdf, tmp_path, name)
    for number, text in enumerate(texts, start=1):
        body = body_lines(text)
        assert body, f"{name}: page {number} is empty"
        rest = [line for line in body if not any(label in line for label in labels)]
        assert rest, f"{name}: page {number} holds only the signature block: {body}"
    return texts


@pytest.mark.django_db
@pytest.mark.parametrize("edition", editions.EDITIONS)
def test_no_demo_minutes_edition_has_a_page_with_only_the_signatures(demo, edition, tmp_path):
    for meeting in demo:
        document = html_to_document(services.minutes_html(meeting, edition, audience="public"))
        assert signature_only_pages(document) == []
        pages = page_contents(document)
        assert sum(page["signatures"] for page in pages) == len(editions.LANGUAGES[edition])
        texts = assert_no_signature_only_page(document.write_pdf(), tmp_path, f"{meeting.slug}-{edition}")
        for lang in editions.LANGUAGES[edition]:
            assert any(SIGNATURE_LABELS[lang][0] in text for text in texts), "the signature block is missing"


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["lo", "en"])
def test_no_summary_report_page_is_empty_or_only_signatures(demo, lang, tmp_path):
    with translation.override(lang):
        report = summary_service.build_report(
            user=AnonymousUser(),
            period=summary_service.Period.year(demo[0].start_date.year),
            address="https://records.example.org/",
        )
        pdf = summary_service.render_report(report)
    assert_no_signature_only_page(pdf, tmp_path, f"summary-{lang}")


def _pages_with_padding(meeting, lines: int, original: str):
    """Lay out the Lao minutes with ``lines`` more summary paragraphs (saved, as an officer would add them)."""
    extra = "\n".join(["ກອງປະຊຸມໄດ້ປຶກສາຫາລືຢ່າງກວ້າງຂວາງ."] * lines)
    m.Meeting.objects.filter(pk=meeting.pk).update(summary_lo=f"{original}\n{extra}".strip())
    return html_to_document(services.minutes_html(meeting, editions.LAO, audience="public"))


@pytest.mark.django_db
def test_when_the_end_just_overflows_a_page_the_signatures_take_content_with_them(demo, tmp_path):
    """Lengthen the minutes until they need one more page: the moment the signature block alone would be
    pushed over. The new page must also hold the tail of the last section."""
    for meeting in demo:
        original = m.Meeting.objects.get(pk=meeting.pk).summary_lo
        base = len(_pages_with_padding(meeting, 0, original).pages)
        low, high = 0, 64
        assert len(_pages_with_padding(meeting, high, original).pages) > base
        while high - low > 1:  # page count grows with the text: find the first length that adds a page
            middle = (low + high) // 2
            if len(_pages_with_padding(meeting, middle, original).pages) > base:
                high = middle
            else:
                low = middle
        document = _pages_with_padding(meeting, high, original)
        assert len(document.pages) == base + 1
        last = page_contents(document)[-1]
        assert last["signatures"], "the added page should be the one the signature block moved to"
        assert last["other"].strip(), "the signature block alone was pushed onto the new page"
        assert signature_only_pages(document) == []
        assert_no_signature_only_page(document.write_pdf(), tmp_path, f"padded-{meeting.pk}")
