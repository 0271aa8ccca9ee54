"""Did-you-mean: each unknown query word replaced in place by the closest word the index holds.

Candidates are indexed terms sharing the word's first letter, within an edit distance (Damerau:
a swap of two letters is one edit, "gai" → "gia"); the nearest win, then those that stand next to
the neighbouring query word somewhere in the library (the ``pairs`` field: "danh gai" → "danh gia",
not "danh gan"), then the most frequent. The query text is kept as typed around the replaced words:
no word is ever dropped, and a word with no candidate stays as it is.

Engine-neutral: it asks the engine only for document frequencies and for terms sharing a first letter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from docmgr.core.errors import UsageError
from docmgr.core.text import nfc
from docmgr.search import query as qt
from docmgr.search.analysis import TOKEN, exact_form, fast_fold, has_marks, words
from docmgr.search.engine import Engine
from docmgr.search.query import parse

CANDIDATES = 5000  # terms sharing the first letter looked at per unknown word


def did_you_mean(engine: Engine, query: str, node: qt.Node, execute: Callable[..., Any]) -> str | None:
    """The query with unknown words replaced by the closest indexed ones, when that finds something.

    Args:
        execute: runs a parsed query on ``engine`` the way the search service does (to check that the
            suggestion finds documents).
    """
    text = nfc(query)
    free = {tok for word in _free_words(node) for tok in words(word)}
    spans = [(m.start(), m.end(), exact_form(m.group(0))) for m in TOKEN.finditer(text)]
    spans = [s for s in spans if s[2] in free and not _in_field(text, s[0])]
    pieces: list[str] = []
    pos = 0
    for k, (start, end, tok) in enumerate(spans):
        best = _replacement(engine, tok, spans[k - 1][2] if k else None, spans[k + 1][2] if k + 1 < len(spans) else None)
        if best is not None:
            pieces += [text[pos:start], best]
            pos = end
    if not pieces:
        return None
    changed = "".join(pieces) + text[pos:]
    try:
        results, _ = execute(engine, parse(changed), 1, "relevance")
    except UsageError:  # the rewritten query does not parse: no suggestion
        return None
    return changed if results.total > 0 else None


def _in_field(text: str, start: int) -> bool:
    """True when the token at ``start`` is the value of a ``field:`` (left as typed)."""
    head = text[:start]
    word_start = max(head.rfind(" "), head.rfind("("), head.rfind('"')) + 1
    return ":" in text[word_start:start]


def _replacement(engine: Engine, tok: str, before: str | None, after: str | None) -> str | None:
    marks = has_marks(tok)
    field, form = ("exact", tok) if marks else ("folded", fast_fold(tok))
    if len(form) < 3 or form.isdigit() or engine.doc_freq(field, form) > 0:
        return None
    limit = 1 if len(form) <= 4 else 2
    scored = []
    for term, df in engine.terms(field, form[:1], CANDIDATES):
        if abs(len(term) - len(form)) > limit or "/" in term:
            continue
        d = _distance(form, term, limit)
        if d <= limit:
            scored.append((d, -_context(engine, term, before, after), -df, term))
    return min(scored)[3] if scored else None


def _context(engine: Engine, term: str, before: str | None, after: str | None) -> int:
    """In how many documents ``term`` stands next to its neighbouring query words."""
    folded = fast_fold(term)
    return sum(engine.doc_freq("pairs", pair) for pair in
               ([f"{fast_fold(before)}_{folded}"] if before else []) + ([f"{folded}_{fast_fold(after)}"] if after else []))


def _free_words(node: qt.Node) -> list[str]:
    if isinstance(node, qt.Word) and node.field is None and not node.prefix:
        return [node.text]
    if isinstance(node, (qt.And, qt.Or)):
        return [w for c in node.children for w in _free_words(c)]
    return []


def _distance(a: str, b: str, cap: int) -> int:
    """Damerau–Levenshtein distance, optimal string alignment (a swap of neighbours is one edit);
    stops early above ``cap``."""
    prev2: Sequence[int] = ()
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > cap:
            return cap + 1
        prev2, prev = prev, cur
    return prev[-1]
