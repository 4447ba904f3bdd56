"""Edit history of every record (django-simple-history), including bulk updates.

Every model of this app has a ``history`` manager: each save, delete, ``queryset.update()``,
``bulk_update()`` and ``bulk_create()`` leaves a historical row with who, when and what. The admin shows
the changes field by field and can restore any earlier version (``SimpleHistoryAdmin``).

Historical models are registered in :func:`register_history` (called by ``MeetingsConfig.ready()``), after
django-modeltranslation has added the ``_lo``/``_en`` fields, so both languages are kept in the history.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.db import models, transaction
from django.utils.text import capfirst

from meetings.models.base import BULK_REASON  # noqa: F401  (the reason shown in the history)

# Many-to-many fields whose membership is kept in the history too.
M2M_HISTORY = {
    "Meeting": ["organisers", "countries"],
    "Programme": ["partners"],
    "ActionItem": ["responsible"],
}
EXCLUDED = {"Meeting": ["version"]}


_RECORDS: dict[type, object] = {}


def history_records(model):
    """The ``HistoricalRecords`` that keeps ``model``'s history (to write one version by hand)."""
    return _RECORDS[model]


@contextmanager
def one_version(instance, history_type: str = "+"):
    """Saves and many-to-many changes of ``instance`` inside the block leave one version, written at its end
    with the memberships as they then are (rather than one version per save and per ``add()``). The block
    must leave the record saved; the other save signals (search, translations, caches) run as usual."""
    instance.skip_history_when_saving = True
    try:
        yield
    finally:
        del instance.skip_history_when_saving
    history_records(type(instance)).create_historical_record(instance, history_type)


def register_history() -> None:
    import simple_history
    from django.apps import apps
    from simple_history.models import HistoricalRecords
    from simple_history.signals import post_create_historical_m2m_records, pre_create_historical_m2m_records
    from simple_history.utils import get_m2m_field_name

    class KeptRecords(HistoricalRecords):
        def finalize(self, sender, **kwargs):
            super().finalize(sender, **kwargs)
            if self.cls is sender:
                _RECORDS[sender] = self

        def create_historical_record_m2ms(self, history_instance, instance):
            """As django-simple-history's, with each field's memberships read as ids in one query. Its own
            loads the record again from the history row (a query for the columns not kept) and joins every
            member's whole row, for each field of each version."""
            for field in history_instance._history_m2m_fields:
                m2m_history_model = self.m2m_models[field]
                through = getattr(instance, field.name).through
                names = [f.attname for f in through._meta.fields]
                rows = through._default_manager.filter(**{get_m2m_field_name(field): instance.pk})
                insert_rows = [
                    m2m_history_model(history=history_instance, **dict(zip(names, row, strict=True)))
                    for row in rows.values_list(*names)
                ]
                signal = {"history_instance": history_instance, "instance": instance, "field": field}
                pre_create_historical_m2m_records.send(sender=m2m_history_model, rows=insert_rows, **signal)
                created_rows = m2m_history_model.objects.bulk_create(insert_rows)
                post_create_historical_m2m_records.send(
                    sender=m2m_history_model, created_rows=created_rows, **signal
                )

    for model in list(apps.get_app_config("meetings").get_models()):
        if (
            hasattr(model, "history")
            or model.__name__.startswith("Historical")
            or model.__name__
            in {"MeetingEvent", "TranslationSync", "ImportedPost", "Suggestion"}  # bookkeeping
        ):
            continue
        simple_history.register(
            model,
            app="meetings",
            m2m_fields=[model._meta.get_field(name) for name in M2M_HISTORY.get(model.__name__, [])],
            # Columns the database computes (search text) are not edits.
            excluded_fields=[
                *EXCLUDED.get(model.__name__, []),
                *(field.name for field in model._meta.concrete_fields if field.generated),
            ],
            cascade_delete_history=False,
            records_class=KeptRecords,
        )


REFUSED_REASON = "not saved: edit conflict"


def keep_refused_version(*, instance, user) -> None:
    """Keep an edit that optimistic locking refused as a version in the history (reason "not saved: edit
    conflict"), so that both officers' versions are kept and can be compared and, if wanted, restored.
    The record itself is not changed."""
    type(instance).history.bulk_history_create(
        [instance], update=True, default_user=user, default_change_reason=REFUSED_REASON
    )


