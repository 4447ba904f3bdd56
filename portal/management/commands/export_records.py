from django.core.management.base import BaseCommand

from portal.ops.backup import export_records


class Command(BaseCommand):
    help = "Write every record (with its history) as JSON with natural keys; load it with import_records."

    def add_arguments(self, parser):
        parser.add_argument("output", help="JSON file to write, e.g. records.json")

    def handle(self, *args, output, **options):
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(export_records())
        self.stdout.write(self.style.SUCCESS(f"All records written to {output}"))
