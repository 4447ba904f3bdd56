"""Import a WordPress export (WXR) as draft meetings, with the facts pre-read from each post's text.

    manage.py import_wordpress export.xml --media-dir wp-content/uploads [--user officer] [--skip GUID ...]
        [--new-draft GUID ...]

Importing again creates nothing twice and leaves drafts that officers have edited as they are. A post about
a meeting already in the portal (same date, similar title or same venue) is linked to it and makes no
draft; ``--new-draft GUID`` makes a draft of that post all the same (also of one linked by an earlier import).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from meetings.importing import services
from meetings.importing.running import ImportBusy, one_import_at_a_time
from meetings.importing.wxr import WxrError


class Command(BaseCommand):
    help = "Import WordPress news posts (a WXR export file, or a zip with its uploads) as draft meetings."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="the export file (.xml), or a .zip holding it and the uploads folder"
        )
        parser.add_argument(
            "--media-dir", help="the uploads folder (wp-content/uploads) with the posts' files"
        )
        parser.add_argument(
            "--user", help="record the import as done by this user (must have the permission)"
        )
        parser.add_argument(
            "--all",
            action="store_true",
            help="also posts that do not look like meeting reports (no meeting word)",
        )
        parser.add_argument(
            "--skip", action="append", default=[], metavar="GUID", help="do not import this post"
        )
        parser.add_argument(
            "--new-draft",
            action="append",
            default=[],
            metavar="GUID",
            help="make a draft of this post even if it is about a meeting already in the portal",
        )

    def handle(self, *args, **options):
        by = None
        if options["user"]:
            by = get_user_model().objects.filter(username=options["user"]).first()
            if by is None:
                raise CommandError(f"No user {options['user']!r}.")
        try:
            with one_import_at_a_time():
                report = services.import_wxr(
                    file=options["file"],
                    by=by,
                    media_dir=options["media_dir"],
                    skip_guids=set(options["skip"]),
                    meetings_only=not options["all"],
                    new_draft_guids=set(options["new_draft"]),
                )
        except (OSError, WxrError, ImportBusy) as error:
            raise CommandError(str(error)) from error
        for result in report.results:
            line = f"{result.outcome:9} {result.title}"
            if result.meeting is not None:
                line += f"  [meeting {result.meeting.pk}, {result.suggestions} suggestions, {result.documents} documents]"
            self.stdout.write(line)
            if result.meeting is not None and not result.meeting_like:
                self.stdout.write(
                    "          ! does not look like a meeting report (the draft is marked as such)"
                )
            for problem in result.problems:
                self.stdout.write(f"          ! {problem}")
        self.stdout.write(
            f"{report.count(services.CREATED)} drafts created, "
            f"{report.count(services.LINKED)} linked to meetings already in the portal, "
            f"{report.count(services.UNCHANGED)} already imported, "
            f"{report.count(services.KEPT)} edited since and kept, {report.count(services.SKIPPED)} skipped."
        )
