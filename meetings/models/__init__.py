"""The records, under the one app label ``meetings`` (as pretix does); import them from here:
``from meetings.models import Meeting``.

``base``: the QuerySet base (bulk writes that keep history, values computed once per content version);
``common``: the ``Record`` base (timestamps, normalised text, address names), search columns, validators
and the one visibility rule;
``people``: countries, organisations, people (officials) and programmes;
``meetings``: meetings and their parts (workflow steps, participations, agenda, reported items, attendance);
``action_items``: action items decided at meetings and their follow-ups;
``documents``: documents attached to meetings;
``translation_sync``: which Lao/English text pairs agree (kept by every save);
``contacts``: who hears of an organisation's action items (accounts or addresses);
``imports``: news posts imported from WordPress and the facts pre-read from them.
"""

from meetings.models.action_items import *  # noqa: F403
from meetings.models.common import *  # noqa: F403
from meetings.models.contacts import *  # noqa: F403
from meetings.models.documents import *  # noqa: F403
from meetings.models.imports import *  # noqa: F403
from meetings.models.meetings import *  # noqa: F403
from meetings.models.people import *  # noqa: F403
from meetings.models.translation_sync import *  # noqa: F403
