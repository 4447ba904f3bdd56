"""The search page's hits as HTML, written in Python: a template include per hit cost about 0.17 ms, this
about a tenth of that (benchmarks/results/search-2026-12-06b.txt). The markup is what the include wrote."""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from meetings.public.markup import day_html, escaped
from meetings.search import Group, Hit


def _meta(hit: Hit, key: str) -> list[str]:
    """The line under a hit's title: partners-only mark, date, its meeting, a person's organisation, an
    organisation's short name."""
    parts = []
    meeting = hit.meeting
    if meeting is not None and meeting.visibility == "partners":
        mark = escaped(gettext("Partners only"))
        parts.append(f'<span class="partners-only">{mark}</span>')
    if hit.date:
        parts.append(day_html(hit.date))
    if meeting is not None and meeting != hit.obj:
        label = escaped(gettext("Meeting:"))
        parts.append(f"<span>{label} {escaped(meeting.title)}</span>")
    if key == "people" and hit.obj.organisation:
        parts.append(f"<span>{escaped(hit.obj.organisation)}</span>")
    if key == "organisations" and hit.obj.short_name:
        parts.append(f"<span>{escaped(hit.obj.short_name)}</span>")
    return parts


def hit_html(hit: Hit, key: str) -> str:
    """One hit of a group of kind ``key``: its title (a link when it has a page), meta line and passage."""
    title = hit.title.html
    if hit.url:
        title = f'<a href="{escaped(hit.url)}">{title}</a>'
    passage = ""
    if hit.passage:
        passage = (
            f'\n  <p class="search-hit__passage" lang="{escaped(hit.passage.lang)}">{hit.passage.html}</p>'
        )
    meta = "\n    ".join(_meta(hit, key))
    return (
        f'<li class="search-hit">\n  <h3 class="search-hit__title" lang="{escaped(hit.title.lang)}">'
        f'{title}</h3>\n  <p class="search-hit__meta">\n    {meta}\n  </p>{passage}\n</li>'
    )


def hits_html(group: Group) -> SafeString:
    """Every hit of ``group``, in order (each part escaped, or safe already: a passage's HTML)."""
    return mark_safe("".join(hit_html(hit, group.kind.key) for hit in group.hits))  # noqa: S308 - escaped above
