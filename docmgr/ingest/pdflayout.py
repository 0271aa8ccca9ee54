"""What a PDF page holds, read through pdfium: its text in reading order, its images, its invisible text.

pdfium gives a page's text in content-stream order, one run per line, with the spaces between words
already worked out from the glyph positions. Content order keeps a flowing column together, but
puts a table column by column and the two columns of an official header one after the other; so
the runs are placed the way pdfplumber's layout places its characters (and the way docmgr's header
and field rules read them): rows from the top of the page down — runs whose tops lie within
:data:`ROW_TOLERANCE` points of each other share a row — and, inside a row, left to right. That
costs two calls per run, not per character. Text drawn at an angle (a vertical margin note, a
page set sideways) stays in pdfium's order.

A glyph without a Unicode mapping (a font without ToUnicode) comes out of pdfium as its raw code;
such glyphs are written ``(cid:N)`` as pdfplumber writes them, so :mod:`docmgr.ingest.quality` sees
them. Only a sample of the characters is asked first (:data:`MAP_SAMPLE`); the whole page is
written out that way only when the sample finds unmapped glyphs.
"""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass
from typing import Any, Iterator

ROW_TOLERANCE = 3.0      # points: pdfplumber's default y_tolerance
MAP_SAMPLE = 16          # every this many characters is checked for a missing Unicode mapping
TILTED = 0.05            # radians: a run at more than this angle is not horizontal text
INVISIBLE = 3            # PDF text render mode 3: neither filled nor stroked (a scanner's OCR layer)
_RUN = re.compile(r"[^\r\n]+")


@dataclass
class PageFacts:
    """The page's objects: images (pixel sizes, share of the page they cover) and text objects."""

    image_sizes: list[tuple[int, int]]
    image_coverage: float
    text_objects: int
    invisible_text_objects: int

    @property
    def invisible_share(self) -> float:
        return self.invisible_text_objects / self.text_objects if self.text_objects else 0.0


def page_facts(page: Any, width: float, height: float) -> PageFacts:
    """Walk the page's objects (and those of its form XObjects, two levels down)."""
    import pypdfium2.raw as pdfium_c

    sizes: list[tuple[int, int]] = []
    covered = 0.0
    texts = invisible = 0
    w, h = ctypes.c_uint(), ctypes.c_uint()
    box = [ctypes.c_float() for _ in range(4)]
    for kind, obj in _objects(page.raw, pdfium_c):
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            texts += 1
            if pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == INVISIBLE:
                invisible += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            if pdfium_c.FPDFImageObj_GetImagePixelSize(obj, w, h):
                sizes.append((w.value, h.value))
            if pdfium_c.FPDFPageObj_GetBounds(obj, *box):
                left, bottom, right, top = (max(0.0, min(limit, v.value)) for v, limit in
                                            zip(box, (width, height, width, height)))
                covered += max(0.0, right - left) * max(0.0, top - bottom)
    area = width * height or 1.0
    return PageFacts(sizes, min(1.0, covered / area), texts, invisible)


def _objects(handle: Any, pdfium_c: Any, depth: int = 0, form: bool = False) -> Iterator[tuple[int, Any]]:
    count = pdfium_c.FPDFFormObj_CountObjects(handle) if form else pdfium_c.FPDFPage_CountObjects(handle)
    get = pdfium_c.FPDFFormObj_GetObject if form else pdfium_c.FPDFPage_GetObject
    for i in range(max(0, count)):
        obj = get(handle, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 2:
            yield from _objects(obj, pdfium_c, depth + 1, form=True)
        else:
            yield kind, obj


def page_text(textpage: Any) -> str:
    """The text of a pdfium text page, rows top to bottom, runs left to right inside a row."""
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return ""
    if any(pdfium_c.FPDFText_HasUnicodeMapError(raw, i) for i in range(0, count, MAP_SAMPLE)):
        unicode, unmapped = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_HasUnicodeMapError
        return _plain("".join(f"(cid:{unicode(raw, i)})" if unmapped(raw, i) else chr(unicode(raw, i))
                              for i in range(count)))   # it goes to OCR: no need for its layout
    text = textpage.get_text_range(0, count)
    if len(text) != count:   # characters outside the BMP: indexes no longer match, keep pdfium's order
        return _plain(text)
    rect = pdfium_c.FS_RECTF()
    flat: list[tuple[float, float, str]] = []
    tilted: list[str] = []
    for match in _RUN.finditer(text):
        run = match.group()
        stripped = run.strip()
        if not stripped:
            continue
        first = match.start() + len(run) - len(run.lstrip())
        angle = pdfium_c.FPDFText_GetCharAngle(raw, first)
        if angle > TILTED and abs(angle - 2 * math.pi) > TILTED:
            tilted.append(stripped)
            continue
        pdfium_c.FPDFText_GetLooseCharBox(raw, first, rect)
        flat.append((-rect.top, rect.left, stripped))
    if len(tilted) > len(flat):
        return _plain(text)
    return "\n".join([*_rows(flat), *tilted])


def _rows(runs: list[tuple[float, float, str]]) -> list[str]:
    runs.sort()
    rows: list[list[tuple[float, str]]] = []
    last = None
    for depth, left, run in runs:
        if last is None or depth - last > ROW_TOLERANCE:
            rows.append([])
        rows[-1].append((left, run))
        last = depth
    return [" ".join(run for _, run in sorted(row)) for row in rows]


def _plain(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
