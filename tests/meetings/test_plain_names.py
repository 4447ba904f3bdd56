"""Titles and names are plain text: markup (<script>, <b>, <img ...>) is refused with a clear message in Lao
and in English, in the admin form, and the officer's text stays in the form. Escaping stays as it is."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from meetings import models as m
from meetings.rules import roles
from tests import factories as f
from tests.admin_forms import form_values

pytestmark = pytest.mark.django_db
MARKUP = "ກອງປະຊຸມ <script>alert('xss')</script>"
MESSAGES = {
    "en": "Titles and names cannot contain markup such as <b> or <script>: remove the part in angle brackets.",
    "lo": "ຫົວຂໍ້ ແລະ ຊື່ ບໍ່ສາມາດມີລະຫັດ ເຊັ່ນ <b> ຫຼື <script>: ກະລຸນາລຶບສ່ວນທີ່ຢູ່ໃນວົງເລັບ < > ອອກ.",
}


@pytest.mark.parametrize("lang", ["lo", "en"])
@pytest.mark.parametrize("field", ["title_lo", "title_en"])
def test_a_title_with_script_is_refused_in_the_admin_form(client, lang, field):
    meeting = f.meeting(status=m.Meeting.Status.DRAFT)
    client.force_login(f.user(role=roles.EDITOR))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = form_values(client.get(url).content.decode(), "meeting_form")
    before = getattr(meeting, field)
    form[field] = MARKUP
    response = client.post(url, form)
    assert response.status_code == 200  # the form again, with the reason
    page = response.content.decode()
    assert escape(MESSAGES[lang]) in page
    assert escape(MARKUP) in page and MARKUP not in page  # the officer's text is kept, escaped
    meeting.refresh_from_db()
    assert getattr(meeting, field) == before


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_a_person_name_with_markup_is_refused_on_the_admin_add_form(client, lang):
    client.force_login(f.user(role=roles.EDITOR))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    url = reverse("admin:meetings_person_add")
    form = form_values(client.get(url).content.decode(), "person_form")
    form.update(name_lo="ທ່ານ <b>ສົມພອນ</b>", name_en="Somphone")
    response = client.post(url, form)
    assert response.status_code == 200
    assert escape(MESSAGES[lang]) in response.content.decode()
    assert not m.Person.objects.filter(name_en="Somphone").exists()


@pytest.mark.parametrize(
    ("model", "field"),
    [
        (m.Meeting, "title_lo"),
        (m.Meeting, "title_en"),
        (m.Person, "name_lo"),
        (m.Person, "name_en"),
        (m.Organisation, "name_lo"),
        (m.Organisation, "name_en"),
        (m.Organisation, "short_name_en"),
        (m.Programme, "name_en"),
        (m.Country, "name_lo"),
    ],
)
def test_every_title_and_name_refuses_tags_in_both_languages(model, field):
    for value in ("<img src=x onerror=alert(2)>", "a </p> b", "<!-- x -->", "< script>", "<B>bold</B>"):
        with pytest.raises(ValidationError) as refused:
            model._meta.get_field(field).run_validators(value)
        with translation.override("lo"):
            assert refused.value.messages == [MESSAGES["lo"]]
    # plain text with angle brackets that open no tag is fine
    for value in ("3 < 5", "ອາຍຸ <18 ປີ", "Plan 2024-2025 > 2023", "ASEAN-ACT (2023/24)"):
        model._meta.get_field(field).run_validators(value)
