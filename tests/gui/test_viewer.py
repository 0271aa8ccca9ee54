"""The viewer: thumbnails of every page, fit to width and page, rotate view, hits highlighted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.fixtures import builders
from tests.gui.conftest import import_and_wait

pytestmark = pytest.mark.gui


def test_thumbnails_fit_and_rotate(qtbot: Any, window: Any, inputs: Path) -> None:
    pdf = builders.text_pdf(inputs / "hai-trang.pdf", [builders.DECISION, ["Trang hai", "Điều 2. Hiệu lực thi hành."]])
    import_and_wait(qtbot, window, [pdf])
    window.table.selectRow(0)
    viewer = window.viewer
    assert viewer.thumbs.count() == 2
    qtbot.waitUntil(lambda: all(not viewer.thumbs.item(i).icon().isNull() for i in range(2)), timeout=10_000)
    viewer.thumbs.setCurrentRow(1)
    assert viewer.page == 2
    viewer.set_fit("width")
    width = viewer.image.pixmap().width()
    assert abs(width - (viewer.scroll.viewport().width() - 4)) <= 2
    viewer.set_fit("page")
    pix = viewer.image.pixmap()
    assert pix.height() <= viewer.scroll.viewport().height() and pix.width() <= viewer.scroll.viewport().width()
    before = (pix.width(), pix.height())
    viewer.set_fit(None)
    viewer.rotate()
    rotated = viewer.image.pixmap()
    assert viewer.rotation == 90 and rotated.width() > rotated.height()
    assert before[1] > before[0]


@pytest.mark.tesseract
def test_seal_and_signature_are_outlined(qtbot: Any, window: Any, inputs: Path) -> None:
    page, seal, _ = builders.sealed_page([builders.DECISION[8], "TM. ỦY BAN NHÂN DÂN PHƯỜNG NINH KIỀU"])
    pdf = builders.image_pdf(inputs / "co-dau.pdf", [page])
    import_and_wait(qtbot, window, [pdf])
    window.table.selectRow(0)
    viewer = window.viewer
    marks = dict(viewer.page_marks())
    assert set(marks) == {"seal", "signature"}
    x0, y0, x1, y1 = marks["seal"]
    assert abs(x0 - seal[0] / page.width) < 0.03 and abs(y1 - seal[3] / page.height) < 0.05
    viewer.set_fit("page")
    shown = viewer.image.pixmap().toImage()
    # the outline is drawn in red where the seal's box starts (the original there is paper)
    x, mid = int(x0 * shown.width()) - 3, int((y0 + y1) / 2 * shown.height())
    colours = [shown.pixelColor(x + dx, mid + dy) for dx in (-1, 0, 1) for dy in range(-12, 13)]
    assert any(c.red() > 150 and c.green() < 100 for c in colours), [c.name() for c in colours[:5]]
