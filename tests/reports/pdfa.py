"""PDF/A checks the tests can run here: no veraPDF (Java, not in PyPI/npm/Debian), so three tools:

* ``qpdf --check`` (Debian ``qpdf``): the file's syntax, cross-reference table and streams;
* ``pdfinfo`` / ``pdfinfo -meta`` (poppler): ``Tagged: yes`` and the XMP packet's PDF/A identification;
* ``pikepdf``: the catalogue (``/MarkInfo``, ``/Lang``, sRGB ``/OutputIntents``), embedded fonts and the
  structure tree (each table cell in a row of a table, each list item in a list, one ``H1``).
"""

from __future__ import annotations

import collections
import subprocess
from pathlib import Path

import pikepdf

PARENTS = {
    "/TR": {"/Table", "/THead", "/TBody", "/TFoot"},
    "/TH": {"/TR"},
    "/TD": {"/TR"},
    "/THead": {"/Table"},
    "/TBody": {"/Table"},
    "/LI": {"/L"},
    "/Lbl": {"/LI"},
    "/LBody": {"/LI"},
}


def run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, check=False)


def structure(pdf: pikepdf.Pdf) -> tuple[collections.Counter, list[tuple[str, str]]]:
    """Counts of structure types and (child, parent) pairs of the tag tree."""
    counts: collections.Counter = collections.Counter()
    pairs: list[tuple[str, str]] = []

    def walk(node, parent_type):
        if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
            return  # marked-content ids and object references to page content
        kind = str(node.S)
        counts[kind] += 1
        pairs.append((kind, parent_type))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            walk(kid, kind)

    kids = pdf.Root.StructTreeRoot.K
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        walk(kid, "/StructTreeRoot")
    return counts, pairs


def problems(
    pdf_bytes: bytes, tmp_path: Path, *, lang: str, name: str = "archival", parts: int = 1
) -> list[str]:
    """Everything the three tools find wrong with an archival report PDF (empty: no problem found).

    ``parts``: how many language parts the document has (each has one ``H1``)."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf_bytes)
    found = []
    check = run(["qpdf", "--check", str(path)])
    if check.returncode != 0 or "No syntax or stream encoding errors found" not in check.stdout:
        found.append(f"qpdf --check: {check.stdout} {check.stderr}")
    info = run(["pdfinfo", str(path)]).stdout
    if "Tagged:          yes" not in info:
        found.append("pdfinfo: not tagged")
    meta = run(["pdfinfo", "-meta", str(path)]).stdout
    for needle in ('pdfaid:part="3"', 'pdfaid:conformance="B"', "<dc:language>", "<dc:title>"):
        if needle not in meta:
            found.append(f"XMP metadata lacks {needle}")
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        if pdf.is_encrypted:
            found.append("encrypted")
        if not root.get("/MarkInfo", {}).get("/Marked"):
            found.append("/MarkInfo /Marked is not true")
        if str(root.get("/Lang", "")) != lang:
            found.append(f"/Lang is {root.get('/Lang')!r}, expected {lang!r}")
        intents = root.get("/OutputIntents", [])
        if not intents or str(intents[0].S) != "/GTS_PDFA1" or "/DestOutputProfile" not in intents[0]:
            found.append("no PDF/A output intent with an ICC profile")
        with pdf.open_metadata() as xmp:
            if xmp.get("pdfaid:part") != "3" or xmp.get("pdfaid:conformance") != "B":
                found.append("pikepdf: XMP PDF/A identification is not 3B")
        for page in pdf.pages:
            if "/StructParents" not in page.obj:
                found.append("a page has no /StructParents")
            for font in page.obj.get("/Resources", {}).get("/Font", {}).values():
                descendants = font.get("/DescendantFonts", [font])
                for face in descendants:
                    descriptor = face.get("/FontDescriptor", {})
                    if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                        found.append(f"font {face.get('/BaseFont')} is not embedded")
        if "/StructTreeRoot" not in root or "/ParentTree" not in root.StructTreeRoot:
            found.append("no structure tree with a parent tree")
        else:
            counts, pairs = structure(pdf)
            if counts["/H1"] != parts:
                found.append(f"{counts['/H1']} H1 headings")
            for child, parent in pairs:
                if child in PARENTS and parent not in PARENTS[child]:
                    found.append(f"{child} inside {parent}")
    return found


def validator_report(path: Path) -> str:
    """What benchmarks/results/2026-12-01-reports-bench.md shows: qpdf's and poppler's output for a file."""
    out = [f"$ qpdf --check {path.name}", run(["qpdf", "--check", str(path)]).stdout.strip()]
    info = run(["pdfinfo", str(path)]).stdout
    out += [f"$ pdfinfo {path.name} | grep -E 'Tagged|PDF version|Title'"]
    out += [line for line in info.splitlines() if line.startswith(("Tagged", "PDF version", "Title"))]
    return "\n".join(out)
