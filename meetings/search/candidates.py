"""The candidates of every kind in one SQL statement: each kind's queries joined by ``UNION ALL``.

Each kind asks for two sets of rows in its own order, with a limit (:func:`branches`): its title matches
and its other matches. Each set is one ``SELECT`` of the reader's records; every row comes back as a JSON
object of the fields a hit needs (searched and shown fields, and the shown fields of its meeting or
organisation) with its place in the set's order (``ROW_NUMBER()`` over the same ``ORDER BY``). All the sets
of all kinds are one statement (:func:`fetch_all`), so a search costs one query however many kinds it
covers. On PostgreSQL each set keeps its own ``ORDER BY`` and ``LIMIT`` and its trigram index; SQLite (the
demo database) runs the same statement.

Rows become model instances again (:func:`build`) with only the loaded fields set: a field not loaded is
deferred, so a template that needs one shows up as an extra query in the query-count tests.
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F, Window
from django.db.models.functions import JSONObject, RowNumber

from .kinds import Kind


@dataclasses.dataclass(frozen=True)
class Branch:
    """One set of candidates: ``queryset`` (a kind's records matching ``condition``) in ``kind.order``."""

    kind: Kind
    name: str  # "title" or "other"
    queryset: object
    limit: int


def _ordering(path: str):
    return F(path[1:]).desc() if path.startswith("-") else F(path).asc()


def _paths(kind: Kind) -> tuple[str, ...]:
    return (kind.model._meta.pk.name, *kind.loaded)


def _select(branch: Branch):
    """The branch as ``SELECT row, position``: the row a JSON object, the position its rank in the order."""
    kind = branch.kind
    return (
        branch.queryset.order_by(*kind.order)
        .annotate(search_row=JSONObject(**{path: F(path) for path in _paths(kind)}))
        .annotate(search_pos=Window(RowNumber(), order_by=[_ordering(path) for path in kind.order]))
        .values_list("search_row", "search_pos")[: branch.limit]
    )


def fetch_all(branches: list[Branch]) -> dict[int, list]:
    """Every branch's rows, in each branch's order, from one statement: {branch index: [instance, ...]}."""
    parts, params, db = [], [], None
    for number, branch in enumerate(branches):
        queryset = _select(branch)
        try:
            sql, part_params = queryset.query.sql_with_params()
        except EmptyResultSet:  # e.g. an empty list of organisations the reader may know: nothing to ask
            continue
        db = db or queryset.db
        # The SQL is Django's own compilation of the queryset and an int; every value stays a parameter.
        parts.append(f"SELECT {number} AS search_branch, q.search_row, q.search_pos FROM ({sql}) q")  # noqa: S608
        params.extend(part_params)
    found: dict[int, list] = defaultdict(list)
    if not parts:
        return found
    with connections[db].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    for number, row, _position in sorted(rows, key=lambda r: (r[0], r[2])):
        found[number].append(build(branches[number].kind, json.loads(row) if isinstance(row, str) else row))
    return found


def _field(model, path: str):
    *relations, name = path.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    return model._meta.get_field(name)


def _instance(model, values: dict):
    """A model instance as the database would load it with ``only(*values)``: the rest deferred."""
    names = [f.attname for f in model._meta.concrete_fields if f.attname in values]
    return model.from_db(None, names, [values[name] for name in names])


def build(kind: Kind, row: dict):
    """One candidate from its JSON row: the record, with its meeting or organisation attached if loaded."""
    own, related = {}, defaultdict(dict)
    for path, value in row.items():
        field = _field(kind.model, path)
        value = None if value is None else field.to_python(value)
        if "__" in path:
            related[path.split("__", 1)[0]][field.attname] = value
        else:
            own[field.attname] = value
    obj = _instance(kind.model, own)
    for relation, values in related.items():
        foreign_key = kind.model._meta.get_field(relation)
        target_pk = own.get(foreign_key.attname)
        if target_pk is not None:
            target = foreign_key.related_model
            setattr(obj, relation, _instance(target, {target._meta.pk.attname: target_pk, **values}))
    return obj