def _child_models():
    """The models whose records belong to one meeting (they have a ``meeting`` foreign key)."""
    from django.apps import apps

    from meetings.models import MeetingChild

    return [
        model
        for model in apps.get_app_config("meetings").get_models()
        if issubclass(model, MeetingChild) and hasattr(model, "history")
    ]


def related_history(*, meeting_id, limit: int = 200) -> list[dict]:
    """Changes to the records of one meeting (items, participants, documents...), newest first, each with
    its differences from the version before it."""
    entries = []
    for model in _child_models():
        rows = model.history.filter(meeting_id=meeting_id).select_related("history_user")
        for row in rows.order_by("-history_date")[:limit]:
            previous = row.prev_record
            changes = []
            if previous is not None:
                delta = row.diff_against(
                    previous, excluded_fields=hidden_history_fields(model), foreign_keys_are_objs=True
                )
                changes = [
                    (
                        capfirst(model._meta.get_field(c.field).verbose_name),
                        _shown(c.old, model),
                        _shown(c.new, model),
                    )
                    for c in delta.changes
                ]
                if not changes and row.history_type == "~":
                    continue  # saved without a change
            entries.append(
                {
                    "model_name": model._meta.model_name,
                    "verbose_name": model._meta.verbose_name,
                    "record": str(row.instance),
                    "date": row.history_date,
                    "user": row.history_user,
                    "type": row.get_history_type_display(),
                    "reason": row.history_change_reason,
                    "changes": changes,
                    "history_id": row.history_id,
                }
            )
    entries.sort(key=lambda e: e["date"], reverse=True)
    return entries[:limit]


def hidden_history_fields(model) -> list[str]:
    """Fields not worth comparing: modeltranslation's untranslated shadow of the _lo/_en fields (it holds
    whichever language was active at the save) and the bookkeeping fields."""
    from modeltranslation.translator import NotRegistered

    from meetings.rules.translated import translated_fields

    try:
        names = list(translated_fields(model))
    except NotRegistered:
        names = []
    return [*names, "updated_at", "version"]


def _shown(value, model):
    """Many-to-many values ([{"actionitem": ..., "organisation": ...}, ...]) as the linked records' names."""
    if isinstance(value, list):
        own = model._meta.model_name
        return ", ".join(
            str(v)
            for item in value
            for k, v in (item.items() if isinstance(item, dict) else [("", item)])
            if k != own
        )
    return value


def child_model(model_name: str):
    for model in _child_models():
        if model._meta.model_name == model_name:
            return model
    raise LookupError(model_name)


REDACTED = "[removed]"


def redact_history(*, text: str) -> int:
    """Remove ``text`` (e.g. a victim's name or phone number entered by mistake and since deleted) from
    every kept version and workflow note. History keeps everything by design; this is the one way to
    take personal data out of it. Returns the number of rows changed."""
    from django.apps import apps
    from django.db.models import F, Value
    from django.db.models.functions import Replace

    if len(text.strip()) < 3:
        raise ValueError("Give at least three characters to remove.")
    changed = 0
    history_models = [
        m for m in apps.get_app_config("meetings").get_models() if m.__name__.startswith("Historical")
    ]
    with transaction.atomic():
        for model in [*history_models, apps.get_model("meetings", "MeetingEvent")]:
            for field in model._meta.concrete_fields:
                if isinstance(field, models.CharField | models.TextField) and not field.choices:
                    rows = models.QuerySet(model).filter(**{f"{field.attname}__contains": text})
                    changed += rows.update(
                        **{field.attname: Replace(F(field.attname), Value(text), Value(REDACTED))}
                    )
    return changed


def context_helper_class():
    """simple-history's context helper, with shortened values marked by a language-neutral ellipsis
    instead of its English "[34 chars]"."""
    from simple_history.template_utils import HistoricalRecordContextHelper, ObjDiffDisplay

    class EllipsisDiffDisplay(ObjDiffDisplay):
        def shortened_str(self, prefix: str, num_skipped_chars: int, suffix: str) -> str:
            return f"{prefix}…{suffix}"

    class PortalContextHelper(HistoricalRecordContextHelper):
        def get_obj_diff_display(self):
            return EllipsisDiffDisplay(max_length=self.max_displayed_delta_change_chars)

    return PortalContextHelper
