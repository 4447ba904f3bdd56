"""Coordination through PostgreSQL, not a local disk (portal/ops/locks.py): a lock one app node (a second
database session) holds is seen by every other; periodic mail jobs run once across nodes."""

import psycopg2
import pytest
from django.core.management import call_command
from django.db import connection

from portal.ops.locks import advisory_lock, lock_key


def other_node():
    """A database session of its own, as another app node's process has."""
    db = connection.settings_dict
    return psycopg2.connect(
        dbname=db["NAME"], user=db["USER"], password=db["PASSWORD"], host=db["HOST"], port=db["PORT"]
    )


@pytest.mark.django_db
def test_a_lock_held_by_another_node_is_waited_for_then_given_up_and_released_after_use():
    node = other_node()
    try:
        with node.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [lock_key("job")])
        with advisory_lock("job", wait=0.2) as taken:
            assert taken is False
        with advisory_lock("another job") as taken:
            assert taken is True
            with node.cursor() as cursor:  # while held here, the other node cannot take it
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock_key("another job")])
                assert cursor.fetchone()[0] is False
        with node.cursor() as cursor:  # and once the block is left, it can
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [lock_key("another job")])
            assert cursor.fetchone()[0] is True
    finally:
        node.close()
    # a node that goes away lets go of its locks (its server process ends a moment after the close)
    with advisory_lock("job", wait=5) as taken:
        assert taken is True


@pytest.mark.django_db
def test_a_mail_timer_runs_once_across_nodes(capsys):
    node = other_node()
    try:
        with node.cursor() as cursor:  # the retry job is running on the other node
            cursor.execute("SELECT pg_advisory_lock(%s)", [lock_key("mail-timer:retry")])
        call_command("mail_timers", "retry")
        assert capsys.readouterr().out.strip() == "retry: already running elsewhere, left to that run"
        call_command("mail_timers", "cleanup")  # another job is not held up
        assert capsys.readouterr().out.startswith("cleanup: ")
        with node.cursor() as cursor:  # the other node's run ends (a closed session lets go a little later)
            cursor.execute("SELECT pg_advisory_unlock(%s)", [lock_key("mail-timer:retry")])
    finally:
        node.close()
    call_command("mail_timers", "retry")
    out = capsys.readouterr().out
    assert out.startswith("retry: ") and "elsewhere" not in out
