"""Search columns: each searched record keeps its searched text in one generated, upper-cased column
(``search_text``, and ``search_title`` for its title fields), with one trigram index each on PostgreSQL.

They replace the per-column indexes on ``UPPER(column)`` of migration 0005: a search condition is now one
``LIKE`` on stored text per term and kind, instead of an ``OR`` over every column that upper-cases each
field of each candidate row again (measured in ``benchmarks/search_bench.py``). Joiners inside names
(ASEAN-ACT) are written as one letter in the column and in the terms, so the trigram index sees such a name
as one word and finds exactly where its parts are joined (``meetings.models.SEARCH_JOINERS``).

Rows of the tables with long text are kept in the table, uncompressed, up to a full page
(``toast_tuple_target``): a search that rechecks thousands of candidate rows then reads each row's search
text directly instead of decompressing it or fetching it from the TOAST table (three times faster on a long
meeting summary, measured on 10,000 meetings).

On SQLite (the demo database) the columns are added too (search reads them there as well); the indexes
are PostgreSQL only. The lists are written out here: a migration must not change when the code changes.
"""

import django.db.models.functions.text
import meetings.models
from django.db import migrations, models


OLD_INDEXES = {
    "meetings_meeting": ("title", "summary", "venue", "city"),
    "meetings_agendaitem": ("title", "summary"),
    "meetings_activity": ("title", "description"),
    "meetings_achievement": ("title", "description"),
    "meetings_actionitem": ("text",),
    "meetings_person": ("name", "honorific", "position"),
    "meetings_organisation": ("name", "short_name"),
}
SEARCH_COLUMNS = {
    "meetings_meeting": ("search_title", "search_text"),
    "meetings_agendaitem": ("search_title", "search_text"),
    "meetings_activity": ("search_title", "search_text"),
    "meetings_achievement": ("search_title", "search_text"),
    "meetings_actionitem": ("search_text",),
    "meetings_person": ("search_title", "search_text"),
    "meetings_organisation": ("search_text",),
}


INLINE_TABLES = (
    "meetings_meeting",
    "meetings_agendaitem",
    "meetings_activity",
    "meetings_achievement",
    "meetings_actionitem",
)
PAGE_TUPLE_TARGET = 8160  # the largest PostgreSQL accepts with 8 kB pages


