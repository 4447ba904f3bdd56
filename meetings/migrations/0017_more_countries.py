"""Seed three countries met in the secretariat's news posts that the first list lacked (Cuba, Mongolia,
Argentina); the list is frozen here, as in 0009_meeting_entry, so that the migration never changes with live code.
A country an officer already added under its code is left as it is."""

from django.db import migrations

# code, Lao name, English name, ASEAN member state
COUNTRIES = [
    ("CU", "ຄິວບາ", "Cuba", False),
    ("MN", "ມົງໂກລີ", "Mongolia", False),
    ("AR", "ອາເຈນຕິນາ", "Argentina", False),
]


def seed(apps, schema_editor):
    Country = apps.get_model("meetings", "Country")
    existing = set(Country.objects.values_list("code", flat=True))
    for code, name_lo, name_en, asean in COUNTRIES:
        if code not in existing:
            Country.objects.create(
                code=code, name=name_en, name_lo=name_lo, name_en=name_en, asean_member=asean
            )


class Migration(migrations.Migration):
    dependencies = [("meetings", "0016_importedpost_meeting_like")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
