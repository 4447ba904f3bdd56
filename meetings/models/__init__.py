"""The records, under the one app label ``meetings`` (as pretix does); import them from here:
``from meetings.models import Meeting``.

``base``: the shared base (timestamps, normalised text, bulk writes that keep history);
``records``: organisations, people, programmes, meetings and what was reported and decided;
``translation_sync``: which Lao/English text pairs agree (kept by every save);
``contacts``: who hears of an organisation's action items (accounts or addresses);
``imports``: news posts imported from WordPress and the facts pre-read from them.
"""

from meetings.models.contacts import *  # noqa: F403
from meetings.models.imports import *  # noqa: F403
from meetings.models.meetings import *  # noqa: F403
from meetings.models.translation_sync import *  # noqa: F403
