"""From the parsed query tree to the engine-neutral low-level query, through the shared analysis.

Ranking rules live here, once for every engine:

* a word without marks matches the folded view; a word with marks matches the folded view *and* the
  exact view with a higher boost, so "sổ" ranks documents with sổ above those with only số; in a
  short query each word typed with marks is a tier: documents with its exact form come first;
* the title is indexed with the body (a separate title field did not improve the known-item test
  and doubled Whoosh's work per word);
* side-by-side words get a proximity boost for each adjacent pair (khai sinh, sử dụng đất);
* a "phrase" of two words is their ``pairs`` term; a longer one is a true phrase over the ``pairs``
  field (the only large field with positions): its pairs at consecutive positions, so "quyền sử
  dụng đất" needs the four words in one run, with or without marks;
* up to :data:`ALL_WORDS_MAX` plain words are first required all together, and the ``relaxed``
  form ("any word", ranked by BM25 with the pair boosts and a bonus for having every word, so
  documents with more of the words and more of their pairs come first) is used when that finds
  nothing; longer queries (questions) go straight to the relaxed form: a long question returns its
  best matches even when no document has every word;
* given the index's statistics, side-by-side pairs score their idf as a constant (no length
  normalisation: a question quoting one clause of a long document finds it); the options of a
  multiple-choice question (``A. … B. …``) weigh :data:`OPTION_WEIGHT` against its stem;
* a query naming an article of a law (``Điều 32 Luật Điện ảnh năm 2022``,
  :mod:`docmgr.search.articles`) puts that article first.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from docmgr.search import query as qt
from docmgr.search.analysis import (
    TOKEN,
    analyse,
    fast_fold,
    has_marks,
    pair_terms,
    token_forms,
    words,
)
from docmgr.search.articles import named_articles
from docmgr.search.engine import (
    All,
    Bool,
    Const,
    Engine,
    Phrase,
    Prefix,
    Q,
    Range,
    Term,
    date_int,
    file_words,
)

EXACT_BOOST = 2.0
PAIR_BOOST = 5.0  # tuned on the known-item tests, titles and questions (bench/README.md)
COORD_BOOST = 1.0  # relaxed form: documents with every word get one more clause (coordination)
ALL_WORDS_MAX = 4  # syllables (two Vietnamese words) required all together; longer: any word, best first
OPTION_WEIGHT = 0.3  # a multiple-choice question's options, against its stem
EXACT_TIER = 1000.0  # a short query's word typed with marks, found in that form: above any text score
NAMED_SCORE = 100_000.0  # the article a query names ("Điều 32 Luật Điện ảnh"): above any other score
DATED_SCORE = 50_000.0  # … and of the year the query gives, above the same article of another year


class Stats:
    """Index statistics a plan may use: the document frequency of a term in a field, and the number of
    documents (read once, when first needed)."""

    def __init__(self, doc_freq: Callable[[str, str], int], docs: Callable[[], int]) -> None:
        self.doc_freq = doc_freq
        self._docs = docs
        self._n: int | None = None

    def idf(self, fld: str, term: str) -> float:
        """Lucene's (and tantivy's) BM25 idf of ``term``."""
        if self._n is None:
            self._n = max(1, self._docs())
        df = self.doc_freq(fld, term)
        return math.log(1 + (self._n - df + 0.5) / (df + 0.5))


def engine_stats(engine: Engine) -> Stats:
    """:class:`Stats` read from an engine."""
    return Stats(engine.doc_freq, engine.doc_count)


def plan(node: qt.Node, *, relaxed: bool = False, stats: Stats | None = None) -> Q:
    """The low-level query for ``node``; ``relaxed`` turns side-by-side words into "any of them".

    With ``stats``, the proximity boosts of side-by-side words score the same in a long document as
    in a short one (their idf, as a constant): a question quoting one clause of a long article or
    document finds it; without, they are BM25 terms (longer documents score lower)."""
    options = _options(node)
    if options:
        stem, choices = options
        q: Q = Bool(should=(_plan(stem, True, stats), Bool(should=tuple(_plan(c, True, stats) for c in choices),
                                                            boost=OPTION_WEIGHT)))
    else:
        q = _plan(node, relaxed, stats)
        if not relaxed and not relax_first(node):
            q = _exact_first(node, q)
    named = _named(node)
    return Bool(must=(q,), should=named) if named else q


def _exact_first(node: qt.Node, q: Q) -> Q:
    """A short query with words typed with marks: documents holding those exact forms rank before
    those found only through folding (``đất`` before «đạt», «dat»), each exact word one tier."""
    children = node.children if isinstance(node, qt.And) and node.implicit else (node,)
    marked = [t for c in children if isinstance(c, qt.Word) and c.field is None and not c.prefix
              for t in words(c.text) if has_marks(t)]
    if not marked:
        return q
    return Bool(must=(q,), should=tuple(Const(Term("exact", t), EXACT_TIER) for t in dict.fromkeys(marked)))


_MARKERS = ("a", "b", "c", "d", "e")


def _options(node: qt.Node) -> tuple[qt.Node, list[qt.Node]] | None:
    """A multiple-choice question split into its stem and its options ("… ? A. … B. … C. …"), or None.

    The options are marked ``A.`` ``B.`` … in order (at least A and B), each followed by words."""
    if not (isinstance(node, qt.And) and node.implicit):
        return None
    marks = [(i, c.text[0].lower()) for i, c in enumerate(node.children)
             if isinstance(c, qt.Word) and c.field is None and len(c.text) == 2 and c.text[1] in ".)"
             and c.text[0].isupper()]
    found: list[int] = []
    for i, letter in marks:
        if len(found) < len(_MARKERS) and letter == _MARKERS[len(found)]:
            found.append(i)
    if len(found) < 2 or found[0] == 0:
        return None
    bounds = found + [len(node.children)]
    choices: list[qt.Node] = [qt.And(node.children[a + 1:b], implicit=True)
                              for a, b in zip(bounds, bounds[1:]) if b > a + 1]
    if len(choices) < 2:
        return None
    return qt.And(node.children[:found[0]], implicit=True), choices


def _named(node: qt.Node) -> tuple[Q, ...]:
    """Constant-score clauses putting the article the query names (of the law it names) first."""
    children = node.children if isinstance(node, qt.And) and node.implicit else (node,)
    toks = [t for c in children if isinstance(c, qt.Word) and c.field is None and not c.prefix
            for t in words(c.text)]
    named = named_articles(toks)
    if named is None:
        return ()
    article = Bool(should=tuple(Term("refs", t) for t in named.terms))
    out: list[Q] = [Const(Bool(must=(article, Bool(should=tuple(Term("refs", n) for n in named.names)))),
                          NAMED_SCORE)]
    if named.dated:
        out.append(Const(Bool(must=(article, Bool(should=tuple(Term("refs", n) for n in named.dated)))),
                         DATED_SCORE))
    return tuple(out)


def can_relax(node: qt.Node) -> bool:
    """True when :func:`plan` with ``relaxed=True`` differs (two or more side-by-side free words)."""
    return free_words(node) >= 2


def free_words(node: qt.Node) -> int:
    """How many side-by-side free words (or phrases) a query holds at its top level."""
    if isinstance(node, qt.And) and node.implicit:
        return sum(1 for c in node.children if _free(c))
    return 0


def relax_first(node: qt.Node) -> bool:
    """True when the query is long enough to be run in its relaxed form at once (a question)."""
    return free_words(node) > ALL_WORDS_MAX


def _free(node: qt.Node) -> bool:
    return isinstance(node, (qt.Word, qt.Phrase)) and node.field is None


def _plan(node: qt.Node, relaxed: bool, stats: Stats | None = None) -> Q:
    if isinstance(node, qt.Word):
        return _word(node)
    if isinstance(node, qt.Phrase):
        return _phrase(node.text, node.field)
    if isinstance(node, qt.DateRange):
        return Range("date", date_int(node.start.isoformat()) if node.start else None,
                     date_int(node.end.isoformat()) if node.end else None)
    if isinstance(node, qt.Or):
        return Bool(should=tuple(_plan(c, False) for c in node.children))
    if isinstance(node, qt.Not):
        return Bool(must=(All(),), must_not=(_plan(node.child, False),))
    assert isinstance(node, qt.And)
    must: list[Q] = []
    should: list[Q] = []
    must_not: list[Q] = []
    for child in node.children:
        if isinstance(child, qt.Not):
            must_not.append(_plan(child.child, False))
        elif relaxed and node.implicit and _free(child):
            should.append(_plan(child, False))
        else:
            must.append(_plan(child, False))
    if node.implicit:
        should.extend(_pairs(node.children, stats))
    free = [_plan(c, False) for c in node.children if _free(c)] if relaxed and node.implicit else []
    if COORD_BOOST and len(free) >= 2:
        should.append(Bool(must=tuple(free), boost=COORD_BOOST))
    if not must and not should:
        must.append(All())
    if must and free:
        # filters stay required; at least one free word must still match
        must.append(Bool(should=tuple(free)))
    return Bool(must=tuple(must), should=tuple(should), must_not=tuple(must_not))


def _pairs(children: tuple[qt.Node, ...], stats: Stats | None) -> list[Q]:
    """Proximity boosts: each pair of side-by-side free words as one ``pairs`` term (a constant score
    of its idf with ``stats``: no length normalisation)."""
    out: list[Q] = []
    for a, b in zip(children, children[1:]):
        if isinstance(a, qt.Word) and isinstance(b, qt.Word) and a.field is None and b.field is None \
                and not a.prefix and not b.prefix:
            for t in pair_terms(f"{a.text} {b.text}"):
                term = Term("pairs", t, PAIR_BOOST)
                out.append(term if stats is None else Const(Term("pairs", t), PAIR_BOOST * stats.idf("pairs", t)))
    return out


_FIELD_NAMES = {"type": "type", "number": "number", "issuer": "issuer", "file": "file"}


def _word(node: qt.Word) -> Q:
    toks = words(node.text)
    if node.field == "file":  # parts of file names match from their start: file:scan finds …_scanned_…
        parts = tuple(Prefix("file", fast_fold(t)) for t in words(file_words(node.text)))
        return parts[0] if len(parts) == 1 else Bool(must=parts)
    if node.field is not None:
        fld = _FIELD_NAMES[node.field]
        if node.prefix:
            return Prefix(fld, fast_fold(toks[-1]))
        if len(toks) == 1:
            return Term(fld, fast_fold(toks[0]))
        return Phrase(fld, tuple(analyse(node.text).folded.split()))
    if len(toks) != 1:
        return _phrase(node.text, None)
    token = toks[0]
    folded = fast_fold(token)
    marks = has_marks(token)
    if node.prefix:
        if not marks:
            return Prefix("folded", folded)
        return Bool(should=(Prefix("folded", folded), Prefix("exact", token, EXACT_BOOST)))
    if not marks:
        return Term("folded", folded)
    # every document with the exact form also has the folded one, so "either" matches what the folded
    # term matches and scores the exact form on top (a plain union: cheaper than folded AND-MAYBE exact)
    return Bool(should=(Term("folded", folded), Term("exact", token, EXACT_BOOST)))


def _phrase(text: str, fld: str | None) -> Q:
    views = analyse(text)
    folded = tuple(views.folded.split())
    if fld is not None:
        name = _FIELD_NAMES[fld]
        return Term(name, folded[0]) if len(folded) == 1 else Phrase(name, folded)
    if len(folded) == 1:
        return _word(qt.Word(text))
    pairs = tuple(pair_terms(text))
    if not pairs:
        return _word(qt.Word(text))
    run: Q = Term("pairs", pairs[0], PAIR_BOOST) if len(pairs) == 1 else Phrase("pairs", pairs, boost=PAIR_BOOST)
    marked = tuple(Term("exact", t, EXACT_BOOST) for t in words(text) if has_marks(t))
    return Bool(must=(run,), should=marked) if marked else run


@dataclass
class Highlight:
    """What to mark in snippets and count on pages: folded terms, folded prefixes, and the exact forms of
    words typed with marks (``giao đất`` marks «đất», not «đạt»; see :meth:`within`)."""

    terms: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    exact: set[str] = field(default_factory=set)

    def matches(self, folded_forms: set[str], exact_forms: set[str] = frozenset()) -> bool:  # type: ignore[assignment]
        if folded_forms & self.terms or exact_forms & self.exact:
            return True
        return any(f.startswith(p) for f in folded_forms for p in self.prefixes)

    def within(self, text: str) -> Highlight:
        """This highlight for one text: a word typed with marks marks its exact form; where the text
        holds only other markings of it (a document matched through folding), those."""
        if not self.exact:
            return self
        found: set[str] = set()
        for m in TOKEN.finditer(text):
            found |= token_forms(m.group(0))[0] & self.exact
        missing = self.exact - found
        return Highlight(self.terms | {fast_fold(t) for t in missing}, self.prefixes, found)


def highlight(node: qt.Node) -> Highlight:
    """The free-text terms of a query (not those under NOT), for snippets and the best page."""
    hl = Highlight()
    _collect(node, hl)
    return hl


def _collect(node: qt.Node, hl: Highlight) -> None:
    if isinstance(node, (qt.Word, qt.Phrase)):
        if node.field is not None:
            return
        if isinstance(node, qt.Word) and node.prefix:
            hl.prefixes.update(fast_fold(tok) for tok in words(node.text))
            return
        for term in (words(node.text) if isinstance(node, qt.Word) else analyse(node.text).exact.split()):
            (hl.exact if has_marks(term) else hl.terms).add(term if has_marks(term) else fast_fold(term))
    elif isinstance(node, (qt.And, qt.Or)):
        for child in node.children:
            _collect(child, hl)
