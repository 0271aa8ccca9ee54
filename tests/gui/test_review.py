"""The review loop: the panel shows suggestions, confirming from it changes the status (type, an
edited field and notes kept) and moves on; Vietnamese capitals keep their marks in labels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.fixtures import builders
from tests.gui.conftest import import_and_wait

pytestmark = pytest.mark.gui


def test_confirm_from_the_panel_changes_the_status(qtbot: Any, window: Any, inputs: Path) -> None:
    pdf = builders.text_pdf(inputs / "quyet-dinh.pdf", [builders.DECISION])
    note = inputs / "giay-moi.txt"
    note.write_text("GIẤY MỜI\nKính mời ông Trần Văn Bình dự họp.\n", encoding="utf-8")
    import_and_wait(qtbot, window, [pdf, note])
    assert window.navigator.current_view() == "review" and window.model.rowCount() == 2
    row = next(r for r in range(2) if window.model.row_at(r).filename == "quyet-dinh.pdf")
    window.table.selectRow(row)
    panel = window.metadata
    assert panel.type_box.currentData() == "QD"
    assert "%" in panel.suggestions.text() and panel.why.text()
    # the classifier's reasons in the Vietnamese UI: worded from their codes, no English left
    assert "chữ viết tắt QĐ trong 'Số: 2820/QĐ-UBND'" in panel.why.text()
    assert "tiêu đề 'QUYẾT ĐỊNH' dưới quốc hiệu, tiêu ngữ" in panel.why.text()
    assert not any(w in panel.why.text() for w in ("abbreviation", "heading", "terms:"))
    assert panel.field_edits["number"].text() == "2820/QĐ-UBND"
    panel.field_edits["signer"].setText("Nguyễn Thị Lan")
    panel.notes.setPlainText("Đã đối chiếu bản gốc.")
    assert panel.confirm_button.isEnabled()
    window.confirm_action.trigger()
    qtbot.waitUntil(lambda: window.review_task is None and window.model.rowCount() == 1, timeout=30_000)
    doc = window.library.catalog.get(_id(window, "quyet-dinh.pdf"))
    assert doc.display_status == "confirmed" and doc.type_code == "QD"
    assert doc.fields["signer"].value == "Nguyễn Thị Lan" and doc.fields["signer"].edited
    assert doc.notes == "Đã đối chiếu bản gốc."
    # the loop moved on to the remaining document
    assert window.selected_ids() and window.metadata.file.text() == "giay-moi.txt"


def _id(window: Any, filename: str) -> int:
    return next(d.id for d in window.library.catalog.documents(status=None) if d.filename == filename)


def test_shortcuts_are_in_the_menus(window: Any) -> None:
    assert window.next_action.shortcut().toString() == "Ctrl+Down"
    assert window.confirm_action.shortcut().toString() == "Ctrl+Return"
    assert window.search_action.shortcut().toString() == "Ctrl+F"


def _ink(label: Any) -> int:
    img = label.grab().toImage()
    return sum(1 for y in range(img.height()) for x in range(img.width()) if img.pixelColor(x, y).lightness() < 128)


def test_marks_above_capitals_are_not_clipped(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    fitted, roomy = QLabel("ỦY BAN NHÂN DÂN ẪỐỮ"), QLabel("ỦY BAN NHÂN DÂN ẪỐỮ")
    for label in (fitted, roomy):
        qtbot.addWidget(label)
        label.setStyleSheet("background: white; color: black;")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.show()
    fitted.resize(fitted.sizeHint())
    roomy.resize(roomy.sizeHint().width(), roomy.sizeHint().height() + 30)
    assert _ink(fitted) == _ink(roomy) > 0
