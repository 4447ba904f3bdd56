"""django-modeltranslation builds a new queryset class at every ``Model.objects`` call for a model with its
own QuerySet class (``multilingual_queryset_factory`` defines ``class NewClass(old_cls,
MultilingualQuerySet)`` each time): a class definition per query, and a new class object each time that
Python's type caches never reuse. Here the class is built once per QuerySet class and then shared; what it
does is unchanged (the same bases, the same name)."""

from __future__ import annotations

from threading import Lock

_classes: dict[type, type] = {}
_lock = Lock()


def share_queryset_classes() -> None:
    """Make modeltranslation's factory build each class once (called from ``PortalConfig.ready``)."""
    from modeltranslation import manager

    build = manager.multilingual_queryset_factory
    if getattr(build, "shares_classes", False):
        return

    def shared_factory(old_cls, instantiate=True):
        with _lock:
            new_class = _classes.get(old_cls)
            if new_class is None:
                new_class = _classes[old_cls] = build(old_cls, instantiate=False)
        return new_class() if instantiate else new_class

    shared_factory.shares_classes = True
    manager.multilingual_queryset_factory = shared_factory
