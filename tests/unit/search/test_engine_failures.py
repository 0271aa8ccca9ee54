"""An engine bug is not a damaged index: only damage (the engines' corruption errors, missing or
truncated files, OS errors) rebuilds, at most once per index generation; any other error is logged
and shown. The Whoosh scorer's slower fallbacks rank as its fast path and as Whoosh's own BM25."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest

from docmgr.core.errors import DocmgrError, LibraryError
from docmgr.search import IndexStore
from docmgr.search import whoosh_scoring
from docmgr.search.engine import EngineFailed, Term
from docmgr.services.indexing import open_index, sync_index
from docmgr.services.search import search
from tests.fixtures.catalog_docs import file_doc, make_library

# distinct (term frequency, length) per document: no two score alike
CORPUS = [" ".join(["đất"] * tf + ["hồ", "sơ", "xã", "phường", "quận", "huyện", "tỉnh"][:extra])
          for tf, extra in [(1, 0), (1, 3), (2, 1), (2, 6), (3, 2), (4, 7), (1, 7), (5, 0), (3, 5)]]
QUERIES = ["dat", "ho", "xa", "tinh", "dat ho", "ho so xa"]


@pytest.fixture
def lib(tmp_path: Path, engine_name: str) -> Any:
    library = make_library(tmp_path / "lib", engine_name)
    for i, text in enumerate(CORPUS):
        file_doc(library, [text], filename=f"d{i}.txt")
    file_doc(library, ["giấy khai sinh"], filename="other.txt")
    sync_index(library)
    return library


def _generation(library: Any) -> str:
    return str(IndexStore(library.paths.index, library.settings.search_engine).pointer()["dir"])


def _ranking(library: Any, query: str) -> list[tuple[int, float]]:
    return [(h["id"], h["score"]) for h in search(library, query, limit=50)["hits"]]


@pytest.mark.parametrize("engine_name", ["whoosh"])
def test_the_slower_fallbacks_rank_as_the_fast_path(lib: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    generation = _generation(lib)
    fast = {q: _ranking(lib, q) for q in QUERIES}
    for path in whoosh_scoring.PATHS[1:]:
        monkeypatch.setattr(whoosh_scoring, "PATH", path)
        for q in QUERIES:
            slow = _ranking(lib, q)
            assert [i for i, _ in slow] == [i for i, _ in fast[q]], (path, q)
            assert [s for _, s in slow] == pytest.approx([s for _, s in fast[q]], rel=1e-5), (path, q)
    assert _generation(lib) == generation  # forcing a fallback rebuilt nothing


@pytest.mark.parametrize("engine_name", ["whoosh"])
@pytest.mark.parametrize("path", whoosh_scoring.PATHS)
def test_every_path_agrees_with_whooshs_own_bm25(lib: Any, path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same k1 and b; the idf differs (Whoosh's classic one, Lucene's here), so a single term's scores
    differ by one factor: the rankings match, and the score ratios within 2 %."""
    from whoosh import query as wq
    from whoosh import scoring

    monkeypatch.setattr(whoosh_scoring, "PATH", path)
    engine = open_index(lib)
    try:
        searcher = engine._ix.searcher(weighting=scoring.BM25F(B=whoosh_scoring.B, K1=whoosh_scoring.K1))
        arrays = whoosh_scoring.Arrays(engine._search_with(), "-")
        for term in ("đất", "hồ", "xã", "tỉnh"):
            theirs = {hit.docnum: hit.score for hit in searcher.search(wq.Term("exact", term), limit=None)}
            mask, score = arrays.run(Term("exact", term))
            ours = {int(d): float(score[d]) for d in mask.nonzero()[0]}
            assert sorted(ours) == sorted(theirs), term
            assert sorted(ours, key=lambda d: (-ours[d], d)) == sorted(theirs, key=lambda d: (-theirs[d], d)), term
            factors = [ours[d] / theirs[d] for d in ours]  # one factor (the idf), up to the mean field
            assert max(factors) / min(factors) < 1.02, (term, factors)  # length (Whoosh's is exact, ours decoded)
        searcher.close()
    finally:
        engine.close()


def _break_scoring(monkeypatch: pytest.MonkeyPatch, engine_name: str, exc: BaseException) -> None:
    """Make every query raise ``exc`` inside the engine (a bug, or damage met while reading)."""
    def boom(*_args: Any, **_kwargs: Any) -> Any:
        raise exc

    if engine_name == "whoosh":
        monkeypatch.setattr(whoosh_scoring.Arrays, "evaluate", boom)
    else:
        from docmgr.search.tantivy_engine import TantivyEngine

        monkeypatch.setattr(TantivyEngine, "_compile", boom)


def test_an_engine_bug_is_shown_and_never_rebuilds(lib: Any, engine_name: str, monkeypatch: pytest.MonkeyPatch,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    generation = _generation(lib)
    folders = sorted(p.name for p in lib.paths.index.iterdir())
    _break_scoring(monkeypatch, engine_name, TypeError("unsupported operand type(s)"))
    notes: list[str] = []
    for _ in range(3):
        with pytest.raises(EngineFailed, match="TypeError") as raised:
            search(lib, "dat", notice=notes.append)
        assert isinstance(raised.value, DocmgrError)  # the CLI prints it (exit 1), the GUI shows it
    assert notes == []
    assert _generation(lib) == generation
    assert sorted(p.name for p in lib.paths.index.iterdir()) == folders
    assert "TypeError" in caplog.text  # logged, with its traceback


def test_damage_rebuilds_once_per_generation(lib: Any, engine_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    generation = _generation(lib)
    _break_scoring(monkeypatch, engine_name, OSError(errno.EIO, "Input/output error"))
    notes: list[str] = []
    with pytest.raises(LibraryError, match="even after its rebuild"):
        search(lib, "dat", notice=notes.append)
    rebuilt = _generation(lib)
    assert rebuilt != generation and len(notes) == 1 and "rebuilding" in notes[0]
    with pytest.raises(LibraryError, match="damaged again after its rebuild"):
        search(lib, "dat", notice=notes.append)
    assert _generation(lib) == rebuilt and len(notes) == 1  # not rebuilt a second time
    monkeypatch.undo()
    assert search(lib, "dat")["total"] == len(CORPUS)
