"""Translation workflow for record content: what needs translating, export to XLSX, import with preview.

Which text is "older"
    For each translated field of each record, :class:`meetings.models.TranslationSync` keeps fingerprints
    of the Lao and English texts last known to say the same thing. They are set when both languages are
    first present, when an officer changes both in one save, when a missing language is filled in, and
    when an import writes a translation. Afterwards, if only the Lao text differs from its fingerprint the
    English is out of date (and vice versa) until someone edits the English (in the admin or by import).
    Editing the newer language again keeps the other one out of date. If both changed without passing
    through save() (e.g. a bulk update), the English is listed (Lao is the secretariat's working
    language). Records saved before this tracking existed count as in agreement.

Export and import
    The export lists the fields to translate with a *version*: a fingerprint of the source and target
    texts at export time. The import refuses (and reports) every row whose source or target text changed
    since the export, so it never overwrites newer work. A malformed file (not a spreadsheet, empty,
    wrong columns, unknown ids) is refused as a whole with a message in Lao and English; writes happen in
    one transaction. A text that starts like a formula is exported as text with the cell's quote prefix
    (the rule of the CSV exports, :mod:`portal.ops.csvsafe`), never as a formula; the value itself is
    unchanged, so nothing has to be stripped at import.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import asdict, dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator

from meetings import models as m
from meetings.models.translation_sync import fingerprint, mark_in_sync  # noqa: F401
from meetings.rules.text import normalise_text
from meetings.rules.translated import LANGS, translated_fields
from portal.ops.csvsafe import xlsx_cell

LANGUAGE_NAMES = {"lo": _("Lao"), "en": _("English")}
REASON_MISSING = "missing"
REASON_OUTDATED = "outdated"
REASON_BOTH_CHANGED = "both_changed"
REASON_LABELS = {
    REASON_MISSING: _("missing"),
    REASON_OUTDATED: _("older than the other language"),
    REASON_BOTH_CHANGED: _("both languages changed separately"),
}
# Columns of the exported sheet: (key, Lao heading). The heading cell reads "ລາວ / key".
COLUMNS = [
    ("id", _("record id")),
    ("field", _("field")),
    ("from", _("from language")),
    ("to", _("to language")),
    ("version", _("version")),
    ("record", _("record")),
    ("source text", _("text to translate")),
    ("current translation", _("current translation")),
    ("new translation", _("new translation")),
]
COLUMN_KEYS = [key for key, _label in COLUMNS]
NO_FILE = _("Choose a file to import.")
SIGNING_SALT = "meetings.translations.workflow.import"
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def version_of(source_text: str | None, target_text: str | None) -> str:
    return hashlib.sha256(
        (normalise_text(source_text or "") + "\x1f" + normalise_text(target_text or "")).encode()
    ).hexdigest()[:24]


def bilingual(message, **params) -> str:
    """A message in Lao and English, whatever the interface language (for errors about bad input)."""
    parts = []
    for lang in LANGS:
        with translation.override(lang):
            parts.append(str(message) % params if params else str(message))
    return " / ".join(dict.fromkeys(parts))


def translated_models() -> list[type]:
    """Every record type with Lao/English fields, in a stable order."""
    return sorted(
        (model for model in translator.get_registered_models() if issubclass(model, m.Record)),
        key=lambda model: model._meta.label_lower,
    )


# --- what needs translating -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Task:
    model: type
    pk: int
    field: str
    source_lang: str
    target_lang: str
    source_text: str
    target_text: str
    reason: str
    meeting_id: int | None = None

    @property
    def key(self) -> str:
        return f"{self.model._meta.label_lower}:{self.pk}"

    @property
    def version(self) -> str:
        return version_of(self.source_text, self.target_text)

    @property
    def record_label(self) -> str:
        return f"{self.model._meta.verbose_name} {self.pk}"

    @property
    def field_label(self) -> str:
        return str(self.model._meta.get_field(self.field).verbose_name)

    @property
    def target_label(self) -> str:
        return str(LANGUAGE_NAMES[self.target_lang])

    @property
    def reason_label(self) -> str:
        return str(REASON_LABELS[self.reason])


def _status(lo: str, en: str, row) -> tuple[str, str] | None:
    """(target language, reason) for one field, or None when nothing is to do."""
    if lo and not en:
        return "en", REASON_MISSING
    if en and not lo:
        return "lo", REASON_MISSING
    if not (lo and en) or row is None:
        return None
    lo_changed, en_changed = fingerprint(lo) != row.lo_hash, fingerprint(en) != row.en_hash
    if lo_changed and en_changed:
        return "en", REASON_BOTH_CHANGED
    if lo_changed:
        return "en", REASON_OUTDATED
    if en_changed:
        return "lo", REASON_OUTDATED
    return None


def _records(model, user):
    qs = model._default_manager.all()
    if hasattr(qs, "visible_to"):
        qs = qs.visible_to(user)
    return qs


def translation_tasks(user, *, target: str | None = None) -> list[Task]:
    """Every field of every record visible to ``user`` whose ``target`` (or any) language needs work.

    Two queries per record type, however many records there are.
    """
    tasks = []
    for model in translated_models():
        names = translated_fields(model)
        columns = [f"{n}_{lang}" for n in names for lang in LANGS]
        has_meeting = any(f.name == "meeting" for f in model._meta.fields)
        rows = (
            _records(model, user)
            .order_by("pk")
            .values("pk", *columns, *(["meeting_id"] if has_meeting else []))
        )
        ct = ContentType.objects.get_for_model(model)
        syncs = {(s.object_id, s.field): s for s in m.TranslationSync.objects.filter(content_type=ct)}
        for row in rows:
            for name in names:
                lo, en = row[f"{name}_lo"] or "", row[f"{name}_en"] or ""
                status = _status(lo, en, syncs.get((row["pk"], name)))
                if status is None or (target and status[0] != target):
                    continue
                to, reason = status
                source = "lo" if to == "en" else "en"
                tasks.append(
                    Task(
                        model=model,
                        pk=row["pk"],
                        field=name,
                        source_lang=source,
                        target_lang=to,
                        source_text=row[f"{name}_{source}"] or "",
                        target_text=row[f"{name}_{to}"] or "",
                        reason=reason,
                        meeting_id=row.get("meeting_id"),
                    )
                )
    return tasks


# --- export ---------------------------------------------------------------------------------------------
def heading(key: str) -> str:
    label = dict(COLUMNS)[key]
    with translation.override("lo"):
        return f"{label} / {key}"


def export_workbook(tasks: list[Task]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "translations"
    ws.append([heading(key) for key in COLUMN_KEYS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for task in tasks:
        ws.append(
            [
                task.key,
                task.field,
                task.source_lang,
                task.target_lang,
                task.version,
                task.record_label,
                task.source_text,
                task.target_text,
                "",
            ]
        )
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            xlsx_cell(
                cell
            )  # record text, never a formula: the rule of the CSV exports (portal/ops/csvsafe.py)
    widths = {"A": 22, "B": 14, "C": 8, "D": 8, "E": 26, "F": 24, "G": 60, "H": 60, "I": 60}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    fill = PatternFill("solid", fgColor="FFF4C2")
    for row in ws.iter_rows(min_row=2):
        for cell in row[6:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        row[8].fill = fill
    ws.freeze_panes = "A2"
    notes = wb.create_sheet("instructions")
    for line in INSTRUCTIONS:
        notes.append([bilingual(line)])
    notes.column_dimensions["A"].width = 140
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


INSTRUCTIONS = [
    _("Write the translation in the column “new translation” (yellow). Leave it empty to skip a row."),
    _("Do not change the columns record id, field, from language, to language or version."),
    _("Rows whose text changed in the portal after this export are refused at import, never overwritten."),
]


# --- import ---------------------------------------------------------------------------------------------
class WorkbookError(Exception):
    """The file cannot be imported at all; ``messages`` are bilingual."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


