"""MkDocs hook: no sitemap of the guide's own.

The theme writes sitemap.xml with the addresses under ``site_url``; the guide is built before the host it is
served on is known (``site_url`` is empty), so those addresses would be relative, which a sitemap may not
hold. The portal's /sitemap.xml lists the guide's pages instead, with the host asked
(``portal.http.help.GuideSitemap``). With a ``site_url`` set, the theme's sitemap is kept.
"""

from __future__ import annotations

from pathlib import Path


def on_post_build(config, **kwargs):
    if config.get("site_url"):
        return
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        for found in Path(config["site_dir"]).glob(f"**/{name}"):
            found.unlink()
