"""Refresh locale/vendor/lo from the installed Django's English catalogues, keeping the Lao already there."""

from django.core.management.base import BaseCommand

from portal.i18n.i18n_tools import VENDOR_SOURCES, update_vendor_catalogue, vendor_dir


class Command(BaseCommand):
    help = "Add new Django admin/auth/forms msgids to locale/vendor/lo (untranslated) and drop obsolete ones."

    def handle(self, *args, **options):
        for domain in VENDOR_SOURCES:
            counts = update_vendor_catalogue(domain)
            self.stdout.write(
                f"{vendor_dir() / (domain + '.po')}: {counts['kept']} kept, {counts['new']} to translate, "
                f"{counts['dropped']} dropped"
            )
