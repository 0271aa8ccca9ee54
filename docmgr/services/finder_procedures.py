"""The procedure finder: which procedure does a citizen's plain question ask about?

A small full-text index over the catalogue, on the same search layer as the documents
(:mod:`docmgr.search.analysis` views — exact, folded, word pairs — and an engine of
:mod:`docmgr.search.engine`). Each procedure is one index entry: its name (twice: it weighs most),
its citizens' phrasings (``keywords``), its component names and its body. A question is folded,
expanded with the catalogue's synonyms (``sổ đỏ`` → ``giấy chứng nhận quyền sử dụng đất``), and
scored as any of its folded words, with word pairs boosted, so "lam giay khai sinh cho con can gi"
and "làm giấy khai sinh cho con cần gì" are the same question.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

from docmgr.core.text import nfc
from docmgr.records.procedures import Procedure
from docmgr.core.library import Library
from docmgr.search.analysis import analyse
from docmgr.search.engine import Bool, IndexDoc, Q, Term, create_engine
from docmgr.services.procedures import catalog

PAIR_BOOST = 2.5
SYNONYM_BOOST = 0.8


@dataclass(frozen=True)
class Found:
    """A procedure that answers the question, with its score."""

    procedure: Procedure
    score: float


def _folded(text: str) -> str:
    return " ".join(analyse(text).folded.split())


class ProcedureFinder:
    """An index over a list of procedures, kept in a private temporary folder.

    Args:
        procedures: the procedures in force.
        synonyms: citizen phrase → the catalogue's words for it.
        engine: the search engine to build the index with (``whoosh`` by default).
    """

    def __init__(self, procedures: Sequence[Procedure], synonyms: dict[str, str], *, engine: str = "whoosh") -> None:
        self.procedures = list(procedures)
        self.synonyms = [(re.compile(rf"(?<!\w){re.escape(_folded(k))}(?!\w)"), v) for k, v in synonyms.items()
                         if _folded(k)]
        from docmgr.core.scratch import root

        self._dir = tempfile.TemporaryDirectory(prefix="procedures-", dir=root())  # the library's scratch
        self._engine: Any = create_engine(engine, Path(self._dir.name) / "index", create=True)
        docs = []
        for i, p in enumerate(self.procedures, start=1):
            body = "\n".join([p.name, p.name, *p.keywords, *(c.name for c in p.components if c.filed), p.body])
            docs.append(IndexDoc(id=i, pages=[(1, body)], title=p.name))
        self._engine.write(docs, [])

    def close(self) -> None:
        self._engine.close()
        self._dir.cleanup()

    def expand(self, question: str) -> tuple[str, str]:
        """The question folded, and the words its synonyms add."""
        folded = _folded(nfc(question))
        added = [v for pattern, v in self.synonyms if pattern.search(folded)]
        return folded, " ".join(added)

    def query(self, question: str) -> Optional[Q]:
        folded, added = self.expand(question)
        should: list[Q] = []
        for text, boost in ((folded, 1.0), (added, SYNONYM_BOOST)):
            if not text:
                continue
            views = analyse(text, with_pairs=True)
            should += [Term("folded", t, boost) for t in dict.fromkeys(views.folded.split())]
            should += [Term("pairs", t, boost * PAIR_BOOST) for t in dict.fromkeys(views.pairs.split())]
        return Bool(should=tuple(should)) if should else None

    def find(self, question: str, limit: int = 3) -> list[Found]:
        """The best procedures for a question, best first (none for a question with no known word)."""
        q = self.query(question)
        if q is None:
            return []
        results = self._engine.search(q, limit=limit, facets=False)
        return [Found(self.procedures[h.id - 1], h.score) for h in results.hits if h.score > 0]


_finders: dict[tuple[str, int], ProcedureFinder] = {}


def finder_for(library: Optional[Library]) -> ProcedureFinder:
    """The finder over the library's catalogue in force today (built once per catalogue file)."""
    cat = catalog(library)
    key = (cat.source, id(cat))
    hit = _finders.get(key)
    if hit is None:
        hit = _finders[key] = ProcedureFinder(cat.current(), cat.synonyms)
    return hit


def find_procedures(library: Optional[Library], question: str, limit: int = 3) -> list[Found]:
    """The best procedures for a citizen's plain question, best first."""
    return finder_for(library).find(question, limit)
