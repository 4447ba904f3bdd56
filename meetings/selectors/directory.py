"""Organisations, people and programmes as a reader sees them: only those known from what the reader may see."""

from __future__ import annotations

from meetings.models import Organisation, Person, Programme
from meetings.selectors.collation import by_name


def organisations(user):
    return Organisation.objects.visible_to(user)


def people(user):
    return Person.objects.visible_to(user)


def programmes(user):
    return Programme.objects.visible_to(user)


def organisation_directory(user):
    """The organisations list: by name in the reader's language."""
    return by_name(organisations(user).select_related("parent"))


def person_directory(user):
    """The people list: by name in the reader's language."""
    return by_name(people(user).select_related("organisation"))


def organisation_and_units(organisation) -> list[int]:
    """The organisation and every unit under it (one query per level of the hierarchy)."""
    ids, level = [organisation.pk], [organisation.pk]
    while level:
        level = list(Organisation.objects.filter(parent__in=level).values_list("pk", flat=True))
        level = [pk for pk in level if pk not in ids]
        ids += level
    return ids
