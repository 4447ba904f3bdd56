"""Searching: the candidates of every kind fetched by one SQL statement, ranked, kept in the cache."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import connections, router
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.translation import get_language

from meetings import models as m
from meetings.selectors import prepared, rows
from meetings.selectors.directory import organisation_and_units
from portal.http.pagecache import content_version

from .kinds import KINDS, KINDS_BY_KEY, MEETING_ITEMS, Kind
from .query import Query, matches, parse_query
from .results import Group, Results, make_hit, rank
from .scope import item_scope, scoped_queryset

CANDIDATES_PER_SHOWN = 2
RECENT_MEETINGS = 500  # the newest meetings searched first for the other matches (see _recent_first)


@dataclasses.dataclass(frozen=True)
class Branch:
    """One set of a kind's candidates: its ``name`` ("title" or "other") and its rows (in ``kind.order``).

    Every branch of every kind is one part of one SQL statement (:func:`meetings.selectors.rows.fetch`):
    each keeps its own ``ORDER BY`` and ``LIMIT`` (and, on PostgreSQL, its trigram index), and its rows
    come back as JSON values of the searched and shown fields only.
    """

    kind: Kind
    name: str
    rows: rows.Rows


def _branches(kind: Kind, query: Query, *, user, year=None, orgs=None, limit: int = 10) -> list[Branch]:
    """A kind's two sets of candidates (see :mod:`.candidates`): title matches, then the other matches.

    Each set asks for a few rows in date (or name) order, so PostgreSQL can stop early on common words and
    use the trigram indexes on rare ones.
    """
    window = limit * CANDIDATES_PER_SHOWN
    if kind.model in MEETING_ITEMS:
        meetings, items = item_scope(kind, user=user, year=year, orgs=orgs)

        def part(other, n):
            # Items are ranked by their meeting's date: find the newest visible meetings with a matching
            # item first (PostgreSQL walks the meetings' date index and stops), then take their items. The
            # items of those few meetings are checked row by row (the condition without the trigram index).
            found = meetings.filter(
                Exists(items.filter(_condition(kind, query, other), meeting=OuterRef("pk")))
            )
            newest = found.order_by("-start_date", "pk").values("pk")[:n]
            return items.filter(_condition(kind, query, other, indexed=False), meeting__in=newest)

        # The title part has ``window + 1`` rows exactly when that many visible items match in their title
        # (each of its newest meetings has at least one): counted without finding the newest meetings.
        title_rows = items.filter(_condition(kind, query, False), meeting__in=meetings)
    else:
        base = scoped_queryset(kind, user=user, year=year, orgs=orgs)

        def part(other, n):
            return base.filter(_condition(kind, query, other))

        title_rows = part(False, window + 1)

    # The other matches only fill up the window after the title matches (:func:`_group`): when the title
    # matches alone fill it, the other parts are not run at all. The condition refers to no row of theirs,
    # so PostgreSQL decides it once (a one-time filter) before running them: a common word (the slow
    # searches) costs one more look at the title index and none of the other parts (their walks over the
    # newest meetings, checking long texts row by row, were most of a search on 10,000 meetings:
    # benchmarks/results/search-10k-2026-12-06-title-gate.txt).
    title_full = Exists(title_rows.order_by()[window : window + 1])

    def branch(name, queryset=None):
        if queryset is None:
            queryset = (
                part(False, window + 1) if name == "title" else part(True, window + 1).filter(~title_full)
            )
        queryset = queryset.order_by(*kind.order)
        return Branch(kind, name, rows.Rows(queryset, (kind.model._meta.pk.name, *kind.loaded), window + 1))

    branches = [branch("title")]
    if kind.other_fields and kind.model is m.Meeting:
        branches += _recent_first(kind, query, base, window + 1, branch, gate=~title_full)
    elif kind.other_fields:  # the other matches fill up the window after every title match
        branches.append(branch("other"))
    return branches


def _condition(kind: Kind, query: Query, other: bool, *, indexed: bool = True):
    """A title match, or (``other``) a match that is not one: the "not in the title" half is written
    without the trigram index (a negation cannot use it), so the planner does not estimate it from the
    column's statistics. Each estimate of a ``LIKE`` on an indexed search column runs the pattern over the
    column's histogram (up to 101 long texts, decompressed each time): that was about a third of planning
    a search on 10,000 meetings (perf, benchmarks/results/search-2026-12-06b.txt)."""
    if not other:
        return matches(kind, query.terms, title_only=True, indexed=indexed)
    return matches(kind, query.terms, indexed=indexed) & ~matches(
        kind, query.terms, title_only=True, indexed=False
    )


def _recent_first(kind: Kind, query: Query, base, n: int, branch, *, gate) -> list[Branch]:
    """The other matches of meetings as two parts, of which one is empty: "recent", the matches among the
    :data:`RECENT_MEETINGS` newest meetings (and any of the same day as the last of them), and "other",
    all matches, run only when "recent" has fewer than ``n`` rows (:func:`_merged` takes the one not empty).

    A common word matches in most long meeting texts, and PostgreSQL cannot estimate how many (the search
    column is too wide for its statistics): it fetched every match through the trigram index and sorted
    them all by date (50 ms for "trafficking" on 10,000 meetings). Among the newest meetings a common word
    has ``n`` matches at once, and they are its ``n`` newest overall: every other match is older. "recent"
    checks the rows of the date index one by one (its condition is written so that the trigram index is not
    used); a rarer word has few matches, which the trigram index finds cheaply in "other". The condition
    on the count of "recent" does not refer to the rows of "other", so PostgreSQL decides it once, before
    running "other" at all. Both parts run only when ``gate`` holds (it comes first, so it is decided first).
    """

    date = kind.order[0].lstrip("-")
    oldest = base.order_by(*kind.order).values(date)[RECENT_MEETINGS - 1 : RECENT_MEETINGS]
    recent = Q(_condition(kind, query, True, indexed=False), **{f"{date}__gte": Subquery(oldest)})
    enough = Exists(base.filter(recent).order_by()[n - 1 : n])
    return [
        branch("recent", base.filter(gate).filter(recent)),
        branch("other", base.filter(gate).filter(_condition(kind, query, True), ~enough)),
    ]


def _merged(found: dict[str, list]) -> list:
    """The other matches of a kind: from the part that was not left empty (see :func:`_recent_first`)."""
    return found["other"] or found.get("recent", [])


def _group(kind: Kind, query: Query, titled: list, others: list, *, limit: int) -> Group:
    """The best ``limit`` records of one kind, and how many match (exactly, up to the candidate window).

    Title matches come first, newest first; other matches only fill up the window.
    """
    window = limit * CANDIDATES_PER_SHOWN
    others = others[: max(0, window + 1 - len(titled))]
    # Counted exactly up to the window; beyond it the page says "more than" (counting every match of a
    # common word would cost more than the whole search).
    total, more_than = min(len(titled) + len(others), window), len(titled) + len(others) > window
    candidates = [(1, obj) for obj in titled] + [(0, obj) for obj in others]
    ranked = []
    for position, (title_match, obj) in enumerate(candidates[:window]):
        phrase, exact, whole_words = rank(obj, kind, query)
        # Equals keep the SQL order: recent first (or by name).
        ranked.append(((-title_match, -phrase, -exact, -whole_words, position), title_match, obj))
    ranked.sort(key=lambda row: row[0])
    hits = [make_hit(obj, kind, query, bool(title_match), key) for key, title_match, obj in ranked[:limit]]
    return Group(kind=kind, hits=hits, total=total, more_than=more_than)


# --- The statement, compiled once per shape -------------------------------------------------------------
# Building and compiling the querysets of a search cost more than running it (about two thirds of a search
# page's time, measured with benchmarks/page_profile.py). The SQL differs only by the terms' values for one
# shape: kinds, number of terms, the reader's audience (everything a reader may see is decided by it,
# ``audience_of``), filters, limit, language, database and content version (rules worked out per content
# version may be parameters). A statement is compiled once per shape with stand-in terms, kept in this
# process, and run with each search's terms in their place.
STATEMENTS_KEPT = 128
_statements: OrderedDict = OrderedDict()
_statements_lock = threading.Lock()


@dataclasses.dataclass(frozen=True)
class Compiled:
    statement: rows.Statement
    parts: tuple[tuple[str, str], ...]  # (kind key, branch name) of each part
    slots: tuple[tuple[int, int], ...]  # (parameter position, term number) of every term's parameter
    tables: tuple[str, ...] = ()  # every table the statement reads


def _stand_in(number: int) -> str:
    return f"zqstandin{number}qz"  # letters only: its LIKE parameter is itself


def _slots(params, stand_ins: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """(parameter position, term number) of every parameter of a statement compiled with ``stand_ins``."""
    numbers = {term: n for n, term in enumerate(stand_ins)}
    return tuple((at, numbers[value]) for at, value in enumerate(params) if value in numbers)


def _with_terms(params, slots, query: Query, connection) -> list:
    """A compiled statement's parameters with ``query``'s terms in the stand-ins' places."""
    params = list(params)
    for at, number in slots:
        params[at] = m.SearchContains.parameter(query.terms[number], connection)
    return params


