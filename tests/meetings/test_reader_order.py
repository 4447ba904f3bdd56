"""Lists of countries, organisations and people follow the reader's language: sorted by their Lao names with
ICU's Lao collation on Lao pages and PDFs, by their English names on English ones (never by ISO code)."""

import re

import icu
import pytest
from django.utils import translation
from django.utils.html import strip_tags

from meetings import models as m
from meetings.rules.text import ZWSP
from reports import minutes as services
from tests import factories
from tests.reports.asean import asean_meeting

pytestmark = pytest.mark.django_db


def icu_sorted(names, lang):
    collator = icu.Collator.createInstance(icu.Locale(lang))
    return sorted(names, key=collator.getSortKey)


def _items(html: str, heading: str) -> list[str]:
    """The list items under the <dt> ``heading`` of a page's facts list."""
    block = html.split(f"<dt>{heading}</dt>", 1)[1].split("</dd>", 1)[0]
    return [strip_tags(item).strip() for item in re.findall(r"<li>(.*?)</li>", block, re.S)]


@pytest.mark.parametrize(("lang", "heading"), [("lo", "ປະເທດທີ່ເຂົ້າຮ່ວມ"), ("en", "Participating countries")])
def test_the_meeting_page_lists_countries_by_name_in_the_reader_language(client, lang, heading):
    meeting = asean_meeting()
    names = list(meeting.countries.values_list(f"name_{lang}", flat=True))
    by_code = list(meeting.countries.order_by("code").values_list(f"name_{lang}", flat=True))
    expected = icu_sorted(names, lang)
    assert expected != by_code  # the check can tell the two orders apart
    listed = _items(client.get(f"/{lang}/meetings/{meeting.slug}/").content.decode(), heading)
    assert listed == expected


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_the_minutes_list_countries_and_organisers_in_the_edition_language(lang):
    meeting = asean_meeting()
    extra = [
        factories.organisation(name_lo="ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ", name_en="Ministry of Labour"),
        factories.organisation(name_lo="ເອກະອັກຄະລັດຖະທູດ ອົດສະຕຣາລີ", name_en="Australian Embassy"),
        factories.organisation(name_lo="ອົງການ ໄອໂອເອັມ", name_en="IOM"),
    ]
    meeting.organisers.add(*extra)
    html = services.minutes_html(meeting, lang, audience="public").replace(ZWSP, "")
    with translation.override(lang):
        countries_label = translation.gettext("Participating countries")
        organisers_label = translation.gettext("Organised by")
    for label, names in (
        (countries_label, meeting.countries.values_list(f"name_{lang}", flat=True)),
        (organisers_label, meeting.organisers.values_list(f"name_{lang}", flat=True)),
    ):
        row = html.split(f"<th>{label}</th>", 1)[1].split("</td>", 1)[0]
        shown = [strip_tags(name).strip() for name in strip_tags(row).split(";")]
        assert shown == icu_sorted(list(names), lang), label


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_the_organisation_and_people_lists_follow_the_reader_language(client, lang):
    names = [
        ("ເອກະອັກຄະລັດຖະທູດ ອົດສະຕຣາລີ", "Australian Embassy"),
        ("ກະຊວງຍຸຕິທຳ", "Ministry of Justice"),
        ("ແຂວງຫຼວງພະບາງ", "Luang Prabang Province"),
        ("ອົງການ ໄອໂອເອັມ", "IOM"),
    ]
    meeting = factories.meeting()
    for name_lo, name_en in names:
        organisation = factories.organisation(name_lo=name_lo, name_en=name_en)
        person = factories.person(
            name_lo=f"ທ່ານ {name_lo}", name_en=f"Mr {name_en}", organisation=organisation
        )
        factories.participation(meeting=meeting, person=person, organisation=organisation, role="participant")
    pages = {
        "organisations": [n[0 if lang == "lo" else 1] for n in names],
        "people": [("ທ່ານ " if lang == "lo" else "Mr ") + n[0 if lang == "lo" else 1] for n in names],
    }
    for path, expected in pages.items():
        html = client.get(f"/{lang}/{path}/").content.decode().replace(ZWSP, "")
        main = strip_tags(html.split("<main", 1)[1])
        positions = [main.find(name) for name in icu_sorted(expected, lang)]
        assert -1 not in positions and positions == sorted(positions), (path, positions)
    assert m.Organisation.objects.count() == 4
