"""The navigator's document types and years: counted by the services (off the GUI thread), named in
Vietnamese and sorted with Vietnamese collation; choosing one filters the list. Also the one-time hint
to move a large Whoosh library to tantivy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.fixtures import builders
from tests.gui.conftest import import_and_wait

pytestmark = pytest.mark.gui

NOTICE = "THÔNG BÁO\nSố: 12/TB-UBND\nCần Thơ, ngày 03 tháng 02 năm 2024\nVề việc lịch tiếp công dân.\n"
INVITATION = "GIẤY MỜI\nSố: 7/GM-UBND\nCần Thơ, ngày 10 tháng 3 năm 2025\nKính mời ông Trần Văn Bình dự họp.\n"


@pytest.fixture
def filed(qtbot: Any, window: Any, inputs: Path) -> Any:
    paths = []
    for name, text in (("tb-1.txt", NOTICE), ("tb-2.txt", NOTICE.replace("12/", "13/")),
                       ("gm.txt", INVITATION)):
        (inputs / name).write_text(text, encoding="utf-8")
        paths.append(inputs / name)
    import_and_wait(qtbot, window, paths)
    qtbot.waitUntil(lambda: window.counts.task is None and len(window.navigator.group_keys("type")) >= 2,
                    timeout=30_000)
    return window


def test_types_and_years_with_counts(qtbot: Any, filed: Any) -> None:
    from docmgr.core.text import sort_key
    from docmgr.services.views import type_counts, year_counts

    window = filed
    types = type_counts(window.library)
    assert sum(n for _c, _name, n in types) == 3
    names = [name for code, name, _n in types if code]
    assert names == sorted(names, key=sort_key) and "Thông báo" in names
    labels = {key: window.navigator.item_for(key).text(0) for key in window.navigator.group_keys("type")}
    assert labels["type:TB"] == "Thông báo (2)"
    assert dict(year_counts(window.library)) == {2025: 1, 2024: 2}
    assert window.navigator.group_keys("year") == ["year:2025", "year:2024"]
    assert window.navigator.item_for("year:2024").text(0) == "2024 (2)"


def test_choosing_a_type_or_a_year_filters_the_list(qtbot: Any, filed: Any) -> None:
    window = filed
    window.navigator.select_view("type:TB")
    assert window.model.view == "type:TB"
    assert sorted(window.model.row_at(r).filename for r in range(window.model.rowCount())) == ["tb-1.txt", "tb-2.txt"]
    window.navigator.select_view("year:2025")
    assert [window.model.row_at(r).filename for r in range(window.model.rowCount())] == ["gm.txt"]
    window.model.sort(0)  # sortable like every view
    assert window.model.rowCount() == 1
    # trashing updates the counts
    window.navigator.select_view("type:TB")
    window.table.selectRow(0)
    window.trash_selected()
    qtbot.waitUntil(lambda: window.counts.task is None
                    and window.navigator.item_for("type:TB").text(0) == "Thông báo (1)", timeout=30_000)
    assert window.model.rowCount() == 1


def test_groups_are_not_views(qtbot: Any, window: Any) -> None:
    with qtbot.assertNotEmitted(window.navigator.view_chosen):
        window.navigator.setCurrentItem(window.navigator.item_for("type"))
    assert window.model.view == "review"


def test_large_whoosh_library_hint_shown_once(qtbot: Any, window: Any, inputs: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import docmgr.services.search as svc

    monkeypatch.setattr(svc, "WHOOSH_ADVISED_MAX", 0)  # the threshold, so one document is "large"
    (inputs / "tb.txt").write_text(NOTICE, encoding="utf-8")
    import_and_wait(qtbot, window, [inputs / "tb.txt"])
    qtbot.waitUntil(lambda: window.counts.advice_shown and window.counts.task is None, timeout=30_000)
    assert "tantivy" in window.messages.text() and window.messages.isVisible()
    window.messages.hide()
    task = window.counts.refresh(advice=True)
    assert task is not None
    qtbot.waitUntil(lambda: window.counts.task is None, timeout=30_000)
    assert not window.messages.isVisible()  # once a session
    # a large library is also noticed at start-up, by the warm-up (off the GUI thread)
    window.counts.advice_shown = window.warm_done = False
    window.warm_up()
    qtbot.waitUntil(lambda: window.warm_done, timeout=60_000)
    assert window.counts.advice_shown and "tantivy" in window.messages.text()
