import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from docmgr.core.errors import LibraryError
from docmgr.core.library import Library, file_sha256
from docmgr.core.settings import Settings

ROOT = Path(__file__).resolve().parents[3]


def test_originals_are_content_addressed_and_read_only(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    src = tmp_path / "đơn.txt"
    src.write_text("Đơn đề nghị", encoding="utf-8")
    sha = file_sha256(src)
    stored = lib.store_original(src, sha, ".txt")
    assert stored == lib.paths.originals / sha[:2] / f"{sha}.txt"
    assert stored.read_bytes() == src.read_bytes()
    assert not stored.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert lib.store_original(src, sha, ".txt") == stored  # idempotent
    assert src.read_text(encoding="utf-8") == "Đơn đề nghị"  # the input is untouched


def test_store_refuses_a_file_that_changed_since_hashing(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    src = tmp_path / "a.txt"
    src.write_text("one", encoding="utf-8")
    with pytest.raises(LibraryError, match="changed"):
        lib.store_original(src, "0" * 64, ".txt")
    assert list(lib.paths.originals.rglob("*")) == [] or all(p.is_dir() for p in lib.paths.originals.rglob("*"))


def test_settings_round_trip_and_bad_values(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    s = Settings(ocr_languages="vie", review_threshold=0.7)
    s.extra["future_key"] = 1
    s.save(path)
    back = Settings.load(path)
    assert back.ocr_languages == "vie" and back.review_threshold == 0.7 and back.extra == {"future_key": 1}
    path.write_text('{"max_pages": "many", "review_threshold": 1}', encoding="utf-8")
    back = Settings.load(path)
    assert back.max_pages == 2000 and back.review_threshold == 1.0


def test_a_killed_writer_leaves_no_stale_lock(tmp_path: Path) -> None:
    lib_dir = tmp_path / "lib"
    Library(lib_dir)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from docmgr.core.library import Library\n"
         "lib = Library(Path(sys.argv[1]))\n"
         "with lib.write_lock():\n    print('locked', flush=True); time.sleep(120)\n", str(lib_dir)],
        stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        lib = Library(lib_dir)  # opening needs no lock once the catalog exists
        with pytest.raises(LibraryError, match="another docmgr process"):
            with lib.write_lock(timeout=0.3):
                pass
        holder.kill()
        holder.wait(10)
        start = time.monotonic()
        with lib.write_lock(timeout=5):
            assert time.monotonic() - start < 5
    finally:
        holder.kill()
        holder.wait(10)
        holder.stdout.close()  # type: ignore[union-attr]


def test_user_folders_are_isolated_even_where_xdg_is_ignored(tmp_path_factory: pytest.TempPathFactory,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows and macOS platformdirs ignores XDG_*: the test set-up patches platformdirs itself."""
    from docmgr.core.paths import config_dir, default_library

    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    base = tmp_path_factory.getbasetemp()
    for folder in (default_library(), config_dir()):
        assert folder.resolve().is_relative_to(base.resolve()), folder
