"""The portal's periodic mail work, run by systemd timers (deploy/systemd/portal-mail-*.timer).

    manage.py mail_timers retry      # every 5 min: re-queue mail whose delivery task was lost (worker killed)
    manage.py mail_timers reminders  # every 5 min: action items due soon, due today, overdue (weekly)
    manage.py mail_timers daily      # once a day: digests for accounts that chose one
    manage.py mail_timers weekly     # once a week: the secretariat's digest
    manage.py mail_timers cleanup    # once a day: sent mail and finished tasks older than the keep period

Every job is idempotent: a mail has a key (event, recipient) and is queued once, so a second run, or two
nodes running the same timer, sends nothing twice. On top of that a job runs on one node at a time: it
holds a PostgreSQL advisory lock named after it (portal/ops/locks.py), and a node whose timer fires while
another node runs the job leaves it ("already running elsewhere", exit 0) instead of doing the work twice.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand

from notifications import jobs
from portal.ops.locks import advisory_lock

JOBS = {
    "retry": jobs.requeue_lost_mail,
    "reminders": jobs.action_item_reminders,
    "daily": jobs.daily_digests,
    "weekly": jobs.weekly_digest,
    "cleanup": jobs.cleanup,
}


class Command(BaseCommand):
    help = "Periodic mail work: retry, reminders, daily, weekly, cleanup (run by systemd timers)."

    def add_arguments(self, parser):
        parser.add_argument("job", choices=sorted(JOBS))
        parser.add_argument(
            "--keep-days", type=int, default=90, help="cleanup: keep sent mail this many days (default 90)"
        )

    def handle(self, *args, job, keep_days, **options):
        kwargs = {"keep": timedelta(days=keep_days)} if job == "cleanup" else {}
        with advisory_lock(f"mail-timer:{job}") as taken:
            if not taken:
                self.stdout.write(f"{job}: already running elsewhere, left to that run")
                return
            result = JOBS[job](**kwargs)
        self.stdout.write(f"{job}: {result}")
