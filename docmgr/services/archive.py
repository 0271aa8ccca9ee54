"""Derived files of scanned documents: the searchable archive PDF and the page thumbnails.

Both live under ``library.paths.derived`` beside the untouched original and can be rebuilt from it:
:func:`export_pdf` re-runs OCR when the archive copy is missing. Files are written atomically
(:func:`docmgr.core.atomic.write_atomic`), so a crash never leaves a half-written copy under its real name.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable, Optional, Sequence

from docmgr.core.atomic import write_atomic
from docmgr.core.errors import DocmgrError
from docmgr.core.library import Library
from docmgr.core.progress import CancelToken
from docmgr.ingest.archive import merge_pages
from docmgr.ingest.ocr import OcrJob, OcrPage, ocr_pages

log = logging.getLogger(__name__)


class NoArchiveCopy(DocmgrError):
    """The document has no scanned pages, so there is no searchable archive copy to make."""


def archive_path(library: Library, sha256: str) -> Path:
    """Where the searchable archive copy of the original with this checksum is kept."""
    return library.paths.archive_copies / f"{sha256}.pdf"


def rendition_path(library: Library, sha256: str) -> Path:
    """Where the PDF rendition of an office original (.doc, .xls, .odt, ...) is kept, for the viewer."""
    return library.paths.derived / "renditions" / f"{sha256}.pdf"


def thumbnail_path(library: Library, sha256: str, number: int) -> Path:
    """Where the thumbnail of page ``number`` (1-based) is kept."""
    return library.paths.thumbnails / sha256 / f"{number}.png"


def save_derived(library: Library, sha256: str, pages: Sequence[OcrPage], *, title: str = "") -> Optional[Path]:
    """Write the thumbnails and the archive PDF of a document's OCR'd pages; returns the PDF path.

    Only OCR'd pages are in the archive copy (text-layer pages are searchable in the original).
    Returns None when no page carries a PDF.
    """
    for result in pages:
        if result.thumbnail:
            write_atomic(thumbnail_path(library, sha256, result.page.number), result.thumbnail)
    pdfs = [p.pdf for p in sorted(pages, key=lambda p: p.page.number) if p.pdf]
    if not pdfs:
        return None
    target = archive_path(library, sha256)
    write_atomic(target, merge_pages(pdfs, title=title))
    return target


def export_pdf(library: Library, doc_id: int, target: Path, *, languages: str = "vie+eng",
               cancel: Optional[CancelToken] = None,
               progress: Optional[Callable[[int, int], None]] = None) -> Path:
    """Write the searchable archive copy of document ``doc_id`` to ``target``.

    The copy is rebuilt from the original (OCR of its scanned pages) when it is missing.

    Raises:
        NotFound: no such document.
        NoArchiveCopy: the document has no OCR'd pages.
    """
    doc = library.catalog.get(doc_id)
    scanned = [p for p in library.catalog.pages(doc_id) if p.source == "ocr"]
    if not scanned:
        raise NoArchiveCopy(f"document {doc_id} ({doc.filename}) has no scanned pages, so it has no searchable "
                            "archive copy; its original already carries its text")
    source = archive_path(library, doc.sha256)
    if not source.exists():
        source = rebuild(library, doc_id, languages=languages, cancel=cancel, progress=progress)
    write_atomic(Path(target), source.read_bytes())
    return Path(target)


def rebuild(library: Library, doc_id: int, *, languages: str = "vie+eng", cancel: Optional[CancelToken] = None,
            progress: Optional[Callable[[int, int], None]] = None) -> Path:
    """OCR the scanned pages of a document's original again and write its derived files."""
    doc = library.catalog.get(doc_id)
    original = library.original_path(doc.sha256, doc.suffix)
    if not original.exists():
        raise NoArchiveCopy(f"document {doc_id}: its original {original} is missing; run `docmgr check`")
    kind = "pdf" if doc.suffix.lower() == ".pdf" or doc.mime == "application/pdf" else "image"
    jobs = [OcrJob(str(original), kind, p.number - 1, p.number)
            for p in library.catalog.pages(doc_id) if p.source == "ocr"]
    results = ocr_pages(jobs, languages=languages, cancel=cancel, progress=progress)
    path = save_derived(library, doc.sha256, results, title=doc.filename)
    if path is None:
        raise NoArchiveCopy(f"document {doc_id}: OCR made no searchable pages")
    return path


__all__ = ["NoArchiveCopy", "archive_path", "export_pdf", "rebuild", "rendition_path", "save_derived", "thumbnail_path"]
