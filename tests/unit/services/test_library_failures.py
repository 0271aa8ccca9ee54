"""A library that fails is not bad input: a held lock, a locked catalog, a full or read-only disk stop
the batch with one clear error; no good file is rejected or quarantined, nothing is half-written."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from docmgr.core.errors import LibraryError
from docmgr.services.ingest import ingest_paths
from docmgr.services.library import open_library
from tests.fixtures.failing import fill, held_lock, read_only_view, small_disk


def _good_files(folder: Path, n: int = 3) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        path = folder / f"don-{i}.txt"
        path.write_text(f"ĐƠN ĐỀ NGHỊ số {i}\nHọ và tên: Nguyễn Văn Đức\n", encoding="utf-8")
        out.append(path)
    return out


def _nothing_rejected(library: Any) -> None:
    assert sorted(p.name for p in library.paths.quarantine.iterdir()) == []
    assert library.catalog.rejections() == []


def test_a_held_lock_stops_the_batch_and_quarantines_nothing(library: Any, tmp_path: Path) -> None:
    library.lock_timeout = 0.5
    seen: list[Any] = []
    with held_lock(library.paths.write_lock), pytest.raises(LibraryError, match="held the library"):
        ingest_paths(library, _good_files(tmp_path / "in"), workers=1, on_result=seen.append)
    assert seen == []
    _nothing_rejected(library)
    assert library.catalog.all_ids() == []


def test_a_locked_catalog_stops_the_batch(library: Any, tmp_path: Path) -> None:
    other = sqlite3.connect(library.paths.catalog, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer keeps the catalog (sqlite3.OperationalError: locked)
    try:
        library.catalog.connection().execute("PRAGMA busy_timeout = 100")
        with pytest.raises(LibraryError, match="catalog cannot be written .*locked"):
            ingest_paths(library, _good_files(tmp_path / "in"), workers=1)
    finally:
        other.execute("ROLLBACK")
        other.close()
    _nothing_rejected(library)
    assert list(library.paths.originals.rglob("*.txt")) == []


def test_rejecting_never_raises_even_when_the_catalog_cannot_record_it(library: Any, tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    other = sqlite3.connect(library.paths.catalog, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        library.catalog.connection().execute("PRAGMA busy_timeout = 100")
        [result] = ingest_paths(library, [empty], workers=1)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.status == "rejected" and result.error


def test_a_full_disk_stops_the_batch_with_one_clear_cause(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 768) as disk:
        library = open_library(disk / "library")
        files = _good_files(tmp_path / "in")
        fill(disk)
        with pytest.raises(LibraryError, match="disk is full|database or disk is full"):
            ingest_paths(library, files, workers=1)
        (disk / "filler.bin").unlink()
        _nothing_rejected(library)
        assert [p for p in library.paths.originals.rglob("*") if p.is_file()] == []  # no half-written original or .part
        library.catalog.close()


def test_a_read_only_library_stops_the_batch(tmp_path: Path) -> None:
    library = open_library(tmp_path / "library")
    [first] = ingest_paths(library, _good_files(tmp_path / "a", 1), workers=1)
    assert first.status == "filed"
    library.catalog.close()
    with read_only_view(tmp_path / "library", tmp_path / "view") as view:
        with pytest.raises(LibraryError, match="read-only"):
            ingest_paths(open_library(view), _good_files(tmp_path / "b"), workers=1)
    _nothing_rejected(library)
    assert library.catalog.all_ids() == [first.id]


def test_the_cli_stops_with_exit_1_and_one_line_on_a_full_disk(tmp_path: Path) -> None:
    from tests.conftest import Cli

    with small_disk(tmp_path / "disk", 768) as disk:
        cli = Cli(disk / "library")
        assert cli("list").returncode == 0  # the library exists
        files = _good_files(tmp_path / "in")
        fill(disk)
        proc = cli("ingest", *files)
        (disk / "filler.bin").unlink()
        assert proc.returncode == 1, proc.stderr
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("docmgr: error:") and "full" in lines[0], proc.stderr
        assert "rejected" not in proc.stdout + proc.stderr
        assert list((disk / "library" / "quarantine").iterdir()) == []
