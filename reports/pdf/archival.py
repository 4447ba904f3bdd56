"""Archival PDFs: PDF/A-3b with a tagged structure, document language and metadata in the edition's language.

Every report PDF leaves through :func:`write_archival_pdf`. WeasyPrint writes PDF/A-3b (``pdf_variant``:
sRGB output intent, embedded fonts, XMP metadata with ``pdfaid:part``/``pdfaid:conformance``) and, with
``pdf_tags=True``, a structure tree built from the HTML (headings, tables with header cells, lists, in
reading order), so screen readers and text extraction follow the document. The catalogue's ``/Lang``
comes from ``<html lang>``; this module adds to the XMP packet what WeasyPrint does not write itself:
``dc:language``, the title in every language of the edition, and ``dc:identifier`` (the verify address).

A machine-readable copy of the record may be embedded (PDF/A-3 allows attachments with an
``AFRelationship``): :func:`json_attachment`.
"""

from __future__ import annotations

import json
import warnings
from xml.etree.ElementTree import SubElement, fromstring, tostring

from django.utils import timezone

PDF_VARIANT = "pdf/a-3b"
PDF_OPTIONS = {"pdf_variant": PDF_VARIANT, "pdf_tags": True}

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_DC = "http://purl.org/dc/elements/1.1/"


def _archival_metadata_class():
    from weasyprint.pdf.metadata import DocumentMetadata

    class ArchivalMetadata(DocumentMetadata):
        """WeasyPrint's metadata plus ``dc:language``, titles per language and ``dc:identifier``."""

        languages: tuple[str, ...] = ()
        titles: dict[str, str] = {}
        identifier: str = ""

        def generate_rdf_metadata(self, variant, version, conformance):
            # WeasyPrint's own output, not untrusted data
            rdf = fromstring(super().generate_rdf_metadata(variant, version, conformance))  # noqa: S314
            for title in rdf.iter(f"{{{_DC}}}title"):
                alt = title.find(f"{{{_RDF}}}Alt")
                for lang, text in self.titles.items():
                    item = SubElement(alt, f"{{{_RDF}}}li")
                    item.attrib["xml:lang"] = lang
                    item.text = text
            description = SubElement(rdf, f"{{{_RDF}}}Description")
            description.attrib[f"{{{_RDF}}}about"] = ""
            if self.languages:
                bag = SubElement(SubElement(description, f"{{{_DC}}}language"), f"{{{_RDF}}}Bag")
                for lang in self.languages:
                    SubElement(bag, f"{{{_RDF}}}li").text = lang
            if self.identifier:
                SubElement(description, f"{{{_DC}}}identifier").text = self.identifier
            return tostring(rdf, encoding="utf-8")

    return ArchivalMetadata


def json_attachment(data, *, name: str, description: str = ""):
    """``data`` as a JSON file attached to the PDF (relationship ``Source``: the record the PDF shows)."""
    from weasyprint import Attachment

    payload = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
    return Attachment(
        string=payload.encode(),
        name=name,
        description=description or name,
        relationship="Source",
    )


def write_archival_pdf(
    document,
    *,
    titles: dict[str, str],
    authors: list[str] | tuple[str, ...] = (),
    description: str = "",
    keywords: list[str] | tuple[str, ...] = (),
    identifier: str = "",
    attachments: list | tuple = (),
) -> bytes:
    """A laid-out WeasyPrint ``document`` as tagged PDF/A-3b bytes.

    ``titles`` maps each language of the document to its title, the document's main language first (it
    becomes ``/Title`` and the ``x-default`` title). The catalogue's ``/Lang`` is the HTML's ``lang``.
    """
    languages = tuple(titles)
    metadata_class = _archival_metadata_class()
    metadata = metadata_class(**vars(document.metadata))
    metadata.languages = languages
    metadata.titles = dict(titles)
    metadata.identifier = identifier
    metadata.title = titles[languages[0]]
    metadata.lang = metadata.lang or languages[0]
    metadata.authors = [a for a in authors if a]
    metadata.description = description or None
    metadata.keywords = [k for k in keywords if k]
    now = timezone.now().replace(microsecond=0).isoformat()
    metadata.created = metadata.created or now
    metadata.modified = metadata.modified or now
    metadata.attachments = [*metadata.attachments, *attachments]
    document.metadata = metadata
    with warnings.catch_warnings():
        # WeasyPrint 70 opens its sRGB profile for the PDF/A output intent and never closes the file.
        warnings.simplefilter("ignore", ResourceWarning)
        return document.write_pdf(**PDF_OPTIONS)
