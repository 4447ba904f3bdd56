"""What each page of a laid-out report holds, from WeasyPrint's layout tree (margin boxes left out)."""

from weasyprint.formatting_structure import boxes


def _classes(box) -> set[str]:
    element = getattr(box, "element", None)
    return set((element.get("class") or "").split()) if element is not None else set()


def _texts(box, inside_signatures=False):
    """(text, inside the signature block?) for every text box under ``box``."""
    inside = inside_signatures or "signatures" in _classes(box)
    if isinstance(box, boxes.TextBox):
        if box.text.strip("\u200b \n"):
            yield box.text, inside
        return
    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.MarginBox):
            continue  # running header and footer
        yield from _texts(child, inside)


def page_contents(document) -> list[dict]:
    """Per page: the body text outside the signature block, and whether the block (or part of it) is there."""
    out = []
    for page in document.pages:
        texts = list(_texts(page._page_box))
        out.append(
            {
                "other": "".join(text for text, inside in texts if not inside),
                "signatures": any(inside for _text, inside in texts),
            }
        )
    return out


def signature_only_pages(document) -> list[int]:
    """Numbers (1-based) of pages that hold the signature block and nothing else of the body."""
    return [
        number
        for number, page in enumerate(page_contents(document), start=1)
        if page["signatures"] and not page["other"].strip("\u200b \n")
    ]
