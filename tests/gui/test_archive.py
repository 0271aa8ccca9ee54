"""The archive screens on a real library: register entry and export, disposal with approval, a document's
history (and a tampered chain shown as broken), statistics charts, users and roles, the backup action."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.catalog_docs import file_doc

pytestmark = pytest.mark.gui


@pytest.fixture
def archive(window: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("DOCMGR_USER", "luutru")
    return window.archive_menu


def wait_task(qtbot: Any, task: Any) -> None:
    from docmgr.gui.workers import _live

    qtbot.waitUntil(lambda: task not in _live, timeout=60_000)


def test_register_enter_and_export(qtbot: Any, archive: Any, tmp_path: Path) -> None:
    lib = archive.window.library
    doc = file_doc(lib, ["v"], type_code="CV", fields={"number": "12/UBND-VP", "issuer": "UBND phường An Hòa"})
    win = archive.open("register")
    wait_task(qtbot, win.register.enter(doc))
    assert win.register.view.rowCount() == 1 and win.register.view.item(0, 1).text() == "01"
    assert win.register.view.item(0, 2).text() == "UBND phường An Hòa"
    wait_task(qtbot, win.register.export(str(tmp_path / "so.pdf")))
    assert (tmp_path / "so.pdf").read_bytes()[:4] == b"%PDF"


def test_disposal_needs_approval_by_an_archivist(qtbot: Any, archive: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from docmgr.services.retention import tombstones
    from docmgr.services.users import add_user, require

    lib = archive.window.library
    old = file_doc(lib, ["công văn cũ"], type_code="CV", fields={"issued": "2010-01-05"})
    file_doc(lib, ["quyết định"], type_code="QD", fields={"issued": "2010-01-05"})
    require(lib, "archivist")
    add_user(lib, "vanthu", "clerk")
    monkeypatch.setenv("DOCMGR_USER", "vanthu")
    win = archive.open("disposal")
    assert [d["id"] for d in win.disposal.due] == [old]  # the permanent decision is not listed
    assert not win.disposal.approve_button.isEnabled()  # a clerk cannot approve
    monkeypatch.setenv("DOCMGR_USER", "luutru")
    win.disposal.refresh()
    assert win.disposal.approve_button.isEnabled()
    win.disposal.check(old)
    assert win.disposal.checked_ids() == [old]
    wait_task(qtbot, win.disposal.approve(win.disposal.checked_ids(), "hết hạn bảo quản", ask=False))
    assert win.disposal.due == [] and [t["id"] for t in tombstones(lib)] == [old]


def test_history_shows_entries_and_a_broken_chain(qtbot: Any, archive: Any) -> None:
    from docmgr.services.documents import restore, trash

    lib = archive.window.library
    doc = file_doc(lib, ["v"])
    trash(lib, doc)
    restore(lib, doc)
    win = archive.open("history", doc)
    view = win.history.view
    assert [view.item(r, 3).text() for r in range(view.rowCount())] == ["trash", "restore"]
    assert view.item(0, 2).text() == "luutru" and win.history.chain.styleSheet() == ""
    lib.catalog.connection().execute("UPDATE audit_log SET actor = 'x' WHERE seq = 1")
    win.history.refresh()
    assert "audit entry 1 was altered" in win.history.chain.text() and "b00020" in win.history.chain.styleSheet()


def test_statistics_draw_charts(qtbot: Any, archive: Any) -> None:
    lib = archive.window.library
    for i in range(5):
        file_doc(lib, [f"v{i}"], fields={"issuer": ["UBND phường Ninh Kiều", "Sở Tư pháp"][i % 2]})
    win = archive.open("stats")
    qtbot.waitUntil(lambda: win.stats.result is not None, timeout=60_000)
    assert win.stats.result["documents_total"] == 5
    assert len(win.stats.figure.axes) >= 3 and win.stats.figure.axes[0].patches  # bars drawn
    assert "5" in win.stats.summary.text()


def test_users_and_roles(qtbot: Any, archive: Any) -> None:
    from docmgr.services.users import list_users, require

    lib = archive.window.library
    require(lib, "archivist")
    win = archive.open("users")
    wait_task(qtbot, win.users.save("lanhdao", "leader", None))
    assert [(u.name, u.role) for u in list_users(lib)] == [("lanhdao", "leader"), ("luutru", "archivist")]
    from docmgr.gui.archive.common import _t

    assert win.users.view.rowCount() == 2 and _t("Roles keep honest people from mistakes and name who did what. They "
                                                  "are not a security boundary: an administrator of this PC can change "
                                                  "the library's files directly.") in win.users.findChildren(
        type(win.users.who))[1].text()


def test_backup_action_and_scheduled_backup(qtbot: Any, archive: Any, tmp_path: Path) -> None:
    lib = archive.window.library
    lib.settings.backup_folder = str(tmp_path / "auto")
    task = archive.backup_if_due()
    assert task is not None
    wait_task(qtbot, task)
    assert len(list((tmp_path / "auto").glob("docmgr-backup-*.zip"))) == 1
    assert archive.backup_if_due() is None  # just made: not due again


def test_archive_screens_speak_vietnamese(qtbot: Any, archive: Any) -> None:
    from docmgr.gui import i18n

    assert i18n.install("vi")
    try:
        win = archive.open("users")
        assert archive.menu.title() == "&Lưu trữ"
        assert win.tabs.tabText(0) == "Sổ văn bản đến" and "hàng rào bảo mật" in win.users.findChildren(
            type(win.users.who))[1].text()
    finally:
        i18n.install("en")
