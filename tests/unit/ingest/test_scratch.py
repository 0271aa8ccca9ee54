"""OCR's scratch files live in the library's own tmp/ (Tesseract on Windows opens files through the
ANSI code page: a %TEMP% under a Vietnamese user name breaks it), cleaned at start."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest

from docmgr.services.ingest import ingest_file
from docmgr.services.library import open_library
from tests.fixtures.builders import render_lines, save_image
from tests.fixtures.failing import held_lock


@pytest.mark.tesseract
def test_ocr_never_touches_the_system_temp_folder(library: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # %TEMP% unusable, as C:\Users\Nguyễn…\AppData\Local\Temp is for Tesseract on a Vietnamese Windows
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "Nguyễn-no-temp"))
    scan = save_image(render_lines(["GIẤY MỜI HỌP", "Kính mời ông Trần Văn Bình"], size=44, width=1300),
                      tmp_path / "scan.png")
    result = ingest_file(library, scan)
    assert result.status == "filed", result.error
    assert result.text_source == "ocr"
    leftovers = [p for p in library.paths.tmp.rglob("*") if p.is_file() and not p.name.endswith(".lock")]
    assert leftovers == []
    assert tempfile.tempdir == str(tmp_path / "Nguyễn-no-temp")  # put back after each Tesseract run


def test_tmp_is_cleaned_at_start_but_not_under_a_running_process(library_path: Path) -> None:
    tmp = library_path / "tmp"
    (tmp / "4242-dead").mkdir(parents=True)
    (tmp / "4242-dead" / "p1-x.png").write_bytes(b"left by a crash")
    (tmp / "stray.txt").write_text("old", encoding="utf-8")
    (tmp / "777-live").mkdir()
    (tmp / "777-live" / "p1-y.png").write_bytes(b"in use")
    with held_lock(tmp / "777-live.lock"):
        library = open_library(library_path)
        names = sorted(p.name for p in tmp.iterdir())
    assert "4242-dead" not in names and "stray.txt" not in names
    assert "777-live" in names and (tmp / "777-live" / "p1-y.png").exists()
    assert library.scratch.parent == tmp and library.scratch.is_dir()
