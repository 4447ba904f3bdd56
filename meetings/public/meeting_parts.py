"""Dense and repeated parts of the meeting page as HTML, written in Python, as the search page's hits are
(``meetings/public/search_hits.py``): the facts list under the title, the participants' rows, the activities and
achievements, and the action items (also shown on the home page, the action items list and an organisation's
page). In the template they were hundreds of small nodes, about half of the Python work of a fresh meeting page;
written here they cost a fraction of that (docs/en/developers/performance.md; callgrind: 23.9M to 18.9M Python
instructions per fresh demo meeting page). The markup is what the template wrote, byte for byte
(tests/meetings/test_meeting_parts.py keeps the template's old text and renders both).

The page's structure, headings and sections stay in ``templates/meetings/meeting_detail.html``, which calls
these through the tags of ``meetings/templatetags/meeting_parts.py``.
"""

from __future__ import annotations

from urllib.parse import quote

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import localize, time_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from meetings.public.markup import day_html, escaped
from meetings.selectors.rows import related
from meetings.templatetags.portal import percent, translated
from portal.http.reversed import reverse_kept


def _fact(label: str, value: str) -> str:
    """One ``<div><dt>label</dt><dd>value</dd></div>``; ``label`` translated already (a literal ``gettext``
    call, so that makemessages finds the message)."""
    return f"<div><dt>{escaped(label)}</dt><dd>{value}</dd></div>"


def _dates(meeting) -> str:
    """templates/meetings/includes/dates.html, with the line end an include writes."""
    out = day_html(meeting.start_date)
    if meeting.end_date and meeting.end_date != meeting.start_date:
        out += f" – {day_html(meeting.end_date)}"
    return out + "\n"


def _time(meeting) -> str:
    """templates/meetings/includes/time.html: "Morning, 08:30–11:45", "Afternoon", "08:30"."""
    out = escaped(meeting.get_time_of_day_display()) if meeting.time_of_day else ""
    if meeting.time_of_day and meeting.start_time:
        out += ", "
    if meeting.start_time:
        out += escaped(time_format(meeting.start_time, "H:i"))
        if meeting.end_time:
            out += "–" + escaped(time_format(meeting.end_time, "H:i"))
    return out + "\n"


def _link(record, field: str = "name", *, note: bool = True) -> str:
    """A link to ``record``'s page with its ``field`` in the reader's language (or marked as the other)."""
    return f'<a href="{escaped(record.get_absolute_url())}">{translated(record, field, note=note)}</a>'


def _person(person) -> str:
    """A person's link: honorific and name, each in the reader's language or marked as the other."""
    return (
        f'<a href="{escaped(person.get_absolute_url())}">'
        f"{translated(person, 'honorific', note=False)} {translated(person, 'name')}</a>"
    )


def _attendance(meeting) -> str:
    out = escaped(intcomma(meeting.attendance_total))
    if meeting.attendance_women is not None:
        women = gettext("of whom %(women)s women") % {"women": escaped(intcomma(meeting.attendance_women))}
        out += f", {women} ({escaped(percent(meeting.women_share))})"
    if meeting.attendance_online:
        out += ", " + gettext("%(online)s online") % {"online": escaped(intcomma(meeting.attendance_online))}
    return out


def facts_html(meeting, chairs) -> SafeString:
    """The ``<dl class="facts">`` under the meeting's title: date, time, venue, format, organisers,
    countries, chairs, programme and attendance, each only when recorded."""
    lines = [_fact(gettext("Date"), _dates(meeting))]
    lines.append(_fact(gettext("Time"), _time(meeting)) if meeting.time_of_day or meeting.start_time else "")
    venue, city = translated(meeting, "venue"), translated(meeting, "city")
    lines.append("")  # the template's line that worked out the venue and city
    lines.append(
        _fact(gettext("Venue"), f"{venue}{', ' if venue and city else ''}{city}") if venue or city else ""
    )
    lines.append(_fact(gettext("Format"), escaped(meeting.get_format_display())) if meeting.format else "")
    organisers = related(meeting, "organisers")
    lines.append(
        _fact(
            gettext("Organised by"),
            f'<ul class="inline-list">{"".join(f"<li>{_link(o)}</li>" for o in organisers)}</ul>',
        )
        if organisers
        else ""
    )
    countries = related(meeting, "countries")
    names = "".join(f"<li>{translated(country, 'name')}</li>" for country in countries)
    lines.append(
        _fact(gettext("Participating countries"), f'<ul class="inline-list">{names}</ul>')
        if countries
        else ""
    )
    chaired = "".join(
        f"<li>{_person(p.person)}{f' ({escaped(p.get_role_display())})' if p.role == 'co_chair' else ''}</li>"
        for p in chairs
    )
    lines.append(_fact(gettext("Chaired by"), f'<ul class="inline-list">{chaired}</ul>') if chairs else "")
    programme = meeting.programme
    if programme:
        url = f"{reverse_kept('meetings:meeting_list')}?programme={quote(programme.slug, safe='/')}"
        lines.append(
            _fact(gettext("Programme"), f'<a href="{escaped(url)}">{translated(programme, "name")}</a>')
        )
    else:
        lines.append("")
    lines.append(
        _fact(gettext("Participants"), _attendance(meeting)) if meeting.attendance_total is not None else ""
    )
    return mark_safe('<dl class="facts">\n' + "".join(f"  {line}\n" for line in lines) + "</dl>")  # noqa: S308


