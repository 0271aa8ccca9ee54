"""Query evaluation for the Whoosh engine over whole posting lists, with numpy.

Whoosh stores the index; scoring it document by document in Python costs ~10 µs per matching
document and per clause, which is 100+ ms when common syllables match most of a 10k library. Here a
query is evaluated clause by clause on dense arrays (one slot per document number): a term is one
read of its posting list (block by block), then BM25 (k1 1.2, b 0.75, Lucene's idf, as tantivy
scores) over it; ``Bool`` combines masks and adds scores; the top hits, the exact total and the
facets come from the same arrays. Phrases are matched by Whoosh (positions) and scored as the sum
of their terms. Posting arrays, field lengths and facet columns are cached per searcher (a searcher
is one committed generation of the index, so the cache is never stale).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Any, Optional

import numpy as np

from docmgr.search.engine import All, Bool, Const, Phrase, Prefix, Q, Range, Term

K1, B = 1.2, 0.75
CACHE_POSTINGS = 4_000_000  # posting entries kept across queries (~50 MB)
MAX_PREFIX_TERMS = 2000
# how the arrays are read: "fast" (Whoosh's W3 codec read directly, in blocks), or the slower fallbacks
# taken for another codec — "column" (lengths through the column reader, postings one by one) and
# "per-document" (lengths asked document by document); tests force each and compare the rankings
PATHS = ("fast", "column", "per-document")
PATH = "fast"


class Arrays:
    """Dense per-document arrays of one Whoosh searcher, filled lazily and cached."""

    def __init__(self, searcher: Any, no_value: str) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.leaves = list(self.reader.leaf_readers())
        self.n = int(self.reader.doc_count_all())
        self.no_value = no_value
        self.live = np.ones(self.n, dtype=bool)
        if self.reader.has_deletions():
            self.live[:] = False
            self.live[np.fromiter(self.reader.all_doc_ids(), dtype=np.int64)] = True
        self._lengths: dict[str, tuple[np.ndarray, float]] = {}
        self._postings: OrderedDict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._cached = 0
        self._columns: dict[str, tuple[np.ndarray, list[str]]] = {}
        self._numbers: dict[str, np.ndarray] = {}

    # -- raw data -------------------------------------------------------------------------------
    def postings(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Document numbers and term frequencies of ``text`` in ``field`` (empty when absent)."""
        key = (field, text)
        hit = self._postings.get(key)
        if hit is not None:
            self._postings.move_to_end(key)
            return hit
        ids: list[Any] = []
        tfs: list[Any] = []
        for leaf, base in self.leaves:
            if (field, text) not in leaf:
                continue
            _read_leaf(leaf.postings(field, text), base, ids, tfs)
        out = (np.concatenate(ids).astype(np.int64) if ids else np.zeros(0, np.int64),
               np.concatenate(tfs).astype(np.float32) if tfs else np.zeros(0, np.float32))
        self._postings[key] = out
        self._cached += len(out[0])
        while self._cached > CACHE_POSTINGS and len(self._postings) > 1:
            _, old = self._postings.popitem(last=False)
            self._cached -= len(old[0])
        return out

    def lengths(self, field: str) -> tuple[np.ndarray, float]:
        """Field length of every document and their mean over live documents."""
        if field not in self._lengths:
            arr = np.zeros(self.n, dtype=np.float32)
            for leaf, base in self.leaves:
                arr[base:base + leaf.doc_count_all()] = _leaf_lengths(leaf, field)
            live = arr[self.live]
            self._lengths[field] = (arr, float(live.mean()) if live.size and live.mean() > 0 else 1.0)
        return self._lengths[field]

    def column(self, field: str) -> tuple[np.ndarray, list[str]]:
        """A text column as codes per document and the code → value table."""
        if field not in self._columns:
            table: dict[str, int] = {}
            codes = np.zeros(self.n, dtype=np.int32)
            for leaf, base in self.leaves:
                values = list(leaf.column_reader(field, translate=False)) if leaf.has_column(field) else []
                codes[base:base + len(values)] = [table.setdefault(v, len(table)) for v in values]
            names = [v.decode("utf-8") if isinstance(v, bytes) else str(v or "") for v in table]
            self._columns[field] = (codes, names)
        return self._columns[field]

    def numbers(self, field: str) -> np.ndarray:
        """A numeric column per document (0 where missing)."""
        if field not in self._numbers:
            arr = np.zeros(self.n, dtype=np.int64)
            for leaf, base in self.leaves:
                if leaf.has_column(field):
                    vals = list(leaf.column_reader(field))
                    arr[base:base + len(vals)] = [int(v or 0) for v in vals]
            self._numbers[field] = arr
        return self._numbers[field]

    # -- evaluation -----------------------------------------------------------------------------
    def run(self, q: Q) -> tuple[np.ndarray, np.ndarray]:
        """(mask, score) of a query over the live documents (posting lists still hold deleted ones)."""
        mask, score = self.evaluate(q)
        mask = mask & self.live
        return mask, np.where(mask, score, 0).astype(np.float32)

    def evaluate(self, q: Q) -> tuple[np.ndarray, np.ndarray]:
        """(mask, score) of a low-level query over every document number."""
        if isinstance(q, Term):
            return self._term(q.field, q.text, q.boost)
        if isinstance(q, Phrase):
            return self._phrase(q)
        if isinstance(q, Prefix):
            return self._prefix(q)
        if isinstance(q, Range):
            values = self.numbers(q.field)
            mask = values > 0
            if q.low is not None:
                mask &= values >= q.low
            if q.high is not None:
                mask &= values <= q.high
            return mask, np.zeros(self.n, np.float32)
        if isinstance(q, All):
            return self.live.copy(), np.zeros(self.n, np.float32)
        if isinstance(q, Const):
            matched = self.evaluate(q.query)[0]
            return matched, np.where(matched, np.float32(q.score), np.float32(0)).astype(np.float32)
        assert isinstance(q, Bool)
        score = np.zeros(self.n, np.float32)
        mask: Optional[np.ndarray] = None
        for sub in q.must:
            m, s = self.evaluate(sub)
            mask = m if mask is None else mask & m
            score += s
        if q.should:
            any_should = np.zeros(self.n, dtype=bool)
            for sub in q.should:
                m, s = self.evaluate(sub)
                any_should |= m
                score += s
            if mask is None:
                mask = any_should
        if mask is None:
            mask = self.live.copy()
        for sub in q.must_not:
            mask &= ~self.evaluate(sub)[0]
        mask &= self.live
        score = np.where(mask, score * q.boost, 0).astype(np.float32)
        return mask, score

    def _term(self, field: str, text: str, boost: float) -> tuple[np.ndarray, np.ndarray]:
        ids, tf = self.postings(field, text)
        mask = np.zeros(self.n, dtype=bool)
        score = np.zeros(self.n, np.float32)
        if len(ids):
            mask[ids] = True
            lengths, avg = self.lengths(field)
            df = len(ids)
            idf = math.log(1 + (self.n - df + 0.5) / (df + 0.5))
            norm = K1 * ((1 - B) + B * lengths[ids] / avg)
            score[ids] = boost * idf * tf * (K1 + 1) / (tf + norm)
        return mask, score

    def _phrase(self, q: Phrase) -> tuple[np.ndarray, np.ndarray]:
        from whoosh import query as wq

        mask = np.zeros(self.n, dtype=bool)
        docs = list(self.searcher.docs_for_query(wq.Phrase(q.field, list(q.terms), slop=q.slop + 1)))
        if docs:
            mask[np.asarray(docs, dtype=np.int64)] = True
        score = np.zeros(self.n, np.float32)
        for term in dict.fromkeys(q.terms):
            score += self._term(q.field, term, q.boost)[1]
        return mask, np.where(mask, score, 0).astype(np.float32)

    def _prefix(self, q: Prefix) -> tuple[np.ndarray, np.ndarray]:
        mask = np.zeros(self.n, dtype=bool)
        for i, term in enumerate(self.reader.expand_prefix(q.field, q.text)):
            if i >= MAX_PREFIX_TERMS:
                break
            text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
            mask[self.postings(q.field, text)[0]] = True
        return mask, np.where(mask, np.float32(q.boost), np.float32(0)).astype(np.float32)

    # -- results --------------------------------------------------------------------------------
    def top(self, mask: np.ndarray, score: np.ndarray, limit: int, sort: str) -> list[int]:
        """Document numbers of the best ``limit`` matches (by score, or newest date first)."""
        matched = np.flatnonzero(mask)
        if not len(matched):
            return []
        if sort == "date":
            key = -self.numbers("date")[matched].astype(np.float64)
            order = np.lexsort((matched, key))[:limit]
            return [int(d) for d in matched[order]]
        s = score[matched]
        if len(matched) > limit:
            part = np.argpartition(-s, limit - 1)[:limit]
            matched, s = matched[part], s[part]
        order = np.lexsort((matched, -s))
        return [int(d) for d in matched[order]]

    def facet(self, field: str, mask: np.ndarray) -> dict[str, int]:
        """Counts of the values of a facet column over the matching documents."""
        codes, table = self.column(field)
        counts = np.bincount(codes[mask], minlength=len(table))
        return {table[i]: int(c) for i, c in enumerate(counts) if c and table[i] and table[i] != self.no_value}