def read_workbook(uploaded) -> list[dict]:
    """Rows of an exported-and-filled sheet as dicts (keys of COLUMNS plus ``row``); structure checked."""
    data = uploaded.read(MAX_UPLOAD_BYTES + 1)
    if not data:
        raise WorkbookError([bilingual(_("The file is empty."))])
    if len(data) > MAX_UPLOAD_BYTES:
        raise WorkbookError([bilingual(_("The file is too large (more than 10 MB)."))])
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise WorkbookError([bilingual(_("This file is not an Excel spreadsheet (.xlsx)."))])
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise WorkbookError([bilingual(_("This file is not an Excel spreadsheet (.xlsx)."))]) from exc
    ws = wb["translations"] if "translations" in wb.sheetnames else wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    wb.close()
    rows = [r for r in rows if any(v not in (None, "") for v in r)]
    if not rows:
        raise WorkbookError([bilingual(_("The file is empty."))])
    header = [str(v or "").rsplit("/", 1)[-1].strip().lower() for v in rows[0]]
    while header and not header[-1]:
        header.pop()
    if header != COLUMN_KEYS:
        missing = [k for k in COLUMN_KEYS if k not in header]
        extra = [h for h in header if h not in COLUMN_KEYS]
        raise WorkbookError(
            [
                bilingual(
                    _("The columns are not those of an export. Missing: %(missing)s. Unexpected: %(extra)s."),
                    missing=", ".join(missing) or "-",
                    extra=", ".join(extra) or "-",
                )
            ]
        )
    result = []
    for number, values in enumerate(rows[1:], start=2):
        values = list(values) + [None] * (len(COLUMN_KEYS) - len(values))
        item = {k: ("" if v is None else str(v)) for k, v in zip(COLUMN_KEYS, values, strict=False)}
        item["row"] = number
        result.append(item)
    if not result:
        raise WorkbookError([bilingual(_("The file has no rows to import."))])
    return result


