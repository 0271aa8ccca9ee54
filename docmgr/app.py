"""Start-up of the desktop app: checks for tesseract and its language data (reported, never
blocking), the QApplication, the library and the main window. Heavy modules are imported lazily."""

from __future__ import annotations

import logging
import sys
from typing import Optional

log = logging.getLogger("docmgr.app")


def startup_problems(languages: str = "vie+eng") -> list[str]:
    """What is missing for OCR (tesseract binary, language data), each with how to install it."""
    from docmgr.core.errors import ToolMissing
    from docmgr.ingest.ocr import check_tesseract

    try:
        check_tesseract(languages)
    except ToolMissing as exc:
        return [str(exc)]
    return []


def main(library: Optional[str] = None) -> int:
    """Open the app on ``library`` (default: ``$DOCMGR_LIBRARY`` or the default library); returns the exit code."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("docmgr")
    window = build_window(library)
    if window is None:
        return 1
    window.show()
    from PySide6.QtCore import QTimer

    QTimer.singleShot(300, window.warm_up)
    return int(app.exec())


def build_window(library: Optional[str] = None) -> Optional["object"]:
    """The main window on ``library`` with the start-up checks shown in its message bar (None when the
    library cannot be opened; the reason is shown in a dialog)."""
    from PySide6.QtWidgets import QMessageBox

    from docmgr.core.errors import DocmgrError
    from docmgr.gui import i18n
    from docmgr.services.library import open_library

    try:
        lib = open_library(library)
    except DocmgrError as exc:
        QMessageBox.critical(None, "docmgr", str(exc))
        return None
    i18n.install(i18n.choose_language(lib.settings.ui_language))
    from docmgr.gui.mainwindow import MainWindow

    window = MainWindow(lib)
    window.errors.install_excepthook()
    # the OCR check (tesseract, its language data) runs in the window's warm-up, off the GUI thread:
    # it imports the reading code, which is most of a cold start's time
    return window
