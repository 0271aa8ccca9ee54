"""The review panel shows where each field came from: the source line highlighted in the text and on
the page image (issue #10, Deliver 4), and the normative mark beside the type with its filter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.fixtures import builders
from tests.gui.conftest import import_and_wait

pytestmark = pytest.mark.gui

# a real-looking text layer: the columns read line by line, Số: and the number apart, date broken
HEADER = ["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH", "CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "Số:", "84/2025/QĐ-UBND", "Hà Tĩnh, ngày", "02 tháng 12 năm 2025", "QUYẾT ĐỊNH",
          "BÃI BỎ QUYẾT ĐỊNH SỐ 10/2016/QĐ-UBND CỦA ỦY BAN NHÂN DÂN TỈNH",
          "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 ngày 19 tháng 02 năm 2025;",
          "Điều 1. Bãi bỏ toàn bộ Quyết định số 10/2016/QĐ-UBND."]


def test_a_focused_field_highlights_its_line_on_the_page_and_in_the_text(qtbot: Any, window: Any, inputs: Path) -> None:
    pdf = builders.text_pdf(inputs / "qd-84.pdf", [HEADER])
    import_and_wait(qtbot, window, [pdf])
    window.table.selectRow(0)
    panel = window.metadata
    assert panel.field_edits["number"].text() == "84/2025/QĐ-UBND"
    assert panel.field_edits["issued"].text() == "2025-12-02"
    assert "84/2025/QĐ-UBND" in panel.field_edits["number"].toolTip()
    panel.highlight_field("number")
    # in the text: the two lines "Số:" / "84/2025/QĐ-UBND" are highlighted
    sel = panel.text.extraSelections()
    assert len(sel) == 1 and sel[0].cursor.selectedText().replace("\u2029", "\n") == "Số:\n84/2025/QĐ-UBND"
    # on the page: one box per source line, in the upper part of the page, the second under the first
    qtbot.waitUntil(lambda: len(window.viewer.page_hits()) == 2, timeout=10_000)
    (l1, t1, r1, b1), (l2, t2, r2, b2) = sorted(window.viewer.page_hits(), key=lambda b: b[1])
    assert 0 < t1 < t2 < 0.4 and r2 - l2 > r1 - l1  # "84/2025/QĐ-UBND" is wider than "Số:"
    panel.highlight_field("issued")
    qtbot.waitUntil(lambda: len(window.viewer.page_hits()) == 2 and window.viewer.page_hits()[0][1] > t2,
                    timeout=10_000)
    panel.ensureWidgetVisible(panel.field_edits["issued"])
    window.grab().save(str(inputs / "provenance.png"))
    panel.grab().save(str(inputs / "panel.png"))


def test_a_normative_decision_is_marked_and_filtered(qtbot: Any, window: Any, inputs: Path) -> None:
    normative = builders.text_pdf(inputs / "qd-84.pdf", [HEADER])
    plain = builders.text_pdf(inputs / "qd-2820.pdf", [builders.DECISION])
    import_and_wait(qtbot, window, [normative, plain])
    shown = {window.model.row_at(r).filename: window.model.data(window.model.index(r, 0)) for r in range(2)}
    assert shown["qd-84.pdf"].startswith("Quyết định ·") and shown["qd-2820.pdf"] == "Quyết định"
    window.navigator.select_view("normative:1")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    assert window.model.row_at(0).filename == "qd-84.pdf"
    window.table.selectRow(0)
    assert window.metadata.normative.text() and window.metadata.type_box.currentData() == "QD"
