"""Where words sit on a page, for highlighting search hits on the page image.

Boxes are fractions of the page (left, top, right, bottom in 0..1), so they fit any zoom. OCR'd pages
use the word boxes the catalog keeps; pages of PDFs with a text layer use the layer's character boxes
(through pdfium), grouped into words. Matching ignores case and marks (``quyet`` matches ``Quyết``).
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from docmgr.core.library import Library
from docmgr.core.text import fold, nfc

Box = tuple[float, float, float, float]
MARK = re.compile(r"«([^«»]+)»")
_EDGE = re.compile(r"^\W+|\W+$")


def snippet_terms(snippet: str) -> list[str]:
    """The words a search snippet marked with « » (folded, without punctuation)."""
    out: list[str] = []
    for marked in MARK.findall(snippet or ""):
        for word in marked.split():
            key = _key(word)
            if key and key not in out:
                out.append(key)
    return out


def _key(word: str) -> str:
    return _EDGE.sub("", fold(nfc(word)).lower())


def word_boxes(library: Library, doc_id: int, number: int) -> list[tuple[str, Box]]:
    """``(word, box)`` for page ``number`` (1-based) of ``doc_id``; empty when the page has no positions."""
    pages = library.catalog.pages(doc_id, with_words=True)
    page = next((p for p in pages if p.number == number), None)
    if page is None:
        return []
    if page.words and page.width and page.height:
        w, h = float(page.width), float(page.height)
        return [(wd.text, (wd.left / w, wd.top / h, (wd.left + wd.width) / w, (wd.top + wd.height) / h))
                for wd in page.words]
    doc = library.catalog.get(doc_id)
    if doc.mime == "application/pdf":
        return _pdf_words(str(library.original_path(doc.sha256, doc.suffix)), number)
    return []


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


def hit_boxes(library: Library, doc_id: int, number: int, terms: Iterable[str]) -> list[Box]:
    """Boxes of the words of page ``number`` matching ``terms`` (folded words; a term ending in ``*``
    matches as a prefix)."""
    wanted = [_key(t.rstrip("*")) + ("*" if t.endswith("*") else "") for t in terms]
    wanted = [t for t in wanted if t.strip("*")]
    if not wanted:
        return []
    out = []
    for word, box in word_boxes(library, doc_id, number):
        key = _key(word)
        if any(key == t or (t.endswith("*") and key.startswith(t[:-1])) for t in wanted):
            out.append(box)
    return out
