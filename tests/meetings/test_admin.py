import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import reverse

from meetings import models as m

LANGS = ["lo", "en"]
INLINE_PREFIXES = [
    "participations",
    "agenda_items",
    "activities",
    "achievements",
    "action_items",
    "action_item_updates",
    "documents",
    "events",  # the workflow's record of steps (read-only inline)
]


@pytest.fixture
def officer(django_user_model):
    return django_user_model.objects.create_superuser("officer", "officer@example.org", "a-long-password-1")


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def in_language(client, lang):
    """The admin in ``lang``: the officer's chosen language (the cookie); the browser's is ignored there."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    return {}


def registered_models():
    return [model for model in admin.site._registry if model._meta.app_label == "meetings"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("model", registered_models(), ids=lambda model: model.__name__)
def test_changelist_and_change_pages_render(officer_client, demo, model, lang):
    base = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    response = officer_client.get(reverse(f"{base}_changelist"), **in_language(officer_client, lang))
    assert response.status_code == 200
    assert response.headers["Content-Language"] == lang
    model_admin = admin.site._registry[model]
    if not model_admin.has_add_permission(response.wsgi_request):
        return  # a read-only list (e.g. the translation to-do list): no add or change pages
    obj = model.objects.first()
    response = officer_client.get(
        reverse(f"{base}_change", args=[obj.pk]), **in_language(officer_client, lang)
    )
    assert response.status_code == 200
    assert officer_client.get(reverse(f"{base}_add"), **in_language(officer_client, lang)).status_code == 200


def test_changelist_filters_and_search(officer_client, demo):
    url = reverse("admin:meetings_meeting_changelist")
    response = officer_client.get(url, {"year": "2024"}, **in_language(officer_client, "en"))
    assert response.context["cl"].result_count == 1
    response = officer_client.get(url, {"q": "ລາວເທວ"}, **in_language(officer_client, "lo"))
    assert [obj.slug for obj in response.context["cl"].result_list] == ["2024-02-15-asean-act-npsc-2023"]
    response = officer_client.get(url, {"q": "Convention Hall"}, **in_language(officer_client, "en"))
    assert [obj.slug for obj in response.context["cl"].result_list] == ["2020-02-13-annual-review-2019"]
    response = officer_client.get(url, {"year": "not-a-year"}, **in_language(officer_client, "en"))
    assert response.status_code == 200


def test_meeting_page_shows_both_languages_participants_and_action_items(officer_client, demo):
    npsc = m.Meeting.objects.get(slug="2024-02-15-asean-act-npsc-2023")
    response = officer_client.get(
        reverse("admin:meetings_meeting_change", args=[npsc.pk]), **in_language(officer_client, "en")
    )
    html = response.content.decode()
    assert npsc.title_lo in html and npsc.title_en in html
    assert "Kate Wallace" in html and 'value="co_chair" selected' in html
    formset = next(f for f in response.context["inline_admin_formsets"] if f.formset.prefix == "action_items")
    assert formset.formset.total_form_count() == 3


def test_missing_english_is_marked_in_the_list(officer_client, demo):
    npsc = m.Meeting.objects.get(slug="2024-02-15-asean-act-npsc-2023")
    m.Meeting.objects.filter(pk=npsc.pk).update(summary_en="")
    html = officer_client.get(
        reverse("admin:meetings_meeting_changelist"), **in_language(officer_client, "en")
    ).content.decode()
    assert html.count('class="tr-missing"') == 1
    assert "no English" in html


def meeting_form_data(**overrides):
    data = {
        "title_lo": "ກອງປະຊຸມທົດລອງ",
        "title_en": "Test meeting",
        "kind": "coordination",
        "start_date": "2024-03-01",
        "format": "in_person",
        "status": "draft",
        "visibility": "public",
        "attendance_total": "24",
        "attendance_women": "30",
        "attendance_online": "",
    }
    for prefix in INLINE_PREFIXES:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "The number of women cannot be greater than the total number of participants."),
        ("lo", "ຈຳນວນແມ່ຍິງ"),
    ],
)
def test_invalid_attendance_shows_error_in_current_language_and_saves_nothing(
    officer_client, db, lang, expected
):
    response = officer_client.post(
        reverse("admin:meetings_meeting_add"), meeting_form_data(), **in_language(officer_client, lang)
    )
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert not m.Meeting.objects.exists()


def test_end_before_start_refused_with_inline_rows_not_saved(officer_client, demo):
    person = m.Person.objects.first()
    data = meeting_form_data(attendance_women="10", end_date="2024-02-01")
    data.update(
        {
            "participations-TOTAL_FORMS": "1",
            "participations-0-person": str(person.pk),
            "participations-0-role": "chair",
        }
    )
    before = m.Participation.objects.count()
    response = officer_client.post(
        reverse("admin:meetings_meeting_add"), data, **in_language(officer_client, "en")
    )
    assert "The meeting cannot end before it starts." in response.content.decode()
    assert m.Meeting.objects.count() == 2 and m.Participation.objects.count() == before


def test_valid_meeting_with_inlines_is_saved(officer_client, demo):
    person = m.Person.objects.first()
    data = meeting_form_data(attendance_women="10")
    data.update(
        {
            "participations-TOTAL_FORMS": "1",
            "participations-0-person": str(person.pk),
            "participations-0-role": "chair",
        }
    )
    response = officer_client.post(
        reverse("admin:meetings_meeting_add"), data, **in_language(officer_client, "en")
    )
    assert response.status_code == 302
    meeting = m.Meeting.objects.get(title_en="Test meeting")
    assert meeting.participations.get().organisation == person.organisation


def test_autocomplete_finds_people_in_lao(officer_client, demo):
    response = officer_client.get(
        reverse("admin:autocomplete"),
        {"term": "ກິແກ້ວ", "app_label": "meetings", "model_name": "participation", "field_name": "person"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["ພັອ ກິແກ້ວ ຈັນທະລັງສີ"]
