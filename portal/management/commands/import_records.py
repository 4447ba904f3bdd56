from pathlib import Path

from django.core.management.base import BaseCommand

from portal.ops.backup import import_records


class Command(BaseCommand):
    help = "Load a JSON export made by export_records (or records.json of a backup) into a migrated, empty database."

    def add_arguments(self, parser):
        parser.add_argument("input", help="JSON file made by export_records")

    def handle(self, *args, input, **options):
        import_records(Path(input), verbosity=options["verbosity"], stdout=self.stdout)
