"""The four roles as groups with their permissions (see meetings/roles.py)."""

from django.db import migrations


def create_role_groups(apps, schema_editor):
    from meetings.rules.roles import sync_role_groups

    sync_role_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0003_workflow_history_documents"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("axes", "0010_accessattemptexpiration"),
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]
