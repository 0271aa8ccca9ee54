"""``check``: a quick pass (no checksums) and a full pass that resumes after an interruption."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from docmgr.core.catalog import now_iso
from docmgr.core.errors import Cancelled
from docmgr.core.library import Library, file_sha256
from docmgr.core.models import Document, Page
from docmgr.core.progress import CancelToken, ProgressEvent
from docmgr.services.check import check_library, last_full_check


def _library_with_files(tmp_path: Path, n: int) -> Library:
    """``n`` filed text documents with their stored originals (filed straight into the catalog: quick)."""
    folder = tmp_path / "in"
    folder.mkdir()
    library = Library(tmp_path / "lib")
    with library.catalog.transaction() as tx:
        for i in range(n):
            path = folder / f"thong-bao-{i}.txt"
            path.write_text(f"THÔNG BÁO số {i}\nNội dung {i}\n", encoding="utf-8")
            sha = file_sha256(path)
            library.store_original(path, sha, ".txt")
            doc = Document(id=0, sha256=sha, filename=path.name, size=path.stat().st_size, mime="text/plain",
                           suffix=".txt", added=now_iso(), status="inbox", trashed=False, text_source="plain",
                           page_count=1)
            library.catalog.insert_document(tx, doc, [Page(1, path.read_text(encoding="utf-8"), "plain")])
    return library


def _damage(library: Library, doc_id: int) -> None:
    """Flip one byte of a stored original, keeping its size (only a checksum can see it)."""
    doc = library.catalog.get(doc_id)
    path = library.original_path(doc.sha256, doc.suffix)
    os.chmod(path, stat.S_IWUSR | stat.S_IRUSR)
    data = bytearray(path.read_bytes())
    data[0] ^= 0x01
    path.write_bytes(bytes(data))


def test_quick_check_sees_missing_files_but_not_flipped_bytes(tmp_path: Path) -> None:
    library = _library_with_files(tmp_path, 3)
    ids = library.catalog.all_ids()
    _damage(library, ids[0])
    quick = check_library(library, full=False)
    assert quick["ok"] and quick["mode"] == "quick" and last_full_check(library) is None
    full = check_library(library)
    assert [(p["kind"], p["id"]) for p in full["problems"]] == [("checksum", ids[0])]
    assert last_full_check(library) is not None
    doc = library.catalog.get(ids[1])
    library.original_path(doc.sha256, doc.suffix).unlink()
    assert ("missing-original", ids[1]) in [(p["kind"], p["id"]) for p in check_library(library, full=False)["problems"]]


def test_an_interrupted_full_check_continues_where_it_stopped(tmp_path: Path) -> None:
    library = _library_with_files(tmp_path, 450)
    ids = library.catalog.all_ids()
    _damage(library, ids[10])
    _damage(library, ids[-1])
    cancel = CancelToken()

    def stop_midway(event: ProgressEvent) -> None:
        if event.stage == "checksums" and event.done >= 200:
            cancel.cancel()

    with pytest.raises(Cancelled):
        check_library(library, progress=stop_midway, cancel=cancel)
    seen: list[int] = []
    report = check_library(library, progress=lambda e: seen.append(e.done) if e.stage == "checksums" else None)
    assert report["resumed_from"] >= ids[199]
    assert sorted(p["id"] for p in report["problems"]) == [ids[10], ids[-1]]  # found before and after the stop
    assert "resumed_from" not in check_library(library)  # a completed pass starts afresh
