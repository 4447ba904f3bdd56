"""Tasks of the portal's queue (Django's Tasks API: ``django_tasks`` now, ``django.tasks`` on Django 6).

Tasks are thin: each calls a service. Services enqueue them inside their transaction, so with the database
backend a rolled-back change leaves no task. ``manage.py db_worker`` runs them (``--queue-name '*'``).
"""

from __future__ import annotations

from django_tasks import task

from notifications import outbox, subscriptions, workflow


def send_soon(messages) -> None:
    """Enqueue the delivery of queued mail (held digest mail waits for the digest)."""
    for message in messages:
        if message is not None and message.status == message.Status.PENDING:
            deliver_message.enqueue(message_id=message.pk)


@task(queue_name="mail")
def deliver_message(message_id: int) -> str:
    outcome = outbox.deliver(message_id=message_id)
    if outcome.status == "retry":
        deliver_message.using(run_after=outcome.retry_at).enqueue(message_id=message_id)
    elif outcome.status == "sent":
        send_soon(outbox.wake_waiting())  # the server takes mail again: what waits for a retry goes now
    return outcome.status


@task()
def notify_meeting_event(event_id: int) -> int:
    messages = workflow.mail_meeting_event(event_id=event_id)
    messages += subscriptions.mail_publication(event_id=event_id)  # published: the subscribers
    send_soon(messages)
    return len(messages)
