from django.core.management.base import BaseCommand, CommandError

from meetings.history import redact_history


class Command(BaseCommand):
    help = (
        "Remove a piece of text (a victim's name, a phone number entered by mistake) from every kept version "
        "and workflow note. First remove it from the current records in the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("text", help="The exact text to remove, e.g. '020 5555 1234'.")

    def handle(self, *args, text, **options):
        try:
            count = redact_history(text=text)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Removed from {count} kept versions."))
