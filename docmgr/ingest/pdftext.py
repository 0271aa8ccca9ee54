"""PDF pages through pdfplumber: the text layer where it is usable, an OCR job where it is not.

Limits are checked from the page boxes and image headers *before* anything is rendered.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

from docmgr.core.errors import RejectedInput
from docmgr.core.progress import CancelToken
from docmgr.core.text import nfc
from docmgr.ingest.quality import judge

log = logging.getLogger(__name__)

POINTS_PER_METRE = 72 / 0.0254


@dataclass
class PdfPage:
    """One page's result: ``text`` when the text layer is usable, else ``ocr_reason``."""

    number: int
    text: Optional[str]
    ocr_reason: str = ""


def read_pdf(path: Path, *, password: Optional[str], max_pages: int, max_page_area_m2: float,
             max_megapixels: float, cancel: CancelToken,
             on_page: Callable[[int, int], None] | None = None,
             pages_range: Optional[tuple[int, int]] = None) -> list[PdfPage]:
    """Read the pages' text layers (all, or 0-based ``pages_range`` [first, last)), deciding page by
    page whether each needs OCR."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    pdf = None
    try:
        pdf = pdfplumber.open(path, password=password or "")
        pages = pdf.pages
    except Exception as exc:
        if pdf is not None:
            pdf.close()  # pdfminer raises many unrelated types for damaged files
        cause = _root(exc)
        if isinstance(cause, PDFPasswordIncorrect):
            raise RejectedInput("encrypted PDF: wrong password" if password
                                else "encrypted PDF: needs a password (--password)") from exc
        raise RejectedInput(f"damaged PDF ({_describe(cause)})") from exc
    with pdf:
        total = len(pages)
        if total == 0:
            raise RejectedInput("PDF has no pages")
        if total > max_pages:
            raise RejectedInput(f"too many pages ({total} > {max_pages})")
        first, last = pages_range or (0, total)
        out: list[PdfPage] = []
        for i in range(first, min(last, total)):
            cancel.check()
            page = pages[i]
            out.append(_read_page(page, i + 1, max_page_area_m2, max_megapixels))
            page.close()
            if on_page:
                on_page(i + 1, total)
        return out


def _read_page(page: Any, number: int, max_area: float, max_megapixels: float) -> PdfPage:
    width_m, height_m = float(page.width) / POINTS_PER_METRE, float(page.height) / POINTS_PER_METRE
    if width_m * height_m > max_area:
        raise RejectedInput(f"page {number} too large ({width_m:.2f} m × {height_m:.2f} m > {max_area:g} m²)")
    try:
        images = page.images
        for im in images:
            w, h = (int(v) for v in im.get("srcsize", (0, 0)))
            if w * h > max_megapixels * 1e6:
                raise RejectedInput(f"page {number}: embedded image too large ({w}×{h} pixels)")
        text = nfc(page.extract_text() or "")
    except RejectedInput:
        raise
    except Exception as exc:
        raise RejectedInput(f"page {number}: damaged content ({_describe(exc)})") from exc
    area = float(page.width) * float(page.height) or 1.0
    covered = sum(max(0.0, float(im["x1"]) - float(im["x0"])) * max(0.0, float(im["bottom"]) - float(im["top"]))
                  for im in images)
    verdict = judge(text, has_image=bool(images), image_coverage=min(1.0, covered / area))
    if verdict.usable:
        return PdfPage(number, text)
    return PdfPage(number, None, verdict.reason)


def _root(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's errors: find the one that says what happened."""
    while True:
        inner = exc.__cause__ or exc.__context__ or (exc.args[0] if exc.args and isinstance(exc.args[0], BaseException)
                                                     else None)
        if inner is None or inner is exc:
            return exc
        exc = inner


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = type(exc).__name__
    return f"{name}: {text}"[:160] if text else name
