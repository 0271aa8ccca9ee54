"""The dossier screen: a new dossier from the selected documents, the missing paper in red, attach by
dropping rows of the document list, status changes, printing through a real QPrinter, the finder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent

from tests.gui.conftest import import_and_wait

pytestmark = pytest.mark.gui

DECLARATION = "TỜ KHAI ĐĂNG KÝ KHAI SINH\nKính gửi: Ủy ban nhân dân phường Cái Khế\nHọ tên người được khai sinh: Nguyễn Thị Hồng Nhung\n"
NOTICE = "GIẤY CHỨNG SINH\nBệnh viện Phụ sản thành phố Cần Thơ\nHọ và tên mẹ: Trần Thị Bích\nĐã sinh con ngày 02/02/2026\n"


def _drop(widget: Any, mime: QMimeData) -> None:
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)


def test_new_dossier_completeness_drop_status_and_print(qtbot: Any, window: Any, inputs: Path, tmp_path: Path) -> None:
    (inputs / "to-khai.txt").write_text(DECLARATION, encoding="utf-8")
    (inputs / "chung-sinh.txt").write_text(NOTICE, encoding="utf-8")
    import_and_wait(qtbot, window, [inputs / "to-khai.txt", inputs / "chung-sinh.txt"])
    window.set_view("all")
    rows = {window.model.row_at(r).filename: r for r in range(window.model.rowCount())}
    window.table.selectRow(rows["to-khai.txt"])
    window.dossiers_action.trigger()
    screen = window.dossier_screen
    qtbot.addWidget(screen)
    # a new dossier from the selected document (the declaration only): the birth notice is missing, in red
    task = screen.create({"procedure": "KHAI-SINH", "name": "Nguyễn Văn An", "phone": "0912345678"},
                         window.selected_ids())
    qtbot.waitUntil(lambda: screen.task is None and screen.code is not None, timeout=60_000)
    assert task is not None and screen.codes() == [screen.code]
    assert [t for t in screen.missing_items()] == ["✗ Giấy chứng sinh (hoặc giấy chứng sinh điện tử)"]
    # drag the notice's row of the document list onto the dossier's papers
    mime = window.model.mimeData([window.model.index(rows["chung-sinh.txt"], 0)])
    _drop(screen.components, mime)
    qtbot.waitUntil(lambda: screen.task is None and not screen.missing_items(), timeout=60_000)
    # status: only the allowed next statuses are offered
    offered = [screen.status_box.itemData(i) for i in range(screen.status_box.count())]
    assert offered == ["in-progress", "needs-supplement", "refused", "withdrawn"]
    screen.change_status("in-progress", "chuyển tư pháp")
    qtbot.waitUntil(lambda: screen.task is None and screen.status_box.itemData(0) == "needs-supplement",
                    timeout=30_000)
    # find by name without marks
    screen.find_box.setText("nguyen van an")
    assert screen.codes() == [screen.code]
    # print the receipt through a real QPrinter writing a PDF
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    screen.print_form("receipt", printer)
    qtbot.waitUntil(lambda: screen.task is None, timeout=60_000)
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000  # the page image went to the printer


def test_the_finder_shows_the_procedure_with_what_to_bring(qtbot: Any, window: Any) -> None:
    window.dossiers_action.trigger()
    screen = window.dossier_screen
    screen.finder.ask("lam giay khai sinh cho con can gi")
    qtbot.waitUntil(lambda: screen.finder.results.count() > 0, timeout=60_000)
    assert screen.finder.current().code == "KHAI-SINH"
    html = screen.finder.detail.toPlainText()
    assert "Giấy chứng sinh" in html and "Giải quyết ngay trong ngày" in html
    # overdue / due-soon filters run without a dossier
    screen.filter.setCurrentIndex(screen.filter.findData("overdue"))
    assert screen.codes() == []


def test_a_feedback_dossier_is_answered_from_the_screen(qtbot: Any, window: Any) -> None:
    window.dossiers_action.trigger()
    screen = window.dossier_screen
    screen.create({"procedure": "PHAN-ANH", "name": "Lê Văn Cường"})
    qtbot.waitUntil(lambda: screen.task is None and screen.code is not None, timeout=60_000)
    from docmgr.gui.widgets.dossiers import _tr

    assert screen.answer_button.isVisibleTo(screen) and _tr("not routed yet") in screen.header.text()
    screen.record_answer("Đã hướng dẫn tại quầy.")
    qtbot.waitUntil(lambda: screen.task is None and "Đã hướng dẫn tại quầy." in screen.header.text(), timeout=30_000)
    assert not screen.answer_button.isVisibleTo(screen)  # done: nothing left to answer
