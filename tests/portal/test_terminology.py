"""One concept, one Lao term: an action item is ວຽກທີ່ຕົກລົງ everywhere (pages, admin, PDFs, exports, feeds).

See "Terminology" in docs/en/developers/translations.md for why. These tests read the Lao catalogue and every template and Python
source of the project, so a string that brings back another term for the concept fails here.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from meetings.models import ActionItemStatus

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "locale" / "lo" / "LC_MESSAGES" / "django.po"
TERM = "ວຽກທີ່ຕົກລົງ"
# Other Lao words the portal once used for an action item: "direction" (only a chair's guidance), the
# field's old "direction or resolution" and "task to implement".
OTHER_TERMS = ("ທິດຊີ້ນຳ", "ທິດທາງ ຫຼື ມະຕິ", "ວຽກທີ່ຕ້ອງຈັດຕັ້ງປະຕິບັດ")
# msgids that speak of one action item already named in the sentence ("this action item" -> "ວຽກນີ້").
ANAPHORA = {
    "This action item already has a follow-up at this meeting.": "ວຽກນີ້",
    "The due date cannot be before the meeting that decided the action item.": "ວຽກນີ້",
}
SOURCE_FOLDERS = ("templates", "meetings", "reports", "portal", "static")


def _catalogue():
    return polib.pofile(str(CATALOGUE))


def _translations(entry) -> list[str]:
    return [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())


def test_every_catalogue_string_about_action_items_uses_the_one_term():
    missing = []
    for entry in _catalogue():
        english = f"{entry.msgid} {entry.msgid_plural}"
        if not re.search(r"\baction items?\b|\bdirections? (and|or) decisions?\b", english, re.IGNORECASE):
            continue
        wanted = ANAPHORA.get(entry.msgid, TERM)
        missing += [(entry.msgid, text) for text in _translations(entry) if wanted not in text]
    assert missing == [], f"these Lao strings name an action item without {TERM}: {missing}"


def test_no_other_term_for_action_items_in_the_lao_catalogue():
    found = [
        (entry.msgid, text)
        for entry in _catalogue()
        for text in _translations(entry)
        if any(other in text for other in OTHER_TERMS)
    ]
    assert found == []


def test_no_other_term_for_action_items_in_templates_or_sources():
    suffixes = {".html", ".txt", ".py", ".js", ".xml"}
    found = []
    for folder in SOURCE_FOLDERS:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in suffixes or not path.is_file() or path.name == "demo.py":
                continue  # demo.py holds the content of two real meetings, not interface text
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [(str(path.relative_to(ROOT)), other) for other in OTHER_TERMS if other in text]
    assert found == []


def test_the_status_open_reads_as_pending_not_as_not_started():
    """ "Open" means decided and not finished: ຍັງຄ້າງ (pending), next to ກຳລັງດຳເນີນ (in progress)."""
    with translation.override("lo"):
        labels = dict(ActionItemStatus.choices)
        assert str(labels[ActionItemStatus.OPEN]) == "ຍັງຄ້າງ"
        assert str(labels[ActionItemStatus.IN_PROGRESS]) == "ກຳລັງດຳເນີນ"
        assert len({str(label) for label in labels.values()}) == len(labels)


@pytest.mark.django_db
def test_the_minutes_pdf_headings_use_the_same_term_as_the_pages(demo):
    """The HTML the PDF is made from (not only the catalogue) names the sections with the one term."""
    from reports import minutes as services

    meeting = next(m for m in demo if m.action_items.exists())
    html = services.minutes_html(meeting, "lo", audience="public").replace("\u200b", "")
    assert TERM in html
    assert not any(other in html for other in OTHER_TERMS)
