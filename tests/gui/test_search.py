"""The search bar: typing without marks finds the document (debounced, off the GUI thread) with a
snippet, facets and a hit opened at its page with the words highlighted on the page image; filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.fixtures import builders
from tests.gui.conftest import import_and_wait

pytestmark = pytest.mark.gui


@pytest.fixture
def searched(qtbot: Any, window: Any, inputs: Path) -> Any:
    pdf = builders.text_pdf(inputs / "quyet-dinh.pdf", [["Trang bìa", "Hồ sơ lưu trữ"], builders.DECISION])
    note = inputs / "giay-moi.txt"
    note.write_text("GIẤY MỜI\nKính mời ông Trần Văn Bình dự họp tại Ủy ban nhân dân phường Ninh Kiều.\n",
                    encoding="utf-8")
    import_and_wait(qtbot, window, [pdf, note])
    return window


def _search(qtbot: Any, window: Any, text: str) -> None:
    bar = window.search_bar
    bar.edit.setText(text)
    qtbot.waitUntil(lambda: bar.query_text == text and bar.body.isVisible(), timeout=30_000)


def test_search_finds_a_document_with_snippet_and_highlight(qtbot: Any, searched: Any) -> None:
    window = searched
    window.search_action.trigger()
    assert window.search_bar.edit.hasFocus() or window.search_bar.edit.isVisible()
    _search(qtbot, window, "khai sinh nguyen thi hong nhung")
    bar = window.search_bar
    assert bar.hit_count() == 1 and window.table.isHidden()
    hit = bar.result["hits"][0]
    assert hit["filename"] == "quyet-dinh.pdf" and hit["page"] == 2
    assert "«" in hit["snippet"]
    assert "background:#fff3a0" in bar.hit_text(0)
    assert f"{hit['type']}</a> (1)" in bar.facets.text()
    bar.results.setCurrentRow(0)
    viewer = window.viewer
    assert viewer.page == 2 and viewer.shows_image()
    assert len(viewer.page_hits()) >= 4                         # khai, sinh, Nguyễn, Thị, Hồng, Nhung
    assert all(0 <= b[0] < b[2] <= 1 and 0 <= b[1] < b[3] <= 1 for b in viewer.page_hits())
    before = viewer.hit
    window.next_hit_action.trigger()
    assert viewer.hit == (before + 1) % len(viewer.hits)
    assert window.metadata.file.text() == "quyet-dinh.pdf"
    # highlighted pixels really are on the page image: yellow appears where the hit is
    img = viewer.image.pixmap().toImage()
    box = viewer.page_hits()[0]
    pixels = [img.pixelColor(x, y) for x in range(int(box[0] * img.width()), int(box[2] * img.width()))
              for y in range(int(box[1] * img.height()), int(box[3] * img.height()))]
    yellow = [c for c in pixels if c.red() - c.blue() > 60]  # white paper and black ink are grey
    assert pixels and len(yellow) > 0.3 * len(pixels)


def test_filters_and_clearing(qtbot: Any, searched: Any) -> None:
    window = searched
    bar = window.search_bar
    _search(qtbot, window, "ninh kieu")
    assert {h["filename"] for h in bar.result["hits"]} == {"giay-moi.txt"}
    bar.status_filter.setCurrentIndex(bar.status_filter.findData("confirmed"))
    qtbot.waitUntil(lambda: bar.hit_count() == 0 and bar.filters()["status"] == "confirmed", timeout=30_000)
    bar.status_filter.setCurrentIndex(0)
    bar.type_filter.setCurrentIndex(bar.type_filter.findData("QD"))
    qtbot.waitUntil(lambda: bar.result.get("query") == 'ninh kieu type:"QD"', timeout=30_000)
    assert all(h["filename"] == "quyet-dinh.pdf" for h in bar.result["hits"])
    bar.edit.clear()
    bar.type_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not bar.body.isVisible() and not window.table.isHidden(), timeout=30_000)


def test_did_you_mean(qtbot: Any, searched: Any) -> None:
    window = searched
    bar = window.search_bar
    _search(qtbot, window, "nhungg")
    assert bar.hit_count() == 0 and bar.suggestion.isVisible() and "nhung</a>" in bar.suggestion.text()
    bar.suggestion.linkActivated.emit("nhung")
    qtbot.waitUntil(lambda: bar.query_text == "nhung" and bar.hit_count() == 1, timeout=30_000)


def test_saved_search_in_the_navigator(qtbot: Any, searched: Any, library_path: Path) -> None:
    window = searched
    bar = window.search_bar
    bar.status_filter.setCurrentIndex(bar.status_filter.findData("inbox"))
    _search(qtbot, window, "ninh kieu")
    window.save_search("Ninh Kiều")
    from docmgr.core.settings import Settings
    from docmgr.gui.workers import write_pool

    write_pool().waitForDone()  # saved in the write pool, off the GUI thread

    saved = Settings.load(window.library.paths.settings).saved_searches
    assert saved == [{"name": "Ninh Kiều", "query": "ninh kieu", "type_code": None, "year": None, "status": "inbox"}]
    bar.edit.clear()
    bar.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not bar.body.isVisible(), timeout=30_000)
    window.navigator.select_view("search:0")
    assert window.navigator.currentItem().text(0).endswith("Ninh Kiều")
    qtbot.waitUntil(lambda: bar.query_text == "ninh kieu" and bar.hit_count() == 1, timeout=30_000)
    assert bar.filters()["status"] == "inbox"


def test_autocomplete_from_the_index(qtbot: Any, searched: Any) -> None:
    """Typing part of a word offers completions from the index, asked in a worker."""
    window = searched
    bar = window.search_bar
    bar.edit.setFocus()
    qtbot.keyClicks(bar.edit, "ninh ki")
    qtbot.waitUntil(lambda: "ninh kieu" in bar.completions.stringList(), timeout=30_000)
    assert all(c.startswith("ninh ki") for c in bar.completions.stringList())
    assert bar.complete_pool is not window.search_bar.pool


def test_long_titles_wrap_without_overlap(qtbot: Any, window: Any) -> None:
    """A long title wraps onto more lines and the row grows; the type line and the snippet stay below it."""
    from PySide6.QtCore import Qt

    bar = window.search_bar
    title = "Về việc cấp giấy chứng nhận quyền sử dụng đất cho hộ ông Lê Văn Tám, thửa đất số 40, tờ bản đồ số 7"
    hits = [{"id": i, "title": title if i else "Giấy mời", "type": "Thông báo", "page": 1,
             "snippet": "… giấy chứng nhận «quyền» «sử» «dụng» «đất» cho hộ ông Lê Văn Tám …"} for i in range(2)]
    bar._show({"query": "x", "total": 2, "suggestion": None, "facets": {}, "hits": hits})
    bar.resize(700, 500)
    qtbot.wait(50)
    short, long = (bar.results.visualItemRect(bar.results.item(r)) for r in range(2))
    assert long.top() >= short.bottom() and long.height() > short.height()
    wide = long.height()
    bar.resize(300, 500)
    qtbot.waitUntil(lambda: bar.results.visualItemRect(bar.results.item(1)).height() > wide, timeout=5_000)
    # the row is as tall as its laid-out text: nothing is drawn past its bottom
    delegate = bar.results.itemDelegate()
    item = bar.results.item(1)
    assert "Thông báo · " in str(item.data(Qt.ItemDataRole.DisplayRole))
    index = bar.results.indexFromItem(item)
    from PySide6.QtWidgets import QStyleOptionViewItem

    opt = QStyleOptionViewItem()
    opt.initFrom(bar.results)
    assert delegate.sizeHint(opt, index).height() <= bar.results.visualItemRect(item).height() + 1
