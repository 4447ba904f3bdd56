"""CI check of the Lao catalogues: compile, complete, no fuzzy entries, placeholders as in English."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.i18n.i18n_tools import check_all, check_catalogue


class Command(BaseCommand):
    help = "Check the Lao catalogues (or the given .po files) and print their statistics."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="catalogues to check (default: every Lao catalogue)")

    def handle(self, *args, paths=(), **options):
        reports = [check_catalogue(Path(p)) for p in paths] if paths else check_all()
        if not reports:
            raise CommandError("No Lao catalogue found.")
        failed = 0
        for r in reports:
            pct = 100 * r.translated / r.total if r.total else 0
            path = r.path.resolve()
            shown = path.relative_to(settings.BASE_DIR) if path.is_relative_to(settings.BASE_DIR) else path
            self.stdout.write(
                f"{shown}: {r.total} messages, {r.translated} translated ({pct:.0f}%), "
                f"{len(r.untranslated)} untranslated, {len(r.fuzzy)} fuzzy, "
                f"{len(r.placeholder_errors)} placeholder errors"
            )
            for problem in r.problems:
                self.stderr.write(f"  {problem}")
            failed += not r.ok
        if failed:
            raise CommandError(f"{failed} of {len(reports)} Lao catalogues have problems (listed above).")
        self.stdout.write(self.style.SUCCESS(f"{len(reports)} Lao catalogues complete and consistent."))
