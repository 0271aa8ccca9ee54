"""The incoming register screen: a book's rows for a year, entering a document, exporting CSV/XLSX/PDF."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Optional

from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from docmgr.core.library import Library
from docmgr.gui.archive.common import _t, fill, run, table
from docmgr.records.register import COLUMNS


class RegisterPanel(QWidget):
    """Rows of the chosen book and year; ``enter(doc_id)`` numbers a document."""

    def __init__(self, library: Library, report: Callable[[BaseException], None],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.library, self.report = library, report
        self.book = QComboBox()
        self.book.addItem(_t("Incoming documents (den)"), "den")
        self.book.addItem(_t("Secret documents (mat)"), "mat")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.doc_id = QSpinBox()
        self.doc_id.setRange(1, 2_000_000_000)
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText(_t("Unit or person it goes to (7)"))
        self.enter_button = QPushButton(_t("Enter in the register"))
        self.status = QLabel()
        self.view = table([title for _, title in COLUMNS])
        top = QHBoxLayout()
        for widget in (QLabel(_t("Book")), self.book, QLabel(_t("Year")), self.year):
            top.addWidget(widget)
        top.addStretch(1)
        for suffix in ("csv", "xlsx", "pdf"):
            button = QPushButton(_t("Export {0}…").format(suffix.upper()))
            button.clicked.connect(lambda _on=False, s=suffix: self.choose_export(s))
            top.addWidget(button)
        add = QHBoxLayout()
        for widget in (QLabel(_t("Document #")), self.doc_id, self.recipient, self.enter_button):
            add.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(add)
        layout.addWidget(self.status)
        self.book.currentIndexChanged.connect(self.refresh)
        self.year.valueChanged.connect(self.refresh)
        self.enter_button.clicked.connect(lambda: self.enter(self.doc_id.value()))
        self.rows: list[Any] = []

    def refresh(self) -> None:
        from docmgr.records.register_print import cell
        from docmgr.services.register import rows

        self.rows = rows(self.library, book=self.book.currentData(), year=self.year.value())
        fill(self.view, [[cell(e, key) for key, _ in COLUMNS] for e in self.rows])
        self.status.setText(_t("{0} entries").format(len(self.rows)))

    def enter(self, doc_id: int) -> Any:
        from docmgr.services.register import add

        library, book, recipient = self.library, self.book.currentData(), self.recipient.text()

        def done(result: Any) -> None:
            entry, created = result
            self.year.setValue(entry.year)
            self.refresh()
            text = _t("Document #{0} entered as number {1}.") if created else \
                _t("Document #{0} was already entered, as number {1}.")
            self.status.setText(text.format(entry.doc_id, entry.number_text))

        return run(lambda: add(library, doc_id, book=book, recipient=recipient), done, self.report, writes=True)

    def choose_export(self, suffix: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, _t("Export the register"), f"so-den-{self.year.value()}.{suffix}")
        if path:
            self.export(path)

    def export(self, path: str) -> Any:
        from docmgr.services.register import export

        library, book, year = self.library, self.book.currentData(), self.year.value()
        return run(lambda: export(library, path, book=book, year=year),
                   lambda p: self.status.setText(_t("Written: {0}").format(p)), self.report)
