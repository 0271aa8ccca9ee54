"""Batch ingest: documents reach the search index in few commits and none is lost on a cancel or a kill;
the models load once for two threads; a copy later in the batch is not read again."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from docmgr.core.errors import Cancelled
from docmgr.core.progress import CancelToken
from docmgr.services import classify as classify_svc
from docmgr.services import index_catchup
from docmgr.services import ingest as ingest_svc
from docmgr.services import indexing
from docmgr.services import search as search_svc
from docmgr.services.check import check_library
from docmgr.services.ingest import IngestResult, ingest_paths
from docmgr.services.library import open_library

ROOT = Path(__file__).resolve().parents[3]
WORDS = ["đê bao", "học bổng", "khai sinh", "đất đai", "kè đá", "hộ nghèo", "bờ sông", "mùa lũ"]


def _notes(folder: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        path = folder / f"note-{i:02d}.txt"
        path.write_text(f"Tờ trình MARK{i:03d} về {WORDS[i % len(WORDS)]} tại ấp {i}.", encoding="utf-8")
        paths.append(path)
    return paths


def _found(library: Any, i: int) -> set[int]:
    return {h["id"] for h in search_svc.search(library, f"MARK{i:03d}")["hits"]}


def _count_syncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the index catch-ups (the real function still runs)."""
    calls: list[int] = []
    real = indexing.sync_index_quietly

    def counting(library: Any) -> None:
        calls.append(len(library.catalog.unindexed_ids()))
        real(library)

    monkeypatch.setattr(indexing, "sync_index_quietly", counting)
    return calls


def test_a_batch_is_indexed_once_and_every_document_is_found(library: Any, inputs: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_catchup, "INDEX_EVERY", 1e9)  # a slow machine must not reach the interval
    calls = _count_syncs(monkeypatch)
    pending_while_filing: list[int] = []
    results = ingest_paths(library, _notes(inputs, 6), workers=1,
                           on_result=lambda r: pending_while_filing.append(len(library.catalog.unindexed_ids())))
    assert [r.status for r in results] == ["filed"] * 6
    assert pending_while_filing == [1, 2, 3, 4, 5, 6]  # no commit per document
    assert calls == [6]  # one catch-up, at the end, with all six
    assert library.catalog.unindexed_ids() == []
    for i, r in enumerate(results):
        assert _found(library, i) == {r.id}
    assert indexing.check_index(library) == []


