"""The tantivy (tantivy-py) engine: a Rust index for large libraries, chosen by the library setting.

Fields use tantivy's ``whitespace`` tokenizer over the pre-analysed views, so both engines see the
same terms. A commit is atomic (``meta.json`` is replaced last); a killed writer leaves the last
commit readable and its lock file is an OS lock.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable, Sequence

from docmgr.search.engine import (BODY_FIELDS, TEXT_FIELDS, All, Bool, Const, Hit, IndexDoc, IndexUnusable, Phrase, Prefix,
                                  Q, Range, Results, Term, engine_error, index_fields)

_HEAP = 64_000_000


# tantivy-py raises ValueError for everything; its damage errors are known by their text
_DAMAGE = ("Data corrupted", "Data corruption", "Failed to open file", "IoError", "FileDoesNotExist", "corrupt")


def _error(exc: BaseException, path: Path) -> Exception:
    """Damage (tantivy's corruption and I/O errors, missing files, OS errors) or an engine failure."""
    damaged = isinstance(exc, OSError) or (isinstance(exc, ValueError) and any(w in str(exc) for w in _DAMAGE))
    return engine_error(exc, "tantivy", path, damaged)


def _schema() -> Any:
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("id", stored=True, indexed=True, fast=True)
    for name in TEXT_FIELDS:
        sb.add_text_field(name, stored=False, tokenizer_name="whitespace",
                          index_option="freq" if name in BODY_FIELDS else "position")
    sb.add_integer_field("date", indexed=True, fast=True)
    sb.add_integer_field("year", indexed=True, fast=True)
    sb.add_text_field("type_facet", stored=False, fast=True, tokenizer_name="raw")
    return sb.build()


class TantivyEngine:
    """A tantivy index in one folder.

    Args:
        path: the index folder.
        create: make a new, empty index there (the folder is created).
    """

    name = "tantivy"

    def __init__(self, path: Path, *, create: bool) -> None:
        import tantivy

        self.path = path
        self._schema = _schema()
        try:
            if create:
                path.mkdir(parents=True, exist_ok=True)
                self._index = tantivy.Index(self._schema, path=str(path), reuse=False)
            else:
                if not tantivy.Index.exists(str(path)):
                    raise IndexUnusable(f"no tantivy index in {path}")
                self._index = tantivy.Index.open(str(path))
                self._index.searcher().num_docs
        except IndexUnusable:
            raise
        except Exception as exc:
            raise _error(exc, path) from exc

    def _searcher(self) -> Any:
        try:
            self._index.reload()
            return self._index.searcher()
        except Exception as exc:
            raise _error(exc, self.path) from exc

    # -- reading ----------------------------------------------------------------------------
    def search(self, query: Q, *, limit: int, sort: str = "relevance", facets: bool = True) -> Results:
        s = self._searcher()
        try:
            q = self._compile(query)
            kwargs: dict[str, Any] = {"limit": max(1, limit), "count": True}
            if sort == "date":
                kwargs["order_by_field"] = "date"
            r = s.search(q, **kwargs)
            addrs = [a for _, a in r.hits]
            ids = s.fast_field_values("id", addrs) if addrs else []
            scores = [float(k) if sort != "date" else 0.0 for k, _ in r.hits]
            out = Results(total=int(r.count or 0), hits=[Hit(int(i), sc) for i, sc in zip(ids, scores)][:limit])
            if facets and out.total:
                agg = s.aggregate(q, {"type": {"terms": {"field": "type_facet", "size": 200}},
                                      "year": {"terms": {"field": "year", "size": 200}}})
                out.facets = {
                    "type": {str(b["key"]): int(b["doc_count"]) for b in agg["type"]["buckets"] if b["key"] != ""},
                    "year": {str(int(b["key"])): int(b["doc_count"]) for b in agg["year"]["buckets"]},
                }
        except Exception as exc:
            raise _error(exc, self.path) from exc
        return out

    def count(self, query: Q) -> int:
        return self.search(query, limit=1, facets=False).total

    def terms(self, field: str, prefix: str, limit: int) -> list[tuple[str, int]]:
        try:
            return [(str(t), int(n)) for t, n in self._searcher().terms_with_prefix(field, prefix, limit=limit)]
        except Exception as exc:
            raise _error(exc, self.path) from exc

    def doc_freq(self, field: str, term: str) -> int:
        try:
            return int(self._searcher().doc_freq(field, term))
        except Exception as exc:
            raise _error(exc, self.path) from exc

    def doc_count(self) -> int:
        return int(self._searcher().num_docs)

    def ids(self) -> set[int]:
        import tantivy

        s = self._searcher()
        try:
            n = s.num_docs
            if not n:
                return set()
            r = s.search(tantivy.Query.all_query(), limit=n, count=False)
            return {int(i) for i in s.fast_field_values("id", [a for _, a in r.hits])}
        except Exception as exc:
            raise _error(exc, self.path) from exc

    # -- writing ----------------------------------------------------------------------------
    def write(self, upserts: Sequence[IndexDoc], deletes: Sequence[int]) -> None:
        import tantivy

        if not upserts and not deletes:
            return
        writer = self._index.writer(_HEAP, 1)
        try:
            for doc_id in {*deletes, *(d.id for d in upserts)}:
                writer.delete_documents_by_term("id", doc_id)
            for doc in upserts:
                values = index_fields(doc)
                writer.add_document(tantivy.Document(**{k: [v] for k, v in values.items()}))
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()
        self._index.reload()

    def build(self, docs: Iterable[IndexDoc]) -> int:
        import tantivy

        writer = self._index.writer(_HEAP, 1)  # tantivy flushes a segment each time the heap fills
        added = 0
        try:
            for doc in docs:
                writer.add_document(tantivy.Document(**{k: [v] for k, v in index_fields(doc).items()}))
                added += 1
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()
        self._index.reload()
        return added

    def close(self) -> None:
        self._index = None  # type: ignore[assignment]

    # -- queries ----------------------------------------------------------------------------
    def _compile(self, q: Q) -> Any:
        import tantivy

        Query = tantivy.Query
        if isinstance(q, Term):
            out = Query.term_query(self._schema, q.field, q.text)
        elif isinstance(q, Phrase):
            out = Query.phrase_query(self._schema, q.field, list(q.terms), slop=q.slop)
        elif isinstance(q, Prefix):
            out = Query.regex_query(self._schema, q.field, re.escape(q.text) + ".*")
        elif isinstance(q, Range):
            out = Query.range_query(self._schema, q.field, tantivy.FieldType.Integer, q.low, q.high)
        elif isinstance(q, All):
            out = Query.all_query()
        elif isinstance(q, Const):
            return Query.const_score_query(self._compile(q.query), q.score)
        else:
            assert isinstance(q, Bool)
            clauses = ([(tantivy.Occur.Must, self._compile(c)) for c in q.must]
                       + [(tantivy.Occur.Should, self._compile(c)) for c in q.should]
                       + [(tantivy.Occur.MustNot, self._compile(c)) for c in q.must_not])
            if not q.must and not q.should:
                clauses.append((tantivy.Occur.Must, Query.all_query()))
            out = Query.boolean_query(clauses)
        boost = getattr(q, "boost", 1.0)
        return Query.boost_query(out, boost) if boost != 1.0 else out
