"""Lao line breaks on the web, in Chromium: names and loanwords are never cut at a line end.

Chromium breaks Lao with ICU's dictionary, which does not know most names and loanwords and cuts them
(ກິ|ແກ້ວ, ອົດສະ|ຕຣາລີ). The page is laid out at many widths; at each, every occurrence of a loanword in the
page, and of a word of a person's or organisation's name in a link to its page, must sit on one line.
"""

import pytest

from meetings import models as m
from meetings.selectors.known_names import LOANWORDS, name_words

pytestmark = pytest.mark.browser

NPSC = "2024-02-15-asean-act-npsc-2023"

# For each word, the occurrences under the elements of ``selector`` whose glyphs lie on more than one line.
CUT_OCCURRENCES = """([words, selector]) => {
  const found = {checked: 0, cut: []};
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of words) {
        for (let at = node.data.indexOf(word); at !== -1; at = node.data.indexOf(word, at + word.length)) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          const tops = [...range.getClientRects()].filter(r => r.width > 0).map(r => r.top);
          found.checked += 1;
          if (tops.length && Math.max(...tops) - Math.min(...tops) > 4) found.cut.push(word);
        }
      }
    }
  }
  return found;
}"""
NAME_LINKS = "main a[href*='/people/'], main a[href*='/organisations/']"


@pytest.fixture
def words(transactional_db):
    """The loanwords and the words of every name in the demo data, read before Chromium starts."""
    from meetings.services.demo import load_demo_data

    load_demo_data()
    names = set()
    for person in m.Person.objects.all():
        names |= name_words(person.name_lo)
    for organisation in m.Organisation.objects.all():
        names |= name_words(organisation.name_lo) | name_words(organisation.short_name_lo)
    return {"names": sorted(names), "loanwords": sorted(LOANWORDS)}


def test_names_and_loanwords_are_never_cut_at_a_line_end(words, new_browser_page):
    page = new_browser_page(viewport={"width": 800, "height": 900})
    page.goto(f"/lo/meetings/{NPSC}/")
    page.evaluate("() => document.fonts.ready")
    cut, checked = set(), {"names": 0, "loanwords": 0}
    for width in range(320, 801, 6):
        page.set_viewport_size({"width": width, "height": 900})
        for kind, selector in (("names", NAME_LINKS), ("loanwords", "main")):
            found = page.evaluate(CUT_OCCURRENCES, [words[kind], selector])
            checked[kind] += found["checked"]
            cut.update(f"{word} (at {width}px)" for word in found["cut"])
    # the page shows names and loanwords at every width, so the check looked at something
    assert checked["names"] >= 81 * 10 and checked["loanwords"] >= 81 * 2, checked
    assert not cut, sorted(cut)[:20]


@pytest.fixture
def asean(transactional_db):
    """The ASEAN-style meeting (issue 22) and the words of every name its page shows, read before Chromium
    starts: its countries (ຕີມໍເລສເຕ, which ICU cuts ຕີ|ມໍ|ເລສ|ເຕ), organisers, people and places."""
    from meetings.rules.roles import AudienceReader
    from meetings.selectors.known_names import names_shown_with
    from meetings.selectors.meetings import minutes_meeting
    from tests.reports.asean import asean_meeting

    meeting = asean_meeting()
    words = sorted(names_shown_with(minutes_meeting(AudienceReader("public"), meeting.pk)))
    assert {"ຕີມໍເລສເຕ", "ດາຣຸສຊາລາມ", "ສິງກະໂປ", "ອິນໂດເນເຊຍ"} <= set(words)
    return meeting.slug, words


def test_recorded_names_are_never_cut_on_the_meeting_page(asean, new_browser_page):
    """Countries, organisers, people and places: in the lists and wherever the summary names them."""
    slug, words = asean
    page = new_browser_page(viewport={"width": 800, "height": 900})
    page.goto(f"/lo/meetings/{slug}/")
    page.evaluate("() => document.fonts.ready")
    cut, checked = set(), 0
    for width in range(320, 801, 8):
        page.set_viewport_size({"width": width, "height": 900})
        found = page.evaluate(CUT_OCCURRENCES, [words, "main"])
        checked += found["checked"]
        cut.update(f"{word} (at {width}px)" for word in found["cut"])
    assert checked >= 61 * 20, checked  # every width showed the names: the check looked at something
    assert not cut, sorted(cut)[:20]
