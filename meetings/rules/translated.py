"""Which fields of a record exist in Lao and English, and how to tell a missing language.

The fields themselves are registered with django-modeltranslation in ``meetings/translation.py`` (the
module name modeltranslation looks for); these questions read that registry and import no model.
"""

from modeltranslation.translator import translator

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