def test_with_readers_the_index_catches_up_at_most_twice(library: Any, inputs: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_syncs(monkeypatch)
    results = ingest_paths(library, _notes(inputs, 8), workers=2)
    # once the readers hold the last files (when filing would wait for them), and at the end
    assert 1 <= len(calls) <= 2 and sum(calls) == 8
    assert library.catalog.unindexed_ids() == []
    for i, r in enumerate(results):
        assert _found(library, i) == {r.id}


def test_a_long_batch_catches_up_as_it_goes(library: Any, inputs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_catchup, "INDEX_EVERY", 0.0)
    calls = _count_syncs(monkeypatch)
    results = ingest_paths(library, _notes(inputs, 4), workers=1)
    assert len(calls) >= 2  # catch-ups during the batch, beside the filing, and one at its end
    assert library.catalog.unindexed_ids() == []
    for i, r in enumerate(results):
        assert _found(library, i) == {r.id}


def test_filing_goes_on_while_the_index_writer_waits(library: Any, inputs: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The index's writer lock held elsewhere (another process writing it) stalls only the catch-up:
    every file is filed meanwhile, and indexed once the lock is free."""
    monkeypatch.setattr(index_catchup, "INDEX_EVERY", 0.0)
    notes = _notes(inputs, 4)
    filed: list[IngestResult] = []
    done = threading.Event()
    lock = indexing.store_of(library).writer_lock(60)
    lock.__enter__()
    try:
        worker = threading.Thread(target=lambda: (ingest_paths(library, notes, workers=1, on_result=filed.append),
                                                  done.set()))
        worker.start()
        deadline = time.monotonic() + 120
        while len(filed) < len(notes) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [r.status for r in filed] == ["filed"] * len(notes)  # all filed while the index was locked
        assert not done.is_set()  # the batch's last catch-up waits for the lock
        assert len(library.catalog.unindexed_ids()) == len(notes)
    finally:
        lock.__exit__(None, None, None)
    worker.join(120)
    assert done.is_set() and library.catalog.unindexed_ids() == []
    for i, r in enumerate(filed):
        assert _found(library, i) == {r.id}


def test_a_cancelled_batch_leaves_index_and_catalog_consistent(library: Any, inputs: Path) -> None:
    cancel = CancelToken()
    filed: list[IngestResult] = []

    def on_result(result: IngestResult) -> None:
        filed.append(result)
        if len(filed) == 2:
            cancel.cancel()

    with pytest.raises(Cancelled):
        ingest_paths(library, _notes(inputs, 5), cancel=cancel, on_result=on_result)
    assert [d.id for d in library.catalog.documents()] == [r.id for r in filed]
    assert library.catalog.unindexed_ids() == []  # indexed before the cancel went up
    assert _found(library, 0) == {filed[0].id} and _found(library, 1) == {filed[1].id}
    assert _found(library, 2) == set()
    assert indexing.check_index(library) == [] and check_library(library)["ok"]


def test_a_single_file_is_searchable_at_once(library: Any, inputs: Path) -> None:
    [path] = _notes(inputs, 1)
    result = ingest_svc.ingest_file(library, path)
    assert library.catalog.unindexed_ids() == [] and _found(library, 0) == {result.id}


_BATCH = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from docmgr.services import index_catchup, ingest
    from docmgr.services.library import open_library
    index_catchup.INDEX_EVERY = 1e9  # never catch up before the end: the kill lands before any index commit
    library = open_library(Path({library!r}))
    ingest.ingest_paths(library, sorted(Path({folder!r}).glob("*.txt")), workers=1,
                        on_result=lambda r: print(r.id, flush=True))
""")


@pytest.mark.slow
def test_a_batch_killed_before_its_index_commit_is_found_after(tmp_path: Path, inputs: Path) -> None:
    paths = _notes(inputs, 40)
    code = _BATCH.format(root=str(ROOT), library=str(tmp_path / "lib"), folder=str(inputs))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    try:
        printed = [proc.stdout.readline() for _ in range(5)]
        assert all(line.strip() for line in printed), proc.stderr.read() if proc.stderr else ""
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
    finally:
        proc.wait(timeout=60)
        proc.stdout.close()
        if proc.stderr:
            proc.stderr.close()
    library = open_library(tmp_path / "lib")
    filed = {d.id: d.filename for d in library.catalog.documents()}
    assert 5 <= len(filed) < len(paths)
    assert set(library.catalog.unindexed_ids()) == set(filed)  # nothing indexed yet: the kill came first
    assert check_library(library)["ok"]  # no index yet, every document pending: consistent
    indexing.sync_index(library)  # what the next writer (or the app at start) does; searches never write
    for doc_id, name in filed.items():
        i = int(name.removeprefix("note-").removesuffix(".txt"))
        assert _found(library, i) == {doc_id}
    assert library.catalog.unindexed_ids() == [] and indexing.check_index(library) == []


def test_models_are_loaded_once_when_asked_from_two_threads(library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(classify_svc, "_cache", {})
    loads: list[str] = []
    real = classify_svc.TextModel.load

    def counting(path: Path) -> Any:
        loads.append(path.name)
        time.sleep(0.05)  # both threads ask while the first load is under way
        return real(path)

    monkeypatch.setattr(classify_svc.TextModel, "load", staticmethod(counting))
    warm = classify_svc.warm_up(library)
    other = threading.Thread(target=classify_svc.load_models, args=(library,))
    other.start()
    models = classify_svc.load_models(library)
    warm.join()
    other.join()
    assert sorted(loads) == sorted(f"{label}.skops" for label in classify_svc.LABELS)
    assert set(models) == set(classify_svc.LABELS)


@pytest.mark.tesseract
def test_a_copy_later_in_the_batch_is_not_ocred_again(library: Any, inputs: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from docmgr.ingest import pipeline
    from tests.fixtures.builders import render_lines, save_image

    scan = save_image(render_lines(["ĐƠN ĐỀ NGHỊ ĐĂNG KÝ KHAI SINH"], size=40, width=1400), inputs / "a.png")
    (inputs / "b.png").write_bytes(scan.read_bytes())
    runs: list[str] = []
    real = pipeline.Ocr.run

    def counting(self: Any, ctx: Any) -> None:
        runs.append(ctx.source.name)
        real(self, ctx)

    monkeypatch.setattr(pipeline.Ocr, "run", counting)
    first, copy = ingest_paths(library, [inputs / "a.png", inputs / "b.png"], workers=2)
    assert (first.status, copy.status, copy.id) == ("filed", "duplicate", first.id)
    assert runs == ["a.png"]


def test_a_new_librarys_first_batch_is_indexed_without_a_rebuild(library: Any, inputs: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing indexed yet: an empty index is started and the batch written into it once."""
    rebuilds: list[bool] = []
    real = indexing.reindex
    monkeypatch.setattr(indexing, "reindex", lambda lib, **kw: rebuilds.append(True) or real(lib, **kw))
    results = ingest_paths(library, _notes(inputs, 3), workers=1)
    assert rebuilds == [] and library.catalog.unindexed_ids() == []
    assert [_found(library, i) for i in range(3)] == [{r.id} for r in results]


def test_a_lost_index_of_indexed_documents_is_rebuilt(library: Any, inputs: Path) -> None:
    import shutil

    results = ingest_paths(library, _notes(inputs, 2), workers=1)
    shutil.rmtree(library.paths.index)
    assert [_found(library, i) for i in range(2)] == [{r.id} for r in results]
