"""PDF pages through pypdfium2: the text layer where it is usable, an OCR job where it is not.

pdfium reads a born-digital page about 40 times faster than pdfplumber (C, not Python) and gives the
same words, usually better spaced; :mod:`docmgr.ingest.pdflayout` puts them in pdfplumber's reading
order. pdfplumber is kept for one case, where it earns its cost: a page that pdfium's text would send
to OCR although it has text objects (pdfium leaves out the glyphs of some CJK fonts that pdfminer
maps through their CMaps). Asking pdfplumber about that one page (tens of milliseconds) is cheap
beside OCR (seconds), and its text is judged the same way.

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
from docmgr.ingest.pdflayout import page_facts, page_text
from docmgr.ingest.quality import Verdict, judge

log = logging.getLogger(__name__)

POINTS_PER_METRE = 72 / 0.0254
_PASSWORD_ERROR = 4   # FPDF_ERR_PASSWORD


@dataclass
class PdfPage:
    """One page's result: ``text`` when the text layer is usable, else ``ocr_reason``; ``layer`` is
    the unusable text layer itself when it may still beat OCR (a scanner's own OCR layer)."""

    number: int
    text: Optional[str]
    ocr_reason: str = ""
    layer: Optional[str] = None


def read_pdf(path: Path, *, password: Optional[str], max_pages: int, max_page_area_m2: float,
             max_megapixels: float, cancel: CancelToken,
             on_page: Callable[[int, int], None] | None = None,
             pages_range: Optional[tuple[int, int]] = None) -> list[PdfPage]:
    """Read the pages' text layers (all, or 0-based ``pages_range`` [first, last)), deciding page by
    page whether each needs OCR."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path), password=password or None)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PASSWORD_ERROR:
            raise RejectedInput("encrypted PDF: wrong password" if password
                                else "encrypted PDF: needs a password (--password)") from exc
        raise RejectedInput(f"damaged PDF ({_describe(exc)})") from exc
    except OSError as exc:
        raise RejectedInput(f"cannot read the file ({exc.strerror or exc})") from exc
    try:
        total = len(pdf)
        if total == 0:
            raise RejectedInput("PDF has no pages")
        if total > max_pages:
            raise RejectedInput(f"too many pages ({total} > {max_pages})")
        first, last = pages_range or (0, total)
        out: list[PdfPage] = []
        for i in range(first, min(last, total)):
            cancel.check()
            out.append(_read_page(pdf, i, path, password, max_page_area_m2, max_megapixels))
            if on_page:
                on_page(i + 1, total)
        return out
    finally:
        pdf.close()


def _read_page(pdf: Any, index: int, path: Path, password: Optional[str], max_area: float,
               max_megapixels: float) -> PdfPage:
    import pypdfium2 as pdfium

    number = index + 1
    try:
        page = pdf[index]
    except (pdfium.PdfiumError, IndexError) as exc:
        raise RejectedInput(f"page {number}: damaged content ({_describe(exc)})") from exc
    try:
        width, height = page.get_size()
        width_m, height_m = width / POINTS_PER_METRE, height / POINTS_PER_METRE
        if width_m * height_m > max_area:
            raise RejectedInput(f"page {number} too large ({width_m:.2f} m × {height_m:.2f} m > {max_area:g} m²)")
        facts = page_facts(page, width, height)
        for w, h in facts.image_sizes:
            if w * h > max_megapixels * 1e6:
                raise RejectedInput(f"page {number}: embedded image too large ({w}×{h} pixels)")
        try:
            textpage = page.get_textpage()
            try:
                text = nfc(page_text(textpage))
            finally:
                textpage.close()
        except pdfium.PdfiumError as exc:
            raise RejectedInput(f"page {number}: damaged content ({_describe(exc)})") from exc
    finally:
        page.close()

    def verdict_of(candidate: str) -> Verdict:
        return judge(candidate, has_image=bool(facts.image_sizes), image_coverage=facts.image_coverage,
                     invisible_share=facts.invisible_share)

    verdict = verdict_of(text)
    if not verdict.usable and facts.text_objects and not verdict.layer_may_win:
        other = _pdfplumber_text(path, password, index)
        if other is not None and verdict_of(other).usable:
            return PdfPage(number, other)
    if verdict.usable:
        return PdfPage(number, text)
    return PdfPage(number, None, verdict.reason, text if verdict.layer_may_win else None)


def _pdfplumber_text(path: Path, password: Optional[str], index: int) -> Optional[str]:
    """pdfplumber's text of one page (None when it cannot read it either)."""
    import pdfplumber

    try:
        with pdfplumber.open(path, password=password or "") as pdf:
            page = pdf.pages[index]
            return nfc(page.extract_text() or "")
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many unrelated types; pdfium already read the page
        log.debug("pdfplumber could not read page %d of %s: %s", index + 1, path, exc)
        return None


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = type(exc).__name__
    return f"{name}: {text}"[:160] if text else name