def keep_rows_inline(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in INLINE_TABLES:
        schema_editor.execute(
            f"ALTER TABLE {schema_editor.quote_name(table)} SET (toast_tuple_target = {PAGE_TUPLE_TARGET})"
        )


def default_toasting(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in INLINE_TABLES:
        schema_editor.execute(f"ALTER TABLE {schema_editor.quote_name(table)} RESET (toast_tuple_target)")


def _old_index_names():
    for table, fields in OLD_INDEXES.items():
        for field in fields:
            for lang in ("lo", "en"):
                yield f"{table.removeprefix('meetings_')}_{field}_{lang}_trgm"


def _new_indexes():
    for table, columns in SEARCH_COLUMNS.items():
        for column in columns:
            yield table, column, f"{table.removeprefix('meetings_')}_{column}_trgm"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    q = schema_editor.quote_name
    for name in _old_index_names():
        schema_editor.execute(f"DROP INDEX IF EXISTS {q(name)}")
    for table, column, name in _new_indexes():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {q(name)} ON {q(table)} USING gin ({q(column)} gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    q = schema_editor.quote_name
    for _table, _column, name in _new_indexes():
        schema_editor.execute(f"DROP INDEX IF EXISTS {q(name)}")
    for table, fields in OLD_INDEXES.items():
        for field in fields:
            for lang in ("lo", "en"):
                column = f"{field}_{lang}"
                name = f"{table.removeprefix('meetings_')}_{column}_trgm"
                schema_editor.execute(
                    f"CREATE INDEX IF NOT EXISTS {q(name)} ON {q(table)} USING gin ((UPPER({q(column)})) gin_trgm_ops)"
                )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0005_search_trigram_indexes"),
    ]

    operations = [
        # First, so that adding the columns (which rewrites each table) already stores rows inline.
        migrations.RunPython(keep_rows_inline, default_toasting, elidable=False),
        migrations.AddField(
            model_name="achievement",
            name="search_text",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Replace(
                        django.db.models.functions.text.Replace(
                            django.db.models.functions.text.Replace(
                                meetings.models.Joined(
                                    models.F("title_lo"),
                                    models.Value("\n"),
                                    models.F("title_en"),
                                    models.Value("\n"),
                                    models.F("description_lo"),
                                    models.Value("\n"),
                                    models.F("description_en"),
                                ),
                                models.Value("-"),
                                models.Value("ǂ"),
                                output_field=models.TextField(),
                            ),
                            models.Value("/"),
                            models.Value("ǂ"),
                            output_field=models.TextField(),
                        ),
                        models.Value("_"),
                        models.Value("ǂ"),
                        output_field=models.TextField(),
                    )
                ),
                output_field=models.TextField(),
                serialize=False,
                verbose_name="search text",
            ),
        ),
        migrations.AddField(
            model_name="achievement",
            name="search_title",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Replace(
                        django.db.models.functions.text.Replace(
                            django.db.models.functions.text.Replace(
                                meetings.models.Joined(
                                    models.F("title_lo"), models.Value("\n"), models.F("title_en")
                                ),
                                models.Value("-"),
                                models.Value("ǂ"),
                                output_field=models.TextField(),
                            ),
                            models.Value("/"),
                            models.Value("ǂ"),
                            output_field=models.TextField(),
                        ),
                        models.Value("_"),
                        models.Value("ǂ"),
                        output_field=models.TextField(),
                    )
                ),
                output_field=models.TextField(),
                serialize=False,
                verbose_name="search text",
            ),
        ),
        migrations.AddField(
            model_name="actionitem",
            name="search_text",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Replace(
                        django.db.models.functions.text.Replace(
                            django.db.models.functions.text.Replace(
                                meetings.models.Joined(
                                    models.F("text_lo"), models.Value("\n"), models.F("text_en")
                                ),
                                models.Value("-"),
                                models.Value("ǂ"),
                                output_field=models.TextField(),
                            ),
                            models.Value("/"),
                            models.Value("ǂ"),
                            output_field=models.TextField(),
                        ),
                        models.Value("_"),
                        models.Value("ǂ"),
                        output_field=models.TextField(),
                    )
                ),
                output_field=models.TextField(),
                serialize=False,
                verbose_name="search text",
            ),
        ),
        migrations.AddField(
            model_name="activity",
            name="search_text",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Replace(
                        django.db.models.functions.text.Replace(
                            django.db.models.functions.text.Replace(
                                meetings.models.Joined(
                                    models.F("title_lo"),
                                    models.Value("\n"),
                                    models.F("title_en"),
                                    models.Value("\n"),
                                    models.F("description_lo"),
                                    models.Value("\n"),
                                    models.F("description_en"),
                                ),
                                models.Value("-"),
                                models.Value("ǂ"),
                                output_field=models.TextField(),
                            ),
                            models.Value("/"),
                            models.Value("ǂ"),
                            output_field=models.TextField(),
                        ),
                        models.Value("_"),
                        models.Value("ǂ"),
                        output_field=models.TextField(),
                    )
                ),
                output_field=models.TextField(),
                serialize=False,
                verbose_name="search text",
            ),
        ),
        migrations.AddField(
            model_name="activity",
            name="search_title",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Replace(
                        django.db.models.functions.text.Replace(
                            django.db.models.functions.text.Replace(
                                meetings.models.Joined(
                                    models.F("title_lo"), models.Value("\n"), models.F("title_en")
                                ),
                                models.Value("-"),
                                models.Value("ǂ"),
                                output_field=models.TextField(),
                            ),
                            models.Value("/"),
                            models.Value("ǂ"),
                            output_field=models.TextField(),
                        ),
                        models.Value("_"),
                        models.Value("ǂ"),
                        output_field=models.TextField(),
                    )
                ),
                output_field=models.TextField(),
                serialize=False,
                verbose_name="search text",
            ),
        ),
        migrations.AddField(
            model_name="agendaitem",
            name="search_text",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Replace(
                        django.db.models.functions.text.Replace(
                            django.db.models.functions.text.Replace(
                                meetings.models.Joined(
                                    models.F("title_lo"),
                                    models.Value("\n"),
                                    models.F("title_en"),
                                    models.Value("\n"),
                                    models.F("summary_lo"),
                                    models.Value("\n"),
                                    models.F("summary_en"),
                                ),
                                models.Value("-"),
                                models.Value("ǂ"),
                                output_field=models.TextField(),
                            ),
                            models.Value("/"),
                            models.Value("ǂ"),
                            output_field=models.TextField(),
                        ),
                        models.Value("_"),
                        models.Value("ǂ"),
                        output_field=models.TextField(),
                    )
                ),
                output_field=models.TextField(),
                serialize=False,
                verbose_name="search text",
            ),
        ),
        migrations.AddField(
            model_name="agendaitem",
            name="search_title",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Replace(
                        django.db.models.functions.text.Replace(
                            django.db.models.functions.text.Replace(
                                meetings.models.Joined(
                                    models.F("title_lo"), models.Value("\n"), models.F("title_en")
                                ),
                                models.Value("-"),
                                models.Value("ǂ"),
                                output_field=models.TextField(),
                            ),
                            models.Value("/"),
                            models.Value("ǂ"),
                            output_field=models.TextField(),
                        ),
                        models.Value("_"),
                        models.Value("ǂ"),
                        output_field=models.TextField(),
                    )
                ),
                output_field=models.TextField(),
                serialize=False,
                verbose_name="search text",
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="search_text",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Replace(
                        django.db.models.functions.text.Replace(
                            django.db.models.functions.text.Replace(
                                meetings.models.Joined(
                                    models.F("title_lo"),
                                    models.Value("\n"),
                                    models.F("title_en"),
                                    models.Value("\n"),
                                    models.F("summary_lo"),
                                    models.Value("\n"),
                                    models.F("summary_en"),
                                    models.Value("\n"),
                                    models.F("venue_lo"),
                                    models.Value("\n"),
                                    models.F("venue_en"),
                                    models.Value("\n"),
                                    models.F("city_lo"),
                                    models.Value("\n"),
                                    models.F("city_en"),
                                ),
                                models.Value("-"),
                                models.Value("ǂ"),
                                output_field=models.TextField(),
                            ),
                            models.Value("/"),
                            models.Value("ǂ"),
                            output_field=models.TextField(),
                        ),
                        models.Value("_"),
                        models.Value("ǂ"),
                        output_field=models.TextField(),
                    )
                ),
                output_field=models.TextField(),
                serialize=False,
                verbose_name="search text",
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="search_title",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Replace(
                        django.db.models.functions.text.Replace(
                            django.db.models.functions.text.Replace(
                                meetings.models.Joined(
                                    models.F("title_lo"), models.Value("\n"), models.F("title_en")
                                ),
                                models.Value("-"),
                                models.Value("ǂ"),
                                output_field=models.TextField(),
                            ),
                            models.Value("/"),
                            models.Value("ǂ"),
                            output_field=models.TextField(),
                        ),
                        models.Value("_"),
                        models.Value("ǂ"),
                        output_field=models.TextField(),
                    )
                ),
                output_field=models.TextField(),
                serialize=False,
                verbose_name="search text",
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="search_text",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Replace(
                        django.db.models.functions.text.Replace(
                            django.db.models.functions.text.Replace(
                                meetings.models.Joined(
                                    models.F("name_lo"),
                                    models.Value("\n"),
                                    models.F("name_en"),
                                    models.Value("\n"),
                                    models.F("short_name_lo"),
                                    models.Value("\n"),
                                    models.F("short_name_en"),
                                ),
                                models.Value("-"),
                                models.Value("ǂ"),
                                output_field=models.TextField(),
                            ),
                            models.Value("/"),
                            models.Value("ǂ"),
                            output_field=models.TextField(),
                        ),
                        models.Value("_"),
                        models.Value("ǂ"),
                        output_field=models.TextField(),
                    )
                ),
                output_field=models.TextField(),
                serialize=False,
                verbose_name="search text",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="search_text",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Replace(
                        django.db.models.functions.text.Replace(
                            django.db.models.functions.text.Replace(
                                meetings.models.Joined(
                                    models.F("name_lo"),
                                    models.Value("\n"),
                                    models.F("name_en"),
                                    models.Value("\n"),
                                    models.F("honorific_lo"),
                                    models.Value("\n"),
                                    models.F("honorific_en"),
                                    models.Value("\n"),
                                    models.F("position_lo"),
                                    models.Value("\n"),
                                    models.F("position_en"),
                                ),
                                models.Value("-"),
                                models.Value("ǂ"),
                                output_field=models.TextField(),
                            ),
                            models.Value("/"),
                            models.Value("ǂ"),
                            output_field=models.TextField(),
                        ),
                        models.Value("_"),
                        models.Value("ǂ"),
                        output_field=models.TextField(),
                    )
                ),
                output_field=models.TextField(),
                serialize=False,
                verbose_name="search text",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="search_title",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Replace(
                        django.db.models.functions.text.Replace(
                            django.db.models.functions.text.Replace(
                                meetings.models.Joined(
                                    models.F("name_lo"), models.Value("\n"), models.F("name_en")
                                ),
                                models.Value("-"),
                                models.Value("ǂ"),
                                output_field=models.TextField(),
                            ),
                            models.Value("/"),
                            models.Value("ǂ"),
                            output_field=models.TextField(),
                        ),
                        models.Value("_"),
                        models.Value("ǂ"),
                        output_field=models.TextField(),
                    )
                ),
                output_field=models.TextField(),
                serialize=False,
                verbose_name="search text",
            ),
        ),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
