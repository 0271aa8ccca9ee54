"""Intake feedback: the progress strip (current file, overall bar, Cancel) and the errors panel
(each rejected file with its reason, and a button that opens the quarantine folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from docmgr.core.progress import ProgressEvent


PAGE_STEPS = 1000  # bar steps per file while a file's pages are reported


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class IntakeProgress(QWidget):
    """Per-file and overall progress of an import, with Cancel; hidden when idle."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_requested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.label, 2)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        """Set the texts in the current UI language (at start and on a language change)."""
        self.cancel_button.setText(_tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def start(self, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(0)
        self.label.setText(_tr("Importing…"))
        self.cancel_button.setEnabled(True)
        self.show()

    def update_progress(self, event: ProgressEvent) -> None:
        """Files done, and within the current file its pages done (one long scan moves the bar too)."""
        steps = PAGE_STEPS if event.pages else 1
        within = steps * event.page // event.pages if event.pages else 0
        self.bar.setRange(0, max(event.total, 1) * steps)
        self.bar.setValue(min(event.done * steps + within, max(event.total, 1) * steps))
        self.bar.setFormat(f"{event.done}/{event.total}")
        if event.stage != "done":
            self.label.setText(_tr("Reading {0} ({1} of {2} files done)").format(event.item, event.done, event.total))

    def stop(self) -> None:
        self.hide()


class ErrorsPanel(QWidget):
    """Rejected files with their one-line reasons."""

    def __init__(self, quarantine: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quarantine = quarantine
        self.table = QTableWidget(0, 2)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_quarantine)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(lambda: self.table.setRowCount(0))
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts in the current UI language (at start and on a language change)."""
        self.table.setHorizontalHeaderLabels([_tr("File"), _tr("Reason")])
        self.open_button.setText(_tr("Open quarantine folder"))
        self.clear_button.setText(_tr("Clear list"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def add(self, path: str, reason: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(Path(path).name)
        name.setToolTip(path)
        self.table.setItem(row, 0, name)
        self.table.setItem(row, 1, QTableWidgetItem(reason))

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]

    def quarantine_url(self) -> QUrl:
        return QUrl.fromLocalFile(str(self.quarantine))

    def open_quarantine(self) -> bool:
        return QDesktopServices.openUrl(self.quarantine_url())
