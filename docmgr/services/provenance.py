"""Where a field was read: the lines of the page it came from, and their boxes on the page image.

The classifier stores each field's source with the document (``show``'s ``sources``: field →
``{"page", "line", "last"}``, line indices of the page text). :func:`source_lines` gives those lines'
text; :func:`source_boxes` finds their words among the page's word boxes (OCR boxes, or a text
layer's character boxes through :mod:`docmgr.services.highlights`), so the review panel can draw
them on the page and a clerk sees at a glance why a field says what it says.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Optional

from docmgr.core.library import Library
from docmgr.core.text import fold, nfc
from docmgr.services.highlights import Box, word_boxes


def field_source(doc: Mapping[str, Any], key: str) -> Optional[dict[str, int]]:
    """The stored source of field ``key`` of a ``show`` dict (None when unknown or edited by hand)."""
    if key in (doc.get("edited") or []):
        return None
    src = (doc.get("sources") or {}).get(key)
    if not isinstance(src, dict) or not {"page", "line"} <= set(src):
        return None
    return {"page": int(src["page"]), "line": int(src["line"]), "last": int(src["last"] if "last" in src else src["line"])}


def source_lines(doc: Mapping[str, Any], source: Mapping[str, int]) -> list[str]:
    """The text of the source lines (from the ``show`` dict's pages)."""
    page = next((p for p in doc.get("pages") or [] if p.get("number") == source["page"]), None)
    if page is None:
        return []
    lines = str(page.get("text") or "").splitlines()
    return [ln.strip() for ln in lines[source["line"]:source["last"] + 1] if ln.strip()]


def _norm(word: str) -> str:
    return re.sub(r"[^\w/.-]", "", fold(nfc(word)).lower()).strip(".")


def match_lines(lines: list[str], words: list[tuple[str, Box]]) -> list[Box]:
    """One box per line of ``lines``, around its words among the page's ``words``: the longest run of
    consecutive page words equal to the line's words (compared folded, without punctuation)."""
    page = [_norm(w) for w, _ in words]
    out: list[Box] = []
    for line in lines:
        want = [t for t in (_norm(w) for w in line.split()) if t]
        best = (0, 0)  # (length, start)
        for i in range(len(page)):
            for j in range(len(want)):
                n = 0
                while i + n < len(page) and j + n < len(want) and page[i + n] == want[j + n] and page[i + n]:
                    n += 1
                if n > best[0]:
                    best = (n, i)
        if best[0]:
            run = [box for _, box in words[best[1]:best[1] + best[0]]]
            out.append((min(b[0] for b in run), min(b[1] for b in run), max(b[2] for b in run), max(b[3] for b in run)))
    return out


def source_boxes(library: Library, doc_id: int, doc: Mapping[str, Any], key: str) -> tuple[int, list[Box]]:
    """``(page, boxes)`` of where field ``key`` was read; ``(0, [])`` when there is nothing to draw."""
    source = field_source(doc, key)
    if source is None:
        return 0, []
    lines = source_lines(doc, source)
    return source["page"], match_lines(lines, word_boxes(library, doc_id, source["page"]))
