"""Every admin changelist, add and change page renders in Lao and in English (the officer's choice)."""

import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

# Interface strings of Django's admin that must never show on a Lao page (whole-phrase match).
ENGLISH_INTERFACE = [
    "Save",
    "Save and add another",
    "Save and continue editing",
    "Delete",
    "History",
    "Filter",
    "Search",
    "Home",
    "Log out",
    "Change password",
    "View site",
    "Add another",
    "Select all",
    "Action:",
    "Go",
    "Show counts",
    "Hide counts",
    "Clear all filters",
    "Welcome,",
    "By ",
    "All",
    "Yes",
    "No",
    "Unknown",
    "Any date",
    "Today",
    "Remove",
    "Currently:",
]
SKIPPED_TAGS = {"script", "style", "template", "noscript", "title"}


class TextNodes(HTMLParser):
    """Visible text of a page (text nodes and button/submit labels), roughly as a reader sees it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.texts = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SKIPPED_TAGS:
            self.skip += 1
        if tag == "input" and attrs.get("type") in {"submit", "button"} and attrs.get("value"):
            self.texts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.texts.append(" ".join(data.split()))


def visible_texts(html: str) -> list[str]:
    parser = TextNodes()
    parser.feed(html)
    return parser.texts


def english_interface_in(texts: list[str]) -> set[str]:
    found = set()
    for text in texts:
        for phrase in ENGLISH_INTERFACE:
            if re.search(rf"(?<![\w]){re.escape(phrase.strip())}(?![\w])", text) and (
                phrase != "By " or text.startswith("By ")
            ):
                found.add(phrase)
    return found


@pytest.fixture
def officer_client(client, demo):
    user = get_user_model().objects.create_superuser("officer", password="a-long-test-password-91")
    client.force_login(user)
    return client


def admin_pages():
    pages = []
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}"
        pages.append((f"{name}_changelist", None))
        if model_admin.has_add_permission(_SuperRequest()):
            pages.append((f"{name}_add", None))
        pages.append((f"{name}_change", model))
    return pages


class _SuperRequest:
    """A request by the test's superuser (a real user, so role checks in the admins apply)."""

    def __init__(self):
        self.user = get_user_model().objects.get(username="officer")


def urls_for(demo_objects=True):
    urls = ["/admin/", "/admin/password_change/", "/admin/meetings/"]
    for name, model in admin_pages():
        if model is None:
            urls.append(reverse(name))
        else:
            obj = model._default_manager.order_by("pk").first()
            if obj is not None and admin.site._registry[model].has_change_permission(_SuperRequest(), obj):
                urls.append(reverse(name, args=[obj.pk]))
                urls.append(reverse(name.replace("_change", "_history"), args=[obj.pk]))
    return urls


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_every_admin_page_renders_in_the_officers_language(officer_client, demo, lang):
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    urls = urls_for()
    # every registered model: changelist, add page when adding is allowed, a change page and its history
    for model, model_admin in admin.site._registry.items():
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        assert base in urls
        editable = model_admin.has_change_permission(_SuperRequest(), None)
        if model._meta.app_label in {"meetings", "auth"} and editable:
            assert any(u.startswith(base) and u.endswith("/change/") for u in urls), model
    for url in urls:
        response = officer_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{lang}"' in html, url
        texts = visible_texts(html)
        leftovers = english_interface_in(texts)
        if lang == "lo":
            assert not leftovers, (url, leftovers)
            assert any(re.search("[\u0e80-\u0eff]", t) for t in texts), url
        else:
            assert leftovers, url  # the same check does see English when the interface is English
            assert "ບັນທຶກ" not in texts and "ອອກຈາກລະບົບ" not in texts, url


def test_a_lao_change_page_shows_lao_buttons_and_validation_errors(officer_client, demo):
    meeting = demo[0]
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    html = officer_client.get(url).content.decode()
    texts = visible_texts(html)
    for lao in ["ບັນທຶກ", "ບັນທຶກ ແລະ ແກ້ໄຂຕໍ່", "ປະຫວັດ", "ລຶບ", "ໜ້າຫຼັກ"]:
        assert lao in texts, lao
    response = officer_client.get(reverse("admin:meetings_meeting_changelist") + "?q=zzzz-nothing")
    assert "0 ຜົນລັບ" in response.content.decode()


def test_history_shows_changed_fields_in_the_officers_language(officer_client, demo):
    from django.contrib.admin.models import LogEntry
    from django.test import RequestFactory

    from meetings import models as m

    meeting = demo[0]
    model_admin = admin.site._registry[m.Meeting]
    request = RequestFactory().get("/")
    request.user = get_user_model().objects.get(username="officer")
    form = model_admin.get_form(request, meeting)(instance=meeting)
    form.__dict__["changed_data"] = ["title_en", "title_lo", "venue_lo", "start_date"]
    message = model_admin.construct_change_message(request, form, [], add=False)
    assert message == [{"changed": {"fields": ["title", "venue", "start date"]}}]
    model_admin.log_change(request, meeting, message)
    entry = LogEntry.objects.get(object_id=str(meeting.pk))
    # The log entry's message is stored language-neutral and read in the officer's language.
    with translation.override("lo"):
        assert entry.get_change_message() == "ປ່ຽນແປງ ຫົວຂໍ້, ສະຖານທີ່ ແລະ ວັນເລີ່ມ ແລ້ວ."
    with translation.override("en"):
        assert entry.get_change_message() == "Changed title, venue and start date."
    # The history page (django-simple-history) names the changed fields in the officer's language.
    meeting.venue_lo = "ຫໍປະຊຸມໃໝ່"
    meeting.save()
    history = reverse("admin:meetings_meeting_history", args=[meeting.pk])
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "lo"
    html = officer_client.get(history).content.decode()
    assert "ສະຖານທີ່" in html and "ຫໍປະຊຸມໃໝ່" in html
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "venue" in officer_client.get(history).content.decode().lower()


def test_permission_pickers_show_lao_labels(officer_client):
    user = get_user_model().objects.get(username="officer")
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "lo"
    html = officer_client.get(reverse("admin:auth_user_change", args=[user.pk])).content.decode()
    assert "ສາມາດເພີ່ມກອງປະຊຸມ" in html and "Can add" not in html
    html = officer_client.get(reverse("admin:auth_group_add")).content.decode()
    with translation.override("lo"):
        app_label = str(apps.get_app_config("meetings").verbose_name)
    assert f"{app_label} | ສາມາດລຶບກອງປະຊຸມ" in html and "Can delete" not in html
