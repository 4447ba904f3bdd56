"""The editions of the minutes: one per language, and both languages in one document."""

from django.utils.translation import gettext_lazy as _

LAO, ENGLISH, BILINGUAL = "lo", "en", "bilingual"
EDITIONS = (LAO, ENGLISH, BILINGUAL)
LABELS = {LAO: _("Lao"), ENGLISH: _("English"), BILINGUAL: _("Lao and English")}
# The languages of each edition, in the order they appear in the document.
LANGUAGES = {LAO: ("lo",), ENGLISH: ("en",), BILINGUAL: ("lo", "en")}
