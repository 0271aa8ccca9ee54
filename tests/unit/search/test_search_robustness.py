"""A missing, stale or damaged index is rebuilt from the catalog with a notice; a writer killed with
SIGKILL mid-indexing leaves an index that still finds every filed document; check reports drift."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from docmgr.search import IndexStore
from docmgr.services.check import check_library
from docmgr.core.progress import ProgressEvent
from docmgr.services.documents import trash
from docmgr.services.indexing import check_index, reindex, sync_index
from docmgr.services.search import search
from tests.fixtures.catalog_docs import file_doc, make_library

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def lib(tmp_path: Path, engine_name: str) -> Any:
    library = make_library(tmp_path / "lib", engine_name)
    for i in range(5):
        file_doc(library, [f"Hồ sơ HS{i:06d} đăng ký khai sinh"], filename=f"hs{i}.txt")
    sync_index(library)
    return library


def _current(library: Any) -> Path:
    info = IndexStore(library.paths.index, library.settings.search_engine).pointer()
    return library.paths.index / str(info["dir"])


def _search_noting(library: Any, query: str) -> tuple[dict[str, Any], list[str]]:
    notes: list[str] = []
    return search(library, query, notice=notes.append), notes


def test_damaged_index_is_rebuilt_with_a_notice(lib: Any) -> None:
    folder = _current(lib)
    for f in folder.iterdir():
        if f.is_file() and not f.name.endswith(".lock") and "LOCK" not in f.name:
            f.write_bytes(b"\x00garbage" * 7)
    result, notes = _search_noting(lib, "khai sinh")
    assert result["total"] == 5
    assert notes and "rebuilding" in notes[0]
    assert check_index(lib) == []


def test_stale_schema_version_is_rebuilt(lib: Any) -> None:
    pointer = lib.paths.index / "CURRENT.json"
    data = json.loads(pointer.read_text())
    pointer.write_text(json.dumps({**data, "schema": 0}))
    result, notes = _search_noting(lib, "HS000003")
    assert result["total"] == 1 and "version 0" in notes[0]
    assert json.loads(pointer.read_text())["schema"] != 0


def test_missing_index_is_rebuilt(lib: Any) -> None:
    import shutil

    shutil.rmtree(lib.paths.index)
    result, _ = _search_noting(lib, "HS000004")
    assert result["total"] == 1


def test_switching_engine_rebuilds(lib: Any) -> None:
    lib.settings.search_engine = "tantivy" if lib.settings.search_engine == "whoosh" else "whoosh"
    result, notes = _search_noting(lib, "khai sinh")
    assert result["total"] == 5 and "now uses" in notes[0]


def test_check_reports_documents_missing_from_the_index(lib: Any) -> None:
    store = IndexStore(lib.paths.index, lib.settings.search_engine)
    engine = store.open()
    with lib.write_lock():
        engine.write([], [2])
    engine.close()
    report = check_library(lib)
    assert not report["ok"]
    assert {"kind": "index-missing", "id": 2, "detail": "filed but not in the search index"} in report["problems"]


def test_engine_advice(lib: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import docmgr.services.indexing as svc

    assert svc.engine_advice(lib) is None
    monkeypatch.setattr(svc, "WHOOSH_ADVISED_MAX", 3)
    advice = svc.engine_advice(lib)
    assert (advice is None) == (lib.settings.search_engine == "tantivy")
    if advice:
        assert "tantivy" in advice and "5 documents" in advice


_WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from tests.fixtures.catalog_docs import file_doc, make_library
    from docmgr.services.indexing import sync_index
    library = make_library({path!r}, {engine!r})
    i = 0
    while True:
        i += 1
        doc_id = file_doc(library, ["Hồ sơ KILL%06d quyền sử dụng đất " % i + "nội dung " * 400], filename="k.txt")
        if i % 3 == 0:
            sync_index(library)
        print(doc_id, flush=True)
""")


@pytest.mark.slow
def test_sigkill_mid_indexing_then_every_filed_document_is_found(tmp_path: Path, engine_name: str) -> None:
    path = tmp_path / "lib"
    code = _WRITER.format(root=str(ROOT), path=str(path), engine=engine_name)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    try:
        for _ in range(40):
            if not proc.stdout.readline():
                break
        time.sleep(0.05)
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
    finally:
        proc.wait(timeout=30)
    killed = -signal.SIGKILL if sys.platform != "win32" else 1
    assert proc.returncode == killed, proc.stderr.read() if proc.stderr else ""
    library = make_library(path, engine_name)
    filed = library.catalog.all_ids()
    assert len(filed) >= 40
    sync_index(library)  # the next writer's catch-up (searches never write the index)
    for doc_id in filed:
        r = search(library, f"KILL{doc_id:06d}")
        assert [h["id"] for h in r["hits"]] == [doc_id]
    assert search(library, '"quyen su dung dat"', limit=1)["total"] == len(filed)
    assert check_index(library) == []


def test_reindex_builds_without_the_write_lock_and_catches_up_before_the_swap(lib: Any) -> None:
    """While the new generation is being built, another writer takes the lock (1 s at most), files a
    document and trashes one; the swapped-in index has both changes and nothing is left pending."""
    old = _current(lib)
    during: dict[str, int] = {}

    def meanwhile(event: ProgressEvent) -> None:
        if event.done == 0:  # the build has begun: the lock must be free
            with lib.write_lock(timeout=1.0):
                pass
            during["new"] = file_doc(lib, ["Hồ sơ HS999999 đăng ký kết hôn"], filename="kh.txt")
            during["gone"] = search(lib, "HS000002")["hits"][0]["id"]
            trash(lib, during["gone"])
            sync_index(lib)  # into the old generation, noted for the rebuild

    assert reindex(lib, progress=meanwhile) == 5
    assert _current(lib) != old and not old.exists()
    assert _ids(search(lib, "HS999999")) == [during["new"]]
    assert search(lib, "HS000002")["total"] == 0
    assert search(lib, "khai sinh")["total"] == 4
    assert lib.catalog.unindexed_ids() == [] and check_index(lib) == []
    assert not list(lib.paths.index.glob("*.changes"))


def test_a_search_waits_for_a_running_rebuild_instead_of_starting_another(lib: Any, monkeypatch: Any) -> None:
    import docmgr.services.indexing as svc
    from docmgr.core.errors import LibraryError

    pointer = lib.paths.index / "CURRENT.json"
    pointer.write_text(json.dumps({**json.loads(pointer.read_text()), "schema": 0}))  # stale: to rebuild
    store = IndexStore(lib.paths.index, lib.settings.search_engine)
    other = store.building_lock(lib.paths.index / "other-generation")  # a rebuild running elsewhere
    other.acquire()
    monkeypatch.setattr(svc, "REBUILD_WAIT", 0.3)
    before = sorted(p.name for p in lib.paths.index.iterdir() if p.is_dir())
    try:
        with pytest.raises(LibraryError, match="rebuilding the search index"):
            search(lib, "khai sinh")
        assert sorted(p.name for p in lib.paths.index.iterdir() if p.is_dir()) == before  # nothing built
    finally:
        other.release()
    assert search(lib, "khai sinh")["total"] == 5  # that rebuild "died": this search rebuilds
    assert not list(lib.paths.index.glob("*.building"))


def _ids(result: dict[str, Any]) -> list[int]:
    return [h["id"] for h in result["hits"]]
