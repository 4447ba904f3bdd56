"""Every URL the site serves, generated from the URLconf (not hand-listed), with its arguments filled in from
test records. Used by the access-matrix and XSS tests, so a new URL is covered without editing them —
and a URL whose arguments cannot be filled fails loudly, so the tests must be taught about it.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from meetings import models as m

# Which record a URL is about, guessed from the words in its route, name and view (most specific first).
MODEL_WORDS = [
    ("document", m.Document),
    ("actionitem", m.ActionItem),
    ("action", m.ActionItem),
    ("decision", m.ActionItem),
    ("agenda", m.AgendaItem),
    ("organisation", m.Organisation),
    ("organization", m.Organisation),
    ("person", m.Person),
    ("people", m.Person),
    ("programme", m.Programme),
    ("program", m.Programme),
    ("meeting", m.Meeting),
    ("minutes", m.Meeting),
    ("verify", m.Meeting),  # /verify/<code>/: the code of a published version of the meeting's minutes
]
# Arguments that name a record.
RECORD_KWARGS = {
    "slug",
    "pk",
    "id",
    "object_id",
    "meeting_slug",
    "meeting_id",
    "meeting_pk",
    "document_pk",
    "code",
}

# Patterns without a name cannot be reversed; these are the known ones (Django admin's), built from their
# route. Any other unnamed pattern fails the tests.
UNNAMED_ADMIN = {
    "<path:object_id>/": "{object_id}/",  # old-style admin URL: redirects to the change page
    "(?P<url>.*)$": "no-such-page/",  # admin catch-all
}


@dataclass
class Endpoint:
    route: str
    name: str | None  # "namespace:name"
    kwargs: list[str]
    positional: int
    admin: bool
    i18n: bool
    model: type | None = None
    view_name: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def takes_record(self) -> bool:
        return bool(RECORD_KWARGS & set(self.kwargs)) or (self.admin and self.positional > 0)


def _walk(patterns, route="", namespace=None, i18n=False, converters=None):
    converters = converters or {}
    for p in patterns:
        here = {**converters, **getattr(p.pattern, "converters", {})}
        part = str(p.pattern)
        if isinstance(p, URLResolver):
            ns = namespace
            if p.namespace:
                ns = f"{namespace}:{p.namespace}" if namespace else p.namespace
            is_i18n = i18n or type(p.pattern).__name__ == "LocalePrefixPattern"
            yield from _walk(
                p.url_patterns, route + ("" if is_i18n and not part.strip("/") else part), ns, is_i18n, here
            )
        elif isinstance(p, URLPattern):
            regex = p.pattern.regex
            named = list(regex.groupindex)
            positional = regex.groups - len(named)
            name = f"{namespace}:{p.name}" if namespace and p.name else p.name
            callback = p.callback
            view_name = getattr(getattr(callback, "view_class", None), "__name__", "") or getattr(
                callback, "__name__", ""
            )
            yield Endpoint(
                route=route + part,
                name=name,
                kwargs=named,
                positional=positional,
                admin=(namespace or "").split(":")[0] == "admin",
                i18n=i18n,
                view_name=view_name,
                extra={"converters": here, "default_args": dict(p.default_args or {})},
            )


def endpoints() -> list[Endpoint]:
    result = []
    for endpoint in _walk(get_resolver().url_patterns):
        if endpoint.admin:
            endpoint.model = _admin_model(endpoint)
        else:
            words = " ".join(
                [
                    re.sub(r"<[^>]+>", "", endpoint.route),
                    (endpoint.name or "").split(":")[-1],
                    endpoint.view_name,
                ]
            ).lower()
            words = words.replace("_", "").replace("-", "")
            for word, model in MODEL_WORDS:
                if word in words:
                    endpoint.model = model
                    break
        result.append(endpoint)
    return result


def _admin_model(endpoint):
    """admin/<app_label>/<model>/... : the model an admin URL is about, if any."""
    from django.apps import apps

    parts = re.match(r"admin/(\w+)/(\w+)/", endpoint.route)
    if not parts:
        return None
    try:
        return apps.get_model(parts.group(1), parts.group(2))
    except LookupError:
        return None


class CannotFill(Exception):
    pass


def fill(endpoint: Endpoint, record=None, *, year: int = 2024, lang: str = "lo") -> str:
    """The URL of ``endpoint`` for ``record`` (a record of ``endpoint.model``), or CannotFill."""
    values = {}
    for name in endpoint.kwargs:
        if name in RECORD_KWARGS:
            if record is None:
                raise CannotFill(f"{endpoint.route}: needs a record for <{name}>")
            if name in ("slug", "meeting_slug"):
                meeting = getattr(record, "meeting", None) if name == "meeting_slug" else None
                values[name] = (meeting or record).slug
            elif name in ("meeting_id", "meeting_pk"):
                values[name] = getattr(record, "meeting_id", record.pk)
            elif name == "code":
                values[name] = _verification_code(getattr(record, "meeting", None) or record)
            else:
                values[name] = record.pk
        elif name == "year":
            values[name] = getattr(getattr(record, "start_date", None), "year", year)
        elif name == "month":
            values[name] = getattr(getattr(record, "start_date", None), "month", 2)
        elif name in ("lang", "language", "language_code"):
            values[name] = lang
        elif name == "app_label":
            values[name] = endpoint.model._meta.app_label if endpoint.model else "meetings"
        elif name == "step":
            values[name] = "publish"
        elif name == "model_name":
            values[name] = "actionitem"
        elif name == "history_id":
            values[name] = _history_id(record)
        elif name == "content_type_id":
            from django.contrib.contenttypes.models import ContentType

            values[name] = ContentType.objects.get_for_model(type(record) if record else m.Meeting).pk
        elif name == "id" and record is not None:
            values[name] = record.pk
        elif name == "url":
            values[name] = "no-such-page/"
        elif name == "path":  # the guide under /help/ (portal/http/help.py): its home page
            values[name] = ""
        elif name == "token":
            values[name] = "no-such-token"  # subscription links: an unknown token answers 404
        elif name == "section" and endpoint.extra["default_args"].get("sitemaps"):
            values[name] = next(iter(endpoint.extra["default_args"]["sitemaps"]))
        elif name in ("format", "ext", "extension"):
            values[name] = _from_converter(endpoint, name) or "json"
        elif name == "dataset":
            values[name] = "meetings"  # open-data downloads: the dataset that carries meeting titles
        elif name == "fmt":
            values[name] = "csv"
        elif name in ("page", "number"):
            values[name] = 1
        elif name == "uidb64":
            values[name] = "MQ"  # account 1, base64: a password link (accounts/)
        elif name == "token":
            values[name] = "no-such-token"  # a link that was never issued: the "does not work" page
        elif _from_converter(endpoint, name) is not None:
            values[name] = _from_converter(endpoint, name)  # e.g. <edition:edition> with regex "lo|en|lo-en"
        else:
            raise CannotFill(
                f"{endpoint.route} ({endpoint.name}): the URL argument <{name}> is new to tests/urlwalk.py; "
                "teach fill() which test record it comes from."
            )
    if endpoint.name is None:
        template = next((t for suffix, t in UNNAMED_ADMIN.items() if endpoint.route.endswith(suffix)), None)
        if template is None or not endpoint.admin:
            raise CannotFill(f"{endpoint.route}: a URL pattern without a name; give it a name.")
        prefix = endpoint.route[: -len(next(s for s in UNNAMED_ADMIN if endpoint.route.endswith(s)))]
        return "/" + prefix + template.format(object_id=record.pk if record is not None else 1)
    args = []
    if endpoint.positional:
        if endpoint.name.endswith("_simple_history") and record is not None:
            args = [record.pk, _history_id(record)]
        else:
            raise CannotFill(f"{endpoint.route}: positional arguments are not supported")
    from django.utils import translation

    with translation.override(lang):
        return reverse(endpoint.name, args=args or None, kwargs=values or None)


def _from_converter(endpoint, name):
    """A value the URL converter of ``name`` accepts, when it names its values: an int converter gives 1,
    a converter whose regex is a list of words (``"lo|en|both"``) gives the first word."""
    converter = endpoint.extra.get("converters", {}).get(name)
    if converter is None:
        return None
    regex = getattr(converter, "regex", "")
    if regex == "[0-9]+":
        return 1
    words = regex.strip("()^$").replace("?:", "").split("|")
    if words and all(re.fullmatch(r"[\w-]+", w) for w in words):
        return words[0]
    return None


def _verification_code(meeting) -> str:
    """The verification code of the meeting's Lao minutes as they are now (recorded, as a download does)."""
    from reports.minutes import verification

    issue = verification.prepare_issue(meeting=meeting, edition="lo")
    return verification.record_issue(issue).code


def _history_id(record):
    if record is None or not hasattr(record, "history"):
        return 1
    latest = record.history.first()
    return latest.history_id if latest else 1


def body_text(response) -> str:
    """Everything a user could read in a response: HTML/JSON/CSV text, and the text layer of a PDF."""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    text = raw.decode("utf-8", errors="replace")
    if response.get("Content-Type", "").startswith("application/pdf") or raw.startswith(b"%PDF-"):
        extracted = subprocess.run(["pdftotext", "-", "-"], input=raw, capture_output=True, check=False)
        text += "\n" + extracted.stdout.decode("utf-8", errors="replace")
    elif response.get("Content-Type", "").startswith("text/html"):
        # and as a reader sees it: without markup (a name's words may sit in spans that keep them whole)
        text += "\n" + html.unescape(re.sub(r"<[^>]*>", "", text))
    return text


def make_pdf(text: str) -> bytes:
    """A small valid one-page PDF with ``text`` in its text layer (Latin letters only)."""
    content = f"BT /F1 12 Tf 50 750 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
