"""The main window's Archive menu (register, disposal, history of the selected document, statistics,
users, back up now) and the scheduled automatic backup: checked a little after start and every hour."""

from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow

from docmgr.gui.archive.common import _t, run

BACKUP_CHECK_MS = 60 * 60 * 1000
FIRST_CHECK_MS = 20 * 1000


class ArchiveMenu(QObject):
    """Adds the Archive menu to ``window`` (a :class:`~docmgr.gui.mainwindow.MainWindow`)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window: Any = window
        self.archive: Optional[Any] = None
        self.menu = window.menuBar().addMenu("")
        self.actions: dict[str, QAction] = {}
        for name, slot in (("register", lambda: self.open("register")),
                           ("enter", self.enter_selected),
                           ("history", self.history_of_selected),
                           ("disposal", lambda: self.open("disposal")),
                           ("stats", lambda: self.open("stats")),
                           ("users", lambda: self.open("users")),
                           ("backup", self.choose_backup)):
            action = QAction(self)
            action.triggered.connect(slot)
            self.menu.addAction(action)
            self.actions[name] = action
        self.retranslate()
        window.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(BACKUP_CHECK_MS)
        self.timer.timeout.connect(self.backup_if_due)
        self.timer.start()
        QTimer.singleShot(FIRST_CHECK_MS, self.backup_if_due)
        self.backup_task: Optional[Any] = None

    def retranslate(self) -> None:
        self.menu.setTitle(_t("&Archive"))
        for name, text in (("register", _t("Incoming &register…")),
                           ("enter", _t("&Enter the selected document in the register")),
                           ("history", _t("&History of the selected document…")),
                           ("disposal", _t("&Disposal list…")), ("stats", _t("&Statistics…")),
                           ("users", _t("&Users and roles…")), ("backup", _t("&Back up now…"))):
            self.actions[name].setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def archive_window(self) -> Any:
        if self.archive is None:
            from docmgr.gui.archive import ArchiveWindow

            self.archive = ArchiveWindow(self.window.library, self.window.errors.report, self.window)
        return self.archive

    def open(self, tab: str, doc_id: Optional[int] = None) -> Any:
        win = self.archive_window()
        win.open_tab(tab, doc_id)
        return win

    def history_of_selected(self) -> Any:
        ids = self.window.selected_ids()
        return self.open("history", ids[0] if ids else 0)

    def enter_selected(self) -> Any:
        ids = self.window.selected_ids()
        win = self.open("register")
        return win.register.enter(ids[0]) if ids else None

    def choose_backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, _t("Back up the library"), "docmgr-backup.zip",
                                              "Zip (*.zip)")
        if path:
            self.backup_to(path)

    def backup_to(self, path: str) -> Any:
        from docmgr.services.backup import backup

        library = self.window.library
        return run(lambda: backup(library, path), self._backed_up, self.window.errors.report, writes=True)

    def backup_if_due(self) -> Any:
        """The scheduled backup, when the library's settings ask for one and it is due."""
        from docmgr.services.backup import backup_due, backup_if_due

        library = self.window.library
        if self.backup_task is not None or not backup_due(library):
            return None
        self.backup_task = run(lambda: backup_if_due(library), self._backed_up, self._backup_failed, writes=True)
        return self.backup_task

    def _backed_up(self, result: Any) -> None:
        self.backup_task = None
        if result:
            self.window.messages.show_message("info", _t("Backup written: {0}").format(result["path"]))

    def _backup_failed(self, exc: BaseException) -> None:
        self.backup_task = None
        self.window.errors.report(exc)
