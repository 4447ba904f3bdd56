"""The layout the README describes is the tree: every package of the apps has its line, and no module sits at
the top of meetings/ except those the README names (apps, urls, the modeltranslation registry)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOP_LEVEL_ALLOWED = {"__init__.py", "apps.py", "urls.py", "translation.py"}


def test_no_loose_modules_in_meetings():
    loose = sorted(p.name for p in (ROOT / "meetings").glob("*.py") if p.name not in TOP_LEVEL_ALLOWED)
    assert loose == []


def test_readme_layout_names_every_package():
    readme = (ROOT / "README.md").read_text()
    layout = readme[readme.index("## Layout") : readme.index("## Rules that live in one place")]
    for app in ("meetings", "reports"):
        for package in sorted(p.parent for p in (ROOT / app).glob("*/__init__.py")):
            if package.name in ("migrations", "management", "templatetags"):
                continue
            assert f"`{app}/{package.name}/`" in layout, f"{app}/{package.name}/ is missing from the README"
    for named in ("meetings/translation.py",):
        assert (ROOT / named).is_file() and f"`{named}`" in layout