def _compiled(kinds, n_terms: int, *, user, year, orgs, limit: int, version: str, gated=False) -> Compiled:
    """``gated``: every part behind a gate (:func:`meetings.selectors.rows.compile_parts`; see
    GENERIC_PLAN_ROWS)."""
    db = router.db_for_read(kinds[0].model)
    shape = (
        tuple(k.key for k in kinds), n_terms, m.audience_of(user), year, None if orgs is None else tuple(orgs),
        limit, get_language(), db, version, gated,
    )  # fmt: skip
    with _statements_lock:
        compiled = _statements.get(shape)
        if compiled is not None:
            _statements.move_to_end(shape)
            return compiled
    stand_ins = tuple(_stand_in(n) for n in range(n_terms))
    query = Query(text=" ".join(stand_ins), typed=stand_ins, terms=stand_ins)
    branches = [b for k in kinds for b in _branches(k, query, user=user, year=year, orgs=orgs, limit=limit)]
    statement = rows.compile_parts([branch.rows for branch in branches], gated=gated)
    slots = _slots(statement.params, stand_ins)
    tables = tuple(sorted(set(_TABLE.findall(statement.sql))))
    compiled = Compiled(statement, tuple((b.kind.key, b.name) for b in branches), slots, tables)
    with _statements_lock:
        _statements[shape] = compiled
        while len(_statements) > STATEMENTS_KEPT:
            _statements.popitem(last=False)
    return compiled