def participant_rows(participations) -> SafeString:
    """The participants table's rows: name, position then (else the person's), organisation, role."""
    name, position, organisation, role = (
        escaped(label)
        for label in (gettext("Name"), gettext("Position"), gettext("Organisation"), gettext("Role"))
    )
    online = escaped(gettext("online"))
    rows = []
    for p in participations:
        then = translated(p, "position") or translated(p.person, "position")
        org_link = _link(p.organisation) if p.organisation else ""
        rows.append(
            f'<tr>\n    <td data-label="{name}">{_person(p.person)}</td>\n'
            f'    <td data-label="{position}">{then}</td>\n'
            f'    <td data-label="{organisation}">{org_link}</td>\n'
            f'    <td data-label="{role}">{escaped(p.get_role_display())}{f" ({online})" if p.online else ""}</td>\n'
            "  </tr>"
        )
    return mark_safe("".join(rows))  # noqa: S308


def reported_item_html(item) -> SafeString:
    """An activity or achievement: title, the organisation that reports it, description."""
    by = f'<p class="by">{_link(item.organisation)}</p>' if item.organisation else ""
    return mark_safe(  # noqa: S308
        f'<li value="{escaped(item.order)}"><h3 class="item-title">{translated(item, "title")}</h3>\n'
        f"  {by}\n  {translated(item, 'description', paragraphs=True)}</li>\n"
    )


def _history(updates) -> str:
    rows = []
    for update in updates:
        note = translated(update, "note")
        rows.append(
            f'<li><a href="{escaped(update.meeting.get_absolute_url())}">{day_html(update.meeting.start_date)}</a>'
            f' — <span class="status status--{escaped(update.status)}">{escaped(update.get_status_display())}</span>'
            f"{f': {note}' if note else ''}</li>"
        )
    return "".join(rows)


def action_item_html(item, *, open_history: bool = False, show_meeting: bool = False) -> SafeString:
    """An action item: its text, status (and whether overdue), due date, responsible organisations, the
    meeting that decided it (``show_meeting``) and its follow-ups (open with ``open_history``)."""
    status = f'<span class="status status--{escaped(item.reader_status)}">{escaped(item.get_reader_status_display())}</span>'
    if item.is_overdue():
        overdue = escaped(gettext("overdue"))
        status += f' <span class="status status--overdue">{overdue}</span>'
    due = _fact(gettext("Due"), day_html(item.due_date)) if item.due_date else ""
    orgs = related(item, "responsible")
    names = ", ".join(_link(org, note=False) for org in orgs)
    responsible = _fact(gettext("Responsible"), names) if orgs else ""
    decided = ""
    if show_meeting:
        meeting = item.meeting
        decided = _fact(
            gettext("Decided at"), f"{_link(meeting, 'title', note=False)} ({day_html(meeting.start_date)})"
        )
    updates = related(item, "updates")
    history = ""
    if updates:
        count = ngettext("%(counter)s follow-up", "%(counter)s follow-ups", len(updates)) % {
            "counter": escaped(localize(len(updates)))
        }
        history = (
            f'\n  <details class="action-item__history"{" open" if open_history else ""}>\n'
            f"    <summary>{count}</summary>\n"
            f'    <ol class="history">\n      {_history(updates)}\n    </ol>\n  </details>\n  '
        )
    status = _fact(gettext("Status"), status)
    return mark_safe(  # noqa: S308
        f'<li class="action-item" id="action-item-{escaped(item.pk)}">\n'
        f'  <p class="action-item__text">{translated(item, "text")}</p>\n'
        f'  <dl class="action-item__facts">\n'
        f"    {status}\n    {due}\n    {responsible}\n    {decided}\n"
        f"  </dl>\n  {history}\n</li>\n"
    )
