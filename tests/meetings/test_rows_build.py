"""Instances rebuilt from row values (meetings.selectors.rows.build) are the instances ``from_db`` makes:
the fast way (no ``Model.__init__``) is taken only where it gives the same instance, and it does for every
model the meeting page reads."""

import pytest
from django.db.models.signals import post_init

from meetings import models as m
from meetings.selectors import rows
from tests import factories as f

PAGE_MODELS = (
    m.Meeting, m.Programme, m.Organisation, m.Country, m.Participation, m.Person, m.AgendaItem, m.Activity,
    m.Achievement, m.ActionItem, m.ActionItemUpdate, m.Document,
)  # fmt: skip


def _state(obj):
    values = {k: v for k, v in vars(obj).items() if k != "_state"}
    return values, obj._state.adding, obj._state.db


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda model: model.__name__)
def test_every_model_of_the_meeting_page_is_made_the_fast_way(model):
    assert rows._plain(model) in (1, 2)


@pytest.mark.django_db
@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda model: model.__name__)
def test_the_fast_way_makes_what_from_db_makes(demo, model):
    later, earlier = demo
    f.action_item(meeting=later, responsible=list(later.organisers.all()[:1]))
    m.ActionItemUpdate.objects.create(
        meeting=later, action_item=earlier.action_items.first(), status="done", note_en="Finished"
    )
    f.document(meeting=later)
    record = model.objects.first()
    assert record is not None, f"no {model.__name__} made by the builders"
    fields = [fld for fld in model._meta.concrete_fields if fld.name not in rows.NOT_LOADED]
    own = {fld.attname: getattr(record, fld.attname) for fld in fields}
    plan = rows._plan(model, tuple(fld.name for fld in fields))
    fast = rows._made(model, plan, dict(own))
    slow = model.from_db(None, list(own), list(own.values()))
    assert _state(fast) == _state(slow)
    assert str(fast) == str(slow)


def test_a_model_with_another_post_init_receiver_is_made_by_from_db():
    def receiver(sender, instance, **kwargs):
        instance.touched = True

    post_init.connect(receiver, sender=m.Country)
    rows._plan.cache_clear()
    try:
        assert rows._plain(m.Country) == 0
        plan = rows._plan(m.Country, ("id", "name_lo"))
        assert plan.plain == 0
        built = rows.build(m.Country, {"id": 1, "name_lo": "ລາວ"})
        assert built.touched is True
    finally:
        post_init.disconnect(receiver, sender=m.Country)
        rows._plan.cache_clear()


@pytest.mark.django_db
def test_attached_parts_are_the_prefetched_querysets_when_asked_for(demo):
    later, _earlier = demo
    organisers = list(later.organisers.all())
    meeting = m.Meeting.objects.get(pk=later.pk)
    rows.attach(meeting, "organisers", organisers)
    rows.attach(meeting, "countries", [])
    assert "organisers" in meeting._prefetched_objects_cache
    assert list(meeting.organisers.all()) == organisers  # no query: tested by the query floor too
    assert meeting.countries.all().count() == 0
    assert set(meeting._prefetched_objects_cache) == {"organisers", "countries"}
    assert meeting.organisers.filter(pk=organisers[0].pk).count() == 1  # a filter still asks the database
    del meeting._prefetched_objects_cache["countries"]
    assert "countries" not in meeting._prefetched_objects_cache
    assert meeting._prefetched_objects_cache.pop("organisers").model is m.Organisation
    assert meeting._prefetched_objects_cache.pop("organisers", None) is None


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["lo", "en"])
def test_the_meeting_page_makes_no_queryset_for_its_attached_parts(demo, monkeypatch, lang):
    """The page's selector and templates read the attached parts as lists (``rows.related``, ``|related``):
    a related manager's queryset (its filter, the language's ordering) was a fifth of a fresh page's CPU."""
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from django.utils import translation

    from meetings import selectors

    later, _earlier = demo
    f.action_item(meeting=later, responsible=list(later.organisers.all()[:1]))
    f.document(meeting=later)
    made = []
    monkeypatch.setattr(rows._Prefetched, "__getitem__", lambda self, name: made.append(name))
    with translation.override(lang):
        request = RequestFactory().get(later.get_absolute_url())
        request.user = AnonymousUser()
        context = selectors.meeting_page(request.user, later.slug)
        page = render_to_string("meetings/meeting_detail.html", context, request=request)
    assert later.title_en in page or later.title_lo in page
    assert context["meeting"]._prefetched_objects_cache._objects.keys() >= {"agenda_items", "documents"}
    assert made == []
