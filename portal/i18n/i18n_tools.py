"""Tools for the Lao catalogues: the vendor catalogue of Django's own strings, and the CI check.

Two kinds of Lao catalogue live under ``locale/``:

- ``locale/lo/LC_MESSAGES/django.po``: the project's strings, maintained with ``makemessages``.
- ``locale/vendor/lo/LC_MESSAGES/{django,djangojs}.po``: Lao for the strings that Django's admin, auth,
  contenttypes and sessions apps and Django's forms/validators show an officer, and those of the admin's
  third-party apps (django-axes, django-otp, django-simple-history) when installed. ``makemessages`` never
  sees these msgids in project sources, so they are kept apart (a second ``LOCALE_PATHS`` entry) and
  refreshed from the installed Django's English catalogues by ``manage.py update_vendor_catalogues``.

:func:`check_catalogue` is what ``manage.py check_catalogues`` (run by ``bin/test``) applies to each file.
"""

from __future__ import annotations

import importlib.util
import io
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import django
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from django.conf import settings

DJANGO_DIR = Path(django.__file__).resolve().parent
LAO_PLURAL_FORMS = "nplurals=1; plural=0;"

# English catalogues of the installed Django whose strings an officer sees in the admin, per domain.
VENDOR_SOURCES = {
    "django": [
        "conf/locale/en/LC_MESSAGES/django.po",
        "contrib/admin/locale/en/LC_MESSAGES/django.po",
        "contrib/auth/locale/en/LC_MESSAGES/django.po",
        "contrib/contenttypes/locale/en/LC_MESSAGES/django.po",
        "contrib/sessions/locale/en/LC_MESSAGES/django.po",
    ],
    "djangojs": ["contrib/admin/locale/en/LC_MESSAGES/djangojs.po"],
}
# Third-party apps of the admin (login lockout, one-time passwords, record history). They ship no English
# catalogue: their msgids are the union of their catalogues' msgids that still occur in their source.
# A package that is not installed is skipped.
THIRD_PARTY_PACKAGES = {"django": ["axes", "django_otp", "simple_history"], "djangojs": []}
# Names of the ~100 languages Django knows (global_settings.LANGUAGES) never appear in this portal's
# admin (its LANGUAGES are Lao and English, translated in the project catalogue), so they are left out.
SKIPPED_SOURCE_FILES = {"conf/global_settings.py"}


def vendor_dir() -> Path:
    return Path(settings.BASE_DIR) / "locale" / "vendor" / "lo" / "LC_MESSAGES"


def project_dir() -> Path:
    return Path(settings.BASE_DIR) / "locale" / "lo" / "LC_MESSAGES"


def lao_catalogue_paths() -> list[Path]:
    """Every Lao catalogue the portal loads: the project's and the vendor ones."""
    return sorted(project_dir().glob("*.po")) + sorted(vendor_dir().glob("*.po"))


def _key(message) -> tuple[str, str | None]:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return msgid, message.context


def _read(path: Path) -> Catalog:
    with open(path, "rb") as fh:
        return read_po(fh, locale="lo")


def _third_party_messages(package: str, domain: str) -> list:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return []
    root = Path(next(iter(spec.submodule_search_locations)))
    sources = "".join(
        p.read_text(encoding="utf-8", errors="ignore")
        for p in sorted(root.rglob("*"))
        if p.suffix in {".py", ".html", ".txt", ".js"} and "locale" not in p.parts
    )
    found = {}
    for po in sorted(root.glob(f"locale/*/LC_MESSAGES/{domain}.po")):
        for message in _read(po):
            if message.id and _key(message)[0] in sources:
                found.setdefault(_key(message), message)
    return [found[k] for k in sorted(found, key=lambda k: (k[0], k[1] or ""))]


def vendor_source_messages(domain: str) -> list:
    """The English messages of ``domain`` an officer can meet, in Django's order, without duplicates."""
    seen, messages = set(), []
    django_messages = [m for rel in VENDOR_SOURCES[domain] for m in _read(DJANGO_DIR / rel)]
    third_party = [m for pkg in THIRD_PARTY_PACKAGES[domain] for m in _third_party_messages(pkg, domain)]
    for message in django_messages + third_party:
        if not message.id or _key(message) in seen:
            continue
        files = {loc[0] for loc in message.locations}
        if files and files <= SKIPPED_SOURCE_FILES:
            continue
        seen.add(_key(message))
        messages.append(message)
    return messages


def update_vendor_catalogue(domain: str, path: Path | None = None) -> dict[str, int]:
    """Rewrite the vendor catalogue of ``domain`` from the installed Django, keeping existing Lao.

    New msgids arrive untranslated (so the check fails until someone translates them); msgids Django no
    longer has are dropped. Returns counts of kept, new and dropped messages.
    """
    path = path or vendor_dir() / f"{domain}.po"
    previous = _read(path) if path.exists() else None
    old = {_key(m): m for m in previous if m.id} if previous is not None else {}
    catalog = Catalog(
        creation_date=previous.creation_date if previous is not None else None,  # no churn in the header
        locale="lo",
        header_comment=(
            f"# Lao for the Django strings an officer sees in the portal's admin (domain {domain}).\n"
            "# Refreshed from the installed Django by `manage.py update_vendor_catalogues`; see README."
        ),
        project="lao-ct-portal vendor strings",
        version="Django " + django.get_version(),
        msgid_bugs_address="",
        last_translator="Secretariat <secretariat@example.org>",
        language_team="Lao",
        fuzzy=False,
    )
    kept = new = 0
    for src in vendor_source_messages(domain):
        before = old.pop(_key(src), None)
        if isinstance(src.id, tuple):
            string = ("",) if before is None else tuple(before.string)[:1]
        else:
            string = "" if before is None else before.string
        kept, new = (kept + 1, new) if before is not None and any(string) else (kept, new + 1)
        catalog.add(src.id, string, context=src.context, flags=src.flags - {"fuzzy"})
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    write_po(buf, catalog, width=0, omit_header=False, sort_output=False, no_location=True)
    path.write_bytes(buf.getvalue())
    return {"kept": kept, "new": new, "dropped": len(old)}


