"""Action item reminders: ``ACTION_ITEM_REMINDER_DAYS`` days before the due date, on the day, and once a
week while overdue, to the contacts of each responsible organisation and to the secretariat.

Each reminder has a key (item, kind, due date, week), so the timer may run every five minutes, twice, or
after a pause: what is due is queued once. A recipient is told only of items its audience may read (a
contact without an account: public meetings only), read through the selectors with its reader, with the
status it may know. Items that are done or dropped, or whose meeting is not published, are never reminded.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from meetings.rules.roles import AudienceReader
from meetings.selectors.action_items import followed_items
from notifications.compose import public_url
from notifications.outbox import Recipient, queue_mail, recipient_for
from notifications.readers import contacts_of, mail_reader, secretariat

SOON, DUE, OVERDUE = "soon", "due", "overdue"


@dataclass(frozen=True)
class Reminder:
    kind: str  # soon, due, overdue
    when: str  # what makes it once: the due date, and for overdue the week
    days: int  # days until the due date, or since it


def reminder_for(due: datetime.date, today: datetime.date) -> Reminder | None:
    """Which reminder an item due on ``due`` has on ``today``, if any."""
    before = settings.ACTION_ITEM_REMINDER_DAYS
    if today < due:
        days = (due - today).days
        return Reminder(SOON, str(due), days) if days <= before else None
    if today == due:
        return Reminder(DUE, str(due), 0)
    days = (today - due).days
    week = (days - 1) // 7  # the day after the due date, then every seven days
    limit = settings.ACTION_ITEM_OVERDUE_WEEKS
    if limit and week >= limit:
        return None
    return Reminder(OVERDUE, f"{due}:w{week}", days)


def recipients_of(item) -> list[tuple[Recipient, object]]:
    """(recipient, account or None) for the item's responsible organisations' contacts, then the
    secretariat; one per address."""
    people = []
    for contact in contacts_of(o.pk for o in item.responsible.all()):
        if contact.user_id is not None:
            people.append((recipient_for(contact.user), contact.user))
        else:
            people.append((Recipient(address=contact.email, language=contact.language), None))
    people += [(recipient_for(user), user) for user in secretariat()]
    seen, unique = set(), []
    for recipient, user in people:
        if recipient is not None and recipient.address.lower() not in seen:
            seen.add(recipient.address.lower())
            unique.append((recipient, user))
    return unique


def mail_reminders(*, today: datetime.date | None = None) -> list:
    """Queue every reminder due today (idempotent)."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=settings.ACTION_ITEM_REMINDER_DAYS)
    queued = []
    for item in followed_items(AudienceReader("staff")).filter(due_date__lte=horizon):
        reminder = reminder_for(item.due_date, today)
        if reminder is None:
            continue
        as_seen = {}  # audience → the item as that audience may read it (or None)
        for recipient, user in recipients_of(item):
            reader = mail_reader(user)
            if reader.audience not in as_seen:
                as_seen[reader.audience] = followed_items(reader).filter(pk=item.pk).first()
            seen = as_seen[reader.audience]
            if seen is None:
                continue
            context = {
                "item": seen,
                "meeting": seen.meeting,
                "responsible": list(seen.responsible.all()),
                "reminder": reminder,
                "item_url": public_url(seen.meeting, recipient.language) + f"#action-item-{seen.pk}",
            }
            message = queue_mail(
                key=f"reminder:{item.pk}:{reminder.kind}:{reminder.when}",
                recipient=recipient,
                kind=f"reminder-{reminder.kind}",
                template="action_item_reminder",
                context=context,
            )
            if message is not None:
                queued.append(message)
    return queued
