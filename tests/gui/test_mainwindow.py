"""The desktop app on a real temporary library: import, list, viewer, metadata, rejected files, cancel,
work off the GUI thread, trash and restore, lazy list model."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.fixtures import builders
from tests.gui.conftest import import_and_wait

pytestmark = pytest.mark.gui


def _two_inputs(folder: Path) -> list[Path]:
    txt = folder / "giay-moi.txt"
    txt.write_text("GIẤY MỜI\nKính mời ông Trần Văn Bình dự họp tại Ủy ban nhân dân phường Ninh Kiều.\n",
                   encoding="utf-8")
    pdf = builders.text_pdf(folder / "quyet-dinh.pdf", [builders.DECISION])
    return [txt, pdf]


def test_window_opens_on_a_temp_library(window: Any, library_path: Path) -> None:
    assert "docmgr" in window.windowTitle()
    assert window.model.rowCount() == 0
    assert window.navigator.current_view() == "review"


def test_an_empty_list_says_how_to_fill_it(qtbot: Any, window: Any, inputs: Path) -> None:
    assert not window.empty_hint.isHidden() and "Tệp › Nhập" in window.empty_hint.text()
    assert window.viewer.page_label.text() == ""  # no "page 0 / 0" before a document is open
    import_and_wait(qtbot, window, _two_inputs(inputs)[:1])
    assert window.model.rowCount() == 1 and window.empty_hint.isHidden()


def test_import_list_select_shows_text_and_page(qtbot: Any, window: Any, inputs: Path) -> None:
    txt, pdf = _two_inputs(inputs)
    import_and_wait(qtbot, window, [txt, pdf])
    assert window.model.rowCount() == 2
    files = {window.model.row_at(r).filename: r for r in range(2)}
    window.table.selectRow(files["quyet-dinh.pdf"])
    assert "2820/QĐ-UBND" in window.metadata.text.toPlainText()
    assert window.viewer.shows_image() and not window.viewer.image.pixmap().isNull()
    assert window.viewer.page_label.text().endswith("1 / 1") or "1 / 1" in window.viewer.page_label.text()
    window.table.selectRow(files["giay-moi.txt"])
    assert "Trần Văn Bình" in window.metadata.text.toPlainText()
    assert not window.viewer.shows_image()
    assert "Trần Văn Bình" in window.viewer.text.toPlainText()


def test_rejected_file_is_listed_with_its_reason(qtbot: Any, window: Any, inputs: Path) -> None:
    empty = inputs / "rong.pdf"
    empty.write_bytes(b"")
    import_and_wait(qtbot, window, [empty])
    assert window.errors_panel.rows() == [("rong.pdf", "tệp rỗng (0 byte)")]  # the cause in the UI language
    assert window.side_tabs.currentWidget() is window.errors_panel
    assert window.errors_panel.quarantine_url().toLocalFile() == str(window.library.paths.quarantine)
    assert window.model.rowCount() == 0


def test_ingest_runs_off_the_gui_thread(qtbot: Any, window: Any, inputs: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import docmgr.services.ingest as ingest

    threads: list[threading.Thread] = []
    real = ingest.ingest_paths

    def spy(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest, "ingest_paths", spy)
    import_and_wait(qtbot, window, _two_inputs(inputs)[:1])
    assert threads and threads[0] is not threading.main_thread()
    assert window.model.rowCount() == 1


def test_cancel_stops_a_batch(qtbot: Any, window: Any, inputs: Path) -> None:
    for i in range(40):
        (inputs / f"to-trinh-{i:02d}.txt").write_text(f"TỜ TRÌNH số {i}\nVề việc sửa chữa trụ sở.\n",
                                                      encoding="utf-8")
    task = window.import_paths([inputs])
    assert task is not None
    task.signals.item.connect(lambda _r: window.progress.cancel_button.click())
    with qtbot.waitSignal(task.signals.cancelled, timeout=120_000):
        pass
    qtbot.waitUntil(lambda: window.task is None)
    filed = window.library.catalog.all_ids()
    assert 1 <= len(filed) < 40
    assert window.messages.level == "info" and window.progress.isHidden()
    assert window.errors_panel.rows() == []


def test_trash_and_restore(qtbot: Any, window: Any, inputs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both run in the write pool, off the GUI thread (the library's write lock can wait 120 s)."""
    import threading

    import docmgr.services.documents as documents

    threads: list[str] = []
    for name in ("trash", "restore"):
        real = getattr(documents, name)
        monkeypatch.setattr(documents, name, lambda lib, i, _real=real: (
            threads.append(threading.current_thread().name), _real(lib, i))[1])
    import_and_wait(qtbot, window, _two_inputs(inputs))
    window.navigator.select_view("all")
    assert window.model.rowCount() == 2
    window.table.selectAll()
    assert len(window.selected_ids()) == 2
    qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10_000)
    window.navigator.select_view("trash")
    assert window.model.rowCount() == 2
    assert window.restore_button.isVisible() and not window.delete_button.isVisible()
    window.table.selectRow(0)
    qtbot.mouseClick(window.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    window.navigator.select_view("all")
    assert window.model.rowCount() == 1
    assert len(threads) == 3 and threading.main_thread().name not in threads


def test_unexpected_error_is_logged_and_shown(window: Any) -> None:
    window.errors.report(ZeroDivisionError("boom"))
    assert window.messages.level == "error" and "ZeroDivisionError" in window.messages.text()
    log = (window.library.paths.logs / "docmgr.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError: boom" in log


def test_first_run_names_missing_ocr_data_and_how_to_install_it(qtbot: Any, library_path: Path) -> None:
    from docmgr.app import build_window
    from docmgr.services.library import open_library

    lib = open_library(library_path)  # a library whose OCR languages include one not installed
    lib.settings.ocr_languages = "vie+xyz"
    lib.save_settings()
    win = build_window(str(library_path))
    assert win is not None
    qtbot.addWidget(win)
    win.warm_up()  # what the app does once the window is shown: the check runs off the GUI thread
    qtbot.waitUntil(lambda: win.warm_done, timeout=60000)
    text = win.messages.text()
    assert "xyz" in text and "apt-get install tesseract-ocr-xyz" in text and "Windows" in text


def test_a_held_library_is_a_message_not_rejections(qtbot: Any, window: Any, inputs: Path) -> None:
    """A library failure during an import stops it with one message; no good file is listed as rejected."""
    from tests.fixtures.failing import held_lock

    good = [inputs / f"don-{i}.txt" for i in range(2)]
    for path in good:
        path.write_text("ĐƠN ĐỀ NGHỊ\nHọ và tên: Nguyễn Văn Đức\n", encoding="utf-8")
    window.library.lock_timeout = 0.5
    with held_lock(window.library.paths.write_lock):
        import_and_wait(qtbot, window, good)
    assert window.errors_panel.rows() == []
    assert "held the library" in window.messages.text()
    assert list(window.library.paths.quarantine.iterdir()) == []
