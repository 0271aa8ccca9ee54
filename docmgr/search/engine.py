"""The engine interface and the types every engine shares.

An engine stores one index entry per document with pre-analysed fields (see
:mod:`docmgr.search.analysis`) and answers *low-level* queries (:class:`Term`, :class:`Phrase`,
:class:`Prefix`, :class:`Range`, :class:`Bool`, :class:`All`) built by :mod:`docmgr.search.plan`. It
stores only the document id: the catalog is the source of truth for everything shown.

Index fields (``SCHEMA_VERSION`` changes when they do; an index of another version is rebuilt):
``exact``/``folded`` (all pages + title + fields; frequencies only), ``pairs`` (neighbouring folded
words, with positions: a phrase of 3+ words is a phrase of its pairs),
``type`` (folded
tokens of code and name), ``number``, ``issuer``, ``file`` (folded tokens), ``date`` (yyyymmdd int),
``type_facet`` and ``year`` (facets; the file name split on ``_ - .`` too), ``refs`` (the law a document is and its articles:
:mod:`docmgr.search.articles`). Article headings (``Điều 12. Quyền của viên chức``) are indexed twice
in the body views: the heading names what an article is about.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Protocol, Sequence, Union

from docmgr.core.errors import DocmgrError

log = logging.getLogger(__name__)

SCHEMA_VERSION = 5
BODY_FIELDS = ("exact", "folded", "refs")  # frequencies only, no positions
TEXT_FIELDS = ("exact", "folded", "pairs", "type", "number", "issuer", "file", "refs")


@dataclass
class IndexDoc:
    """What the index receives for one document (already known to the catalog).

    Args:
        id: catalog id.
        pages: (1-based page number, text) per page.
        title: a display title (summary, or the file name).
        type_code, type_name: classification (None when unknown).
        number, issuer: the ``number`` and ``issuer`` fields.
        filename: the original file name.
        issued: ISO date used for date ranges, sorting and the year facet (issued, else added).
    """

    id: int
    pages: Sequence[tuple[int, str]]
    title: str = ""
    type_code: Optional[str] = None
    type_name: Optional[str] = None
    number: str = ""
    issuer: str = ""
    filename: str = ""
    issued: Optional[str] = None
    extra: str = ""


@dataclass(frozen=True)
class Term:
    """One analysed term in a field, with a boost."""

    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase:
    """Analysed terms in order, ``slop`` words apart at most."""

    field: str
    terms: tuple[str, ...]
    slop: int = 0
    boost: float = 1.0


@dataclass(frozen=True)
class Prefix:
    """Terms of a field that begin with ``text``."""

    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Range:
    """An integer field between ``low`` and ``high`` inclusive (None = open)."""

    field: str
    low: Optional[int]
    high: Optional[int]


@dataclass(frozen=True)
class All:
    """Every document."""


@dataclass(frozen=True)
class Bool:
    """``must`` all match; ``should`` add score (and at least one must match when ``must`` is empty);
    ``must_not`` exclude."""

    must: tuple["Q", ...] = ()
    should: tuple["Q", ...] = ()
    must_not: tuple["Q", ...] = ()
    boost: float = 1.0


@dataclass(frozen=True)
class Const:
    """Matches what ``query`` matches, every match scoring ``score`` (ranks a class of hits first)."""

    query: "Q"
    score: float


Q = Union[Term, Phrase, Prefix, Range, All, Bool, Const]


@dataclass
class Hit:
    """One matching document: id, relevance score, and (filled from the catalog) best page and snippet."""

    id: int
    score: float
    page: Optional[int] = None
    snippet: str = ""


@dataclass
class Results:
    """A page of hits, the exact number of matching documents and the facets over all of them."""

    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=lambda: {"type": {}, "year": {}})
    suggestion: Optional[str] = None


class IndexUnusable(Exception):
    """The index cannot be opened or read (corrupt, partial, another format): rebuild it.

    Only damage is this: the engine's own corruption errors, missing or truncated files, OS errors.
    Anything else an engine raises is an :class:`EngineFailed`."""


class EngineFailed(DocmgrError):
    """The engine failed on an index that is not damaged (a bug in docmgr or in the engine): logged
    with its traceback and shown as an error; it never causes a rebuild."""


def engine_error(exc: BaseException, engine: str, path: Path, damaged: bool) -> Exception:
    """What an engine raises for ``exc``: :class:`IndexUnusable` when it means damage, else
    :class:`EngineFailed` (logged here with its traceback)."""
    if isinstance(exc, (IndexUnusable, EngineFailed)):
        return exc
    if damaged:
        return IndexUnusable(f"cannot read the {engine} index in {path}: {exc or type(exc).__name__}")
    log.error("the %s engine failed on %s", engine, path, exc_info=exc)
    return EngineFailed(f"the search engine failed ({type(exc).__name__}: {exc})"[:300])


class Engine(Protocol):
    """A full-text engine over one index folder. Writers hold the index's writer lock (IndexStore.writer_lock)."""

    name: str

    def write(self, upserts: Sequence[IndexDoc], deletes: Sequence[int]) -> None:
        """Replace or add ``upserts`` and remove ``deletes`` in one commit (all or nothing)."""

    def build(self, docs: Iterable[IndexDoc]) -> int:
        """Fill a new, empty index with ``docs`` through one writer and one commit, in bounded memory
        (the engine spills to disk as it goes); returns how many were added. An exception out of
        ``docs`` (a cancel) leaves the index empty."""

    def search(self, query: Q, *, limit: int, sort: str = "relevance", facets: bool = True) -> Results:
        """Top ``limit`` documents (by relevance or newest date), exact total and facets."""

    def count(self, query: Q) -> int:
        """Number of matching documents."""

    def terms(self, field: str, prefix: str, limit: int) -> list[tuple[str, int]]:
        """Terms of ``field`` starting with ``prefix`` and their document frequencies, most frequent first."""

    def doc_freq(self, field: str, term: str) -> int:
        """In how many documents ``term`` occurs in ``field``."""

    def doc_count(self) -> int:
        """Number of documents in the index."""

    def ids(self) -> set[int]:
        """Ids of every indexed document."""

    def close(self) -> None:
        """Release files."""


