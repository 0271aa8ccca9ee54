"""Tesseract is found on PATH, in the usual Windows install folder, or bundled beside the app."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from docmgr.ingest import tesseract_path


@pytest.fixture
def real_tesseract() -> Path:
    found = shutil.which("tesseract")
    if found is None:
        pytest.skip("tesseract is not installed")
    return Path(found)


def test_a_copy_beside_the_app_comes_first(tmp_path: Path, real_tesseract: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pytesseract

    app = tmp_path / "docmgr"
    (app / "tesseract" / "tessdata").mkdir(parents=True)
    bundled = app / "tesseract" / tesseract_path.EXE
    bundled.symlink_to(real_tesseract)
    monkeypatch.setattr(sys, "executable", str(app / "docmgr"))
    # configure() sets TESSDATA_PREFIX itself: set it here first so that monkeypatch restores the
    # variable as it was (unset) afterwards, and the bundled tessdata never leaks into other tests
    monkeypatch.setenv("TESSDATA_PREFIX", "")
    monkeypatch.delenv("TESSDATA_PREFIX")
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "tesseract")
    assert tesseract_path.configure() == bundled
    assert pytesseract.pytesseract.tesseract_cmd == str(bundled)
    assert pytesseract.get_tesseract_version().major >= 4  # it runs
    assert os.environ["TESSDATA_PREFIX"] == str(app / "tesseract" / "tessdata")


def test_the_variable_then_the_path(tmp_path: Path, real_tesseract: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "nowhere" / "python"))
    assert tesseract_path.find_tesseract() == real_tesseract
    chosen = tmp_path / "custom" / tesseract_path.EXE
    chosen.parent.mkdir()
    chosen.symlink_to(real_tesseract)
    monkeypatch.setenv(tesseract_path.ENV_TESSERACT, str(chosen))
    assert tesseract_path.find_tesseract() == chosen
