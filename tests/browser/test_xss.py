"""XSS: a payload in EVERY text field of every record, in Lao and English, never runs in a real browser
(headless Chromium; any alert/confirm/prompt dialog fails the test) on any public page of the URLconf or
the admin pages of those records, and is shown as text (escaped). PDFs show it as text too. The same walk
checks that the Content Security Policy does not break the admin (no CSP violations, inline forms work).
"""

import re
import subprocess

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import RegexValidator
from django.db import models
from django.test import Client
from django.urls import reverse

from meetings import models as m
from meetings import services
from meetings.rules import roles
from meetings.rules.translated import translated_fields
from tests import factories as f
from tests.browser.conftest import launch_chromium
from tests.urlwalk import endpoints, fill, make_pdf

pytestmark = [pytest.mark.browser]

PAYLOADS = [
    '"><svg onload=alert({n})><script>alert({n})</script>',
    "<img src=x onerror=alert({n})>'-alert({n})-'",
    "</textarea><script>confirm({n})</script><!--",
    'javascript:alert({n})//<iframe srcdoc="<script>parent.alert({n})</script>">',
]
RAW_DANGER = re.compile(r"<script>(alert|confirm)\(|<svg onload=|<img src=x onerror=|<iframe srcdoc=", re.I)


def _text_fields(model):
    """Every free-text field of ``model``: both languages of translated fields, and other text fields."""
    translated = set(translated_fields(model))
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField) or field.choices:
            continue
        if field.name in translated or any(
            isinstance(v, RegexValidator) and v != m.no_markup_validator for v in field.validators
        ):
            continue  # the language fields are filled instead; slugs and codes (country) have a fixed alphabet
        yield field


def _payloads_for(model, counter):
    """A numbered payload for every text field of ``model`` (the longest that fits): {field: payload}."""
    values = {}
    for field in _text_fields(model):
        n = next(counter)
        for template in PAYLOADS:
            payload = template.format(n=n)
            if field.max_length is None or len(payload) <= field.max_length:
                values[field.attname] = payload
                break
    return values


@pytest.fixture
def xss_world(transactional_db, settings):
    import itertools

    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "100000/m")
    counter = itertools.count(100)
    placed = {}
    stored_later = []

    def build(model, **kwargs):
        values = _payloads_for(model, counter)
        placed.update({payload: f"{model.__name__}.{name}" for name, payload in values.items()})
        # Titles and names refuse markup (m.no_markup_validator); stored anyway (an import, an older
        # version), they must still be shown escaped: written by update() once the world is built.
        plain = {
            name: values.pop(name)
            for name in list(values)
            if m.no_markup_validator in model._meta.get_field(name).validators
        }
        for name, payload in plain.items():
            with pytest.raises(ValidationError):
                model._meta.get_field(name).run_validators(payload)
            values[name] = "ທົດລອງ"  # a stand-in until then (required fields)
        obj = model(**kwargs, **values)
        obj.full_clean()
        obj.save()
        stored_later.append((model, obj.pk, plain))
        return obj

    organisation = build(m.Organisation, slug="xss-org")
    person = build(m.Person, slug="xss-person", organisation=organisation)
    programme = build(m.Programme, slug="xss-programme", funder=organisation)
    meeting = build(m.Meeting, slug="xss-meeting", start_date="2024-02-15", status=m.Meeting.Status.IN_REVIEW)
    meeting.organisers.set([organisation])
    build(m.Participation, meeting=meeting, person=person, organisation=organisation)
    build(m.AgendaItem, meeting=meeting, order=1, presenter=person)
    build(m.Activity, meeting=meeting, order=1, organisation=organisation)
    build(m.Achievement, meeting=meeting, order=1, organisation=organisation)
    action = build(m.ActionItem, meeting=meeting, order=1)
    action.responsible.set([organisation])
    build(m.ActionItemUpdate, meeting=meeting, action_item=action, status="in_progress")
    values = _payloads_for(m.Document, counter)
    placed.update({payload: f"Document.{name}" for name, payload in values.items()})
    document = m.Document(meeting=meeting, kind="minutes", **values)
    document.file = ContentFile(make_pdf("XSS test minutes"), name="xss.pdf")
    document.full_clean()
    document.save()
    admin = f.user(role=roles.ADMINISTRATOR, username="xss-admin", is_superuser=False)
    note = PAYLOADS[0].format(n=next(counter))
    services.publish_meeting(meeting=meeting, by=admin, note=note)
    placed[note] = "MeetingEvent.note"
    for model, pk, plain in stored_later:
        model.objects.filter(pk=pk).update(**plain)
    # Every model with text fields got its payloads, in both languages.
    covered = {where.split(".")[0] for where in placed.values()}
    assert covered >= {
        "Organisation", "Person", "Programme", "Meeting", "Participation", "AgendaItem", "Activity",
        "Achievement", "ActionItem", "ActionItemUpdate", "Document",
    }  # fmt: skip
    assert any(w.endswith("_lo") for w in placed.values()) and any(w.endswith("_en") for w in placed.values())
    records = {
        m.Organisation: organisation, m.Person: person, m.Programme: programme, m.Meeting: meeting,
        m.ActionItem: action, m.Document: document,
    }  # fmt: skip
    return {"placed": placed, "records": records, "meeting": meeting, "admin": admin}