def _leaf_lengths(leaf: Any, field: str) -> Any:
    """One segment's field lengths: its length column in one read (W3 codec), else document by document."""
    count = leaf.doc_count_all()
    try:
        if PATH == "per-document":
            raise AttributeError("the per-document fallback is asked for")
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
        from whoosh.util.numeric import byte_to_length

        column = leaf._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
        if column is None:
            return np.zeros(count, np.float32)
        table = np.array([byte_to_length(b) for b in range(256)], dtype=np.float32)
        codes = np.zeros(count, dtype=np.uint8)
        if PATH == "fast" and getattr(column, "_typecode", "") == "B" and getattr(column, "_fixedlen", 0) == 1:
            stored = min(count, column._count)  # one byte per document, then the default (0)
            codes[:stored] = np.frombuffer(column._dbfile.get(column._basepos, stored), dtype=np.uint8)
        else:
            codes[:] = np.fromiter(column, dtype=np.int64, count=count)
        return table[codes]
    except (ImportError, AttributeError, TypeError, ValueError):
        return [leaf.doc_field_length(d, field, 0) for d in range(count)]


def _read_leaf(matcher: Any, base: int, ids: list[Any], tfs: list[Any]) -> None:
    """Append one segment's postings, a block at a time (Whoosh's W3 codec) or posting by posting."""
    if PATH == "fast" and all(hasattr(matcher, a) for a in ("_read_ids", "_read_weights", "_next_block", "_atend")):
        while not matcher._atend:
            matcher._read_ids()
            matcher._read_weights()
            ids.append(np.asarray(matcher._ids, dtype=np.int64) + base)
            tfs.append(np.asarray(matcher._weights, dtype=np.float32))
            matcher._next_block()
        return
    block_ids, block_tfs = [], []
    while matcher.is_active():
        block_ids.append(matcher.id() + base)
        block_tfs.append(matcher.weight())
        matcher.next()
    ids.append(np.asarray(block_ids, dtype=np.int64))
    tfs.append(np.asarray(block_tfs, dtype=np.float32))
