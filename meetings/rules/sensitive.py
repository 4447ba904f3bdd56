"""A guard against publishing personal data: text that looks like a phone number, an identity or passport
number, a home address, an e-mail address or a person's age.

The portal records officials at meetings, never victims of trafficking or anyone else who needs
protection (see docs/en/developers/internals.md, "Personal data"). Such details have no place in minutes, so before a meeting is
published the admin shows what this detector finds and asks for a confirmation. It is a warning, not a
proof: it errs on the side of asking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from meetings.rules.translated import LANGS, translated_fields

KIND_LABELS = {
    "phone": _("phone number"),
    "id_number": _("identity card or passport number"),
    "address": _("home address"),
    "email": _("e-mail address"),
    "age": _("age of a person"),
}

_DIGIT = r"[0-9໐-໙]"
_MONEY = r"(?:ກີບ|kip|lak|usd|us\$|ໂດລາ|dollars?|ບາດ|baht|thb|ເອີໂຣ|euros?)"  # an amount, not an ID
_PATTERNS = [
    # +856 20 5555 1234, 020 5555 1234, 021-212345, (+66) 81 234 5678
    ("phone", re.compile(r"(?<![\w])(?:\+|00)\(?\d{1,3}\)?[\s.-]?\d{1,4}(?:[\s.-]?\d{2,4}){2,3}(?![\w])")),
    (
        "phone",
        re.compile(r"(?<![\w/-])0(?:20|30|21|31|41|51|61|71|81)[\s.-]?\d{2,4}[\s.-]?\d{3,4}(?![\w/-])"),
    ),
    (
        "phone",
        re.compile(r"(?:\b(?:tel|phone|mobile|whatsapp)\b|ໂທ|ເບີ)[\s.:]*\+?\d[\d\s.-]{6,}", re.IGNORECASE),
    ),
    # Passport: one or two capital letters and 6 to 9 digits (P1234567, LA0123456).
    ("id_number", re.compile(r"\b[A-Z]{1,2}\d{6,9}\b")),
    # Identity card, family book or other long numbers that are not dates or money with separators.
    ("id_number", re.compile(rf"(?<![\w.,/$-]){_DIGIT}{{9,14}}(?![\w.,/-])(?!\s*{_MONEY})", re.IGNORECASE)),
    (
        "id_number",
        re.compile(
            r"(?:passport|id card|identity card|family book|ໜັງສືຜ່ານແດນ|ບັດປະຈຳຕົວ|ສຳມະໂນຄົວ)"
            r"[^\n]{0,20}?(?:no\.?|number|ເລກທີ|ເລກ)\s*[:#]?\s*[A-Z0-9]{4,}",
            re.IGNORECASE,
        ),
    ),
    # Home addresses: house numbers and village units.
    ("address", re.compile(rf"(?:ເຮືອນເລກທີ|ເຮືອນເລກ|ໜ່ວຍ(?:ທີ)?)\s*{_DIGIT}+")),
    ("address", re.compile(r"\b(?:house|home)\s*(?:no\.?|number|#)\s*\d+", re.IGNORECASE)),
    ("address", re.compile(r"\b(?:village|ban)\s+\w+[,\s]+unit\s*\d+", re.IGNORECASE)),
    ("email", re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")),
    ("age", re.compile(rf"ອາຍຸ\s*{_DIGIT}{{1,2}}\s*ປີ")),
    ("age", re.compile(r"\b(?:aged?\s*\d{1,2}|\d{1,2}[\s-]years?[\s-]old)\b", re.IGNORECASE)),
]


@dataclass(frozen=True)
class Finding:
    kind: str
    excerpt: str
    where: str = ""

    @property
    def label(self):
        return KIND_LABELS[self.kind]


def find_sensitive(text: str) -> list[Finding]:
    """What in ``text`` looks like personal data, in order of appearance, each match once."""
    if not text:
        return []
    hits: list[tuple[int, int, str]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e, _k in hits):
                continue  # already reported by an earlier, more specific pattern
            hits.append((start, end, kind))
    return [Finding(kind, text[s:e].strip()) for s, e, kind in sorted(hits)]


def _record_texts(obj):
    model = type(obj)
    for field in translated_fields(model):
        for lang in LANGS:
            value = getattr(obj, f"{field}_{lang}", "") or ""
            if value:
                label = model._meta.get_field(field).verbose_name
                yield f"{model._meta.verbose_name}: {label} ({lang})", value


def scan_meeting(meeting) -> list[Finding]:
    """Everything that would be published with ``meeting``: its own text and that of its records."""
    records = [meeting]
    for related in (
        "participations",
        "agenda_items",
        "activities",
        "achievements",
        "action_items",
        "action_item_updates",
        "documents",
    ):
        records.extend(getattr(meeting, related).all())
    findings = []
    for record in records:
        for where, text in _record_texts(record):
            findings.extend(Finding(f.kind, f.excerpt, where) for f in find_sensitive(text))
    return findings
