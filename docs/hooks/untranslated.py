"""MkDocs hook: marks an English page shown in the Lao guide because its Lao version is not written yet.

mkdocs-static-i18n (fallback_to_default) builds the Lao site with the English file where docs/lo/ has
none; this hook puts a banner in Lao and English at the top of such a page.
"""

from __future__ import annotations

BANNER = """<div class="admonition warning untranslated" markdown>
<p class="admonition-title">ໜ້ານີ້ຍັງບໍ່ທັນໄດ້ແປເປັນພາສາລາວ · This page is not yet translated</p>
<p lang="lo">ໜ້ານີ້ສະແດງເປັນພາສາອັງກິດ ຈົນກວ່າຈະມີສະບັບພາສາລາວ.</p>
<p lang="en">It is shown in English until its Lao version is written.</p>
</div>

"""


def is_fallback(page) -> bool:
    """True for a page whose file comes from another language than the one being built."""
    file = page.file
    built = getattr(file, "locale_alternate_of", None)
    return built is not None and getattr(file, "locale", built) != built


def on_page_markdown(markdown, page, config, files, **kwargs):
    if is_fallback(page):
        return BANNER + markdown
    return markdown
