"""The meeting page's facts and participants' rows, written in Python (meetings/public/meeting_parts.py), give
the markup the template gave, byte for byte: the template's own text (before the change) is kept here as the
reference and rendered beside them, over meetings that take every branch (dates over several days, a time of
day with hours, a venue or a city alone, each format, organisers, countries, co-chairs, a programme, women and
online counts or none, a position at the time or the person's, no organisation, online participants, texts in
one language only), in Lao and English. So are the action items (overdue or not, a due date, responsible
organisations, follow-ups with and without a note, one or several, the deciding meeting shown or not) and the
activities and achievements (with and without a reporting organisation), whose templates were includes.

The action item's markup is also the one of the home page, the action items list and an organisation's page."""

import datetime

import pytest
from django.template import engines
from django.utils import translation

from meetings import models as m
from meetings.public.meeting_parts import action_item_html, reported_item_html
from meetings.selectors.meetings import meeting_page
from meetings.selectors.rows import related
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
REFERENCE_ACTION_ITEM = """{% load i18n portal %}<li class="action-item" id="action-item-{{ item.pk }}">
  <p class="action-item__text">{% translated item "text" %}</p>
  <dl class="action-item__facts">
    <div><dt>{% translate "Status" %}</dt><dd><span class="status status--{{ item.reader_status }}">{{ item.get_reader_status_display }}</span>{% if item.is_overdue %} <span class="status status--overdue">{% translate "overdue" %}</span>{% endif %}</dd></div>
    {% if item.due_date %}<div><dt>{% translate "Due" %}</dt><dd><time datetime="{{ item.due_date|date:'Y-m-d' }}">{{ item.due_date|date }}</time></dd></div>{% endif %}
    {% with orgs=item|related:"responsible" %}{% if orgs %}<div><dt>{% translate "Responsible" %}</dt><dd>{% for org in orgs %}<a href="{{ org.get_absolute_url }}">{% translated org "name" note=False %}</a>{% if not forloop.last %}, {% endif %}{% endfor %}</dd></div>{% endif %}{% endwith %}
    {% if show_meeting %}<div><dt>{% translate "Decided at" %}</dt><dd><a href="{{ item.meeting.get_absolute_url }}">{% translated item.meeting "title" note=False %}</a> (<time datetime="{{ item.meeting.start_date|date:'Y-m-d' }}">{{ item.meeting.start_date|date }}</time>)</dd></div>{% endif %}
  </dl>
  {% with updates=item|related:"updates" %}{% if updates %}
  <details class="action-item__history"{% if open_history %} open{% endif %}>
    <summary>{% blocktranslate count counter=updates|length %}{{ counter }} follow-up{% plural %}{{ counter }} follow-ups{% endblocktranslate %}</summary>
    <ol class="history">
      {% for update in updates %}<li><a href="{{ update.meeting.get_absolute_url }}"><time datetime="{{ update.meeting.start_date|date:'Y-m-d' }}">{{ update.meeting.start_date|date }}</time></a> — <span class="status status--{{ update.status }}">{{ update.get_status_display }}</span>{% translated update "note" as note %}{% if note %}: {{ note }}{% endif %}</li>{% endfor %}
    </ol>
  </details>
  {% endif %}{% endwith %}
</li>
"""
REFERENCE_REPORTED_ITEM = """{% load i18n portal %}<li value="{{ item.order }}"><h3 class="item-title">{% translated item "title" %}</h3>
  {% if item.organisation %}<p class="by"><a href="{{ item.organisation.get_absolute_url }}">{% translated item.organisation "name" %}</a></p>{% endif %}
  {% translated item "description" paragraphs=True %}</li>
"""
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


def _items():
    meeting = f.meeting(title_en="Decisions", start_date=datetime.date(2023, 3, 1))
    later = f.meeting(title_en="Review", start_date=datetime.date(2023, 9, 5))
    later_still = f.meeting(title_en="Second review", start_date=datetime.date(2024, 1, 9))
    org, lao_only = f.organisation(), f.organisation(name_en="")
    overdue = f.action_item(meeting=meeting, due_date=datetime.date(2023, 6, 30), responsible=[org, lao_only])
    f.action_item(meeting=meeting, text_en="", status="done")
    followed = f.action_item(meeting=meeting, status="in_progress")
    m.ActionItemUpdate.objects.create(
        action_item=overdue, meeting=later, status="in_progress", note_lo="ກຳລັງດຳເນີນ", note_en="Under way <b>"
    )
    m.ActionItemUpdate.objects.create(action_item=overdue, meeting=later_still, status="open")
    m.ActionItemUpdate.objects.create(action_item=followed, meeting=later, status="in_progress")
    m.Activity.objects.create(meeting=meeting, order=1, title_lo="ກິດຈະກຳ", title_en="", organisation=org,
                              description_lo="ແຖວໜຶ່ງ\n\nແຖວສອງ", description_en="Line one")  # fmt: skip
    m.Achievement.objects.create(meeting=meeting, order=2, title_lo="ຜົນງານ", title_en="Result")
    return meeting


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_the_action_and_reported_items_are_the_includes_markup(lang, rf):
    engine = engines["django"]
    meeting = _items()
    request = rf.get("/")
    with translation.override(lang):
        context = meeting_page(None, meeting.slug)
        page = context["meeting"]
        items = related(page, "action_items")
        assert len(items) == 3 and sum(len(related(item, "updates")) for item in items) == 3
        for options in ({"open_history": True}, {"show_meeting": True}, {}):
            reference = "".join(
                engine.from_string(REFERENCE_ACTION_ITEM).render({"item": item, **options}, request)
                for item in items
            )
            new = "".join(action_item_html(item, **options) for item in items)
            assert new == reference
        reported = related(page, "activities") + related(page, "achievements")
        assert len(reported) == 2
        for item in reported:
            assert reported_item_html(item) == engine.from_string(REFERENCE_REPORTED_ITEM).render(
                {"item": item}
            )
        html = action_item_html(items[0], show_meeting=True)
        assert "status--overdue" in html and ("Under way &lt;b&gt;" in html or "ກຳລັງດຳເນີນ" in html)