# --- Kinds that can match at all -----------------------------------------------------------------------
# On the demo records most words occur in one to three of the seven kinds, and planning the statement of
# every kind (about 5.5 ms, against about 1.4 ms to run it) was half of an uncached search page. A small
# statement first asks, for each kind, whether any record at all has every term in its search column (no
# reader's visibility: a kind with no match at all has none the reader may see); the search statement is
# then compiled and planned for those kinds only (its shape includes them).
# On PostgreSQL the same query also reads how many rows each table the search statement reads holds: the
# planner's count (``pg_class.reltuples``), or for a table never analysed (-1) the most its pages can hold
# (a row takes at least 28 bytes, its line pointer and header, of the page's size less its 24-byte header:
# 291 rows in a page of 8 KB). See GENERIC_PLAN_ROWS.
_SIZES = (
    "(SELECT json_object_agg(relname, CASE WHEN reltuples >= 0 THEN reltuples"
    " ELSE pg_catalog.pg_relation_size(oid) / b.size * ((b.size - 24) / 28) END)"
    " FROM pg_catalog.pg_class, (SELECT current_setting('block_size')::int AS size) b"
    " WHERE oid = ANY(ARRAY(SELECT pg_catalog.to_regclass(name) FROM unnest(%s::text[]) name)))"
)
_TABLE = re.compile(r'(?:FROM|JOIN) "(\w+)"')


