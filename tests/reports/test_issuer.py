"""The minutes' letterhead names the body that issues them (the secretariat, or the organisation the officer
chose as "minutes issued by"), never the host or a guest country because it organised the meeting."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags

from meetings import models as m
from meetings.rules.text import ZWSP
from reports import minutes as services
from tests import factories
from tests.reports.asean import asean_meeting

pytestmark = pytest.mark.django_db
HOST_LO = "ລັດຖະບານ ສາທາລະນະລັດ ຟີລິບປິນ"
SECRETARIAT_LO = "ກອງເລຂາຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ"


def letterhead(meeting, edition="lo", audience="public") -> list[str]:
    html = services.minutes_html(meeting, edition, audience=audience).replace(ZWSP, "")
    return [strip_tags(p).strip() for p in re.findall(r'<p class="issued-by">(.*?)</p>', html, re.S)]


def test_a_meeting_hosted_by_another_government_is_issued_by_the_secretariat():
    meeting = asean_meeting()
    assert list(meeting.organisers.values_list("name_lo", flat=True)) == [HOST_LO]
    assert letterhead(meeting) == [SECRETARIAT_LO]
    assert letterhead(meeting, "en") == ["Secretariat of the National Committee for Anti-Human Trafficking"]
    assert letterhead(meeting, "bilingual") == [
        SECRETARIAT_LO,
        "Secretariat of the National Committee for Anti-Human Trafficking",
    ]
    html = services.minutes_html(meeting, "lo", audience="public").replace(ZWSP, "")
    assert HOST_LO in html  # still named where it belongs: "Organised by"


def test_the_organiser_the_officer_chose_issues_the_minutes():
    meeting = asean_meeting()
    ministry = factories.organisation(name_lo="ກະຊວງປ້ອງກັນຄວາມສະຫງົບ", name_en="Ministry of Public Security")
    meeting.organisers.add(ministry)
    meeting.issued_by = ministry
    meeting.save()
    assert letterhead(meeting) == ["ກະຊວງປ້ອງກັນຄວາມສະຫງົບ"]
    assert letterhead(meeting, "en") == ["Ministry of Public Security"]


def test_without_a_secretariat_record_the_letterhead_still_names_the_secretariat():
    meeting = factories.meeting(organisers=[factories.organisation(name_lo=HOST_LO, name_en="Philippines")])
    assert letterhead(meeting) == [SECRETARIAT_LO]


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_the_admin_shows_the_rule_where_the_issuer_is_chosen(client, lang):
    meeting = asean_meeting()
    admin = get_user_model().objects.create_superuser("boss", password="a-long-test-password")
    client.force_login(admin)
    client.cookies["django_language"] = lang
    page = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()

    with translation.override(lang):
        help_text = str(m.Meeting._meta.get_field("issued_by").help_text)
        rule = "The issuing body heads the minutes: the one chosen here, or else the secretariat."
        rule = translation.gettext(rule)
    assert 'name="issued_by"' in page
    assert help_text in page and rule in page
    display = page.split(rule, 1)[1][:400]
    secretariat = SECRETARIAT_LO if lang == "lo" else "Secretariat of the National Committee"
    assert secretariat in display and "Philippines" not in display and HOST_LO not in display
