"""Walk WeasyPrint's layout tree and report inline content that sticks out of its block."""

from weasyprint.formatting_structure import boxes

TOLERANCE = 0.5  # CSS px


def _walk(box, container):
    if getattr(box, "is_outside_marker", False):
        return  # list numbers hang outside their item by design (list-style-position: outside)
    if isinstance(box, boxes.LineBox):
        yield box, container
    next_container = (
        box if isinstance(box, boxes.BlockContainerBox) and not isinstance(box, boxes.LineBox) else container
    )
    for child in getattr(box, "children", ()):
        yield from _walk(child, next_container)


def _leaves(box):
    if isinstance(box, boxes.TextBox | boxes.InlineReplacedBox):
        yield box
    for child in getattr(box, "children", ()):
        yield from _leaves(child)


def line_texts(document):
    """The text of every line box, in order."""
    out = []
    for page in document.pages:
        for line, _container in _walk(page._page_box, None):
            out.append("".join(leaf.text for leaf in _leaves(line) if isinstance(leaf, boxes.TextBox)))
    return out


def overflows(document) -> list[str]:
    """Descriptions of line boxes (or their text) wider than the content box of their containing block."""
    problems = []
    checked = 0
    for number, page in enumerate(document.pages, start=1):
        for line, container in _walk(page._page_box, None):
            left = container.content_box_x()
            right = left + container.width
            checked += 1
            if line.position_x + line.width > right + TOLERANCE:
                problems.append(
                    f"page {number}: line box {line.width:.1f}px wider than {container.width:.1f}px"
                )
            for leaf in _leaves(line):
                end = leaf.position_x + leaf.margin_width()
                if end > right + TOLERANCE or leaf.position_x < left - TOLERANCE:
                    text = getattr(leaf, "text", type(leaf).__name__)
                    problems.append(
                        f"page {number}: {text!r} ends at {end:.1f}px, block ends at {right:.1f}px"
                    )
    assert checked, "the layout tree has no line boxes: the walk is broken"
    return problems