@functools.lru_cache(maxsize=64)
def _presence(kind_keys: tuple[str, ...], n_terms: int, db: str) -> tuple[str, tuple, tuple]:
    """(SQL, parameters, (parameter position, term number) of every term's parameter) of the statement
    ``SELECT EXISTS(<a record of kind 1 matches>), EXISTS(<kind 2>), …``, compiled with stand-in terms; on
    PostgreSQL its last column is the tables' sizes (the last parameter: their names)."""
    stand_ins = tuple(_stand_in(n) for n in range(n_terms))
    selects, params = [], []
    for key in kind_keys:
        kind = KINDS_BY_KEY[key]
        queryset = (
            kind.model._base_manager.using(db).filter(matches(kind, stand_ins)).order_by().values("pk")[:1]
        )
        sql, part_params = queryset.query.sql_with_params()
        selects.append(f"EXISTS({sql})")
        params.extend(part_params)
    if connections[db].vendor == "postgresql":
        selects.append(_SIZES)
        params.append(())
    return "SELECT " + ", ".join(selects), tuple(params), _slots(params, stand_ins)  # values stay parameters


def present_kinds(kinds, query: Query, *, tables=()) -> tuple[list[Kind], dict[str, float]]:
    """The kinds of which some record (any, visible or not) has every term of ``query``, and on PostgreSQL
    the planner's row count of each of ``tables``: one query."""
    db = router.db_for_read(kinds[0].model)
    connection = connections[db]
    sql, params, slots = _presence(tuple(k.key for k in kinds), len(query.terms), db)
    values = _with_terms(params, slots, query, connection)
    if connection.vendor == "postgresql":
        values[-1] = list(tables)
    with connection.cursor() as cursor:
        # With one plan per session too while the last search found the database small (the plan of each
        # EXISTS then walks a small table, whatever the term).
        if _small_database.get(db, False):
            prepared.execute(connection, cursor, sql, values, generic=True)
        else:
            cursor.execute(sql, values)
        present = cursor.fetchone()
    sizes = (present[len(kinds)] or {}) if connection.vendor == "postgresql" else {}
    return [kind for kind, found in zip(kinds, present[: len(kinds)], strict=True) if found], sizes


# --- One plan for every search of a small database ------------------------------------------------------
# Planning the search statement (5-10 ms) costs more than running it on the demo records (1-3 ms). Planned
# once without the terms (PostgreSQL's generic plan, kept prepared on the session), the statement's title
# parts go through the trigram indexes and sort what they find, which is cheap while few rows can match:
# on 10,000 meetings the generic plan was faster for 14 of the 15 words found in at most 924 records of any
# kind (0.49-0.86 of the time; the other 1.08), about even up to 1,700 and up to 11 times slower for words in
# thousands (benchmarks/results/search-10k-2026-12-06-plans.txt). So when no table the statement reads
# holds more than GENERIC_PLAN_ROWS rows (read with the kinds that can match: see _SIZES), the search runs
# one statement of every kind, each kind behind a gate opened for the kinds that can match, with one plan
# per session (``rows.run(generic=True)``); otherwise it is planned for its terms, as before. The rows are
# the same either way (tests/meetings/test_search_plans.py). A table of at most 1,200 rows bounds any
# word's matches at 1,200: between the counts measured faster (up to 924) and about even (1,627-1,731:
# 0.67-1.33 of the time). (A table never analysed is bounded by its pages: the demo's two meetings, in four
# pages, at 1,164, and at 1,455 after one edit added a page. ``manage.py load_demo`` analyses the tables.)
GENERIC_PLAN_ROWS = 1200
_small_database: dict[str, bool] = {}  # per database: whether the last search found every table small
_search_tables: dict[str, set[str]] = {}  # per database: the tables of the search statements compiled so far


def _small(tables, sizes: dict[str, float]) -> bool:
    """Whether every table of ``tables`` holds at most GENERIC_PLAN_ROWS rows (``sizes``: see _SIZES)."""
    return bool(tables) and all(0 <= sizes.get(table, -1) <= GENERIC_PLAN_ROWS for table in tables)


