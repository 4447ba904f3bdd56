"""Minutes and summary reports are tagged PDF/A-3b, and every page's QR code leads to the verify page."""

import subprocess

import pikepdf
import pytest
from django.test import Client

from reports import minutes as services
from reports.minutes import editions, verification
from reports.models import PublishedVersion
from tests.reports.conftest import pdffonts, pdftotext, squash
from tests.reports.pdfa import problems, structure


def qr_codes(pdf: bytes, tmp_path, name: str) -> list[str]:
    """What zbarimg reads from each page image (pdftoppm, 150 dpi): one entry per page."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(path), str(tmp_path / name)], check=True)
    found = []
    for image in sorted(tmp_path.glob(f"{name}-*.png")):
        out = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True)
        found.append(out.stdout.strip())
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("edition", editions.EDITIONS)
def test_demo_minutes_are_tagged_pdfa_with_metadata_in_the_edition_language(demo, edition, tmp_path):
    for meeting in demo:
        pdf = services.render_minutes(meeting, edition, audience="public")
        name = f"{meeting.pk}-{edition}"
        main = editions.LANGUAGES[edition][0]
        parts = len(editions.LANGUAGES[edition])
        assert problems(pdf, tmp_path, lang=main, name=name, parts=parts) == []
        with pikepdf.open(tmp_path / f"{name}.pdf") as document:
            counts, _pairs = structure(document)
            for kind in ("/H1", "/H2", "/Table", "/TH", "/TD", "/L", "/LI", "/P"):
                assert counts[kind] >= 1, f"no {kind} in the tag tree"
            with document.open_metadata() as xmp:
                title = xmp["dc:title"]
            assert str(document.docinfo["/Title"]) == title
        titles = verification.minutes_metadata(meeting, edition)["titles"]
        assert title == titles[main]
        assert title.startswith("ບົດບັນທຶກກອງປະຊຸມ" if main == "lo" else "Minutes of the meeting")
        assert (meeting.title_lo if main == "lo" else meeting.title_en) in title
        code = PublishedVersion.objects.get(meeting=meeting, edition=edition, superseded_at=None).code
        meta = subprocess.run(
            ["pdfinfo", "-meta", str(tmp_path / f"{name}.pdf")], capture_output=True, text=True
        ).stdout
        assert f"<dc:identifier>{verification.verify_url(code, main)}</dc:identifier>" in meta
        for lang in editions.LANGUAGES[edition]:
            assert f"<rdf:li>{lang}</rdf:li>" in meta


@pytest.mark.django_db
def test_lao_text_and_fonts_survive_the_archival_variant(demo, tmp_path):
    meeting = demo[0]
    pdf = services.render_minutes(meeting, editions.LAO, audience="public")
    text = squash(pdftotext(pdf, tmp_path))
    assert squash(meeting.title_lo) in text
    assert squash("ກອງເລຂາຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ") in text
    fonts = pdffonts(pdf, tmp_path)
    assert all(f["embedded"] for f in fonts)
    assert {"Noto-Sans-Lao", "Noto-Serif-Lao-Bold"} <= {f["name"] for f in fonts}


@pytest.mark.django_db
@pytest.mark.parametrize("edition", editions.EDITIONS)
def test_every_page_qr_code_decodes_to_the_verify_address_in_the_page_language(demo, edition, tmp_path):
    meeting = demo[0]
    pdf = services.render_minutes(meeting, edition, audience="public")
    code = PublishedVersion.objects.get(meeting=meeting, edition=edition, superseded_at=None).code
    found = qr_codes(pdf, tmp_path, edition)
    expected = {verification.verify_url(code, lang) for lang in editions.LANGUAGES[edition]}
    assert found and all(url in expected for url in found), found
    assert set(found) == expected  # the bilingual edition: Lao pages lead to /lo/, English pages to /en/
    assert found[-1] == verification.verify_url(code, editions.LANGUAGES[edition][-1])
    # the printed code is in the text layer too, as typed by a person
    assert verification.display_code(code) in pdftotext(pdf, tmp_path, f"{edition}-text")


@pytest.mark.django_db
def test_summary_report_is_tagged_pdfa(demo, tmp_path):
    client = Client()
    for lang in ("lo", "en"):
        response = client.get(f"/{lang}/reports/summary/", {"year": 2024})
        assert response.status_code == 200
        pdf = response.content
        assert problems(pdf, tmp_path, lang=lang, name=f"summary-{lang}") == []
        with pikepdf.open(tmp_path / f"summary-{lang}.pdf") as document:
            title = str(document.docinfo["/Title"])
        assert ("ບົດລາຍງານ" in title) if lang == "lo" else title.startswith("Summary report")
        assert "2024" in title


@pytest.mark.django_db
def test_code_changes_exactly_when_the_content_does(demo):
    meeting = demo[0]
    first = verification.prepare_issue(meeting=meeting, edition=editions.LAO)
    assert verification.prepare_issue(meeting=meeting, edition=editions.LAO).code == first.code
    other_editions = {verification.prepare_issue(meeting=meeting, edition=e).code for e in editions.EDITIONS}
    assert len(other_editions) == 3
    partners = verification.prepare_issue(meeting=meeting, edition=editions.LAO, audience="partners")
    assert partners.code != first.code
    # the Lao edition shows the Lao venue: an English edit changes the English code only
    english = verification.prepare_issue(meeting=meeting, edition=editions.ENGLISH).code
    meeting.venue_en = "Don Chan Palace"
    meeting.save()
    assert verification.prepare_issue(meeting=meeting, edition=editions.LAO).code == first.code
    assert verification.prepare_issue(meeting=meeting, edition=editions.ENGLISH).code != english
    meeting.venue_lo = "ໂຮງແຮມດອນຈັນພາເລດ"
    meeting.save()
    assert verification.prepare_issue(meeting=meeting, edition=editions.LAO).code != first.code
    assert verification.CODE_RE.match(first.code)
    assert verification.normalise_code(verification.display_code(first.code).lower()) == first.code


@pytest.mark.django_db
def test_minutes_embed_the_meeting_record_as_json(demo, tmp_path):
    import json

    meeting = demo[0]
    pdf = services.render_minutes(meeting, editions.ENGLISH, audience="public")
    path = tmp_path / "minutes.pdf"
    path.write_bytes(pdf)
    with pikepdf.open(path) as document:
        files = document.attachments
        assert list(files) == ["meeting.json"]
        spec = document.Root.AF[0]
        assert str(spec.AFRelationship) == "/Source"  # PDF/A-3: the record the document was made from
        data = json.loads(files["meeting.json"].get_file().read_bytes())
    code = PublishedVersion.objects.get(meeting=meeting, edition="en", superseded_at=None).code
    assert data["verification_code"] == verification.display_code(code)
    assert data["meeting"]["slug"] == meeting.slug
    assert data["meeting"]["title_lo"] == meeting.title_lo
    assert data["verify_url"] == {"en": verification.verify_url(code, "en")}
