"""MkDocs hook: the guide's navigation, built from the folders (mkdocs.yml has no `nav:`), put in order.

mkdocs-static-i18n (folder structure) builds the Lao navigation from docs/lo/ plus the English pages that
stand in for missing Lao ones (docs/en/), and sorts the parts by title. That leaves a part whose pages are
only partly translated split in two sections, and the parts in alphabetical order. This hook, run after
the plugin, merges sections of the same title and orders:
- the parts as the guide presents them: officers, partners, IT officers, developers;
- the pages of a part as its index.md lists them (the reading order), index first; pages its index does
  not link come last, by file name.
Previous/next links follow the new order.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

PARTS = ("officers", "partners", "it", "developers")
_MD_LINK = re.compile(r"\]\(([^)\s#]+?\.md)(?:#[^)]*)?\)")


def _uri(page: Page) -> str:
    """The page's path inside its language folder, e.g. "it/install.md"."""
    return getattr(page.file, "norm_src_uri", None) or page.file.src_uri


def _pages(item):
    if isinstance(item, Page):
        yield item
    elif isinstance(item, Section):
        for child in item.children:
            yield from _pages(child)


def _folder(item) -> str:
    for page in _pages(item):
        return posixpath.dirname(_uri(page))
    return ""


def _index_links(index: Page) -> list[str]:
    """Paths (inside the language folder) that the index page links to, in order."""
    source = Path(index.file.abs_src_path).read_text(encoding="utf-8")
    folder = posixpath.dirname(_uri(index))
    return [posixpath.normpath(posixpath.join(folder, link)) for link in _MD_LINK.findall(source)]


def _item_path(item) -> str:
    if isinstance(item, Page):
        return _uri(item)
    return posixpath.join(_folder(item), "index.md")


def _merge(items: list) -> list:
    merged, sections = [], {}
    for item in items:
        if isinstance(item, Section):
            if item.title in sections:
                sections[item.title].children.extend(item.children)
                continue
            sections[item.title] = item
        merged.append(item)
    for item in merged:
        if isinstance(item, Section):
            item.children = _in_reading_order(_merge(item.children))
            for child in item.children:
                child.parent = item
    return merged


def _in_reading_order(children: list) -> list:
    index = next((c for c in children if isinstance(c, Page) and c.file.name == "index"), None)
    links = _index_links(index) if index is not None else []

    def key(child):
        if child is index:
            return (0, 0, "")
        path = _item_path(child)
        return (1, links.index(path) if path in links else len(links), path)

    return sorted(children, key=key)


def _part_order(item) -> tuple[int, str]:
    if isinstance(item, Page) and _uri(item) == "index.md":
        return (-1, "")
    folder = _folder(item).split("/", 1)[0]
    return (PARTS.index(folder) if folder in PARTS else len(PARTS), folder)


@event_priority(-150)  # after mkdocs-static-i18n's navigation (-100)
def on_nav(nav, config, files, **kwargs):
    nav.items = sorted(_merge(nav.items), key=_part_order)
    for item in nav.items:
        item.parent = None
    pages = [page for item in nav.items for page in _pages(item)]
    nav.pages = pages
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
        page.previous_page, page.next_page = before, after
    return nav
