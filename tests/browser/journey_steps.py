"""What a secretariat officer does in the browser during the journeys of ``test_journeys_browser.py``: fill
the admin's forms, popups and inlines, submit and publish, and check the public pages, PDFs and search."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from urllib.parse import quote

from meetings import models as m
from tests.browser.conftest import screenshot

NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def officer_page(new_browser_page, office, account="editor", language=None, width=1280):
    page = new_browser_page(viewport={"width": width, "height": 900})
    cookies = [office["cookies"][account]]
    if language:  # the officer's choice of interface language (no choice: Lao)
        cookies.append({"name": "django_language", "value": language, "url": cookies[0]["url"]})
    page.context.add_cookies(cookies)
    return page


def choose(page, field_id, typed, result):
    """Pick ``result`` in the autocomplete of ``field_id`` after typing ``typed``, as an officer does."""
    multiple = page.locator(f"#{field_id}").get_attribute("multiple") is not None
    page.locator(f"#{field_id} + .select2 .select2-selection").click()
    if multiple:
        search = page.locator(f"#{field_id} + .select2 .select2-search__field")
    else:
        search = page.locator(".select2-container--open .select2-search__field")
    search.press_sequentially(typed)
    page.locator(".select2-container--open .select2-results__option", has_text=result).first.click()
    expect_chosen = page.locator(f"#{field_id} + .select2", has_text=result)
    expect_chosen.wait_for()


def in_popup(page, plus_selector, fill):
    """Click a "+" (add another) button, fill the popup's form with ``fill(popup)`` and save it."""
    with page.expect_popup() as info:
        page.locator(plus_selector).click()
    popup = info.value
    popup.wait_for_load_state()
    fill(popup)
    with popup.expect_event("close"):
        popup.locator("input[name=_save]").first.click()


def add_row(page, group):
    page.locator(f"#{group}-group .add-row a").click()
    return page.locator(f"#{group}-group .dynamic-{group}").count() - 1


def submit(page, button):
    """Click a button that posts a form and wait for the page that answers."""
    with page.expect_navigation():
        page.locator(button).first.click()


def success_message(page) -> str:
    message = page.locator(".messagelist .success")
    try:
        message.wait_for()
    except Exception:
        screenshot(page, "journeys/no-success-message")
        raise AssertionError(page.locator("#content").inner_text()[:3000]) from None
    return message.inner_text()


def save_and_continue(page):
    submit(page, "input[name=_continue]")
    errors = page.locator(".errornote, .errorlist").all_inner_texts()
    assert not errors, errors
    return success_message(page)


def normalised(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# --- from saved to published, public, printed, found, counted, edited, restored ----------------------------
def online_meetings_figure(new_browser_page) -> int:
    """The public statistics page's count of meetings held online, as a reader (not signed in) sees it."""
    page = new_browser_page()
    page.goto("/en/statistics/")
    return int(
        page.locator("dt", has_text="Meetings held online or hybrid")
        .locator("xpath=..")
        .locator("dd")
        .inner_text()
    )


def submit_and_publish(editor_page, publisher_page, meeting_pk):
    change = f"/admin/meetings/meeting/{meeting_pk}/change/"
    editor_page.goto(change)
    editor_page.locator("a.workflow-submit").click()
    submit(editor_page, "input[type=submit].default")
    success_message(editor_page)
    publisher_page.goto(change)
    publisher_page.locator("a.workflow-publish").click()
    confirm = publisher_page.locator("input[name=confirm_sensitive]")
    if confirm.count():
        confirm.check()
    submit(publisher_page, "input[type=submit].default")
    success_message(publisher_page)
    assert m.Meeting.objects.get(pk=meeting_pk).status == m.Meeting.Status.PUBLISHED


def check_public_pages(new_browser_page, meeting, shown: dict[str, list[str]], name: str):
    """The meeting's public page in Lao and English at 360 and 1280 px: what was typed, no sideways scroll."""
    for lang, texts in shown.items():
        for width in (360, 1280):
            page = new_browser_page(viewport={"width": width, "height": 800})
            page.goto(f"/{lang}/meetings/{meeting.slug}/")
            body = page.locator("main").inner_text()
            for text in texts:
                assert text in body, (lang, width, text)
            assert page.evaluate(NO_SIDEWAYS_SCROLL), f"{lang} page at {width}px scrolls sideways"
            screenshot(page, f"journeys/{name}-public-{lang}-{width}")


def check_pdfs(page, meeting, printed: dict[str, list[str]], tmp_path):
    """The three editions of the minutes: their text layer holds what the officer typed."""
    for edition, texts in printed.items():
        response = page.request.get(
            f"/{'en' if edition == 'en' else 'lo'}/reports/minutes/{meeting.slug}/{edition}.pdf"
        )
        assert response.status == 200 and response.headers["content-type"] == "application/pdf"
        path = tmp_path / f"{meeting.slug}-{edition}.pdf"
        path.write_bytes(response.body())
        # -raw: the text in the order it was written (pdftotext's default re-sorts glyphs by position, which
        # moves Lao marks printed over a neighbour: ບໍລິສັດ would read ບໍລສິັດ).
        layer = subprocess.run(
            ["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True, text=True
        )
        text = normalised(layer.stdout)
        (tmp_path / f"{meeting.slug}-{edition}.txt").write_text(text)
        for expected in texts:
            assert normalised(expected) in text, (edition, expected, text)


def check_search(page, meeting, terms: list[tuple[str, str]]):
    for lang, term in terms:
        page.goto(f"/{lang}/search/?q={quote(term)}")
        assert page.locator(f"main a[href='/{lang}/meetings/{meeting.slug}/']").count() >= 1, (lang, term)


def edit_conflict_and_restore(new_browser_page, office, meeting, field, new_value, other_value):
    """Edit again; a second officer's save based on the page opened before is refused; then the version
    before the edit is restored from the history."""
    change = f"/admin/meetings/meeting/{meeting.pk}/change/"
    before = getattr(meeting, field)
    first = officer_page(new_browser_page, office, "publisher")
    second = officer_page(new_browser_page, office, "publisher")  # published: only a publisher may edit
    first.goto(change)
    second.goto(change)
    first.locator(f"#id_{field}").fill(new_value)
    save_and_continue(first)
    second.locator(f"#id_{field}").fill(other_value)
    submit(second, "input[name=_continue]")
    assert second.locator(".errornote.edit-conflict").is_visible()
    assert second.locator(f"#id_{field}").input_value() == other_value  # the officer's text stays
    meeting.refresh_from_db()
    assert getattr(meeting, field) == new_value

    history = meeting.history.filter(**{field: before}).exclude(
        history_change_reason="not saved: edit conflict"
    )
    first.goto(f"/admin/meetings/meeting/{meeting.pk}/history/{history.first().history_id}/")
    assert first.locator(f"#id_{field}").input_value() == before
    submit(first, "input[name=_save]")
    success_message(first)
    meeting.refresh_from_db()
    assert getattr(meeting, field) == before
    return first
