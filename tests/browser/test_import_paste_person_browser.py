"""Journey: a secretariat editor pastes a news article that names a person already recorded (the report's
presenter, ພັອ ກິແກ້ວ ຈັນທະລັງສີ, from the demo) and a new one; confirms the suggestions; then pastes a second
article naming the new person again, with an older spelling (ຫນ for ໜ); no person is recorded twice, and the
position recorded is the job title, not the rest of the sentence."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SERIOUS, log_in, run_axe, screenshot, session_cookie
from tests.browser.test_wordpress_import_browser import db_read

pytestmark = pytest.mark.browser

FIRST = (
    "ໃນວັນທີ 3 ມີນາ 2025 ທີ່ໂຮງແຮມດອນຈັນພາເລດ ນະຄອນຫຼວງວຽງຈັນ ໄດ້ຈັດກອງປະຊຸມປະສານງານ ວຽກງານຕ້ານການຄ້າມະນຸດ "
    "ພາຍໃຕ້ການເປັນປະທານຂອງ ທ່ານ ປອ ບຸນໜອງ ສີຫາລາດ ຫົວໜ້າກົມແຜນການໄດ້ກ່າວເປີດກອງປະຊຸມ. "
    "ພັອ ກິແກ້ວ ຈັນທະລັງສີ ຮອງຫົວໜ້າກົມຕຳຫຼວດ ໄດ້ລາຍງານຜົນການເຄື່ອນໄຫວ."
)
SECOND = (
    "ໃນວັນທີ 9 ເມສາ 2025 ທີ່ຫ້ອງປະຊຸມກະຊວງແຮງງານ ໄດ້ຈັດກອງປະຊຸມປຶກສາຫາລື ພາຍໃຕ້ການເປັນປະທານຂອງ "
    "ທ່ານ ປອ ບຸນຫນອງ ສີຫາລາດ ຫົວໜ້າກົມແຜນການ, ມີ ພັອ ກິແກ້ວ ຈັນທະລັງສີ ເຂົ້າຮ່ວມ."
)


@pytest.fixture
def editor_cookie(transactional_db, live_server):
    from meetings.rules import roles
    from meetings.services.demo import load_demo_data
    from tests import factories

    load_demo_data()
    user = factories.user(role=roles.EDITOR, username="editor-paste")
    return session_cookie(user, live_server.url)


def paste(page, title: str, text: str):
    page.goto("/admin/meetings/meeting/add/")
    box = page.locator(".paste-article")
    box.locator("input[name=title]").fill(title)
    box.locator("textarea[name=text]").fill(text)
    box.locator("input[type=submit]").click()
    expect(page.locator(".import-suggestions")).to_be_visible()


def person_row(page, name: str):
    """The suggestion row whose value (not its passage) names the person."""
    value = page.locator("td.suggestion-value", has_text=name)
    return page.locator(".import-suggestions tr.suggestion", has=value)


def test_pasting_an_article_naming_a_recorded_person_records_no_second_person(editor_cookie, browser_page):
    from meetings.models import Participation, Person

    def people():
        return (
            Person.objects.count(),
            Person.objects.filter(name_lo__endswith="ສີຫາລາດ").count(),
            Person.objects.filter(name_lo="ກິແກ້ວ ຈັນທະລັງສີ").count(),
        )

    total, _none, kikeo = db_read(people)
    assert kikeo == 1
    page = browser_page
    log_in(page, editor_cookie)
    paste(page, "ກອງປະຊຸມປະສານງານ ວຽກງານຕ້ານການຄ້າມະນຸດ", FIRST)
    panel = page.locator(".import-suggestions")
    recorded = person_row(page, "ກິແກ້ວ ຈັນທະລັງສີ")
    new = person_row(page, "ບຸນໜອງ ສີຫາລາດ")
    expect(recorded).to_have_count(1)
    assert "new person" not in recorded.inner_text() and "ຜູ້ໃໝ່" not in recorded.inner_text()
    assert new.locator("em").count() == 1  # "(new person)"
    assert not [v["id"] for v in run_axe(page, context=".import-suggestions") if v.get("impact") in SERIOUS]
    screenshot(page, "paste-article-people")
    panel.locator("input[name=confirm]").click()
    expect(page.locator(".import-suggestions tr.suggestion.pending")).to_have_count(0)
    assert db_read(people) == (total + 1, 1, 1)  # the new person recorded once, the presenter not again

    paste(page, "ກອງປະຊຸມປຶກສາຫາລື", SECOND)  # ບຸນຫນອງ: the older spelling of the name just recorded
    again = person_row(page, "ສີຫາລາດ")
    expect(again).to_have_count(1)
    assert again.locator("em").count() == 0  # matched to the recorded person, not a new one
    page.locator(".import-suggestions input[name=confirm]").click()
    expect(page.locator(".import-suggestions tr.suggestion.pending")).to_have_count(0)
    assert db_read(people) == (total + 1, 1, 1)

    def records():
        person = Person.objects.get(name_lo__endswith="ສີຫາລາດ")
        roles = sorted(Participation.objects.filter(person=person).values_list("role", flat=True))
        kikeo_meetings = Participation.objects.filter(person__name_lo="ກິແກ້ວ ຈັນທະລັງສີ").count()
        return person.name_lo, person.position_lo, roles, kikeo_meetings

    name, position, roles, kikeo_meetings = db_read(records)
    assert name == "ບຸນໜອງ ສີຫາລາດ" and position == "ຫົວໜ້າກົມແຜນການ"  # not "… ໄດ້ກ່າວເປີດກອງປະຊຸມ"
    assert roles == ["chair", "chair"]
    assert kikeo_meetings >= 3  # the demo's meetings and the two pasted ones
