"""Template and ORM work a fresh render does not repeat (issue 23): the filter forms' widgets are rendered
once and kept; django-modeltranslation's queryset class is built once per QuerySet class, not per query."""

import pytest
from django.test.signals import template_rendered
from django.utils import translation

from meetings import models as m
from meetings.public import forms as filter_forms
from meetings.public.forms import ActionItemFilterForm, MeetingFilterForm


def test_a_models_queryset_class_is_built_once():
    assert type(m.Meeting.objects.all()) is type(m.Meeting.objects.filter(pk=1))
    assert type(m.AgendaItem.objects.all()) is type(m.AgendaItem.objects.all())
    assert type(m.Meeting.objects.all()).__name__ == "MultilingualMeetingQuerySet"
    from modeltranslation.manager import MultilingualQuerySet

    from meetings.models.meetings import MeetingQuerySet

    queryset = m.Meeting.objects.visible_to(None)
    assert isinstance(queryset, MeetingQuerySet) and isinstance(queryset, MultilingualQuerySet)


def _option_renders(form) -> tuple[str, int]:
    rendered = []

    def count(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(count)
    try:
        html = "".join(str(field) for field in form)
    finally:
        template_rendered.disconnect(count)
    return html, len(rendered)


@pytest.fixture(autouse=True)
def _empty_store():
    filter_forms._widgets.clear()


def test_filter_widgets_are_rendered_once_per_choices_language_and_value(db):
    organisations = [m.Organisation(slug=f"org-{i}", name_en=f"Organisation {i}") for i in range(50)]
    with translation.override("en"):
        first, renders = _option_renders(MeetingFilterForm({}, organisations=organisations))
        again, renders_again = _option_renders(MeetingFilterForm({}, organisations=organisations))
        assert renders > 50 and renders_again == 0 and again == first
        chosen, _n = _option_renders(
            MeetingFilterForm({"organisation": "org-7"}, organisations=organisations)
        )
        assert chosen != first and '<option value="org-7" selected>' in chosen
        assert '<option value="org-7" selected>' not in first
        # another set of choices (a new content version or another audience) is rendered afresh
        fewer, renders_fewer = _option_renders(MeetingFilterForm({}, organisations=organisations[:10]))
        assert renders_fewer > 0 and "org-20" not in fewer
    with translation.override("lo"):
        lao, renders_lao = _option_renders(MeetingFilterForm({}, organisations=organisations))
    assert renders_lao > 0 and lao != first


def test_an_invalid_value_is_marked_and_not_mixed_with_a_valid_one(db):
    with translation.override("en"):
        form = ActionItemFilterForm({"year": "12"})
        form.is_valid()
        invalid, _n = _option_renders(form)
        valid_form = ActionItemFilterForm({"year": "2020"})
        valid_form.is_valid()
        valid, _n = _option_renders(valid_form)
    assert 'aria-invalid="true"' in invalid and 'aria-invalid="true"' not in valid


def _choice_fields():
    from django.apps import apps

    from meetings.models.common import Record

    for model in apps.get_app_config("meetings").get_models():
        if issubclass(model, Record):
            for field in model._meta.concrete_fields:
                if field.choices:
                    yield model, field


def test_a_records_choice_label_is_djangos_in_each_language():
    """``get_<field>_display()`` of a record (meetings.models.common.Record) reads the field's choices from a
    dict made once, and shows what Django's own shows: the label in the active language, else the value."""
    from django.db.models import Model

    from meetings.models import common

    fields = list(_choice_fields())
    assert {(model.__name__, field.name) for model, field in fields} >= {
        ("Meeting", "kind"), ("Participation", "role"), ("ActionItemUpdate", "status"), ("Document", "language")
    }  # fmt: skip
    for lang in ("lo", "en", "lo"):
        with translation.override(lang):
            for model, field in fields:
                for value in [value for value, _label in field.flatchoices] + ["not-a-choice", None]:
                    record = model(**{field.attname: value})
                    shown = getattr(record, f"get_{field.name}_display")()
                    assert shown == Model._get_FIELD_display(record, field), (model, field.name, value)
                    assert type(shown) is type(Model._get_FIELD_display(record, field))
    model, field = fields[0]
    assert common._choices_of(field) is common._choices_of(field)  # made once


def test_a_fields_replaced_choices_are_read_anew():
    from meetings.models import Participation, common

    field = Participation._meta.get_field("role")
    before = common._choices_of(field)
    original = field.choices
    try:
        field.choices = [("chair", "Presiding")]
        assert Participation(role="chair").get_role_display() == "Presiding"
    finally:
        field.choices = original
    assert (
        common._choices_of(field) == before and Participation(role="chair").get_role_display() != "Presiding"
    )