@dataclass
class Change:
    row: int
    key: str
    field: str
    lang: str
    source_lang: str
    version: str
    new: str
    old: str = ""
    label: str = ""
    field_label: str = ""
    source: str = ""

    @property
    def lang_label(self) -> str:
        return str(LANGUAGE_NAMES[self.lang])


@dataclass
class ImportPlan:
    changes: list[Change] = field(default_factory=list)
    refused: list[tuple[int, str, str]] = field(default_factory=list)  # (row, record, reason)
    skipped: int = 0

    def payload(self) -> str:
        """The rows to write, signed, for the confirmation form (checked again in full when confirmed)."""
        keep = ("row", "key", "field", "lang", "source_lang", "version", "new")
        return signing.dumps(
            [{k: v for k, v in asdict(c).items() if k in keep} for c in self.changes],
            salt=SIGNING_SALT,
            compress=True,
        )


def _model_for(label: str):
    by_label = {model._meta.label_lower: model for model in translated_models()}
    return by_label.get(label)


def plan_import(rows: list[dict], *, user) -> ImportPlan:
    """Check every row against the database; structural problems refuse the whole file."""
    errors, plan, seen = [], ImportPlan(), set()
    parsed = []
    for item in rows:
        n = item["row"]
        label, _sep, pk = item["id"].strip().rpartition(":")
        model = _model_for(label)
        name, lang, source = item["field"].strip(), item["to"].strip(), item["from"].strip()
        if model is None or not pk.isdigit():
            errors.append(bilingual(_("Row %(row)s: unknown record id “%(id)s”."), row=n, id=item["id"]))
            continue
        if name not in translated_fields(model):
            errors.append(bilingual(_("Row %(row)s: unknown field “%(field)s”."), row=n, field=name))
            continue
        if lang not in LANGS or source not in LANGS or lang == source:
            errors.append(bilingual(_("Row %(row)s: the languages must be lo and en."), row=n))
            continue
        if (item["id"], name, lang) in seen:
            errors.append(bilingual(_("Row %(row)s: this field appears twice in the file."), row=n))
            continue
        seen.add((item["id"], name, lang))
        parsed.append((item, model, int(pk), name, lang, source))
    # Look the records up: one query per record type.
    found = {}
    for model in {p[1] for p in parsed}:
        ids = {p[2] for p in parsed if p[1] is model}
        found[model] = {obj.pk: obj for obj in _records(model, user).filter(pk__in=ids)}
    for item, model, pk, name, lang, source in parsed:
        obj = found[model].get(pk)
        if obj is None:
            errors.append(
                bilingual(_("Row %(row)s: unknown record id “%(id)s”."), row=item["row"], id=item["id"])
            )
            continue
        new = normalise_text(item["new translation"].strip())
        max_length = model._meta.get_field(f"{name}_{lang}").max_length
        if max_length and len(new) > max_length:
            errors.append(
                bilingual(
                    _("Row %(row)s: the translation is longer than %(max)s characters."),
                    row=item["row"],
                    max=max_length,
                )
            )
            continue
        current_target = getattr(obj, f"{name}_{lang}") or ""
        current_source = getattr(obj, f"{name}_{source}") or ""
        if not new or new == current_target:
            plan.skipped += 1
            continue
        record = f"{model._meta.verbose_name} {pk}"
        if not user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
            plan.refused.append(
                (item["row"], record, bilingual(_("You may not change this kind of record.")))
            )
            continue
        if item["version"].strip() != version_of(current_source, current_target):
            plan.refused.append(
                (
                    item["row"],
                    record,
                    bilingual(_("The text changed in the portal after the export; not overwritten.")),
                )
            )
            continue
        plan.changes.append(
            Change(
                row=item["row"],
                key=item["id"].strip(),
                field=name,
                lang=lang,
                source_lang=source,
                version=item["version"].strip(),
                new=new,
                old=current_target,
                label=record,
                field_label=str(model._meta.get_field(name).verbose_name),
                source=current_source,
            )
        )
    if errors:
        raise WorkbookError(errors)
    return plan


