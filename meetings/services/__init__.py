"""Writes: keyword-only, atomic functions that change records (``publish_meeting(*, meeting, by)``).

``workflow``: publication steps, follow-ups and their statuses, edit versions, restoring versions;
``demo``: the demo data loader.
"""

from meetings.services.workflow import *  # noqa: F403
