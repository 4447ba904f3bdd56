"""Which fields exist in Lao and English: the django-modeltranslation registry.

This module keeps its name and place because modeltranslation looks for ``<app>.translation``; the questions
about translated fields (``LANGS``, ``translated_fields``, ``missing_languages``) live in
``meetings/rules/translated.py``.
"""

from modeltranslation.translator import TranslationOptions, register

from meetings import models as m


@register(m.Country)
class CountryTR(TranslationOptions):
    fields = ("name",)
    required_languages = ("lo", "en")


@register(m.Organisation)
class OrganisationTR(TranslationOptions):
    fields = ("name", "short_name")
    required_languages = ("lo",)


@register(m.Person)
class PersonTR(TranslationOptions):
    fields = ("name", "honorific", "position")
    required_languages = {"lo": ("name",)}


@register(m.Programme)
class ProgrammeTR(TranslationOptions):
    fields = ("name", "short_name", "description")
    required_languages = {"lo": ("name",)}


@register(m.Meeting)
class MeetingTR(TranslationOptions):
    fields = ("title", "venue", "city", "summary")
    required_languages = {"lo": ("title",)}


@register(m.Participation)
class ParticipationTR(TranslationOptions):
    fields = ("position",)


@register(m.AgendaItem)
class AgendaItemTR(TranslationOptions):
    fields = ("title", "summary")
    required_languages = {"lo": ("title",)}


@register(m.Activity)
class ActivityTR(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"lo": ("title",)}


@register(m.Achievement)
class AchievementTR(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"lo": ("title",)}


@register(m.ActionItem)
class ActionItemTR(TranslationOptions):
    fields = ("text",)
    required_languages = {"lo": ("text",)}


@register(m.ActionItemUpdate)
class ActionItemUpdateTR(TranslationOptions):
    fields = ("note",)


@register(m.Document)
class DocumentTR(TranslationOptions):
    fields = ("title",)
    required_languages = {"lo": ("title",)}
