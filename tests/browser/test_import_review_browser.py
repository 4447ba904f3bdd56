"""Journey: a secretariat editor imports an archive of 200 news posts, then reviews the suggestions one fact
kind at a time: the venues in one list with their passages, one wrong-looking row unticked, the rest
confirmed in one click; then every person, confirmed at once, each new person recorded once."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, log_in, screenshot, session_cookie
from tests.browser.test_wordpress_import_browser import db_read
from tests.meetings.archive import archive_export

pytestmark = pytest.mark.browser


@pytest.fixture
def editor_cookie(transactional_db, live_server):
    from meetings.models import Meeting
    from meetings.rules import roles
    from meetings.services.demo import load_demo_data
    from tests import factories

    load_demo_data()
    Meeting.objects.all().delete()  # the demo's people and organisations, no meeting to link posts to
    user = factories.user(role=roles.EDITOR, username="editor-review")
    return session_cookie(user, live_server.url)


def test_officer_confirms_every_venue_of_a_200_post_archive_in_one_list(
    editor_cookie, browser_page, tmp_path
):
    from meetings.models import Participation, Person
    from meetings.models.imports import ImportedPost, Suggestion

    export = tmp_path / "archive.xml"
    export.write_bytes(archive_export(200))
    page = browser_page
    page.set_default_timeout(120_000)  # 200 posts read in the preview, then imported
    log_in(page, editor_cookie)
    page.goto("/admin/meetings/importedpost/import/")
    page.locator("input[type=file]").set_input_files(str(export))
    page.locator("input[type=submit]").click()
    expect(page.locator("tr.post-row")).to_have_count(200)
    page.locator(".submit-row input[type=submit]").click()
    expect(page.locator(".import-summary")).to_be_visible()
    created = db_read(lambda: ImportedPost.objects.filter(meeting__isnull=False).count())
    assert created >= 150

    # the review: one click from the result, one list per kind
    page.locator("a.review-link").click()
    page.locator(".review-kinds a[href$='?kind=venue']").click()
    rows = page.locator("tr.review-row")
    venues = db_read(lambda: Suggestion.objects.filter(field="venue", status="pending").count())
    expect(rows).to_have_count(venues)
    assert rows.nth(0).locator("mark").count() == 1  # the passage, the venue marked
    count = page.locator(".review-count")
    expect(count).to_have_text(re.compile(rf"^{venues} "))  # "N of N ticked", once the script has run
    page.locator(".tick-all").uncheck()  # tick-all works both ways
    assert page.locator("input[name=suggestion]:checked").count() == 0
    page.locator(".tick-all").check()
    left = rows.nth(3).locator("input[name=suggestion]")
    left_pk = int(left.get_attribute("value"))
    left.uncheck()
    assert count.inner_text().startswith(f"{venues - 1} ")
    assert_accessible(page)
    screenshot(page, "import-review-venues")
    page.locator(".submit-row input[name=confirm]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    expect(rows).to_have_count(1)  # only the unticked one is left to decide

    def venue_records():
        out = []
        for s in Suggestion.objects.filter(field="venue").select_related("meeting"):
            out.append((s.pk, s.status, s.value in (s.meeting.venue_lo, s.meeting.venue_en)))
        return out

    records = db_read(venue_records)
    assert {(pk == left_pk, status) for pk, status, _ok in records} == {
        (True, "pending"),
        (False, "confirmed"),
    }
    assert all(ok for _pk, _status, ok in records)

    # every person at once: a new person named in many drafts is recorded once
    page.locator(".review-kinds a[href$='?kind=person']").click()
    expect(page.locator("tr.review-row").first).to_be_visible()
    page.locator(".submit-row input[name=confirm]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    named, people, participations = db_read(
        lambda: (
            Suggestion.objects.filter(field="person", value__name_lo="ສົມພອນ ວົງສາ").count(),
            Person.objects.filter(name_lo="ສົມພອນ ວົງສາ").count(),
            Participation.objects.filter(person__name_lo="ສົມພອນ ວົງສາ").count(),
        )
    )
    assert named > 20 and people == 1 and participations == named
