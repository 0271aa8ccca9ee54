"""The navigator: the views of the library down the left side. Add a view by adding a row to
:data:`NAV_ITEMS` (and, when it is a new kind of view, a key in :data:`docmgr.services.views.VIEWS`)."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from docmgr.gui.style import row_height

# (view key, label)
NAV_ITEMS: list[tuple[str, str]] = [
    ("review", QT_TR_NOOP("Inbox / needs review")),
    ("all", QT_TR_NOOP("All documents")),
    ("trash", QT_TR_NOOP("Trash")),
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class Navigator(QListWidget):
    """A list of views; emits ``view_chosen(key)``."""

    view_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        height = row_height(self.font())
        for key, label in NAV_ITEMS:
            item = QListWidgetItem(_tr(label))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(0, height))
            self.addItem(item)
        self.currentItemChanged.connect(self._changed)
        self.setMaximumWidth(220)

    def set_saved_searches(self, names: list[str]) -> None:
        """Show the saved searches (keys ``search:<index>``) below the views."""
        for row in reversed(range(self.count())):
            if str(self.item(row).data(Qt.ItemDataRole.UserRole)).startswith("search:"):
                self.takeItem(row)
        height = row_height(self.font())
        for i, name in enumerate(names):
            item = QListWidgetItem("☆ " + name)
            item.setData(Qt.ItemDataRole.UserRole, f"search:{i}")
            item.setSizeHint(QSize(0, height))
            self.addItem(item)

    def select_view(self, key: str) -> None:
        """Make ``key`` the current view."""
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.setCurrentRow(row)

    def current_view(self) -> str:
        item = self.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "all"

    def _changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.view_chosen.emit(str(current.data(Qt.ItemDataRole.UserRole)))
