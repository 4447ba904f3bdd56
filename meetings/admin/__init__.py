"""The secretariat's admin: Lao fields with English beside them, a meeting page with everything recorded.

``base``: the model admin base and filters every records admin shares;
``directory``: countries, organisations, people, programmes;
``meetings``: meetings (with the publication workflow) and action items; ``inlines``: the parts of a meeting;
``entry``: data-entry help; ``storage``: file storage failures; ``contacts``: an organisation's contacts;
``imports``: the WordPress import; ``translations``: the translation workflow's pages.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# Importing the modules registers their admins.
from meetings.admin import directory, meetings  # noqa: F401

admin.site.site_header = _("Counter-trafficking meeting records")
admin.site.site_title = _("Meeting records")
admin.site.index_title = _("Secretariat administration")

# The translation workflow's pages (translations to do, export, import) register themselves.
from meetings.admin import translations as admin_translation  # noqa: E402, F401
