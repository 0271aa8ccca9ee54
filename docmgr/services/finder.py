"""Search for a browsing UI, on top of :mod:`docmgr.services.search`: filters by type, year and status
next to the typed query, and where the query's words sit on each page (boxes to highlight).

Type and year filters become the query language's own ``type:`` and ``date:`` terms, so totals and
facets count them; the status filter (not in the index) keeps the hits whose document has that
status, looking at up to :data:`STATUS_WINDOW` hits.
"""

from __future__ import annotations

from typing import Any

from docmgr.core.library import Library
from docmgr.services.highlights import Box, all_word_boxes

STATUS_WINDOW = 500


def filtered_query(query: str, *, type_code: str | None = None, year: int | None = None) -> str:
    """``query`` with the type and year filters added in the query language."""
    parts = [query.strip()] if query.strip() else []
    if type_code:
        parts.append(f'type:"{type_code}"')
    if year:
        parts.append(f"date:{int(year)}")
    return " ".join(parts)


def find(library: Library, query: str, *, type_code: str | None = None, year: int | None = None,
         status: str | None = None, limit: int = 50) -> dict[str, Any]:
    """:func:`docmgr.services.search.search` with filters; the result has the same shape (CLI.md), and
    ``total`` counts the status filter only among the hits looked at."""
    from docmgr.services.search import search

    text = filtered_query(query, type_code=type_code, year=year)
    if not text:
        return {"query": query, "total": 0, "suggestion": None, "facets": {}, "hits": []}
    if status is None:
        return search(library, text, limit=limit)
    result = search(library, text, limit=STATUS_WINDOW)
    docs = {d.id: d for d in library.catalog.documents(status=None, ids=[h["id"] for h in result["hits"]])}
    kept = [h for h in result["hits"] if h["id"] in docs and docs[h["id"]].display_status == status]
    result["total"] = len(kept)
    result["hits"] = kept[:limit]
    return result


def query_boxes(library: Library, doc_id: int, query: str, *, max_pages: int = 200) -> dict[int, list[Box]]:
    """Page number → boxes of the words the query's free text matches (as the snippets mark them)."""
    from docmgr.search.analysis import TOKEN, token_forms
    from docmgr.search.plan import highlight
    from docmgr.search.query import parse

    hl = highlight(parse(query))
    if not hl.terms and not hl.prefixes and not hl.exact:
        return {}
    out: dict[int, list[Box]] = {}
    for number, words in all_word_boxes(library, doc_id, max_pages=max_pages).items():
        page = hl.within(" ".join(word for word, _ in words))
        boxes = [box for word, box in words
                 if any(page.matches(token_forms(tok)[1], token_forms(tok)[0]) for tok in TOKEN.findall(word))]
        if boxes:
            out[number] = boxes
    return out
