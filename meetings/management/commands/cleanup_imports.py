"""Remove uploaded WordPress exports that were never imported (their preview left for more than N hours).

    manage.py cleanup_imports [--hours 24]

Run hourly by deploy/systemd/portal-import-cleanup.timer. Works through Django's storage API, so the same
on a disk (MEDIA_ROOT) and in an S3 bucket. Exits with status 1 if a file could not be removed.
"""

from django.core.management.base import BaseCommand, CommandError

from meetings.importing.uploads import DEFAULT_HOURS, UPLOAD_DIR, remove_abandoned


class Command(BaseCommand):
    help = "Remove uploaded WordPress exports never imported after --hours hours."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=float,
            default=DEFAULT_HOURS,
            help=f"remove uploads older than this (default {DEFAULT_HOURS})",
        )

    def handle(self, *args, **options):
        if options["hours"] < 1:
            raise CommandError("--hours must be at least 1 (an officer may still be looking at the preview).")
        result = remove_abandoned(older_than_hours=options["hours"])
        for path in result.removed:
            self.stdout.write(f"removed {path}")
        self.stdout.write(
            f"{len(result.removed)} abandoned uploads removed from {UPLOAD_DIR}/, {result.kept} recent kept, "
            f"{len(result.failed)} could not be removed."
        )
        if result.failed:
            raise CommandError("Could not remove: " + ", ".join(result.failed))
