"""The archive screens (Qt): the incoming register, the disposal list with approval, the history of a
document or dossier, statistics for leaders, users and roles — tabs of one :class:`ArchiveWindow`, each
its own module over the same services as the CLI."""

from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from docmgr.core.library import Library
from docmgr.gui.archive.common import _t

TABS = ("register", "disposal", "history", "stats", "users")


class ArchiveWindow(QMainWindow):
    """One window with a tab per archive screen; :meth:`open_tab` shows (and refreshes) one."""

    def __init__(self, library: Library, report: Callable[[BaseException], None],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        from docmgr.gui.archive.disposal import DisposalPanel
        from docmgr.gui.archive.history import HistoryPanel
        from docmgr.gui.archive.register import RegisterPanel
        from docmgr.gui.archive.stats import StatsPanel
        from docmgr.gui.archive.users import UsersPanel

        self.setWindowTitle(_t("Archive — {0}").format(library.root))
        self.resize(1200, 760)
        self.register = RegisterPanel(library, report)
        self.disposal = DisposalPanel(library, report)
        self.history = HistoryPanel(library, report)
        self.stats = StatsPanel(library, report)
        self.users = UsersPanel(library, report)
        self.tabs = QTabWidget()
        for panel, title in ((self.register, _t("Incoming register")), (self.disposal, _t("Disposal")),
                             (self.history, _t("History")), (self.stats, _t("Statistics")),
                             (self.users, _t("Users and roles"))):
            self.tabs.addTab(panel, title)
        self.tabs.currentChanged.connect(lambda i: self._refresh(self.tabs.widget(i)))
        self.setCentralWidget(self.tabs)

    def open_tab(self, name: str, doc_id: Optional[int] = None) -> None:
        panel = getattr(self, name)
        if doc_id is not None and name == "history":
            self.history.doc_id.setValue(doc_id)
            self.history.dossier.clear()
        if self.tabs.currentWidget() is panel:
            self._refresh(panel)
        else:
            self.tabs.setCurrentWidget(panel)  # refreshes through currentChanged
        self.show()
        self.raise_()

    @staticmethod
    def _refresh(panel: QWidget) -> None:
        refresh = getattr(panel, "refresh", None)
        if refresh:
            refresh()
