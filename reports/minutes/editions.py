"""The editions of the minutes: one per language, and both languages in one document."""

from django.utils.translation import pgettext_lazy

LAO, ENGLISH, BILINGUAL = "lo", "en", "bilingual"
EDITIONS = (LAO, ENGLISH, BILINGUAL)
LABELS = {
    LAO: pgettext_lazy("report edition", "Lao"),
    ENGLISH: pgettext_lazy("report edition", "English"),
    BILINGUAL: pgettext_lazy("report edition", "Lao and English"),
}
# The languages of each edition, in the order they appear in the document.
LANGUAGES = {LAO: ("lo",), ENGLISH: ("en",), BILINGUAL: ("lo", "en")}
