"""Rows of several querysets from one SQL statement, as values rebuilt into light model instances.

A page that shows a record with many parts (the meeting page: organisers, countries, participants, agenda,
activities, achievements, action items with their responsible organisations and follow-ups, documents)
would cost one query per part with ``prefetch_related``. Here every part is one ``SELECT`` of its own
queryset (its filters, order and limit kept), each row packed into a JSON object of the fields it needs with
its place in the order (``ROW_NUMBER()`` over the same ``ORDER BY``), and all the parts are joined by
``UNION ALL`` into one statement (:func:`fetch`). PostgreSQL and SQLite (the demo database) run the same SQL.

Rows come back as model instances built from the values (:func:`build`), no ORM row machinery: only the
loaded fields are set and the rest are deferred, so a template that needs a field not loaded shows up as an
extra query in the query-count tests (tests/meetings/test_query_floor.py) rather than going unnoticed.
Related records named by the paths (``person__organisation__name_lo``) are attached as loaded.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections import defaultdict
from collections.abc import Sequence

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F, Model, OrderBy, Window
from django.db.models.base import ModelState
from django.db.models.functions import JSONObject, RowNumber
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_init, pre_init
from modeltranslation.fields import TranslationFieldDescriptor

from meetings.rules.translated import translated_fields
from meetings.selectors import prepared

# Columns never loaded as values: the generated search columns (long, for the trigram indexes only).
NOT_LOADED = frozenset({"search_title", "search_text"})
# PostgreSQL 15's JSONB_BUILD_OBJECT takes at most 100 arguments (50 pairs): larger rows are packed in parts.
PAIRS_PER_OBJECT = 40


@dataclasses.dataclass(frozen=True)
class Rows:
    """One part of a statement: ``queryset`` in its order (else the model's), ``paths`` loaded, ``limit``."""

    queryset: object
    paths: tuple[str, ...]
    limit: int | None = None


def fields_of(model, prefix: str = "") -> tuple[str, ...]:
    """Every stored field of ``model`` (search columns aside) as paths, under ``prefix`` (``"person__"``)."""
    return tuple(prefix + f.name for f in model._meta.concrete_fields if f.name not in NOT_LOADED)


# What a page never shows of a record: when it was written.
BOOKKEEPING = frozenset({"created_at", "updated_at"})


def shown_fields_of(model, prefix: str = "") -> tuple[str, ...]:
    """:func:`fields_of` without :data:`BOOKKEEPING` and without the translated fields themselves
    (:func:`meetings.rules.translated.translated_fields`; modeltranslation keeps a default-language copy in
    ``name`` beside ``name_lo`` and ``name_en``, and pages read the language columns): what a page that lists
    parts of a record reads of them. Fewer columns packed and unpacked per row (a tenth of a fresh meeting
    page's time); a template reading one of the left-out fields shows as an extra query in the query-count
    tests."""
    left_out = BOOKKEEPING.union(translated_fields(model))
    return tuple(path for path in fields_of(model, prefix) if path.removeprefix(prefix) not in left_out)


def _ordering(term):
    if isinstance(term, str):
        return F(term[1:]).desc() if term.startswith("-") else F(term).asc()
    return term if isinstance(term, OrderBy) else term.asc()


def _select(rows: Rows):
    queryset = rows.queryset
    order = list(queryset.query.order_by or queryset.model._meta.ordering or ("pk",))
    pk = queryset.model._meta.pk.name
    paths = rows.paths if pk in rows.paths else (pk, *rows.paths)  # an instance always knows its key
    paths += tuple(name for name in queryset.query.annotations if name not in paths)  # e.g. shown_status
    chunks = [paths[i : i + PAIRS_PER_OBJECT] for i in range(0, len(paths), PAIRS_PER_OBJECT)]
    packed = JSONObject(**{str(n): JSONObject(**{p: F(p) for p in chunk}) for n, chunk in enumerate(chunks)})
    selected = (
        queryset.order_by(*order)
        .annotate(row_values=packed)
        .annotate(row_position=Window(RowNumber(), order_by=[_ordering(term) for term in order]))
        .values_list("row_values", "row_position")
    )
    return selected[: rows.limit] if rows.limit is not None else selected


@dataclasses.dataclass(frozen=True)
class Statement:
    """The one SQL statement of some parts, compiled: it can be run again with other parameter values."""

    sql: str
    params: tuple
    db: str | None
    models: tuple  # the model of each part, by part number
    prepared: bool = False  # kept prepared on each PostgreSQL session (:mod:`meetings.selectors.prepared`)
    gates: tuple[tuple[int, int], ...] = ()  # (parameter position, part number) of each part's gate


def compile_parts(parts: Sequence[Rows], *, prepared: bool = False, gated: bool = False) -> Statement:
    """The parts as one ``UNION ALL`` statement (a part that can match nothing is left out); ``prepared``
    only for a statement kept for the life of the process (a connection prepares each one once).

    ``gated``: each part also carries a boolean parameter, its gate (``Statement.gates``; :func:`gate_values`),
    so one statement serves any choice of its parts. A gate refers to no row, so PostgreSQL decides it once
    (a one-time filter) and a closed part's rows are never read, also in a plan made without the values."""
    selects, params, db, gates = [], [], None, []
    for number, part in enumerate(parts):
        queryset = _select(part)
        try:
            sql, part_params = queryset.query.sql_with_params()
        except EmptyResultSet:  # e.g. a filter on an empty list: nothing to ask for
            continue
        db = db or queryset.db
        # The SQL is Django's own compilation of the queryset and an int; every value stays a parameter.
        select = f"SELECT {number} AS part, q.row_values, q.row_position FROM ({sql}) q"  # noqa: S608
        params.extend(part_params)
        if gated:
            select += " WHERE %s"
            gates.append((len(params), number))
            params.append(True)
        selects.append(select)
    models = tuple(part.queryset.model for part in parts)
    return Statement(" UNION ALL ".join(selects), tuple(params), db, models, prepared, tuple(gates))


def gate_values(statement: Statement, params: Sequence, open_parts) -> list:
    """``params`` of a gated statement with the gates of the parts numbered in ``open_parts`` open, the
    others closed."""
    params = list(params)
    for at, number in statement.gates:
        params[at] = number in open_parts
    return params


def run(statement: Statement, params: Sequence | None = None, *, generic: bool = False) -> list[list]:
    """The instances of every part, each in its part's order (``params``: other values for the statement).
    ``generic``: run with one plan made without the values, kept prepared on the session
    (:func:`meetings.selectors.prepared.execute`)."""
    found: list[list] = [[] for _model in statement.models]
    if not statement.sql:
        return found
    connection = connections[statement.db]
    values = list(statement.params if params is None else params)
    with connection.cursor() as cursor:
        if statement.prepared or generic:
            prepared.execute(connection, cursor, statement.sql, values, generic=generic)
        else:
            cursor.execute(statement.sql, values)
        rows = cursor.fetchall()
    for number, packed, _position in sorted(rows, key=lambda row: (row[0], row[2])):
        packed = json.loads(packed) if isinstance(packed, str) else packed
        values = {}
        for chunk in packed.values():
            values.update(json.loads(chunk) if isinstance(chunk, str) else chunk)
        found[number].append(build(statement.models[number], values))
    return found


def fetch(parts: Sequence[Rows]) -> list[list]:
    """The instances of every part, each in its part's order, from one SQL statement (none if all empty)."""
    return run(compile_parts(parts))


@dataclasses.dataclass(frozen=True)
class _Plan:
    """How rows with the same paths become instances of one model (worked out once per model and paths)."""

    own: tuple  # (path, attname, field) of the model's own fields, in the model's field order
    annotations: tuple  # paths that are annotations of the queryset
    related: tuple  # (relation name, its foreign key's attname, related model, ((path within it, path), ...))
    plain: int  # 0: made by ``from_db``; 1: without ``Model.__init__``; 2: the same, keeping Record's loaded values


@functools.lru_cache(maxsize=512)
def _plan(model, paths: tuple) -> _Plan:
    fields = {f.name: f for f in model._meta.concrete_fields}
    own, annotations, related = {}, [], defaultdict(list)
    for path in paths:
        name, _, rest = path.partition("__")
        if rest:
            related[name].append((rest, path))
        elif name in fields:
            own[name] = path
        else:  # an annotation of the queryset (e.g. an action item's status as the reader may know it)
            annotations.append(path)
    return _Plan(
        plain=_plain(model),
        own=tuple((own[f.name], f.attname, f) for f in model._meta.concrete_fields if f.name in own),
        annotations=tuple(annotations),
        related=tuple(
            (name, foreign_key.attname, foreign_key.related_model, tuple(items))
            for name, items in related.items()
            for foreign_key in (model._meta.get_field(name),)
        ),
    )


# What ``Model.__init__`` does with a loaded value of these descriptors is to put it in the instance's
# ``__dict__`` (modeltranslation's, while the instance is being made, does the same).
_STORING_DESCRIPTORS = (DeferredAttribute, TranslationFieldDescriptor)


def _plain(model) -> int:
    """Whether an instance of ``model`` built from loaded values is the same without ``Model.__init__``: no
    receiver of ``pre_init`` or ``post_init`` but modeltranslation's own (which only ends its "being made"
    mark), the default ``from_db`` or :class:`meetings.models.common.Record`'s, and every field's attribute a
    descriptor that stores the value as it is. Anything else goes through ``from_db`` (tested both ways in
    tests/meetings/test_rows.py)."""
    if pre_init.has_listeners(model):
        return 0
    if post_init.has_listeners(model):
        receivers, asynchronous = post_init._live_receivers(model)
        if asynchronous or {getattr(r, "__name__", "") for r in receivers} != {"delete_mt_init"}:
            return 0
    if not all(
        isinstance(getattr(model, f.attname, None), _STORING_DESCRIPTORS) for f in model._meta.concrete_fields
    ):
        return 0
    from_db = model.from_db.__func__
    return 1 if from_db is Model.from_db.__func__ else 2 if from_db is _record_from_db() else 0


@functools.cache
def _record_from_db():
    from meetings.models.common import Record

    return Record.from_db.__func__


def _made(model, plan: _Plan, own: dict):
    """``model.from_db(None, list(own), list(own.values()))``, made without ``__init__`` when ``plan.plain``."""
    if not plan.plain:
        return model.from_db(None, list(own), list(own.values()))
    obj = model.__new__(model)
    state = obj._state = ModelState()
    state.adding, state.db = False, None
    obj.__dict__.update(own)
    if plan.plain == 2:
        obj._loaded_values = dict(own)  # as Record.from_db keeps them (read when a record is saved)
    return obj


def build(model, row: dict):
    """An instance of ``model`` from ``{path: value}``, as the database would load it with
    ``only(*paths)`` (the other fields deferred); related records of the paths attached (a null foreign
    key leaves the relation empty)."""
    plan = _plan(model, tuple(row))
    own = {
        attname: None if (value := row[path]) is None else field.to_python(value)
        for path, attname, field in plan.own
    }
    obj = _made(model, plan, own)
    for path in plan.annotations:
        setattr(obj, path, row[path])
    for name, attname, target, items in plan.related:
        target_pk = own.get(attname)
        if target_pk is not None:  # a null foreign key: no related record
            values = {target._meta.pk.name: target_pk}
            values.update((rest, row[path]) for rest, path in items)
            setattr(obj, name, build(target, values))
    return obj


def attach(instance, name: str, objs: list) -> None:
    """``objs`` as the prefetched ``instance.<name>.all()`` (what ``prefetch_related`` would have left). The
    queryset that holds them is made when the relation is first asked for (:class:`_Prefetched`): making it
    (the relation's filter, the language's ordering) was a tenth of a fresh meeting page, for relations a
    page may never look at."""
    cache = instance.__dict__.get("_prefetched_objects_cache")
    if not isinstance(cache, _Prefetched):
        cache = instance._prefetched_objects_cache = _Prefetched(cache or {}, instance=instance)
    cache.pending(name, objs)


def related(instance, name: str):
    """``instance.<name>.all()``: the objects :func:`attach` attached as a list, without making their queryset
    (a template that only shows them needs none), else the relation's queryset as usual."""
    cache = instance.__dict__.get("_prefetched_objects_cache")
    if isinstance(cache, _Prefetched) and name in cache._objects:
        return cache._objects[name]
    return getattr(instance, name).all()


class _Prefetched(dict):
    """An instance's prefetched querysets, each made on first access from the objects attached."""

    def __init__(self, *args, instance):
        super().__init__(*args)
        self._instance = instance
        self._objects = {}

    def pending(self, name: str, objs: list) -> None:
        self._objects[name] = list(objs)
        dict.__setitem__(self, name, None)  # ``name in cache`` holds at once, as after prefetch_related

    def __getitem__(self, name):
        if name in self._objects:
            objs = self._objects.pop(name)
            dict.__delitem__(self, name)  # the manager makes its own queryset while ``name`` is not kept
            queryset = getattr(self._instance, name).all()
            queryset._result_cache = objs
            queryset._prefetch_done = True
            dict.__setitem__(self, name, queryset)
        return dict.__getitem__(self, name)

    def get(self, name, default=None):
        return self[name] if name in self else default  # noqa: SIM401 - dict.get would skip __getitem__

    def __delitem__(self, name):
        self._objects.pop(name, None)
        dict.__delitem__(self, name)

    def pop(self, name, *default):
        if name not in self:
            return dict.pop(self, name, *default)  # the default, or KeyError
        value = self[name]
        dict.__delitem__(self, name)
        return value

    def values(self):
        return [self[name] for name in self]

    def items(self):
        return [(name, self[name]) for name in self]

    def __iter__(self):
        return iter(list(dict.keys(self)))

    def __reduce__(self):  # pickled (or copied) as the plain dict of made querysets
        return dict, (dict(self.items()),)
