"""Names the records know (people, organisations, programmes) and curated loanwords are never cut at a
line end in the PDFs: checked on WeasyPrint's line boxes of every edition of the demo meetings and of the
summary report, and in a narrow column where ICU alone would cut them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from meetings.rules.text import ZWSP, line_break_hints
from meetings.selectors.known_names import LOANWORDS, name_words, protected_words, protecting
from reports import minutes as services
from reports import summary as summary_service
from reports.minutes import editions
from reports.pdf.fetcher import PortalURLFetcher
from reports.pdf.rendering import font_context, html_to_document
from tests import factories
from tests.reports.conftest import pdftotext, squash
from tests.reports.layout import line_texts, overflows


def split_words(lines: list[str], words: frozenset[str]) -> list[str]:
    """Protected words cut between two consecutive lines: a line ending with the start of a word and the
    next line starting with its rest (no space between, so the break fell inside the word)."""
    cut = []
    for line, following in zip(lines, lines[1:], strict=False):
        if not line or not following or line[-1].isspace() or following[0].isspace():
            continue
        tail, head = line.split()[-1] if line.split() else "", following.split()[0]
        for word in words:
            for i in range(1, len(word)):
                if tail.endswith(word[:i]) and head.startswith(word[i:]):
                    cut.append(f"{word[:i]}|{word[i:]}")
    return cut


def _lines(document) -> list[str]:
    return [line.replace(ZWSP, "") for line in line_texts(document)]


def test_name_words_are_the_short_lao_words_of_a_name():
    assert name_words("ພັອ ກິແກ້ວ ຈັນທະລັງສີ") == {"ພັອ", "ກິແກ້ວ", "ຈັນທະລັງສີ"}
    assert name_words("ແຜນງານອາຊຽນ-ອົດສະຕຣາລີ (ASEAN-ACT)") == {"ແຜນງານອາຊຽນ", "ອົດສະຕຣາລີ"}
    # a long compound of dictionary words keeps ICU's breaks, or it could not fit a column
    assert name_words("ກອງເລຂາຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ") == set()
    assert name_words("National Committee") == set()


def test_icu_cuts_these_words_and_protection_keeps_them_whole():
    for word in ("ວິດີໂອ", "ອົດສະຕຣາລີ", "ທິບພະວົງໄຊ"):
        sentence = f"ກອງປະຊຸມທາງ{word}ກັບ{word}"
        assert ZWSP in line_break_hints(word), f"ICU no longer cuts {word}: the protection may be unneeded"
        hinted = line_break_hints(sentence, frozenset({word}))
        assert hinted.replace(ZWSP, "") == sentence
        assert word in hinted, "a hint was put inside a protected word"
        assert ZWSP in hinted, "breaks between the other words must stay"


@pytest.mark.django_db
def test_protected_words_come_from_the_records_and_the_curated_list(demo):
    words = protected_words()
    assert set(LOANWORDS) <= words
    person = factories.person(name_lo="ທ່ານ ນາງ ວັນນະສອນ ພົມມະຈັນ", name_en="Vannasone Phommachanh")
    assert {"ວັນນະສອນ", "ພົມມະຈັນ"} <= protected_words()
    assert "ວັນນະສອນ" not in words and person.pk


def _narrow(text_html: str, width_mm: int):
    with translation.override("lo"):
        html = (
            "<html lang='lo'><head><style>{faces} body {{ font-family: {sans}; font-size: 12pt; }}"
            "@page {{ size: 80mm 200mm; margin: 5mm; }} div {{ width: {w}mm; }}</style></head>"
            "<body><div>{text}</div></body></html>"
        ).format(
            faces=font_context()["font_faces_css"],
            sans=font_context()["sans_stack"],
            text=text_html,
            w=width_mm,
        )
    return html_to_document(html, fetcher=PortalURLFetcher())


def test_in_a_narrow_column_icu_alone_cuts_names_and_protection_does_not(tmp_path):
    words = frozenset({"ວິດີໂອ", "ອົດສະຕຣາລີ", "ທິບພະວົງໄຊ", "ຈັນທະລັງສີ"})
    text = "ກອງປະຊຸມທາງວິດີໂອກັບສະຖານທູດອົດສະຕຣາລີ ນຳໂດຍທ່ານ ເພັງສະຫວັນ ທິບພະວົງໄຊ ແລະ ທ່ານ ກິແກ້ວ ຈັນທະລັງສີ"
    cut_somewhere = False
    for width in range(22, 44, 2):  # from the narrowest column the PDFs have
        unprotected = _lines(_narrow(line_break_hints(text), width))
        cut_somewhere = cut_somewhere or bool(split_words(unprotected, words))
        document = _narrow(line_break_hints(text, words), width)
        lines = _lines(document)
        assert split_words(lines, words) == [], (width, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert overflows(document) == []
    assert cut_somewhere, "ICU without protection cut no name at any width: the check proves nothing"
    assert squash(text) in squash(pdftotext(_narrow(line_break_hints(text, words), 20).write_pdf(), tmp_path))


@pytest.mark.django_db
@pytest.mark.parametrize("edition", editions.EDITIONS)
def test_no_known_name_is_cut_in_the_demo_minutes(demo, edition):
    words = protected_words()
    for meeting in demo:
        document = html_to_document(services.minutes_html(meeting, edition, audience="public"))
        assert split_words(_lines(document), words) == []
        assert overflows(document) == []


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["lo", "en"])
def test_no_known_name_is_cut_in_the_summary_report(demo, lang, monkeypatch):
    documents = []
    from reports.pdf import rendering

    real = rendering.html_to_document

    def keep(html, **kwargs):
        documents.append(real(html, **kwargs))
        return documents[-1]

    monkeypatch.setattr(rendering, "html_to_document", keep)  # the layout the summary PDF is written from
    with translation.override(lang):
        report = summary_service.build_report(
            user=AnonymousUser(), period=summary_service.Period.year(demo[0].start_date.year)
        )
        summary_service.render_report(report)
    assert len(documents) == 1
    assert split_words(_lines(documents[0]), protected_words()) == []


def test_protecting_sets_the_words_only_inside_the_block():
    from meetings.selectors.known_names import active_protected_words

    assert active_protected_words() == frozenset()
    with protecting(words=frozenset({"ວິດີໂອ"})):
        assert active_protected_words() == {"ວິດີໂອ"}
    assert active_protected_words() == frozenset()
