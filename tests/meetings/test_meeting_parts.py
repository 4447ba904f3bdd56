"""The meeting page's facts and participants' rows, written in Python (meetings/public/meeting_parts.py), give
the markup the template gave, byte for byte: the template's own text (before the change) is kept here as the
reference and rendered beside them, over meetings that take every branch (dates over several days, a time of
day with hours, a venue or a city alone, each format, organisers, countries, co-chairs, a programme, women and
online counts or none, a position at the time or the person's, no organisation, online participants, texts in
one language only), in Lao and English."""

import datetime

import pytest
from django.template import engines
from django.utils import translation

from meetings import models as m
from meetings.selectors.meetings import meeting_page
from tests import factories as f

pytestmark = pytest.mark.django_db

REFERENCE_FACTS = """{% load i18n portal humanize %}<dl class="facts">
  <div><dt>{% translate "Date" %}</dt><dd>{% include "meetings/includes/dates.html" %}</dd></div>
  {% if meeting.time_of_day or meeting.start_time %}<div><dt>{% translate "Time" %}</dt><dd>{% include "meetings/includes/time.html" %}</dd></div>{% endif %}
  {% translated meeting "venue" as venue %}{% translated meeting "city" as city %}
  {% if venue or city %}<div><dt>{% translate "Venue" %}</dt><dd>{{ venue }}{% if venue and city %}, {% endif %}{{ city }}</dd></div>{% endif %}
  {% if meeting.format %}<div><dt>{% translate "Format" %}</dt><dd>{{ meeting.get_format_display }}</dd></div>{% endif %}
  {% with orgs=meeting|related:"organisers" %}{% if orgs %}<div><dt>{% translate "Organised by" %}</dt><dd><ul class="inline-list">{% for org in orgs %}<li><a href="{{ org.get_absolute_url }}">{% translated org "name" %}</a></li>{% endfor %}</ul></dd></div>{% endif %}{% endwith %}
  {% with countries=meeting|related:"countries" %}{% if countries %}<div><dt>{% translate "Participating countries" %}</dt><dd><ul class="inline-list">{% for country in countries %}<li>{% translated country "name" %}</li>{% endfor %}</ul></dd></div>{% endif %}{% endwith %}
  {% if chairs %}<div><dt>{% translate "Chaired by" %}</dt><dd><ul class="inline-list">{% for p in chairs %}<li><a href="{{ p.person.get_absolute_url }}">{% translated p.person "honorific" note=False %} {% translated p.person "name" %}</a>{% if p.role == "co_chair" %} ({{ p.get_role_display }}){% endif %}</li>{% endfor %}</ul></dd></div>{% endif %}
  {% if meeting.programme %}<div><dt>{% translate "Programme" %}</dt><dd><a href="{% url 'meetings:meeting_list' %}?programme={{ meeting.programme.slug|urlencode }}">{% translated meeting.programme "name" %}</a></dd></div>{% endif %}
  {% if meeting.attendance_total is not None %}<div><dt>{% translate "Participants" %}</dt><dd>{{ meeting.attendance_total|intcomma }}{% if meeting.attendance_women is not None %}, {% blocktranslate with women=meeting.attendance_women|intcomma %}of whom {{ women }} women{% endblocktranslate %} ({{ meeting.women_share|percent }}){% endif %}{% if meeting.attendance_online %}, {% blocktranslate with online=meeting.attendance_online|intcomma %}{{ online }} online{% endblocktranslate %}{% endif %}</dd></div>{% endif %}
</dl>"""
REFERENCE_ROWS = """{% load i18n portal %}<tbody>{% for p in participations %}<tr>
    <td data-label="{% translate 'Name' %}"><a href="{{ p.person.get_absolute_url }}">{% translated p.person "honorific" note=False %} {% translated p.person "name" %}</a></td>
    <td data-label="{% translate 'Position' %}">{% translated p "position" as position_then %}{% if position_then %}{{ position_then }}{% else %}{% translated p.person "position" %}{% endif %}</td>
    <td data-label="{% translate 'Organisation' %}">{% if p.organisation %}<a href="{{ p.organisation.get_absolute_url }}">{% translated p.organisation "name" %}</a>{% endif %}</td>
    <td data-label="{% translate 'Role' %}">{{ p.get_role_display }}{% if p.online %} ({% translate "online" %}){% endif %}</td>
  </tr>{% endfor %}</tbody>"""
NEW = """{% load meeting_parts %}{% meeting_facts meeting chairs %}|<tbody>{% participant_rows participations %}</tbody>"""


def _meetings():
    org = f.organisation(name_lo="ອົງການ & ຄູ່ຮ່ວມ", name_en="")  # in English: shown with the "in Lao only" note
    other = f.organisation()
    programme = m.Programme.objects.create(name_lo="ແຜນງານ <ໜຶ່ງ>", name_en="Programme one", slug="prog-one")
    full = f.meeting(
        title_en="Full",
        end_date=datetime.date(2024, 2, 17),
        time_of_day=m.Meeting.TimeOfDay.MORNING,
        start_time=datetime.time(8, 30),
        end_time=datetime.time(11, 45),
        venue_lo="ຫ້ອງປະຊຸມ",
        venue_en="Room A",
        city_en="Vientiane",
        format=m.Meeting.Format.HYBRID,
        attendance_total=1200,
        attendance_women=532,
        attendance_online=40,
        programme=programme,
        organisers=[org, other],
    )
    full.countries.set(m.Country.objects.filter(code__in=["TH", "VN"]) or _countries())
    chair = f.person(honorific_lo="ທ່ານ", honorific_en="Mr", position_lo="ຮອງລັດຖະມົນຕີ", position_en="")
    f.participation(meeting=full, person=chair, role="chair", organisation=org)
    f.participation(meeting=full, person=f.person(name_en=""), role="co_chair", position_en="Director then")
    f.participation(meeting=full, person=f.person(), role="participant", online=True)
    one_day = f.meeting(
        title_en="Plain", start_time=datetime.time(14, 0), city_lo="ປາກເຊ", format=m.Meeting.Format.ONLINE
    )
    f.participation(meeting=one_day, person=f.person(), role="guest")
    evening = f.meeting(
        title_en="Venue only", time_of_day=m.Meeting.TimeOfDay.AFTERNOON, venue_en="Hall", attendance_total=0
    )
    same_day = f.meeting(title_en="Same day", end_date=datetime.date(2024, 2, 15), attendance_total=30,
                         attendance_women=12)  # fmt: skip
    return [full, one_day, evening, same_day]


def _countries():
    return [
        m.Country.objects.create(code="TH", name_lo="ໄທ", name_en="Thailand"),
        m.Country.objects.create(code="VN", name_lo="ຫວຽດນາມ", name_en=""),
    ]


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_the_facts_and_rows_are_the_templates_markup(lang, rf):
    engine = engines["django"]
    reference = engine.from_string(REFERENCE_FACTS + "|" + REFERENCE_ROWS)
    new = engine.from_string(NEW)
    for meeting in _meetings():
        request = rf.get("/")
        with translation.override(lang):
            context = meeting_page(None, meeting.slug)
            expected = reference.render(context, request)
            assert new.render(context, request) == expected
            assert (
                meeting.title_en in {"Plain", "Venue only", "Same day"}
                or "1,200" in expected
                or "1.200" in expected
            )
