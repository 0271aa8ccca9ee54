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
