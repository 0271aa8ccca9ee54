"""Did-you-mean: unknown query words replaced by the closest indexed terms (edit distance, then frequency).

Engine-neutral: it asks the engine only for document frequencies and for terms sharing a first letter.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

from docmgr.core.errors import UsageError
from docmgr.search import query as qt
from docmgr.search.analysis import fast_fold, has_marks, words
from docmgr.search.engine import Engine
from docmgr.search.query import parse

CANDIDATES = 5000  # terms sharing the first letter looked at per unknown word


def did_you_mean(engine: Engine, query: str, node: qt.Node, execute: Callable[..., Any]) -> Optional[str]:
    """The query with unknown words replaced by the closest indexed ones, when that finds something.

    Args:
        execute: runs a parsed query on ``engine`` the way the search service does (to check that the
            suggestion finds documents).
    """
    changed = query
    for word in _free_words(node):
        for tok in words(word):
            marks = has_marks(tok)
            field, form = ("exact", tok) if marks else ("folded", fast_fold(tok))
            if len(form) < 3 or engine.doc_freq(field, form) > 0:
                continue
            best = _closest(form, engine.terms(field, form[:1], CANDIDATES))
            if best is not None:
                changed = changed.replace(word, word.replace(tok, best) if tok in word else best, 1)
    if changed == query:
        return None
    try:
        results, _ = execute(engine, parse(changed), 1, "relevance")
    except UsageError:  # the rewritten query does not parse: no suggestion
        return None
    return changed if results.total > 0 else None


def _free_words(node: qt.Node) -> list[str]:
    if isinstance(node, qt.Word) and node.field is None and not node.prefix:
        return [node.text]
    if isinstance(node, (qt.And, qt.Or)):
        return [w for c in node.children for w in _free_words(c)]
    return []


def _closest(word: str, candidates: Sequence[tuple[str, int]]) -> Optional[str]:
    limit = 1 if len(word) <= 4 else 2
    best: Optional[tuple[int, int, str]] = None
    for term, df in candidates:
        if abs(len(term) - len(word)) > limit or "/" in term:
            continue
        d = _distance(word, term, limit)
        if d <= limit and (best is None or (d, -df) < (best[0], best[1])):
            best = (d, -df, term)
    return best[2] if best else None


def _distance(a: str, b: str, cap: int) -> int:
    """Levenshtein distance (stops early above ``cap``)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > cap:
            return cap + 1
        prev = cur
    return prev[-1]
