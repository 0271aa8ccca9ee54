"""The Whoosh (whoosh-reloaded) engine: embedded, pure Python, the default for ordinary libraries.

Fields hold the pre-analysed views split on spaces, so Whoosh does no language work of its own.
Whoosh stores the index and matches phrases; queries are scored over whole posting lists by
:mod:`docmgr.search.whoosh_scoring` (numpy), which is what keeps common words fast.
A commit is atomic (new segments, then the table of contents); a killed writer leaves the last
committed state readable, and the writer lock is an OS lock that dies with its process.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Sequence

from docmgr.search.engine import BODY_FIELDS, TEXT_FIELDS, Hit, IndexDoc, Q, Results, engine_error, index_fields

_MAX_PREFIX_TERMS = 5000
NO_VALUE = "-"  # facet value of a document without a type or date (not counted)
BUILD_MB = 256  # memory of a rebuild's writer before it spills to disk


def _error(exc: BaseException, path: Path) -> Exception:
    """Damage (Whoosh's own index errors, truncated or missing files, OS errors) or an engine failure."""
    import pickle
    import struct
    import zlib

    from whoosh.index import IndexError as WhooshIndexError

    damage = (WhooshIndexError, OSError, EOFError, struct.error, zlib.error, pickle.UnpicklingError)
    return engine_error(exc, "Whoosh", path, isinstance(exc, damage))


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
        self._arrays: Any = None  # whoosh_scoring.Arrays of the current searcher
        try:
            if create:
                path.mkdir(parents=True, exist_ok=True)
                self._ix = index.create_in(str(path), _schema())
            else:
                self._ix = index.open_dir(str(path))
                self._searcher = self._ix.searcher()  # opened once: it checks the index and serves queries
        except Exception as exc:
            raise _error(exc, path) from exc

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
            raise _error(exc, self.path) from exc
        return self._searcher

    def search(self, query: Q, *, limit: int, sort: str = "relevance", facets: bool = True) -> Results:
        from docmgr.search.whoosh_scoring import Arrays

        s = self._search_with()
        try:
            if self._arrays is None or self._arrays.searcher is not s:
                self._arrays = Arrays(s, NO_VALUE)
            arrays = self._arrays
            mask, score = arrays.run(query)
            top = arrays.top(mask, score, max(1, limit), sort)
            hits = [Hit(int(s.stored_fields(d)["id"]), 0.0 if sort == "date" else float(score[d])) for d in top]
            out = Results(total=int(mask.sum()), hits=hits[:limit])
            if facets and out.total:
                out.facets = {"type": arrays.facet("type_facet", mask), "year": arrays.facet("year", mask)}
        except Exception as exc:
            raise _error(exc, self.path) from exc
        return out

    def count(self, query: Q) -> int:
        return self.search(query, limit=1, facets=False).total

    def terms(self, field: str, prefix: str, limit: int) -> list[tuple[str, int]]:
        try:
            reader = self._search_with().reader()
            found: list[tuple[str, int]] = []
            for i, term in enumerate(reader.expand_prefix(field, prefix)):
                if i >= _MAX_PREFIX_TERMS:
                    break
                text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
                found.append((text, reader.doc_frequency(field, text)))
        except Exception as exc:
            raise _error(exc, self.path) from exc
        found.sort(key=lambda t: (-t[1], t[0]))
        return found[:limit]

    def doc_freq(self, field: str, term: str) -> int:
        try:
            return int(self._search_with().reader().doc_frequency(field, term))
        except Exception as exc:
            raise _error(exc, self.path) from exc

    def doc_count(self) -> int:
        try:
            return int(self._search_with().doc_count())
        except Exception as exc:
            raise _error(exc, self.path) from exc

    def ids(self) -> set[int]:
        try:
            return {int(f["id"]) for f in self._search_with().reader().all_stored_fields()}
        except Exception as exc:
            raise _error(exc, self.path) from exc

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
                (writer.add_document if fresh else writer.update_document)(**_values(doc))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def build(self, docs: Iterable[IndexDoc]) -> int:
        # one writer: its pool spills sorted runs to disk past limitmb and merges them once at the
        # commit, instead of a segment (and merges) per chunk
        writer = self._ix.writer(limitmb=BUILD_MB)
        added = 0
        try:
            for doc in docs:
                writer.add_document(**_values(doc))
                added += 1
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=False)
        return added

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self._arrays = None
        self._ix.close()


def _values(doc: IndexDoc) -> dict[str, Any]:
    """A document's stored and indexed values as Whoosh takes them."""
    values = index_fields(doc)
    values["id"] = str(doc.id)
    # every document gets both facet columns (a segment without a column breaks Whoosh's
    # multi-segment column reader): NO_VALUE stands for "unknown"
    values["year"] = str(values.get("year") or NO_VALUE)
    values["type_facet"] = values["type_facet"] or NO_VALUE
    return {k: v for k, v in values.items() if v != ""}
