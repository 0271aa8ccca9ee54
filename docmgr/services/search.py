"""Search use cases: queries, autocomplete, "more like this" — reads of the index as it is (they never
write it: the writers keep it up to date, :mod:`docmgr.services.indexing`); an index that turns out
damaged is rebuilt, once per generation."""

from __future__ import annotations

import logging
from typing import Any, Callable, Optional

from docmgr.core.errors import LibraryError
from docmgr.core.library import Library
from docmgr.records.privacy import mask_id_numbers, numbers_in
from docmgr.search import (Engine, IndexUnusable, best_page, can_relax, fast_fold, has_marks, highlight, parse, plan,
                           snippet, words)
from docmgr.search import query as qt
from docmgr.search.engine import Bool, Term
from docmgr.search.plan import engine_stats, relax_first
from docmgr.search.suggest import did_you_mean
from docmgr.services.indexing import Notice, index_doc, open_index, reindex, store_of, title_of, type_name

log = logging.getLogger(__name__)


def _reader(library: Library, notice: Optional[Notice]) -> Engine:
    """The index as it is now, for reading. A read never writes: bringing the index up to date is the
    writer's work (ingest, edits, trash); only a missing, stale or damaged index is rebuilt here."""
    return open_index(library, notice=notice)


def _rebuild(library: Library, notice: Optional[Notice], why: str) -> None:
    (notice or log.warning)(f"the search index {why}; rebuilding it from the catalog")
    reindex(library)


_REBUILT: set[tuple[str, str]] = set()  # (index folder, generation) made by a rebuild after damage


def _with_retry(library: Library, engine: Engine, notice: Optional[Notice],
                work: Callable[[Engine], Any]) -> tuple[Engine, Any]:
    """Run ``work``; when the index turns out damaged, rebuild it — at most once per index generation
    (a generation that a rebuild made is not rebuilt again in this process), unless another process
    already replaced it — and run once more. Any other engine error
    (:class:`~docmgr.search.engine.EngineFailed`) is raised as it is: a bug is not damage. Returns the
    engine in use (to close) and the result.

    Raises:
        LibraryError: the index is still unreadable after its rebuild.
    """
    try:
        return engine, work(engine)
    except IndexUnusable as exc:
        failed = getattr(engine, "path", None)
        engine.close()
        current = store_of(library).pointer().get("dir")
        if failed is None or current == failed.name:
            if (str(library.paths.index), str(current)) in _REBUILT:
                raise LibraryError(f"the search index is damaged again after its rebuild ({exc}); "
                                   "see the library log, then run docmgr reindex") from exc
            _rebuild(library, notice, f"is damaged ({exc})")
            _REBUILT.add((str(library.paths.index), str(store_of(library).pointer().get("dir"))))
    engine = open_index(library, notice=notice)
    try:
        return engine, work(engine)
    except IndexUnusable as exc:
        engine.close()
        raise LibraryError(f"the search index is unreadable even after its rebuild ({exc}); "
                           "see the library log, then run docmgr reindex") from exc


# -- queries ---------------------------------------------------------------------------------------
def search(library: Library, query: str, *, limit: int = 20, sort: str = "relevance",
           notice: Optional[Notice] = None, unmasked: bool = False) -> dict[str, Any]:
    """Run a query; the result is shaped as ``docmgr search --json`` prints it (see CLI.md). Personal ID
    numbers in snippets are masked unless ``unmasked``.

    Raises:
        UsageError: bad query syntax (the message says what is wrong).
    """
    node = parse(query)
    engine = _reader(library, notice)
    try:
        engine, (results, strict) = _with_retry(library, engine, notice, lambda e: execute(e, node, limit, sort))
        suggestion = did_you_mean(engine, query, node, execute) if strict == 0 else None
    finally:
        engine.close()
    hl = highlight(node)
    typed = numbers_in(query)
    docs = {d.id: d for d in library.catalog.documents(ids=[h.id for h in results.hits])}
    hits = []
    for h in results.hits:
        doc = docs.get(h.id)
        if doc is None:  # trashed since the index was written
            continue
        pages = [(p.number, p.text) for p in library.catalog.pages(doc.id)]
        page = best_page(pages, hl) if pages else None
        text = next((t for n, t in pages if n == page), "")
        # personal ID numbers masked unless asked, or unless the query names them (the user knows them)
        shown = (lambda s: s) if unmasked else (lambda s: mask_id_numbers(s, keep=typed))
        hits.append({"id": doc.id, "filename": doc.filename, "title": shown(title_of(doc)), "type": type_name(doc),
                     "score": round(h.score, 4), "page": page, "snippet": shown(snippet(text, hl))})
    return {"query": query, "total": results.total, "suggestion": suggestion,
            "facets": results.facets, "hits": hits}


def execute(engine: Engine, node: qt.Node, limit: int, sort: str) -> tuple[Any, int]:
    """Results and the all-words total (0 asks for a did-you-mean).

    Short queries require all their words (any word when that finds nothing); a long one (a question)
    is run at once in its "any word, best first" form.
    """
    stats = engine_stats(engine)
    if relax_first(node):
        results = engine.search(plan(node, relaxed=True, stats=stats), limit=limit, sort=sort)
        return results, results.total
    results = engine.search(plan(node, stats=stats), limit=limit, sort=sort)
    strict = results.total
    if strict == 0 and can_relax(node):
        results = engine.search(plan(node, relaxed=True, stats=stats), limit=limit, sort=sort)
    return results, strict


def suggest(library: Library, prefix: str, *, limit: int = 8) -> list[str]:
    """Autocomplete: whole queries completing the last word of ``prefix``, most frequent first."""
    head, _, last = prefix.rpartition(" ")
    toks = words(last)
    if not toks:
        return []
    tok = toks[-1]
    field, form = ("exact", tok) if has_marks(tok) else ("folded", fast_fold(tok))
    engine = _reader(library, None)
    try:
        found = engine.terms(field, form, limit * 3)
    finally:
        engine.close()
    out = [f"{head} {term}".strip() for term, _ in found if "/" not in term or "/" in form]
    return out[:limit]


def more_like_this(library: Library, doc_id: int, *, limit: int = 10, terms: int = 25) -> list[dict[str, Any]]:
    """Documents sharing the most distinctive terms of ``doc_id`` (tf·idf over the index)."""
    import math
    from collections import Counter

    from docmgr.search import analyse

    doc = library.catalog.get(doc_id)
    entry = index_doc(library, doc)
    counts = Counter(t for t in analyse(" ".join(text for _, text in entry.pages) + " " + entry.title).folded.split()
                     if len(t) > 1 and not t.isdigit())
    engine = _reader(library, None)
    try:
        n = max(1, engine.doc_count())
        weighted = []
        for term, tf in counts.most_common(200):
            df = engine.doc_freq("folded", term)
            if 0 < df < n:
                weighted.append((tf * math.log(n / df), term))
        weighted.sort(reverse=True)
        q = Bool(should=tuple(Term("folded", t) for _, t in weighted[:terms]))
        results = engine.search(q, limit=limit + 1, facets=False) if weighted else None
    finally:
        engine.close()
    if results is None:
        return []
    hits = [h for h in results.hits if h.id != doc_id][:limit]
    docs = {d.id: d for d in library.catalog.documents(ids=[h.id for h in hits])}
    return [{"id": h.id, "filename": docs[h.id].filename, "title": title_of(docs[h.id]),
             "type": type_name(docs[h.id]), "score": round(h.score, 4)} for h in hits if h.id in docs]
