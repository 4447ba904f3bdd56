"""The base of every stored record's QuerySet: bulk writes that keep their history."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from django.conf import settings
from django.db import connections, models, router, transaction

from portal.http.pagecache import content_changed, content_version

T = TypeVar("T")
_per_version: dict[tuple, tuple[str, object]] = {}


def once_per_content_version(model, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, worked out once per content version (``portal.http.pagecache``: every write of a record
    moves it on) in this process, for a rule's result that only the records decide (e.g. which
    organisations a reader may know of). Inside a transaction it is always worked out afresh: what a
    transaction sees may be rolled back, and must not outlive it."""
    alias = router.db_for_read(model)
    connection = connections[alias]
    if connection.in_atomic_block:
        return compute()
    version = content_version()
    slot = (connection.settings_dict["NAME"], model._meta.label, key)
    kept = _per_version.get(slot)
    if kept is not None and kept[0] == version:
        return kept[1]
    value = compute()
    _per_version[slot] = (version, value)
    return value


BULK_REASON = "bulk update"


def _history_enabled(model) -> bool:
    return hasattr(model, "history") and getattr(settings, "SIMPLE_HISTORY_ENABLED", True)


class HistoryQuerySet(models.QuerySet):
    """Bulk writes keep history too: Django's ``update()`` and ``bulk_*()`` send no save signals."""

    def update(self, **kwargs):
        if not _history_enabled(self.model):
            return super().update(**kwargs)
        with transaction.atomic(using=self.db):
            pks = list(self.values_list("pk", flat=True))
            count = super().update(**kwargs)
            changed = list(self.model._base_manager.using(self.db).filter(pk__in=pks))
            self.model.history.bulk_history_create(changed, update=True, default_change_reason=BULK_REASON)
        content_changed()  # bulk writes send no save signal: cached public pages are stale now
        return count

    update.alters_data = True

    def bulk_update(self, objs, fields, batch_size=None):
        with transaction.atomic(using=self.db):
            count = super().bulk_update(objs, fields, batch_size=batch_size)
            if _history_enabled(self.model):
                self.model.history.bulk_history_create(
                    list(objs), update=True, default_change_reason=BULK_REASON
                )
        content_changed()
        return count

    bulk_update.alters_data = True

    def bulk_create(self, objs, *args, **kwargs):
        with transaction.atomic(using=self.db):
            created = super().bulk_create(objs, *args, **kwargs)
            if _history_enabled(self.model):
                self.model.history.bulk_history_create(
                    [o for o in created if o.pk is not None], default_change_reason=BULK_REASON
                )
        content_changed()
        return created

    bulk_create.alters_data = True
