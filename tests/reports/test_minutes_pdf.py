"""The minutes PDFs of the two demo meetings, checked with poppler and WeasyPrint's layout tree."""

import re

import pytest
from django.utils import translation

from meetings.rules.text import line_break_hints
from reports import minutes as services
from reports.minutes import editions
from reports.pdf.fetcher import PortalURLFetcher
from reports.pdf.rendering import font_context, html_to_document
from tests import factories
from tests.reports.conftest import pdffonts, pdftotext, squash
from tests.reports.layout import line_texts, overflows

LAO_HEADING = ("ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ", "ສັນຕິພາບ ເອກະລາດ ປະຊາທິປະໄຕ ເອກະພາບ ວັດທະນະຖາວອນ")
LONG_RUN = "ກອງເລຂາຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ"


def key_texts(meeting, lang):
    """The source text of the key fields, as stored, in ``lang``."""
    meeting = services.minutes_meeting(meeting.pk, audience="staff")
    texts = [meeting.title, meeting.venue, meeting.city, *meeting.summary.splitlines()]
    texts += [o.name for o in meeting.organisers.all()]
    for p in meeting.participations.all():
        texts += [str(p.person), p.position or p.person.position]
    for item in meeting.agenda_items.all():
        texts += [item.title, item.summary]
    for item in [*meeting.activities.all(), *meeting.achievements.all()]:
        texts += [item.title, item.description]
    for item in meeting.action_items.all():
        texts += [item.text, *(o.name for o in item.responsible.all())]
    with translation.override(lang):
        return [t for t in texts if t]


def _texts(meeting, lang):
    with translation.override(lang):
        return key_texts(meeting, lang)


@pytest.mark.django_db
@pytest.mark.parametrize("edition", editions.EDITIONS)
def test_demo_minutes_text_layer_and_fonts(demo, edition, tmp_path):
    for meeting in demo:
        pdf = services.render_minutes(meeting, edition, audience="staff")
        assert pdf.startswith(b"%PDF")
        text = pdftotext(pdf, tmp_path, f"{meeting.pk}-{edition}")
        flat = squash(text)
        assert "\u200b" not in text, "line-break hints must not reach the text layer"
        for lang in editions.LANGUAGES[edition]:
            for source in _texts(meeting, lang):
                assert squash(source) in flat, f"{edition}: {source!r} not in the PDF text layer"
        fonts = pdffonts(pdf, tmp_path, f"{meeting.pk}-{edition}")
        assert fonts and all(f["embedded"] for f in fonts)
        names = {f["name"] for f in fonts}
        if "lo" in editions.LANGUAGES[edition]:
            assert {"Noto-Sans-Lao", "Noto-Serif-Lao-Bold"} <= names, names
            for line in LAO_HEADING:
                assert squash(line) in flat
            assert re.search(squash("ໜ້າ") + r"\d+ຈາກ\d+", flat)  # page numbers in Lao
        if "en" in editions.LANGUAGES[edition]:
            assert "Noto-Sans" in names
            assert squash("Lao People's Democratic Republic") in flat
            assert re.search(r"Page\d+of\d+", flat)
        if edition == editions.ENGLISH:
            assert not any("Lao" in n for n in names), "the English edition shows Lao text somewhere"
            assert squash(LAO_HEADING[0]) not in flat


@pytest.mark.django_db
@pytest.mark.parametrize("edition", editions.EDITIONS)
def test_demo_minutes_have_no_line_wider_than_its_box(demo, edition):
    for meeting in demo:
        document = html_to_document(services.minutes_html(meeting, edition, audience="staff"))
        assert overflows(document) == []


@pytest.mark.django_db
def test_minutes_footer_has_address_and_generation_date(demo, tmp_path, settings):
    settings.SITE_URL = "https://records.example.org"
    meeting = demo[0]
    text = pdftotext(services.render_minutes(meeting, "en", audience="staff"), tmp_path)
    assert f"https://records.example.org/en/meetings/{meeting.slug}/" in text
    assert "Generated on" in text
    lao = squash(pdftotext(services.render_minutes(meeting, "lo", audience="staff"), tmp_path, "lo"))
    assert f"https://records.example.org/lo/meetings/{meeting.slug}/" in lao
    assert squash("ສ້າງເອກະສານວັນທີ") in lao


