"""MkDocs hook: copies the front-end files the guide needs from node_modules into the built site.

The servers that build and serve the guide have no internet, so nothing is loaded from a CDN:
- Mermaid (npm `mermaid`, package.json) draws the diagrams; Material uses `window.mermaid` when it is
  defined, so loading our copy first (mkdocs.yml extra_javascript) keeps it from fetching one.
- Noto Sans Lao (npm `@fontsource/noto-sans-lao`, the package whose files the portal serves): its
  stylesheets for weights 400 and 700 and the font files they name (mkdocs.yml extra_css).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

FONT_STYLESHEETS = ("400.css", "700.css")
_CSS_URL = re.compile(r"url\(\./(files/[\w.-]+)\)")


def vendored_files(project_root: Path) -> dict[str, Path]:
    """Site path (under assets/vendor/) -> source file in node_modules."""
    modules = project_root / "node_modules"
    files = {"mermaid.min.js": modules / "mermaid" / "dist" / "mermaid.min.js"}
    fonts = modules / "@fontsource" / "noto-sans-lao"
    for name in FONT_STYLESHEETS:
        files[f"noto-sans-lao/{name}"] = fonts / name
        if (fonts / name).is_file():
            for relative in _CSS_URL.findall((fonts / name).read_text(encoding="utf-8")):
                files[f"noto-sans-lao/{relative}"] = fonts / relative
    return files


def on_post_build(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    files = vendored_files(root)
    missing = [str(src) for src in files.values() if not src.is_file()]
    if missing:
        raise PluginError(
            f"missing front-end files (run bin/setup to install the npm packages): {', '.join(missing)}"
        )
    site = Path(config.site_dir)
    for dest, src in files.items():
        target = site / "assets" / "vendor" / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
