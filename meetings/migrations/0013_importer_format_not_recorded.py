"""Meeting.format blank means "not recorded": no default that looks like a reading.

Drafts made by the WordPress import whose text stated no format got "in person" from the old default; they
are set back to blank (a draft an officer has edited since, or a format read from the text, is left alone).
"""

from django.db import migrations, models


def forget_defaulted_formats(apps, schema_editor):
    ImportedPost = apps.get_model("meetings", "ImportedPost")
    Suggestion = apps.get_model("meetings", "Suggestion")
    Meeting = apps.get_model("meetings", "Meeting")
    read = Suggestion.objects.filter(field="format").values("meeting_id")
    untouched = [
        p.meeting_id
        for p in ImportedPost.objects.filter(meeting__isnull=False).select_related("meeting")
        if p.meeting.version == p.meeting_version
    ]
    Meeting.objects.filter(pk__in=untouched, status="draft", format="in_person").exclude(pk__in=read).update(
        format=""
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0012_organisation_contacts"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalmeeting",
            name="format",
            field=models.CharField(
                blank=True,
                choices=[
                    ("in_person", "In person"),
                    ("online", "Online"),
                    ("hybrid", "Hybrid (in person and online)"),
                ],
                default="",
                max_length=20,
                verbose_name="format",
            ),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="format",
            field=models.CharField(
                blank=True,
                choices=[
                    ("in_person", "In person"),
                    ("online", "Online"),
                    ("hybrid", "Hybrid (in person and online)"),
                ],
                default="",
                max_length=20,
                verbose_name="format",
            ),
        ),
        migrations.RunPython(forget_defaulted_formats, migrations.RunPython.noop),
    ]
