"""The IT officers' page of environment variables lists every variable the portal reads."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "docs" / "en" / "it" / "environment.md", ROOT / "docs" / "lo" / "it" / "environment.md"]


def variables_read() -> set[str]:
    names = set()
    for path in (ROOT / "portal").rglob("*.py"):
        names |= set(
            re.findall(r"env_(?:str|bool|list|required)\(\s*\"([A-Z][A-Z0-9_]*)\"", path.read_text())
        )
    gunicorn = (ROOT / "deploy" / "gunicorn.conf.py").read_text()
    names |= {f"GUNICORN_{name.upper()}" for name in re.findall(r"_env\(\"([a-z_]+)\"", gunicorn)}
    return names


def test_the_code_reads_variables_through_portal_env():
    found = variables_read()
    assert {"SECRET_KEY", "DATABASE_URL", "EMAIL_HOST", "GUNICORN_WORKERS", "S3_BUCKET"} <= found


def test_every_variable_read_is_documented_in_both_languages():
    found = variables_read()
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        documented = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", text))
        missing = sorted(found - documented)
        assert not missing, f"{page.relative_to(ROOT)} does not list {missing}"
