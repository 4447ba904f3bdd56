from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.ops.backup import BackupError, restore_backup, table_fingerprints


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded documents with a backup made by 'manage.py backup', "
        "then check every table's row count and checksum against the backup's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A backup folder (portal-backup-...).")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, folder, yes=False, **options):
        if not yes and input(f"Replace ALL data with the backup in {folder}? Type 'yes': ").strip() != "yes":
            raise CommandError("Nothing restored.")
        try:
            manifest = restore_backup(Path(folder))
        except BackupError as error:
            raise CommandError(str(error)) from error
        now = table_fingerprints()
        different = [t for t, v in manifest["tables"].items() if now.get(t) != v]
        if different:
            raise CommandError("Restored, but these tables differ from the backup: " + ", ".join(different))
        self.stdout.write(
            self.style.SUCCESS(f"Restored {folder}: {len(now)} tables match the backup row for row.")
        )
