"""An upload while the file storage cannot be reached (S3 down, a full disk): the admin form comes back with
everything that was typed and a message in the interface language (Lao or English) instead of a server
error. Nothing is saved: the admin saves a change form inside one transaction, which the storage error
rolls back; the form is then shown again, made invalid by :data:`MSG_STORAGE_DOWN`."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.ops import files

logger = logging.getLogger(__name__)

MSG_STORAGE_DOWN = _(
    "The file store cannot be reached just now, so nothing was saved. Everything you typed is still in "
    "the form: choose the file again and save in a few minutes."
)


class StorageDownMixin:
    """For a ModelAdmin whose change form (or its inlines) uploads files."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except files.STORAGE_ERRORS as error:
            if request.method != "POST":
                raise
            logger.warning("file storage unreachable while saving %s: %r", self.opts.label, error)
            request.portal_storage_down = True
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not getattr(request, "portal_storage_down", False):
            return form

        class StorageDownForm(form):
            def clean(self):
                super().clean()
                raise ValidationError(MSG_STORAGE_DOWN, code="storage_down")

        return StorageDownForm
