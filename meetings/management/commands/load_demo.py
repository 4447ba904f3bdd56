from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from meetings.rules import roles
from meetings.services.demo import load_demo_data

DEMO_ADMIN = ("admin", "lao-demo-admin")
# One account per role (meetings/roles.py), to try the workflow and visibility in the demo.
DEMO_ROLE_USERS = [
    ("editor", "lao-demo-editor", roles.EDITOR, True),
    ("publisher", "lao-demo-publisher", roles.PUBLISHER, True),
    ("partner", "lao-demo-partner", roles.PARTNER, False),
]


def demo_address(username: str) -> str:
    """Demo accounts get addresses at example.org (RFC 2606: never a real mailbox), so password reset and
    notifications can be tried against the local mail server of bin/serve."""
    return f"{username}@example.org"


def analyse_records() -> None:
    """PostgreSQL's statistics of the record tables taken now (``ANALYZE``), as its manual advises after a bulk
    load. Autovacuum takes them only after 50 or more rows of a table change, so a demo database would
    otherwise keep tables never analysed, whose size the search can only bound from their pages (see
    ``meetings.search.engine._SIZES``): one edit that adds a page to the two meetings' table then makes the
    search plan every statement for its terms, as on a large database."""
    if connection.vendor != "postgresql":
        return
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_app_config("meetings").get_models(include_auto_created=True)
        }
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(table) for table in tables))


def demo_account(username: str, password: str, **defaults):
    """The demo account (created with ``password`` if new; a changed password is kept), with an address."""
    user, created = get_user_model().objects.get_or_create(username=username, defaults=defaults)
    if created:
        user.set_password(password)
    user.email = user.email or demo_address(username)
    user.save()
    return user, created


class Command(BaseCommand):
    help = "Load the two real source meetings as demo data (idempotent: a second run creates nothing twice)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-admin",
            action="store_true",
            help="Also create a demo administrator (development only) and print how to log in.",
        )

    def handle(self, *args, with_admin=False, **options):
        meetings = load_demo_data()
        analyse_records()
        for meeting in meetings:
            self.stdout.write(f"  {meeting.start_date}  {meeting.slug}")
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {len(meetings)} meetings."))
        if with_admin:
            if settings.PRODUCTION:
                raise CommandError("Refusing to create a demo administrator in production.")
            username, password = DEMO_ADMIN
            user, created = demo_account(username, password, is_staff=True, is_superuser=True)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo administrator: log in at {settings.SITE_URL}/admin/ as '{username}' with password "
                    f"'{password}'" + ("" if created else " (unless you changed it)")
                )
            )
            for username, password, role, staff in DEMO_ROLE_USERS:
                user, _created = demo_account(username, password, is_staff=staff)
                user.groups.add(Group.objects.get(name=role))
                where = "/admin/" if staff else "/lo/accounts/login/"
                self.stdout.write(
                    f"  {role}: '{username}' / '{password}' ({user.email}) at {settings.SITE_URL}{where}"
                )
