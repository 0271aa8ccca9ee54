"""Best page and snippet of a hit, computed from the catalog's page text (the source of truth).

The same analysis as the index decides what matches, so a folded query marks the marked text
(``giay`` marks «giấy»), a word typed with marks marks that form (``đất``: «đất», not «đạt», unless the
page has only other markings of it) and an identifier query marks the whole identifier.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docmgr.core.text import nfc
from docmgr.search.analysis import TOKEN, token_forms
from docmgr.search.plan import Highlight

OPEN, CLOSE = "«", "»"
WINDOW = 24  # tokens in a snippet


def _matches(text: str, hl: Highlight) -> list[tuple[int, int, str]]:
    out = []
    hl = hl.within(text)
    for m in TOKEN.finditer(text):
        exact, folded = token_forms(m.group(0))
        if hl.matches(folded, exact):
            out.append((m.start(), m.end(), m.group(0)))
    return out


def best_page(pages: Sequence[tuple[int, str]], hl: Highlight) -> int | None:
    """The page with the most distinct (then most) matched terms; the first page when none match."""
    best, best_key = None, (-1, -1)
    for number, text in pages:
        found = _matches(nfc(text), hl)
        key = (len({t.lower() for _, _, t in found}), len(found))
        if key > best_key:
            best, best_key = number, key
    return best


def snippet(text: str, hl: Highlight, *, window: int = WINDOW) -> str:
    """About ``window`` words of ``text`` around its densest matches, matched words wrapped in «»."""
    text = nfc(text)
    tokens = list(TOKEN.finditer(text))
    if not tokens:
        return ""
    hl = hl.within(text)
    hits = [i for i, m in enumerate(tokens) if hl.matches(token_forms(m.group(0))[1], token_forms(m.group(0))[0])]
    start = 0
    if hits:
        best_count = -1
        for h in hits:
            lo = max(0, h - 3)
            count = len({tokens[i].group(0).lower() for i in hits if lo <= i < lo + window})
            if count > best_count:
                best_count, start = count, lo
    end = min(len(tokens), start + window)
    hit_set = set(hits)
    pieces: list[str] = []
    pos = tokens[start].start()
    for i in range(start, end):
        m = tokens[i]
        pieces.append(text[pos:m.start()])
        pieces.append(f"{OPEN}{m.group(0)}{CLOSE}" if i in hit_set else m.group(0))
        pos = m.end()
    if end < len(tokens):
        pieces.append(text[pos:tokens[end].start()].rstrip())
    body = re.sub(r"\s+", " ", "".join(pieces)).strip()
    return ("… " if start > 0 else "") + body + (" …" if end < len(tokens) else "")
