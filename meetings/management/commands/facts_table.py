"""Print how well the fact reader reads the test articles: facts stated, read right, wrong, missed.

manage.py load_demo && manage.py facts_table
"""

from django.core.management.base import BaseCommand

from meetings.importing.accuracy import scores, table


class Command(BaseCommand):
    help = (
        "Print the fact reader's table (stated / right / wrong / missed) on the seed articles and variants."
    )

    def handle(self, *args, **options):
        rows = scores()
        self.stdout.write(table(rows))
        for row in rows:
            for line in row.wrong:
                self.stdout.write(f"WRONG  {row.name}  {line}")
            for key in row.missed:
                self.stdout.write(f"missed {row.name}  {key}")
