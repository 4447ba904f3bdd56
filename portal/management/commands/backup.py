from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database, the uploaded documents and a JSON export of all records into a new folder."

    def add_arguments(self, parser):
        parser.add_argument(
            "destination", nargs="?", default="backups", help="Folder to create the backup in."
        )

    def handle(self, *args, destination, **options):
        try:
            folder = create_backup(Path(destination))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
