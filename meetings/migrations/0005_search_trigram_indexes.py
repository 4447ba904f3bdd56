"""Trigram indexes for search (meetings/search.py), PostgreSQL only.

Search matches every term as a substring with Django's ``icontains``, which PostgreSQL runs as
``UPPER(column::text) LIKE UPPER('%term%')``. A GIN ``gin_trgm_ops`` index on exactly ``UPPER(column)``
serves that condition, and it finds a Lao word inside a run of text without spaces. The indexes are
functional indexes over the existing columns (nothing stored twice, nothing to keep up to date).

On SQLite (the demo database) this migration does nothing: the same conditions run without an index.
The list is written out here (a migration must not change when the code changes); a test checks that
every column search reads has its index.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

SEARCHED_COLUMNS = {
    "meetings_meeting": ("title", "summary", "venue", "city"),
    "meetings_agendaitem": ("title", "summary"),
    "meetings_activity": ("title", "description"),
    "meetings_achievement": ("title", "description"),
    "meetings_actionitem": ("text",),
    "meetings_person": ("name", "honorific", "position"),
    "meetings_organisation": ("name", "short_name"),
}
LANGUAGES = ("lo", "en")


def _indexes():
    for table, fields in SEARCHED_COLUMNS.items():
        for field in fields:
            for lang in LANGUAGES:
                column = f"{field}_{lang}"
                yield table, column, f"{table.removeprefix('meetings_')}_{column}_trgm"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    q = schema_editor.quote_name
    for table, column, name in _indexes():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {q(name)} ON {q(table)} USING gin ((UPPER({q(column)})) gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, _column, name in _indexes():
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [("meetings", "0004_role_groups")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
