"""The UI language: Vietnamese by default, English by setting or an English system locale; the
compiled Vietnamese translation is really used by the windows built after the switch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.gui


def test_language_choice() -> None:
    from docmgr.gui.i18n import choose_language

    assert choose_language("", "C") == "vi"
    assert choose_language("", "vi_VN") == "vi"
    assert choose_language("", "en_US") == "en"
    assert choose_language("vi", "en_GB") == "vi"
    assert choose_language("en", "vi_VN") == "en"
    assert choose_language("fr", "fr_FR") == "vi"


def _window(qtbot: Any, library_path: Path, language: str) -> Any:
    from docmgr.app import build_window
    from docmgr.services.library import open_library

    lib = open_library(library_path)
    lib.settings.ui_language = language
    lib.save_settings()
    win = build_window(str(library_path))
    qtbot.addWidget(win)
    return win


def test_switching_language_changes_the_strings(qtbot: Any, library_path: Path) -> None:
    from docmgr.gui import i18n

    try:
        vi = _window(qtbot, library_path, "vi")
        assert i18n.current() == "vi"
        assert vi.navigator.topLevelItem(0).text(0) == "Mới nhận / cần duyệt"
        assert vi.model.headerData(0, _horizontal()) == "Loại văn bản"
        assert vi.metadata.confirm_button.text() == "Xác nhận"
        assert [m.title() for m in _menus(vi)][:2] == ["&Tệp", "&Duyệt"]

        en = _window(qtbot, library_path, "en")
        assert i18n.current() == "en"
        assert en.navigator.topLevelItem(0).text(0) == "Inbox / needs review"
        assert en.model.headerData(0, _horizontal()) == "Type"
        assert en.metadata.confirm_button.text() == "Confirm"
    finally:
        i18n.install("vi")


def test_language_switch_applies_at_once(qtbot: Any, library_path: Path) -> None:
    """View › Language re-translates the open window (menus, navigator, list headers, panels) and keeps
    the choice in the library's settings."""
    from docmgr.gui import i18n
    from docmgr.services.library import open_library

    win = _window(qtbot, library_path, "vi")
    win.show()
    try:
        english = next(a for a in win.language_actions.actions() if a.data() == "en")
        english.trigger()
        assert i18n.current() == "en"
        assert [m.title() for m in _menus(win)] == ["&File", "&Review", "&Search", "&Dossiers", "&View", "&Archive"]
        assert win.navigator.topLevelItem(0).text(0) == "Inbox / needs review"
        assert win.model.headerData(0, _horizontal()) == "Type"
        assert win.metadata.confirm_button.text() == "Confirm"
        assert win.side_tabs.tabText(0) == "Details"
        assert win.metadata.form_labels[0].text() == "Status"
        assert win.import_action.text() == "&Import…"
        assert english.isChecked()
        from docmgr.gui.workers import write_pool

        write_pool().waitForDone()  # the setting is saved in the write pool, off the GUI thread
        assert open_library(library_path).settings.ui_language == "en"

        win.set_language("vi")
        assert i18n.current() == "vi"
        assert [m.title() for m in _menus(win)][:2] == ["&Tệp", "&Duyệt"]
        assert win.navigator.topLevelItem(0).text(0) == "Mới nhận / cần duyệt"
        assert win.model.headerData(0, _horizontal()) == "Loại văn bản"
        assert win.metadata.confirm_button.text() == "Xác nhận"
        assert win.search_bar.type_filter.itemText(0) != "All types"
        assert win.metadata.form_labels[0].text() == "Trạng thái"
    finally:
        i18n.install("vi")


def test_qt_dialogs_in_vietnamese(qtbot: Any, library_path: Path) -> None:
    """Qt ships no Vietnamese for its own dialogs; docmgr's qt_vi.ts covers the ones it shows."""
    from PySide6.QtCore import QCoreApplication

    _window(qtbot, library_path, "vi")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Tìm trong:"


def _horizontal() -> Any:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def _menus(win: Any) -> list[Any]:
    return [a.menu() for a in win.menuBar().actions() if a.menu()]


def test_refusal_causes_in_vietnamese(qtbot: Any, library_path: Path) -> None:
    """The ingest layer's English refusals are shown in the UI language, details kept; unknown ones as written."""
    from docmgr.gui.causes import translate_cause

    _window(qtbot, library_path, "vi")
    assert translate_cause("empty file (0 bytes)") == "tệp rỗng (0 byte)"
    assert translate_cause("damaged PDF (PDFSyntaxError: No /Root object!)") == \
        "PDF bị hỏng (PDFSyntaxError: No /Root object!)"
    assert translate_cause("page 3: tesseract failed (timeout)") == "trang 3: tesseract bị lỗi (timeout)"
    assert translate_cause("too many pages (900 > 500)") == "quá nhiều trang (900 > 500)"
    assert translate_cause("something new") == "something new"


def test_libreoffice_causes_in_vietnamese(qtbot: Any, library_path: Path) -> None:
    from docmgr.gui.causes import translate_cause
    from docmgr.ingest.libreoffice import INSTALL_HINT

    _window(qtbot, library_path, "vi")
    assert translate_cause(INSTALL_HINT.format(what="Word .doc")) == \
        "cần LibreOffice để đọc tệp Word .doc: hãy cài đặt từ https://www.libreoffice.org/download"