# --- the check -----------------------------------------------------------------------------------------
_PERCENT = re.compile(r"%(?:\((?P<name>\w+)\))?[#0\- +]*(?:\d+|\*)?(?:\.\d+)?(?P<conv>[diouxXeEfFgGcrsa%])")
_BRACE = re.compile(r"(?<!\{)\{(?P<name>\w*)(?:[!:][^{}]*)?\}(?!\})")


def placeholders(text: str, *, brace: bool) -> tuple[Counter, tuple[str, ...]]:
    """Named placeholders (a multiset) and positional ones (in order) of a format string."""
    named: Counter = Counter()
    positional: list[str] = []
    for m in _PERCENT.finditer(text):
        if m["conv"] == "%":
            continue
        if m["name"]:
            named[f"%({m['name']}){m['conv']}"] += 1
        else:
            positional.append(f"%{m['conv']}")
    if brace:
        for m in _BRACE.finditer(text):
            name = m["name"]
            if name and not name.isdigit():
                named[f"{{{name}}}"] += 1
            else:
                positional.append(f"{{{name}}}")
    return named, tuple(positional)


@dataclass
class CatalogueReport:
    path: Path
    total: int = 0
    translated: int = 0
    untranslated: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    placeholder_errors: list[str] = field(default_factory=list)
    compile_errors: list[str] = field(default_factory=list)
    header_errors: list[str] = field(default_factory=list)
    outdated: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return (
            [f"header: {e}" for e in self.header_errors]
            + [f"does not compile: {e}" for e in self.compile_errors]
            + [f"untranslated: {m!r}" for m in self.untranslated]
            + [f"fuzzy: {m!r}" for m in self.fuzzy]
            + self.placeholder_errors
            + [f"missing (run manage.py update_vendor_catalogues): {m!r}" for m in self.outdated]
        )

    @property
    def ok(self) -> bool:
        return not self.problems


def _uses_brace(message) -> bool:
    return "python-brace-format" in message.flags or "{" in (
        message.id if isinstance(message.id, str) else message.id[0]
    )


def check_catalogue(path: Path, *, expected_keys: set | None = None) -> CatalogueReport:
    """Check one Lao catalogue: compiles, complete, not fuzzy, placeholders as in English."""
    report = CatalogueReport(path=Path(path))
    try:
        catalog = _read(path)
    except Exception as exc:  # babel raises several kinds of parse error
        report.compile_errors.append(str(exc))
        return report
    if catalog.num_plurals != 1 or "plural=0" not in (catalog.plural_forms or "").replace(" ", ""):
        report.header_errors.append(
            f"Plural-Forms must be {LAO_PLURAL_FORMS!r}, not {catalog.plural_forms!r}"
        )
    keys = set()
    for message in catalog:
        if not message.id:
            continue
        keys.add(_key(message))
        report.total += 1
        label = _key(message)[0] if not message.context else f"{message.context}|{_key(message)[0]}"
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or not strings:
            report.untranslated.append(label)
            continue
        if message.fuzzy:
            report.fuzzy.append(label)
            continue
        report.translated += 1
        brace = _uses_brace(message)
        originals = message.id if isinstance(message.id, tuple) else (message.id,)
        allowed = [placeholders(o, brace=brace) for o in originals]
        for s in strings:
            found = placeholders(s, brace=brace)
            if found not in allowed:
                want = " or ".join(sorted({_describe(a) for a in allowed}))
                report.placeholder_errors.append(
                    f"placeholders differ in {label!r}: Lao has {_describe(found)}, English has {want}"
                )
    if expected_keys is not None:
        report.outdated = sorted(k[0] for k in expected_keys - keys)
    report.compile_errors += _compile_errors(Path(path), catalog)
    return report


def _describe(value) -> str:
    named, positional = value
    parts = sorted(named.elements()) + list(positional)
    return "[" + ", ".join(parts) + "]" if parts else "none"


def _compile_errors(path: Path, catalog: Catalog) -> list[str]:
    """Compile with GNU msgfmt --check-format when present (what bin/setup uses), else with babel."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt:
        with tempfile.TemporaryDirectory() as tmp:
            result = subprocess.run(
                [msgfmt, "--check-format", "-o", str(Path(tmp) / "out.mo"), str(path)],
                capture_output=True,
                text=True,
                check=False,
            )
        return [line for line in result.stderr.splitlines() if line.strip()] if result.returncode else []
    try:
        write_mo(io.BytesIO(), catalog)
    except Exception as exc:
        return [str(exc)]
    return []


def check_all() -> list[CatalogueReport]:
    reports = []
    for path in lao_catalogue_paths():
        expected = None
        if path.parent == vendor_dir() and path.stem in VENDOR_SOURCES:
            expected = {_key(m) for m in vendor_source_messages(path.stem)}
        reports.append(check_catalogue(path, expected_keys=expected))
    return reports
