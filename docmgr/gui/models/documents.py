"""The document list's model: the ids of a view are loaded at once (cheap even for 100k documents),
the rows themselves in pages of :data:`PAGE` as the view scrolls to them."""

from __future__ import annotations

from typing import Any, Optional, Sequence

from PySide6.QtCore import (QT_TR_NOOP, QAbstractTableModel, QByteArray, QCoreApplication, QMimeData, QModelIndex,
                            QPersistentModelIndex, Qt)

from docmgr.core.library import Library
from docmgr.services import views

PAGE = 200
# (column key of docmgr.services.views.Row, header label)
COLUMNS: list[tuple[str, str]] = [
    ("type", QT_TR_NOOP("Type")), ("number", QT_TR_NOOP("Number")),
    ("issued", QT_TR_NOOP("Date")), ("issuer", QT_TR_NOOP("Issuer")),
    ("pages", QT_TR_NOOP("Pages")), ("status", QT_TR_NOOP("Status")),
    ("filename", QT_TR_NOOP("File")),
]
# translated in the "DocumentsModel" context wherever shown
STATUS_LABELS = {"inbox": QT_TR_NOOP("Inbox"),
                 "needs-review": QT_TR_NOOP("Needs review"),
                 "confirmed": QT_TR_NOOP("Confirmed"),
                 "trashed": QT_TR_NOOP("Trashed")}
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# the mark beside the type of a legal normative document (văn bản quy phạm pháp luật)
NORMATIVE_MARK = QT_TR_NOOP("§ normative")
DOC_IDS_MIME = "application/x-docmgr-document-ids"  # dragged rows: "1,2,3" (dropped on a dossier)

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class DocumentsModel(QAbstractTableModel):
    """One view of the catalog (``review``, ``all`` or ``trash``), sortable by every column.

    Args:
        library: the opened library.
        view: a view of :func:`docmgr.services.views.view_ids` (``review``, ``type:QD``, ``year:2025``…).
    """

    def __init__(self, library: Library, view: str = "all") -> None:
        super().__init__()
        self.library = library
        self.view = view
        self._sort: tuple[str, bool] = ("id", True)
        self._ids: list[int] = []
        self._pages: dict[int, list[views.Row]] = {}
        self.refresh()

    # -- loading -----------------------------------------------------------------------------
    def set_view(self, view: str) -> None:
        """Show another view (nothing is read again when it is the one shown)."""
        if view != self.view:
            self.view = view
            self.refresh()

    def refresh(self) -> None:
        """Reload the ids (after an import, a delete, a restore); rows are fetched again on demand."""
        self.beginResetModel()
        self._ids = views.view_ids(self.library, self.view, *self._sort)
        self._pages.clear()
        self.endResetModel()

    def retranslate(self) -> None:
        """Show the headers and statuses in the current UI language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def row_at(self, row: int) -> Optional[views.Row]:
        """The row shown at ``row``, fetching its page when needed."""
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE
        if page not in self._pages:
            ids = self._ids[page * PAGE:(page + 1) * PAGE]
            fetched = {r.id: r for r in views.rows(self.library, ids)}
            self._pages[page] = [fetched.get(i) or views.Row(i, "", "", "", "", 0, "", "") for i in ids]
        return self._pages[page][row % PAGE]

    def doc_id(self, row: int) -> int:
        return self._ids[row]

    def loaded_pages(self) -> int:
        """How many pages of rows were fetched (for tests of the lazy loading)."""
        return len(self._pages)

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == DOC_ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()][0] == "pages":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        key = COLUMNS[index.column()][0]
        value = row.value(key)
        if key == "status":
            return _tr(STATUS_LABELS.get(value, value))
        if key == "type" and row.normative:
            return f"{value} · {_tr(NORMATIVE_MARK)}" if value else _tr(NORMATIVE_MARK)
        return value

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else super().flags(index)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [DOC_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        """The dragged rows' document ids, for dropping on a dossier."""
        ids = list(dict.fromkeys(self._ids[i.row()] for i in indexes if i.isValid()))
        data = QMimeData()
        data.setData(DOC_IDS_MIME, QByteArray(",".join(map(str, ids)).encode("ascii")))
        return data

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _tr(COLUMNS[section][1])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # column -1: no column chosen, the default order (newest first)
        wanted = ("id", True) if column < 0 else (COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)
        if wanted != self._sort:
            self._sort = wanted
            self.refresh()
