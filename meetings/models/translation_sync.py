"""Which Lao/English text pairs agree: a fingerprint per translated field, kept by every record's save().

When one language's text no longer matches its fingerprint, the other language is out of date; the
translation workflow (``meetings/translations/``) reads these rows to list what needs translating.
"""

from __future__ import annotations

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator

from meetings.rules.text import normalise_text
from meetings.rules.translated import LANGS, translated_fields


class TranslationSync(models.Model):
    """For one translated field of one record: fingerprints of the Lao and English texts last known to say
    the same thing (entered together, or one imported as the translation of the other).

    When one language's text no longer matches its fingerprint, the other language is out of date. Kept up
    to date by ``Record.save()``; read and written by :mod:`meetings.translations.workflow`.
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", verbose_name=_("kind of record"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("record number"))
    field = models.CharField(_("field"), max_length=60)
    lo_hash = models.CharField(_("fingerprint of the Lao text"), max_length=64)
    en_hash = models.CharField(_("fingerprint of the English text"), max_length=64)
    synced_at = models.DateTimeField(_("last in agreement"), auto_now=True)

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translations to do")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field"], name="translation_sync_once_per_field"
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}:{self.field}"


def fingerprint(text: str | None) -> str:
    return hashlib.sha256(normalise_text(text or "").encode()).hexdigest()


# --- tracking, called from Record.save() -------------------------------------------------------------
def track_translation_sync(obj, *, new: bool = False) -> None:
    """``new``: the record was just inserted with a number the database gave it, so it has no rows yet."""
    fields = translated_fields(type(obj)) if type(obj) in translator.get_registered_models() else ()
    if not fields or obj.pk is None:
        return
    loaded = getattr(obj, "_loaded_values", None) or {}
    ct = ContentType.objects.get_for_model(type(obj))
    rows = (
        {} if new else {r.field: r for r in TranslationSync.objects.filter(content_type=ct, object_id=obj.pk)}
    )
    for name in fields:
        lo, en = getattr(obj, f"{name}_lo", "") or "", getattr(obj, f"{name}_en", "") or ""
        if not (lo and en):
            continue
        before = {lang: loaded.get(f"{name}_{lang}") for lang in LANGS}
        changed = {lang: before[lang] != (lo if lang == "lo" else en) for lang in LANGS}
        row = rows.get(name)
        if row is None:
            # First time both languages are present: if only one language changed in this save, the
            # texts before it were the agreeing pair (so the other language is now out of date).
            if all(isinstance(before[lang], str) and before[lang] for lang in LANGS) and any(
                changed.values()
            ):
                pair = (before["lo"], before["en"]) if not all(changed.values()) else (lo, en)
            else:
                pair = (lo, en)
            TranslationSync.objects.create(
                content_type=ct,
                object_id=obj.pk,
                field=name,
                lo_hash=fingerprint(pair[0]),
                en_hash=fingerprint(pair[1]),
            )
        elif all(changed.values()) or any(
            changed[lang] and (not before[lang] or _was_outdated(row, lang, before[lang], lo, en))
            for lang in LANGS
        ):
            # Both edited together, a missing language filled in, or the out-of-date language brought up
            # to date: they agree again.
            _mark_in_sync(row, lo, en)
    obj._loaded_values = {
        **loaded,
        **{f"{n}_{lang}": getattr(obj, f"{n}_{lang}", "") for n in fields for lang in LANGS},
    }


def _was_outdated(row, lang: str, before: str, lo: str, en: str) -> bool:
    """Before this save, ``lang`` still had its agreed text while the other language had changed."""
    other = "en" if lang == "lo" else "lo"
    other_now = en if other == "en" else lo
    return fingerprint(before) == getattr(row, f"{lang}_hash") and fingerprint(other_now) != getattr(
        row, f"{other}_hash"
    )


def _mark_in_sync(row, lo: str, en: str) -> None:
    row.lo_hash, row.en_hash = fingerprint(lo), fingerprint(en)
    row.save(update_fields=["lo_hash", "en_hash", "synced_at"])


def mark_in_sync(obj, name: str) -> None:
    ct = ContentType.objects.get_for_model(type(obj))
    lo, en = getattr(obj, f"{name}_lo", "") or "", getattr(obj, f"{name}_en", "") or ""
    TranslationSync.objects.update_or_create(
        content_type=ct,
        object_id=obj.pk,
        field=name,
        defaults={"lo_hash": fingerprint(lo), "en_hash": fingerprint(en), "synced_at": timezone.now()},
    )
