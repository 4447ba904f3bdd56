"""Which fields exist in Lao and English (django-modeltranslation), and how to tell a missing language."""

from modeltranslation.translator import TranslationOptions, register, translator

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


LANGS = ("lo", "en")


def translated_fields(model) -> tuple[str, ...]:
    return tuple(translator.get_options_for_model(model).all_fields.keys())


def missing_languages(obj) -> list[str]:
    """Languages in which some field of ``obj`` is empty while the other language has text."""
    missing = []
    for lang in LANGS:
        others = [o for o in LANGS if o != lang]
        for field in translated_fields(type(obj)):
            has_other = any(getattr(obj, f"{field}_{o}", "") for o in others)
            if has_other and not getattr(obj, f"{field}_{lang}", ""):
                missing.append(lang)
                break
    return missing