ENGINES = ("whoosh", "tantivy")


def create_engine(name: str, path: Path, *, create: bool) -> Engine:
    """Open (or with ``create`` make) the index of engine ``name`` in ``path``.

    Raises:
        IndexUnusable: the folder does not hold a readable index of this engine.
        ValueError: unknown engine name.
    """
    if name == "whoosh":
        from docmgr.search.whoosh_engine import WhooshEngine

        return WhooshEngine(path, create=create)
    if name == "tantivy":
        from docmgr.search.tantivy_engine import TantivyEngine

        return TantivyEngine(path, create=create)
    raise ValueError(f"unknown search engine {name!r} (use one of {', '.join(ENGINES)})")


def date_int(iso: Optional[str]) -> Optional[int]:
    """``2026-01-05`` → 20260105 (None when missing or malformed)."""
    if not iso or len(iso) < 10:
        return None
    try:
        return int(iso[:4]) * 10000 + int(iso[5:7]) * 100 + int(iso[8:10])
    except ValueError:
        return None


def file_words(name: str) -> str:
    """A file name as words: split on ``_`` as well as ``-`` and ``.`` (``335-ND-CP_scanned_signed.pdf``)."""
    return name.replace("_", " ")


def index_fields(doc: IndexDoc) -> dict[str, object]:
    """The analysed field values every engine indexes for ``doc`` (absent date: no ``date``/``year``)."""
    from docmgr.search.analysis import analyse
    from docmgr.search.articles import headings, refs_text

    body = "\n".join(text for _, text in doc.pages)
    head = " ".join(x for x in (doc.title, doc.number, doc.issuer, doc.extra) if x)
    heads = "\n".join(h for _, h in headings(body))
    views = analyse(f"{head}\n{heads}\n{body}", with_pairs=True)
    out: dict[str, object] = {
        "id": doc.id,
        "exact": views.exact,
        "folded": views.folded,
        "pairs": views.pairs,
        "type": analyse(f"{doc.type_code or ''} {doc.type_name or ''}").folded,
        "number": analyse(doc.number).folded,
        "issuer": analyse(doc.issuer).folded,
        "file": analyse(file_words(doc.filename)).folded,
        "refs": refs_text(doc.title, body),
        "type_facet": doc.type_name or doc.type_code or "",
    }
    when = date_int(doc.issued)
    if when is not None:
        out["date"] = when
        out["year"] = when // 10000
    return out