def _urls(world):
    """Public pages of the URLconf for the XSS records, and the admin pages of those records."""
    urls = []
    for endpoint in endpoints():
        if endpoint.admin:
            continue
        for lang in ("lo", "en"):
            if endpoint.takes_record:
                record = world["records"].get(endpoint.model)
                if (
                    record is None
                    and endpoint.model is not None
                    and issubclass(endpoint.model, m.MeetingChild)
                ):
                    record = endpoint.model.objects.filter(meeting=world["meeting"]).first()
                if record is not None:
                    urls.append(fill(endpoint, record, lang=lang))
            else:
                url = fill(endpoint, lang=lang)
                urls += [url, url + "?q=" + "%3Cscript%3Ealert(1)%3C/script%3E"]
    admin_urls = [reverse("admin:index")]
    for model, record in world["records"].items():
        if not admin.site.is_registered(model):
            continue  # edited inline on the meeting's page
        info = model._meta.app_label, model._meta.model_name
        admin_urls += [
            reverse("admin:{}_{}_changelist".format(*info)),
            reverse("admin:{}_{}_change".format(*info), args=[record.pk]),
            reverse("admin:{}_{}_history".format(*info), args=[record.pk]),
        ]
    meeting = world["meeting"]
    admin_urls += [
        reverse("admin:meetings_meeting_workflow", args=[meeting.pk, "unpublish"]),
        reverse(
            "admin:meetings_meeting_simple_history", args=[meeting.pk, meeting.history.last().history_id]
        ),
    ]
    return urls, admin_urls


def test_payloads_never_execute_and_are_shown_escaped(live_server, xss_world, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
    client = Client()
    client.force_login(xss_world["admin"])
    public_urls, admin_urls = _urls(xss_world)
    payloads = list(xss_world["placed"])
    dialogs, csp_violations, shown = [], [], set()

    # Non-HTML answers (downloads, PDFs, feeds) are checked from the server's bytes.
    browser_urls = []
    for url in public_urls + admin_urls:
        response = client.get(url)
        kind = response.get("Content-Type", "")
        if (
            response.status_code == 200
            and "text/html" in kind
            and "attachment" not in response.get("Content-Disposition", "")
        ):
            browser_urls.append(url)
            assert not RAW_DANGER.search(response.content.decode()), f"unescaped payload in {url}"
        elif response.status_code == 200:
            raw = b"".join(response.streaming_content) if response.streaming else response.content
            if raw.startswith(b"%PDF-") and url in public_urls:
                text = subprocess.run(["pdftotext", "-", "-"], input=raw, capture_output=True).stdout.decode()
                flat = re.sub(r"\s+", "", text)
                shown |= {p for p in payloads if re.sub(r"\s+", "", p) in flat}
            elif "xml" in kind or "json" in kind or "csv" in kind:
                body = raw.decode()
                if "xml" in kind or "html" in body[:200].lower():
                    assert not RAW_DANGER.search(body), f"unescaped payload in {url}"

    with launch_chromium() as browser:
        try:
            context = browser.new_context()
            context.add_cookies(
                [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
            )
            page = context.new_page()

            def on_dialog(dialog):
                dialogs.append((page.url, dialog.type, dialog.message))
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.on(
                "console",
                lambda msg: (
                    csp_violations.append((page.url, msg.text))
                    if "Content Security Policy" in msg.text or "Content-Security-Policy" in msg.text
                    else None
                ),
            )
            for url in browser_urls:
                page.goto(live_server.url + url, wait_until="load")
                page.wait_for_timeout(50)
                text = page.inner_text("body")
                shown |= {p for p in payloads if p in text}
                # Form fields show the payload as their value, never as markup.
                for value in page.eval_on_selector_all(
                    "input[type=text], textarea", "els => els.map(e => e.value)"
                ):
                    shown |= {p for p in payloads if p == value}

            # The admin's own scripts run under the CSP: "add another" adds an inline row.
            page.goto(
                live_server.url + reverse("admin:meetings_meeting_change", args=[xss_world["meeting"].pk])
            )
            rows = page.locator("#agenda_items-group .inline-related:not(.empty-form)").count()
            page.locator("#agenda_items-group .add-row a").click()
            assert page.locator("#agenda_items-group .inline-related:not(.empty-form)").count() == rows + 1
        finally:
            browser.close()

    assert dialogs == []
    assert csp_violations == []
    missing = sorted(xss_world["placed"][p] for p in set(payloads) - shown)
    assert missing == [], f"payloads never shown as text: {missing}"
    assert len(browser_urls) >= 15