def plan_from_payload(payload: str, *, user) -> ImportPlan:
    try:
        data = signing.loads(payload, salt=SIGNING_SALT, max_age=24 * 3600)
    except signing.BadSignature as exc:
        raise WorkbookError(
            [bilingual(_("The import expired or was altered; please upload the file again."))]
        ) from exc
    rows = [
        {
            "row": c["row"],
            "id": c["key"],
            "field": c["field"],
            "from": c["source_lang"],
            "to": c["lang"],
            "version": c["version"],
            "new translation": c["new"],
        }
        for c in data
    ]
    return plan_import(rows, user=user)


def apply_import(*, plan: ImportPlan, user) -> ImportPlan:
    """Write the planned translations in one transaction; rows changed meanwhile are refused, not written."""
    written = ImportPlan(refused=list(plan.refused), skipped=plan.skipped)
    with transaction.atomic():
        for change in plan.changes:
            label, _sep, pk = change.key.rpartition(":")
            model = _model_for(label)
            obj = _records(model, user).select_for_update().get(pk=int(pk))
            source = getattr(obj, f"{change.field}_{change.source_lang}") or ""
            target = getattr(obj, f"{change.field}_{change.lang}") or ""
            if version_of(source, target) != change.version:
                written.refused.append(
                    (
                        change.row,
                        change.label,
                        bilingual(_("The text changed in the portal after the export; not overwritten.")),
                    )
                )
                continue
            attname = f"{change.field}_{change.lang}"
            setattr(obj, attname, change.new)
            try:
                obj.clean_fields(exclude=[f.name for f in model._meta.fields if f.name != attname])
            except ValidationError as exc:
                raise WorkbookError(
                    [bilingual(_("Row %(row)s: %(error)s"), row=change.row, error="; ".join(exc.messages))]
                ) from exc
            obj.save(update_fields=[attname, "updated_at"])
            mark_in_sync(obj, change.field)
            written.changes.append(change)
    return written
