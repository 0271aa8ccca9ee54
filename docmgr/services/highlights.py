"""Where words sit on a page, for highlighting search hits on the page image.

Boxes are fractions of the page (left, top, right, bottom in 0..1), so they fit any zoom. OCR'd pages
use the word boxes the catalog keeps; pages of PDFs with a text layer use the layer's character boxes
(through pdfium), grouped into words. :func:`docmgr.services.finder.query_boxes` picks the hits.
"""

from __future__ import annotations

from typing import Optional

from docmgr.core.library import Library

Box = tuple[float, float, float, float]


def word_boxes(library: Library, doc_id: int, number: int) -> list[tuple[str, Box]]:
    """``(word, box)`` for page ``number`` (1-based) of ``doc_id``; empty when the page has no positions."""
    return all_word_boxes(library, doc_id, pages=[number]).get(number, [])


def all_word_boxes(library: Library, doc_id: int, *, pages: Optional[list[int]] = None,
                   max_pages: int = 200) -> dict[int, list[tuple[str, Box]]]:
    """Page number → ``(word, box)`` for the ``pages`` of ``doc_id`` (default: the first ``max_pages``)."""
    doc = library.catalog.get(doc_id)
    out: dict[int, list[tuple[str, Box]]] = {}
    for page in library.catalog.pages(doc_id, with_words=True)[:max_pages]:
        if pages is not None and page.number not in pages:
            continue
        if page.words and page.width and page.height:
            w, h = float(page.width), float(page.height)
            out[page.number] = [(wd.text, (wd.left / w, wd.top / h, (wd.left + wd.width) / w,
                                           (wd.top + wd.height) / h)) for wd in page.words]
        elif doc.mime == "application/pdf":
            out[page.number] = _pdf_words(str(library.original_path(doc.sha256, doc.suffix)), page.number)
    return out


def _pdf_words(path: str, number: int) -> list[tuple[str, Box]]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        if not 1 <= number <= len(pdf):
            return []
        page = pdf[number - 1]
        width, height = page.get_size()
        text_page = page.get_textpage()
        count = text_page.count_chars()
        chars = text_page.get_text_range(0, count) if count else ""
        words: list[tuple[str, Box]] = []
        current: list[str] = []
        box: Optional[list[float]] = None
        for i, ch in enumerate(chars[:count]):
            if ch.isspace():
                if current and box:
                    words.append(("".join(current), (box[0] / width, 1 - box[3] / height,
                                                     box[2] / width, 1 - box[1] / height)))
                current, box = [], None
                continue
            left, bottom, right, top = text_page.get_charbox(i)
            current.append(ch)
            if box is None:
                box = [left, bottom, right, top]
            else:
                box = [min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top)]
        if current and box:
            words.append(("".join(current), (box[0] / width, 1 - box[3] / height, box[2] / width, 1 - box[1] / height)))
        text_page.close()
        page.close()
        return words
    finally:
        pdf.close()
