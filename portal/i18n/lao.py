"""Lao as a Django language.

Django ships no Lao: ``lo`` is missing from ``django.conf.locale.LANG_INFO``. We add it once at start-up
(``PortalConfig.ready``) so that ``get_language_info('lo')``, the language switcher and the admin know it.
The formats live in ``portal/i18n/formats/lo/formats.py``; the translations in ``locale/lo``.
"""

from django.conf import locale

LAO_LANG_INFO = {
    "bidi": False,
    "code": "lo",
    "name": "Lao",
    "name_local": "ລາວ",
    "name_translated": "Lao",
}


def register_lao_language() -> None:
    locale.LANG_INFO.setdefault("lo", LAO_LANG_INFO)
    # The admin's autocomplete widgets (Select2) then load static/admin/js/vendor/select2/i18n/lo.js.
    from django.contrib.admin import widgets

    widgets.SELECT2_TRANSLATIONS.setdefault("lo", "lo")
