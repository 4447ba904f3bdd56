"""The content version of a meeting's minutes: one query over the meeting and every record they show.

For each table a minutes PDF reads, the fingerprint takes (number of rows, highest id, latest
``updated_at``) of the rows that belong to the meeting:

* an edit saves ``updated_at`` (``auto_now``), which becomes the latest one;
* an added row has a higher id than any row before it (ids are never reused);
* a deleted row lowers the count, unless a row was also added, which raises the highest id.

Many-to-many links (organisers, responsible organisations) have no ``updated_at``: their link rows are
deleted and inserted by ``.set()``/``.add()``/``.remove()``, so (count, highest link id) changes with every
change of the set. People, organisations and programmes are shown by name from many meetings; their
tables are stamped as a whole, so renaming an organisation refreshes every PDF (safe, a little eager).
"""

from __future__ import annotations

import hashlib
from functools import cache

from django.db import connections, router
from django.db.models import Count, Max, OuterRef, Subquery, Sum, Value

from meetings import models as m


def _stamp(queryset, key: str, with_updated: bool = True, with_version: bool = False) -> dict:
    """Scalar subqueries (count, max id[, max updated_at][, sum of edit versions]) over ``queryset`` grouped
    to one row."""
    grouped = queryset.order_by().annotate(_all=Value(1)).values("_all")  # one group: the whole set
    out = {
        f"{key}_n": Subquery(grouped.annotate(v=Count("pk")).values("v")),
        f"{key}_id": Subquery(grouped.annotate(v=Max("pk")).values("v")),
    }
    if with_updated:
        out[f"{key}_t"] = Subquery(grouped.annotate(v=Max("updated_at")).values("v"))
    if with_version:  # a workflow step (publish, unpublish) moves the version on
        out[f"{key}_v"] = Subquery(grouped.annotate(v=Sum("version")).values("v"))
    return out


def _expressions() -> dict:
    meeting = OuterRef("pk")
    organisers = m.Meeting.organisers.through.objects.filter(meeting_id=meeting)
    countries = m.Meeting.countries.through.objects.filter(meeting_id=meeting)
    responsible = m.ActionItem.responsible.through.objects.filter(actionitem__meeting_id=meeting)
    return {
        **_stamp(m.Participation.objects.filter(meeting_id=meeting), "part"),
        **_stamp(m.AgendaItem.objects.filter(meeting_id=meeting), "agenda"),
        **_stamp(m.Activity.objects.filter(meeting_id=meeting), "act"),
        **_stamp(m.Achievement.objects.filter(meeting_id=meeting), "ach"),
        **_stamp(m.ActionItem.objects.filter(meeting_id=meeting), "item"),
        **_stamp(m.ActionItemUpdate.objects.filter(meeting_id=meeting), "upd"),
        # follow-ups reported here quote action items of earlier meetings; whether a reader may see them
        # depends on those meetings' status and visibility
        **_stamp(m.ActionItem.objects.filter(updates__meeting_id=meeting), "upditem"),
        **_stamp(
            m.Meeting.objects.filter(action_items__updates__meeting_id=meeting), "decided", with_version=True
        ),
        # this meeting's items are followed up at later meetings: the status a reader sees comes from those
        **_stamp(m.ActionItemUpdate.objects.filter(action_item__meeting_id=meeting), "later"),
        **_stamp(
            m.Meeting.objects.filter(action_item_updates__action_item__meeting_id=meeting),
            "laterm",
            with_version=True,
        ),
        **_stamp(organisers, "org_link", with_updated=False),
        **_stamp(countries, "country_link", with_updated=False),
        **_stamp(m.Country.objects.all(), "countries"),  # names, and the words kept whole at line ends
        **_stamp(responsible, "resp_link", with_updated=False),
        **_stamp(m.Organisation.objects.all(), "orgs"),
        **_stamp(m.Person.objects.all(), "people"),
        **_stamp(m.Programme.objects.all(), "programmes"),
    }


_PLACEHOLDER = -7_000_000_001  # stands for the meeting id in the compiled query


@cache
def _compiled_query(vendor: str) -> tuple[str, tuple, tuple[str, ...]]:
    """The stamp query compiled once per process: building ~40 subqueries costs more than running them."""
    expressions = _expressions()
    queryset = (
        m.Meeting.objects.filter(pk=_PLACEHOLDER)
        .annotate(**expressions)
        .values_list("pk", "slug", "updated_at", "version", "status", "visibility", *expressions)
    )
    sql, params = queryset.query.sql_with_params()
    assert params.count(_PLACEHOLDER) == 1, params
    return sql, tuple(params), ("pk", "slug", "updated_at", *expressions)


def stamp_values(meeting_id: int) -> tuple:
    """One row: the meeting's id, slug and ``updated_at``, then (count, max id[, max updated_at]) per table.

    The columns are put in a fixed order by name: the order Django selects annotations in can differ
    between processes, and the fingerprint must be the same in every worker.
    """
    connection = connections[router.db_for_read(m.Meeting)]  # the replica for an anonymous reader, if any
    sql, params, columns = _compiled_query(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [meeting_id if p == _PLACEHOLDER else p for p in params])
        row = cursor.fetchone()
        names = [column[0] for column in cursor.description]
    if not row:
        return ()
    by_name = dict(zip(names, row, strict=True))
    return tuple(by_name[name] for name in columns)


def content_fingerprint(meeting_id: int, salt: str = "", values: tuple | None = None) -> str:
    """A short hex digest that changes whenever anything shown in the meeting's minutes changes."""
    values = stamp_values(meeting_id) if values is None else values
    raw = "|".join(repr(v) for v in (*values, salt))
    return hashlib.sha256(raw.encode()).hexdigest()[:32]
