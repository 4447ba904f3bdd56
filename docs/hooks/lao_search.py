"""MkDocs hook: makes Lao words findable in the guide's search.

Material's search (lunr) cuts text into words at the separator of mkdocs.yml (spaces, hyphens, U+200B).
Lao puts no spaces between words, so a whole Lao phrase would be one "word" and a word inside it could
not be found. After the build this hook rewrites each search index (search/search_index.json, one per
language), putting U+200B (zero-width space) between the Lao words ICU finds - the same segmentation
the portal's own search uses (meetings.rules.text). The query side does the same in the browser
(assets/javascripts/workers/lao-search-worker.js, Intl.Segmenter). U+200B is invisible in the result
snippets.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

ZWSP = "\u200b"


def _text_module(config):
    root = str(Path(config.config_file_path).resolve().parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    from meetings.rules import text

    return text


def is_lao(char: str) -> bool:
    return "\u0e80" <= char <= "\u0eff"


def segment_lao(value: str, text) -> str:
    """``value`` with U+200B at each ICU word boundary next to a Lao character that has no space there:
    between two Lao words, and between a Lao word and punctuation (the quote in "ຂ້າພະເຈົ້າ would
    otherwise stay part of the word)."""
    value = value.replace("\u0ecd\u0eb2", "\u0eb3")  # one form of sara am, as the query side types it
    if not any(is_lao(c) for c in value):
        return value
    bounds = text.word_boundaries(value)
    out, start = [], 0
    for end in bounds[1:]:
        before, after = value[start - 1 : start], value[start : start + 1]
        if (
            before
            and after
            and (is_lao(before) or is_lao(after))
            and not (before.isspace() or after.isspace() or ZWSP in (before, after))
        ):
            out.append(ZWSP)
        out.append(value[start:end])
        start = end
    return "".join(out)


def rewrite_index(path: Path, text) -> int:
    """Segment the Lao text of one search index in place; returns how many entries changed."""
    data = json.loads(path.read_text(encoding="utf-8"))
    changed = 0
    for doc in data.get("docs", []):
        for key in ("title", "text"):
            before = doc.get(key) or ""
            after = segment_lao(before, text)
            if after != before:
                doc[key] = after
                changed += 1
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return changed


@event_priority(-200)  # after mkdocs-static-i18n (-100), which writes the index of all languages last
def on_post_build(config, **kwargs):
    text = _text_module(config)
    for path in sorted(Path(config.site_dir).glob("**/search/search_index.json")):
        rewrite_index(path, text)
