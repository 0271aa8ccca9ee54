"""The Whoosh (whoosh-reloaded) engine: embedded, pure Python, the default for ordinary libraries.

Fields hold the pre-analysed views split on spaces, so Whoosh does no language work of its own.
A commit is atomic (new segments, then the table of contents); a killed writer leaves the last
committed state readable, and the writer lock is an OS lock that dies with its process.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional, Sequence

from docmgr.search.engine import (BODY_FIELDS, TEXT_FIELDS, All, Bool, Hit, IndexDoc, IndexUnusable, Phrase, Prefix, Q, Range, Results,
                                  Term, index_fields)

_MAX_PREFIX_TERMS = 5000
NO_VALUE = "-"  # facet value of a document without a type or date (not counted)


def _schema() -> Any:
    from whoosh import analysis, fields

    ana = analysis.SpaceSeparatedTokenizer()
    text = {name: fields.TEXT(analyzer=ana, phrase=name not in BODY_FIELDS) for name in TEXT_FIELDS}
    return fields.Schema(id=fields.ID(stored=True, unique=True),
                         date=fields.NUMERIC(int, bits=32, sortable=True),
                         year=fields.ID(sortable=True), type_facet=fields.ID(sortable=True), **text)


class WhooshEngine:
    """A Whoosh index in one folder.

    Args:
        path: the index folder.
        create: make a new, empty index there (the folder is created).
    """

    name = "whoosh"

    def __init__(self, path: Path, *, create: bool) -> None:
        from whoosh import index

        self.path = path
        self._searcher: Any = None
        try:
            if create:
                path.mkdir(parents=True, exist_ok=True)
                self._ix = index.create_in(str(path), _schema())
            else:
                self._ix = index.open_dir(str(path))
                self._ix.doc_count()
        except Exception as exc:  # whoosh raises many types on damaged files
            raise IndexUnusable(f"cannot open the Whoosh index in {path}: {exc or type(exc).__name__}") from exc

    # -- reading ----------------------------------------------------------------------------
    def _search_with(self) -> Any:
        try:
            # Searcher.refresh() reuses segment readers and misses deletions: open afresh when the
            # index has a newer generation.
            if self._searcher is None or self._ix.latest_generation() != self._searcher.reader().generation():
                if self._searcher is not None:
                    self._searcher.close()
                self._searcher = self._ix.searcher()
        except Exception as exc:
            raise IndexUnusable(f"cannot read the Whoosh index in {self.path}: {exc}") from exc
        return self._searcher

    def search(self, query: Q, *, limit: int, sort: str = "relevance", facets: bool = True) -> Results:
        from whoosh import sorting

        s = self._search_with()
        kwargs: dict[str, Any] = {"limit": max(1, limit)}
        if sort == "date":
            kwargs["sortedby"] = sorting.FieldFacet("date", reverse=True)
        try:
            wq = _compile(query)
            r = s.search(wq, **kwargs)  # top hits only: Whoosh may skip low-scoring blocks
            hits = [Hit(int(h["id"]), float(h.score or 0.0)) for h in r][:limit]
            if r.has_exact_length() and not facets:
                return Results(total=len(r), hits=hits)
            docnums = list(s.docs_for_query(wq))  # every match, unscored: exact total and facets
            out = Results(total=len(docnums), hits=hits)
            if facets:
                out.facets = {"type": _count(s.reader(), "type_facet", docnums),
                              "year": _count(s.reader(), "year", docnums)}
        except IndexUnusable:
            raise
        except Exception as exc:
            raise IndexUnusable(f"cannot read the Whoosh index in {self.path}: {exc}") from exc
        return out

    def count(self, query: Q) -> int:
        return self.search(query, limit=1, facets=False).total

    def terms(self, field: str, prefix: str, limit: int) -> list[tuple[str, int]]:
        reader = self._search_with().reader()
        found: list[tuple[str, int]] = []
        for i, term in enumerate(reader.expand_prefix(field, prefix)):
            if i >= _MAX_PREFIX_TERMS:
                break
            text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
            found.append((text, reader.doc_frequency(field, text)))
        found.sort(key=lambda t: (-t[1], t[0]))
        return found[:limit]

    def doc_freq(self, field: str, term: str) -> int:
        return int(self._search_with().reader().doc_frequency(field, term))

    def doc_count(self) -> int:
        return int(self._search_with().doc_count())

    def ids(self) -> set[int]:
        return {int(f["id"]) for f in self._search_with().reader().all_stored_fields()}

    # -- writing ----------------------------------------------------------------------------
    def write(self, upserts: Sequence[IndexDoc], deletes: Sequence[int]) -> None:
        if not upserts and not deletes:
            return
        fresh = self._ix.doc_count_all() == 0
        writer = self._ix.writer(timeout=30.0, limitmb=128)
        try:
            for doc_id in deletes:
                writer.delete_by_term("id", str(doc_id))
            for doc in upserts:
                values = index_fields(doc)
                values["id"] = str(doc.id)
                # every document gets both facet columns (a segment without a column breaks Whoosh's
                # multi-segment column reader): NO_VALUE stands for "unknown"
                values["year"] = str(values.get("year") or NO_VALUE)
                values["type_facet"] = values["type_facet"] or NO_VALUE
                values = {k: v for k, v in values.items() if v != ""}
                (writer.add_document if fresh else writer.update_document)(**values)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self._ix.close()


def _count(reader: Any, field: str, docnums: list[int]) -> dict[str, int]:
    from collections import Counter

    column = reader.column_reader(field)
    counts = Counter(column[d] for d in docnums)
    out = {}
    for key, n in counts.items():
        text = key.decode("utf-8") if isinstance(key, bytes) else str(key)
        if text and text != NO_VALUE:
            out[text] = n
    return out


def _compile(q: Q) -> Any:
    from whoosh import query as wq

    if isinstance(q, Term):
        return wq.Term(q.field, q.text, boost=q.boost)
    if isinstance(q, Phrase):
        return wq.Phrase(q.field, list(q.terms), slop=q.slop + 1, boost=q.boost)
    if isinstance(q, Prefix):
        return wq.Prefix(q.field, q.text, boost=q.boost)
    if isinstance(q, Range):
        return wq.NumericRange(q.field, q.low, q.high)
    if isinstance(q, All):
        return wq.Every()
    assert isinstance(q, Bool)
    base: Optional[Any] = None
    if q.must:
        must = [_compile(c) for c in q.must]
        base = must[0] if len(must) == 1 else wq.And(must)
        if q.should:
            base = wq.AndMaybe(base, wq.Or([_compile(c) for c in q.should]))
    elif q.should:
        base = wq.Or([_compile(c) for c in q.should])
    else:
        base = wq.Every()
    if q.must_not:
        base = wq.AndNot(base, wq.Or([_compile(c) for c in q.must_not]))
    if q.boost != 1.0:
        base.boost = q.boost
    return base
