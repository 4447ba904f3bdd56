"""Admin texts that Django keeps in English outside the catalogues, made translatable.

- Permission names are stored in the database in English ("Can add meeting"). The permission pickers of
  the user and group pages show them through :func:`permission_label` instead, built from translated
  model names.
- The history page translates each changed field's label with gettext when it is shown, but Django
  stores the form label ("Title [en]"), which is no msgid. :class:`TranslatableChangeMessageMixin`
  stores the field's verbose name ("title"), which the Lao catalogue translates.
"""

from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

PERMISSION_ACTIONS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}


def permission_label(permission) -> str:
    model = permission.content_type.model_class()
    action = permission.codename.split("_", 1)[0]
    if model is None or action not in PERMISSION_ACTIONS:
        return gettext(permission.name)
    return f"{model._meta.app_config.verbose_name} | " + str(PERMISSION_ACTIONS[action]) % {
        "model": model._meta.verbose_name
    }


class TranslatedPermissionsMixin:
    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.name in ("permissions", "user_permissions"):
            field.queryset = field.queryset.select_related("content_type")
            field.label_from_instance = permission_label
        return field


def wrap_registered_admin(model, mixin, *, prefix: str, site=admin.site) -> None:
    """Put ``mixin`` in front of whatever admin is registered for ``model`` (Django's, or one wrapped
    already), so that several apps can each add to the same admin (users, groups) in any order."""
    current = site._registry.get(model)
    if current is None or isinstance(current, mixin):
        return
    cls = type(f"{prefix}{type(current).__name__}", (mixin, type(current)), {})
    site.unregister(model)
    site.register(model, cls)


def use_translated_permission_labels(site=admin.site) -> None:
    """Wrap whatever admin is registered for User and Group (Django's, or a project's own)."""
    for model in (User, Group):
        wrap_registered_admin(model, TranslatedPermissionsMixin, prefix="Translated", site=site)


class TranslatableChangeMessageMixin:
    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        labels = {}
        with translation.override(None):  # what Django stores: untranslated labels
            for model in [self.model, *(formset.model for formset in formsets)]:
                for field in model._meta.get_fields():
                    verbose = getattr(field, "verbose_name", None)
                    if verbose is None:
                        continue
                    base = getattr(field, "translated_field", field)  # title_en -> title
                    labels[capfirst(str(verbose))] = labels[str(verbose)] = str(base.verbose_name)
        for entry in message:
            changed = entry.get("changed")
            if changed and "fields" in changed:
                changed["fields"] = list(
                    dict.fromkeys(labels.get(label, label) for label in changed["fields"])
                )
        return message


def use_translated_device_search_help(site=admin.site) -> None:
    """django-otp builds its device admins' search help in English ("Search by user's ..."): replace it."""
    for model, model_admin in site._registry.items():
        if model._meta.app_label.startswith("otp_") and model_admin.search_help_text:
            model_admin.search_help_text = _("Search by the user's name or e-mail address")
