"""The settings dialog writes the typed settings; the watched inbox folder imports a file once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.gui


def test_settings_dialog_saves_the_typed_settings(window: Any, tmp_path: Path) -> None:
    from docmgr.core.settings import AppSettings, Settings
    from docmgr.gui.widgets.settings import SettingsDialog

    dialog = SettingsDialog(window.library, window)
    dialog.ocr_languages.setText("vie")
    dialog.threshold.setValue(0.75)
    dialog.inbox_folder.setText(str(tmp_path / "inbox"))
    dialog.engine.setCurrentIndex(dialog.engine.findText("tantivy"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.library_folder.setText(str(tmp_path / "other-library"))
    dialog.accept()
    from docmgr.gui.workers import write_pool

    write_pool().waitForDone()  # saved in the write pool, off the GUI thread
    saved = Settings.load(window.library.paths.settings)
    assert (saved.ocr_languages, saved.review_threshold, saved.search_engine, saved.ui_language) == \
        ("vie", 0.75, "tantivy", "en")
    assert saved.inbox_folder == str(tmp_path / "inbox")
    assert AppSettings.load().library == str(tmp_path / "other-library")
    assert dialog.restart_needed
    window.apply_settings(dialog.restart_needed)
    assert window.watcher.folder() == str(tmp_path / "inbox")
    assert window.file_menu.title() == "&File"  # the language applies at once

    from docmgr.core.paths import resolve_library

    assert resolve_library() == tmp_path / "other-library"


def test_watched_folder_imports_a_file_once(qtbot: Any, window: Any, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    window.watcher.timer.setInterval(150)
    window.library.settings.inbox_folder = str(inbox)
    window.apply_settings()
    imports: list[list[Path]] = []
    real = window.import_paths

    def counting(paths: Any, **kwargs: Any) -> Any:
        imports.append(list(paths))
        return real(paths, **kwargs)

    window.import_paths = counting
    doc = inbox / "giay-moi.txt"
    with doc.open("w", encoding="utf-8") as f:
        f.write("GIẤY MỜI\n")
        for i in range(12):               # growing for ~600 ms: several polls see it change
            f.flush()
            qtbot.wait(50)
            f.write(f"Kính mời ông Trần Văn Bình dự họp lần {i}.\n")
    qtbot.waitUntil(lambda: window.task is None and window.model.rowCount() == 1, timeout=30_000)
    qtbot.wait(400)
    assert imports == [[doc]]
    assert window.model.rowCount() == 1


def test_the_inbox_is_scanned_off_the_gui_thread_and_remembered_across_restarts(
        qtbot: Any, window: Any, tmp_path: Path, library_path: Path) -> None:
    import threading

    from docmgr.app import build_window

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "giay-moi.txt").write_text("GIẤY MỜI\nKính mời ông Trần Văn Bình dự họp.\n", encoding="utf-8")
    window.watcher.timer.setInterval(100)
    window.library.settings.inbox_folder = str(inbox)
    window.apply_settings()
    threads: list[str] = []
    scanner = window.watcher.scanner
    real_poll = scanner.poll

    def poll() -> Any:
        threads.append(threading.current_thread().name)
        return real_poll()

    scanner.poll = poll
    qtbot.waitUntil(lambda: window.task is None and window.model.rowCount() == 1, timeout=30_000)
    qtbot.waitUntil(lambda: bool(window.library.catalog.inbox_taken()), timeout=10_000)
    assert threads and threading.main_thread().name not in threads
    window.watcher.timer.stop()
    window.library.save_settings()

    again = build_window(str(library_path))  # a restart: the same file is not taken (nor hashed) again
    assert again is not None
    qtbot.addWidget(again)
    again.watcher.timer.setInterval(100)
    imports: list[Any] = []
    again.import_paths = lambda paths, **_kw: imports.append(paths)  # type: ignore[method-assign]
    qtbot.wait(800)
    assert imports == []
    [(path, size_mtime)] = again.library.catalog.inbox_taken().items()
    assert path == str(inbox / "giay-moi.txt")
    again.watcher.timer.stop()
