"""MkDocs hook: copies the front-end files the guide needs from node_modules into the built site.

The servers that build and serve the guide have no internet, so nothing is loaded from a CDN:
- Mermaid (npm `mermaid`, package.json) draws the diagrams; Material uses `window.mermaid` when it is
  defined, so loading our copy first (mkdocs.yml extra_javascript) keeps it from fetching one.
- Noto Sans Lao (npm `@fontsource/noto-sans-lao`, the same files the portal serves) for the Lao pages
  (assets/stylesheets/guide.css).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

FONT_FILES = [
    f"noto-sans-lao-{subset}-{weight}-normal.woff2" for subset in ("lao", "latin") for weight in (400, 700)
]


def vendored_files(project_root: Path) -> dict[str, Path]:
    """Site path (under assets/vendor/) -> source file in node_modules."""
    modules = project_root / "node_modules"
    files = {"mermaid.min.js": modules / "mermaid" / "dist" / "mermaid.min.js"}
    for name in FONT_FILES:
        files[f"fonts/{name}"] = modules / "@fontsource" / "noto-sans-lao" / "files" / name
    return files


def on_post_build(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    missing = [str(src) for src in vendored_files(root).values() if not src.is_file()]
    if missing:
        raise PluginError(
            f"missing front-end files (run bin/setup to install the npm packages): {', '.join(missing)}"
        )
    site = Path(config.site_dir)
    for dest, src in vendored_files(root).items():
        target = site / "assets" / "vendor" / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