def search_kinds(
    kinds, query: Query, *, user, year=None, orgs=None, limit: int = 10, version: str | None = None
) -> list[Group]:
    """One group per kind, the kinds that can match fetched by one SQL statement (compiled once per shape,
    see above), after one small query that finds them when several kinds are searched."""
    version = content_version() if version is None else version
    shape = {"user": user, "year": year, "orgs": orgs, "limit": limit, "version": version}
    sets: dict[str, dict[str, list]] = {k.key: {"title": [], "other": []} for k in kinds}
    searched, generic = list(kinds), None
    if len(kinds) > 1:
        db = router.db_for_read(kinds[0].model)
        searched, sizes = present_kinds(kinds, query, tables=sorted(_search_tables.get(db, ())))
        # (in a transaction a statement is never run with one plan per session: prepared.execute)
        if searched and connections[db].vendor == "postgresql" and not connections[db].in_atomic_block:
            gated = _compiled(kinds, len(query.terms), **shape, gated=True)
            _search_tables.setdefault(db, set()).update(gated.tables)
            _small_database[db] = _small(gated.tables, sizes)
            generic = gated if _small_database[db] else None
    if generic is not None:
        keys = {k.key for k in searched}
        _fetch(
            generic, query, sets, opened={n for n, (key, _name) in enumerate(generic.parts) if key in keys}
        )
    elif searched:
        _fetch(_compiled(searched, len(query.terms), **shape), query, sets)
    return [_group(k, query, sets[k.key]["title"], _merged(sets[k.key]), limit=limit) for k in kinds]


def _fetch(compiled: Compiled, query: Query, sets: dict, *, opened=None) -> None:
    """Runs ``compiled`` for ``query`` and puts each part's rows in ``sets``; ``opened``: the numbers of the
    parts whose gates are opened, run with the session's one plan (see GENERIC_PLAN_ROWS)."""
    statement = compiled.statement
    connection = connections[statement.db or router.db_for_read(statement.models[0])]
    params = _with_terms(statement.params, compiled.slots, query, connection)
    if opened is not None:
        params = rows.gate_values(statement, params, opened)
    found = rows.run(statement, params, generic=opened is not None)
    for (kind_key, name), candidates in zip(compiled.parts, found, strict=True):
        sets[kind_key][name] = candidates


def search_kind(kind: Kind, query: Query, *, user, year=None, orgs=None, limit: int = 10) -> Group:
    """One kind's group (one query)."""
    return search_kinds([kind], query, user=user, year=year, orgs=orgs, limit=limit)[0]


def search(
    raw_query: str | Query | None,
    *,
    user,
    kind: str | None = None,
    year: int | None = None,
    organisation=None,
    limit: int = 10,
    version: str | None = None,
) -> Results:
    """Search every kind of record (or only ``kind``) for what the user typed; see the module docstring.
    ``version``: the content version the caller's request already read (else it is read here)."""
    query = raw_query if isinstance(raw_query, Query) else parse_query(raw_query)
    if not query.has_terms:
        return Results(query=query, groups=[])
    kinds = [KINDS_BY_KEY[kind]] if kind in KINDS_BY_KEY else list(KINDS)
    # Kept per normalised query, audience, language and content version: a repeated search is a cache hit,
    # and any edit (a new content version) is searched afresh.
    version = content_version() if version is None else version
    raw_key = repr(
        (
            query.terms,
            tuple(term.casefold() for term in query.typed),  # ranking compares them case-folded
            [k.key for k in kinds],
            year,
            organisation.pk if organisation is not None else None,
            limit,
            m.audience_of(user),
            get_language(),
            version,
        )
    )
    key = "search:results:" + hashlib.sha256(raw_key.encode()).hexdigest()
    seconds = settings.SEARCH_CACHE_SECONDS  # 0: searched afresh every time (benchmarks)
    kept = cache.get(key) if seconds > 0 else None
    if kept is not None:
        return dataclasses.replace(kept, query=query)
    orgs = organisation_and_units(organisation) if organisation is not None else None
    groups = search_kinds(kinds, query, user=user, year=year, orgs=orgs, limit=limit, version=version)
    results = Results(query=query, groups=[group for group in groups if group.total])
    if seconds > 0:
        cache.set(key, results, seconds)
    return results
