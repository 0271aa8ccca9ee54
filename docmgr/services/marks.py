"""Seals and handwritten signatures recorded on a document's scanned pages (found at OCR time by
:mod:`docmgr.ingest.marks`), for the viewer and for completeness checks such as "the application
is signed" (a dossier's check asks :func:`is_signed` / :func:`is_sealed`)."""

from __future__ import annotations

from typing import Optional

from docmgr.core.library import Library
from docmgr.core.models import Mark


def page_marks(library: Library, doc_id: int, kind: Optional[str] = None) -> list[tuple[int, Mark]]:
    """(page number, mark) for every mark of the document, in page order; only ``kind`` when given.

    Raises:
        NotFound: no such document.
    """
    library.catalog.get(doc_id)
    return [(page.number, mark) for page in library.catalog.pages(doc_id) for mark in page.marks
            if kind is None or mark.kind == kind]


def is_signed(library: Library, doc_id: int, page: Optional[int] = None) -> bool:
    """Whether a handwritten signature was found on the document (on ``page`` when given; the
    signature block is usually on the last page). Grey and bitonal scans keep no colour, so a
    signature is only found on colour scans: False means "not seen", not "not signed"."""
    return any(page is None or number == page for number, _ in page_marks(library, doc_id, "signature"))


def is_sealed(library: Library, doc_id: int, page: Optional[int] = None) -> bool:
    """Whether a red seal was found on the document (on ``page`` when given); colour scans only."""
    return any(page is None or number == page for number, _ in page_marks(library, doc_id, "seal"))


__all__ = ["is_sealed", "is_signed", "page_marks"]