def _narrow_document(text_html):
    with translation.override("lo"):
        html = (
            "<html lang='lo'><head><style>{faces} body {{ font-family: {sans}; font-size: 12pt; }}"
            "@page {{ size: 60mm 80mm; margin: 5mm; }} div {{ width: 28mm; }}</style></head>"
            "<body><div>{text}</div></body></html>"
        ).format(faces=font_context()["font_faces_css"], sans=font_context()["sans_stack"], text=text_html)
    return html_to_document(html, fetcher=PortalURLFetcher())


def test_long_lao_run_breaks_between_words_in_a_narrow_column(tmp_path):
    hinted = line_break_hints(LONG_RUN)
    document = _narrow_document(hinted)
    assert overflows(document) == []
    lines = [line.replace("\u200b", "") for line in line_texts(document) if line.strip()]
    assert len(lines) > 1, "the run should need several lines at this width"
    assert "".join(lines) == LONG_RUN
    # every line ends where ICU allows a break: no word is cut in half
    allowed, position = set(), 0
    for piece in hinted.split("\u200b"):
        position += len(piece)
        allowed.add(position)
    ends, position = [], 0
    for line in lines:
        position += len(line)
        ends.append(position)
    assert set(ends) <= allowed, (lines, hinted.split("\u200b"))
    assert squash(LONG_RUN) in squash(pdftotext(document.write_pdf(), tmp_path))


def test_the_overflow_check_catches_an_unbroken_run():
    """Without the hints the same run sticks out of the column: the layout check can fail."""
    problems = overflows(_narrow_document(LONG_RUN))
    assert any(LONG_RUN in problem for problem in problems), problems


@pytest.mark.django_db
def test_user_text_is_escaped_and_appears_literally(tmp_path):
    payload = '<script>alert(1)</script><img src="https://evil.example/x.png"> ກອງ & "ປະຊຸມ" </p><h1>'
    # a title stored before titles refused markup (or by an import): still shown literally
    meeting = factories.meeting(title_lo=f"ກອງປະຊຸມ {payload}", summary_lo=payload, validate=False)
    factories.action_item(meeting=meeting, text_lo=payload)
    html = services.minutes_html(meeting, "lo", audience="staff")
    assert "<script>" not in html and 'src="https://evil.example' not in html
    pdf = services.render_minutes(meeting, "lo", audience="staff")
    flat = squash(pdftotext(pdf, tmp_path))
    assert flat.count(squash(payload)) >= 3  # title, summary and action item, all literal


@pytest.mark.django_db
def test_minutes_of_a_meeting_without_records_render(tmp_path):
    meeting = factories.meeting(title_en="", summary_lo="")
    pdf = services.render_minutes(meeting, "bilingual", audience="staff")
    text = squash(pdftotext(pdf, tmp_path))
    assert squash(meeting.title_lo) in text
    assert squash("ບໍ່ມີການບັນທຶກລາຍຊື່ຜູ້ເຂົ້າຮ່ວມ.") in text


@pytest.mark.django_db
def test_pages_turn_into_images_for_review(demo, settings):
    """pdftoppm makes PNGs of every page (kept in test-artifacts/reports/ for people to look at)."""
    import subprocess

    from PIL import Image

    out = settings.BASE_DIR / "test-artifacts" / "reports"
    out.mkdir(parents=True, exist_ok=True)
    for meeting in demo:
        for edition in editions.EDITIONS:
            pdf = out / f"{meeting.slug}-{edition}.pdf"
            pdf.write_bytes(services.render_minutes(meeting, edition, audience="staff"))
            prefix = out / f"{meeting.slug}-{edition}"
            subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(prefix)], check=True)
            pngs = sorted(out.glob(f"{meeting.slug}-{edition}-*.png"))
            assert pngs
            with Image.open(pngs[0]) as page:
                grey = page.convert("L")
                width, height = grey.size
                heading = grey.crop((0, 0, width, height // 5))
                assert heading.getextrema()[0] < 100, "the top of page 1 (heading) is blank"
