"""The layout the developers' guide describes is the tree: every package of the apps has its line in the
architecture page's "Packages" table, the README's short layout table names every top-level folder, and no
module sits at the top of meetings/ except those the guide names (apps, urls, the modeltranslation registry)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOP_LEVEL_ALLOWED = {"__init__.py", "apps.py", "urls.py", "translation.py"}


def test_no_loose_modules_in_meetings():
    loose = sorted(p.name for p in (ROOT / "meetings").glob("*.py") if p.name not in TOP_LEVEL_ALLOWED)
    assert loose == []


def test_architecture_page_names_every_package():
    page = (ROOT / "docs" / "en" / "developers" / "architecture.md").read_text(encoding="utf-8")
    layout = page[page.index("## Packages") : page.index("## Why these choices")]
    for app in ("meetings", "reports", "portal"):
        for package in sorted(p.parent for p in (ROOT / app).glob("*/__init__.py")):
            if package.name in ("migrations", "management", "templatetags"):
                continue
            assert f"`{app}/{package.name}/`" in layout, (
                f"{app}/{package.name}/ is missing from architecture.md"
            )
    for named in ("meetings/translation.py",):
        assert (ROOT / named).is_file() and f"`{named}`" in layout


def test_readme_layout_names_every_top_level_folder():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("## Layout") : readme.index("## Production stack")]
    ignored = {
        "node_modules",
        "var",
        "staticfiles",
        "media",
        "test-artifacts",
        "site",
        "backups",
        "__pycache__",
    }
    folders = sorted(
        p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith(".") and p.name not in ignored
    )
    missing = [name for name in folders if f"`{name}/`" not in layout]
    assert missing == [], f"README's layout table does not name {missing}"


MAX_MODULE_LINES = 600
NOT_PROJECT_CODE = {".venv", "node_modules", "migrations", ".git", "var"}


def test_no_module_over_600_lines():
    """DEVELOPERS.md: no module over ~600 lines (migrations aside); a longer one is split by what it does."""
    too_long = {}
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if NOT_PROJECT_CODE.intersection(relative.parts):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            too_long[relative.as_posix()] = lines
    assert too_long == {}


def test_no_import_cycle_among_the_selectors():
    """The reads build on one another in one direction (e.g. profiles on directory and meetings, meetings on
    directory), function-level imports included: no two selectors modules reach each other."""
    import grimp

    graph = grimp.build_graph("meetings", "reports", "notifications", "accounts", "portal", cache_dir=None)
    selectors = sorted(m for m in graph.modules if m.startswith("meetings.selectors."))
    assert len(selectors) > 5
    cycles = [
        (a, b)
        for i, a in enumerate(selectors)
        for b in selectors[i + 1 :]
        if graph.chain_exists(importer=a, imported=b) and graph.chain_exists(importer=b, imported=a)
    ]
    assert cycles == []
