"""The navigator: the views of the library down the left side, as a tree.

Two kinds of rows, both easy to extend:

* a fixed view is a row of :data:`NAV_ITEMS` (its key a view of :mod:`docmgr.services.views`);
* a group (document types, years, saved searches; later dossiers and registers) is a row of
  :data:`GROUPS` whose children the window fills with :meth:`Navigator.set_group` — the keys of the
  children are ``<group>:<value>`` and the window decides what choosing one does.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from docmgr.gui.style import row_height

KEY_ROLE = Qt.ItemDataRole.UserRole
LABEL_ROLE = Qt.ItemDataRole.UserRole + 1  # the untranslated label of a fixed row or group

# top-level rows in order: (key, label, is a group)
NAV_ITEMS: list[tuple[str, str, bool]] = [
    ("review", QT_TR_NOOP("Inbox / needs review"), False),
    ("all", QT_TR_NOOP("All documents"), False),
    ("type", QT_TR_NOOP("Document types"), True),
    ("normative:1", QT_TR_NOOP("Normative documents (QPPL)"), False),
    ("year", QT_TR_NOOP("Years"), True),
    ("trash", QT_TR_NOOP("Trash"), False),
    ("search", QT_TR_NOOP("Saved searches"), True),
]
GROUPS = tuple(key for key, _label, group in NAV_ITEMS if group)


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class Navigator(QTreeWidget):
    """A tree of views; emits ``view_chosen(key)`` for a fixed view or a group's child (groups themselves
    only open and close)."""

    view_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setIndentation(14)
        self.setUniformRowHeights(True)
        self._height = row_height(self.font())
        self._groups: dict[str, QTreeWidgetItem] = {}
        self._opened: set[str] = set()
        for key, label, group in NAV_ITEMS:
            item = self._item(key, "")
            item.setData(0, LABEL_ROLE, label)
            if group:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.DontShowIndicatorWhenChildless)
                self._groups[key] = item
            self.addTopLevelItem(item)
        self.retranslate()
        self.currentItemChanged.connect(self._changed)
        self.itemClicked.connect(self._clicked)
        self.setMaximumWidth(260)

    def _item(self, key: str, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, KEY_ROLE, key)
        item.setSizeHint(0, QSize(0, self._height))
        return item

    def retranslate(self) -> None:
        """Set the labels of the fixed rows and groups in the current UI language."""
        for row in range(self.topLevelItemCount()):
            item = self.topLevelItem(row)
            item.setText(0, _tr(str(item.data(0, LABEL_ROLE))))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_group(self, group: str, entries: list[tuple[str, str]]) -> None:
        """Replace the children of ``group`` with ``entries`` of ``(value, label)``; their keys are
        ``<group>:<value>``. The current row stays current when it is still there."""
        parent = self._groups[group]
        current = self.current_view()
        self.blockSignals(True)
        try:
            parent.takeChildren()
            for value, label in entries:
                parent.addChild(self._item(f"{group}:{value}", label))
            if entries and group not in self._opened:  # shown open the first time it has rows
                self._opened.add(group)
                parent.setExpanded(True)
            if current.startswith(group + ":"):
                found = self._find(current)
                if found is not None:
                    self.setCurrentItem(found)
        finally:
            self.blockSignals(False)

    def set_saved_searches(self, names: list[str]) -> None:
        """Show the saved searches (keys ``search:<index>``)."""
        self.set_group("search", [(str(i), "☆ " + name) for i, name in enumerate(names)])

    def group_keys(self, group: str) -> list[str]:
        """The keys of the children of ``group``."""
        parent = self._groups[group]
        return [str(parent.child(i).data(0, KEY_ROLE)) for i in range(parent.childCount())]

    def item_for(self, key: str) -> Optional[QTreeWidgetItem]:
        """The row of ``key`` (a fixed view, a group or a group's child)."""
        return self._find(key)

    def _find(self, key: str) -> Optional[QTreeWidgetItem]:
        for row in range(self.topLevelItemCount()):
            top = self.topLevelItem(row)
            if top.data(0, KEY_ROLE) == key:
                return top
            for i in range(top.childCount()):
                if top.child(i).data(0, KEY_ROLE) == key:
                    return top.child(i)
        return None

    def select_view(self, key: str) -> None:
        """Make ``key`` the current view."""
        item = self._find(key)
        if item is not None:
            if item.parent() is not None:
                item.parent().setExpanded(True)
            self.setCurrentItem(item)

    def current_view(self) -> str:
        item = self.currentItem()
        return str(item.data(0, KEY_ROLE)) if item else "all"

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if str(item.data(0, KEY_ROLE)) in self._groups:
            item.setExpanded(not item.isExpanded())

    def _changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None and str(current.data(0, KEY_ROLE)) not in self._groups:
            self.view_chosen.emit(str(current.data(0, KEY_ROLE)))
