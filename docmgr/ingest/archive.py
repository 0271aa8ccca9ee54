"""Searchable archive PDFs: the one-page PDFs Tesseract wrote (page image + invisible text layer)
joined into one file with pypdf."""

from __future__ import annotations

import io
from typing import Optional, Sequence

from docmgr.core.errors import RejectedInput


def merge_pages(pages: Sequence[Optional[bytes]], *, title: str = "") -> bytes:
    """Join one-page PDFs into one searchable PDF, in order.

    Args:
        pages: the per-page PDFs (``OcrPage.pdf``); a page without one is an error.
        title: written to the document information.

    Raises:
        RejectedInput: when there is no page or one page has no PDF / is unreadable.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError

    if not pages:
        raise RejectedInput("no scanned pages to archive")
    writer = PdfWriter()
    for number, data in enumerate(pages, start=1):
        if not data:
            raise RejectedInput(f"page {number}: no searchable PDF was made")
        try:
            writer.append(PdfReader(io.BytesIO(data)))
        except (PdfReadError, ValueError, OSError) as exc:
            raise RejectedInput(f"page {number}: unreadable page PDF ({exc})") from exc
    writer.add_metadata({"/Producer": "docmgr (Tesseract OCR)", **({"/Title": title} if title else {})})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


__all__ = ["merge_pages"]
