"""Issue 22: no recorded name (a person, an organisation, a country, a place) is split across two lines in
the minutes, whatever the page width. Checked on the ASEAN-style minutes (Timor-Leste written ຕີມໍເລສເຕ,
which ICU's dictionary cuts ຕີ|ມໍ|ເລສ|ເຕ) in the text a reader copies from the PDF (``pdftotext -layout``)."""

import contextlib
import re
import subprocess
import unicodedata

import pytest
from django.utils.html import strip_tags

from meetings.rules.text import ZWSP
from meetings.selectors import known_names
from reports import minutes as services
from reports.pdf.rendering import html_to_document
from tests.reports.asean import asean_meeting

WIDTHS_MM = (110, 125, 140, 155, 170, 185, 200, 210)


def skeleton(text: str) -> str:
    """``text`` without spaces and without vowel and tone marks above or below. ``pdftotext -layout`` places
    each glyph by its position, so a mark may come out after the next letter with a space (ຕີມໍເລສເຕ as
    "ຕີມເໍ ລສເຕ"); the letters of one line keep their order, and a name split at a line end loses them."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Mn")


def recorded_words(meeting) -> set[str]:
    """The Lao words of every name the minutes show: countries, organisers, people, organisations, places."""
    words = set(known_names.names_shown_with(meeting))
    assert {"ຕີມໍເລສເຕ", "ສິງກະໂປ", "ອິນໂດເນເຊຍ", "ດາຣຸສຊາລາມ", "ມະນີລາ", "ພົມມະຈັນ"} <= words
    return words


def layout_lines(html: str, width_mm: int, tmp_path) -> list[str]:
    html = html.replace("</head>", f"<style>@page {{ size: {width_mm}mm 297mm; }}</style></head>", 1)
    path = tmp_path / f"minutes-{width_mm}.pdf"
    path.write_bytes(html_to_document(html).write_pdf())
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [skeleton(line) for line in out.splitlines()]


def split_names(html: str, words: set[str], width_mm: int, tmp_path) -> list[str]:
    """Names found whole on fewer lines than the document shows them: the others were split at a line end."""
    body = skeleton(strip_tags(html.split("<body", 1)[1]).replace(ZWSP, ""))
    lines = layout_lines(html, width_mm, tmp_path)
    split = []
    for word in sorted(words):
        key = skeleton(word)
        shown, whole = body.count(key), sum(line.count(key) for line in lines)
        assert shown, word
        if whole < shown:
            split.append(f"{word} at {width_mm} mm ({whole} of {shown} whole)")
    return split


@pytest.mark.django_db
@pytest.mark.parametrize("edition", ["lo", "bilingual"])
def test_no_recorded_name_is_split_across_lines_at_any_width(edition, tmp_path):
    meeting = asean_meeting()
    words = recorded_words(meeting)
    html = services.minutes_html(meeting, edition, audience="public")
    split = [cut for width in WIDTHS_MM for cut in split_names(html, words, width, tmp_path)]
    assert split == []


@pytest.mark.django_db
def test_without_the_rule_the_same_widths_split_a_country_name(tmp_path, monkeypatch):
    """The check can fail: protecting only the loanwords (the rule before issue 22), a country is split."""
    meeting = asean_meeting()
    words = recorded_words(meeting)
    loanwords_only = contextlib.contextmanager(
        lambda reader=None: known_names.protecting.__wrapped__(words=frozenset(known_names.LOANWORDS))
    )
    monkeypatch.setattr(services, "protecting", loanwords_only)
    html = services.minutes_html(meeting, "lo", audience="public")
    split = [cut for width in WIDTHS_MM for cut in split_names(html, words, width, tmp_path)]
    assert any(re.match("ຕີມໍເລສເຕ|ດາຣຸສຊາລາມ", cut) for cut in split), split
