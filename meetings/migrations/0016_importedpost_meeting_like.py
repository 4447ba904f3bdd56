"""Whether an imported post reads as a meeting report: a draft made from a post that does not (ticked by an
officer all the same, or imported with ``import_wordpress --all``) is marked as such. Posts imported before
are judged once here by the same reader the import uses."""

from django.db import migrations, models


def judge(apps, schema_editor):
    from meetings.importing.lao_subject import looks_like_meeting

    ImportedPost = apps.get_model("meetings", "ImportedPost")
    for post in ImportedPost.objects.only("pk", "title", "text").iterator():
        if not looks_like_meeting(post.title, post.text):
            ImportedPost.objects.filter(pk=post.pk).update(meeting_like=False)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0015_meeting_newest_index")]

    operations = [
        migrations.AddField(
            model_name="importedpost",
            name="meeting_like",
            field=models.BooleanField(
                default=True,
                help_text=(
                    "No: the text does not read as the report of a meeting held, and an officer imported it all "
                    "the same."
                ),
                verbose_name="reads as a meeting report",
            ),
        ),
        migrations.RunPython(judge, migrations.RunPython.noop),
    ]
