"""The history of a document or dossier: its audit entries (who, when, what), and whether the whole chain
still verifies."""

from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from docmgr.core.library import Library
from docmgr.gui.archive.common import _t, fill, table


class HistoryPanel(QWidget):
    """Audit entries of document ``doc_id`` (0 = every entry) or of a dossier code."""

    def __init__(self, library: Library, report: Callable[[BaseException], None],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.library, self.report = library, report
        self.doc_id = QSpinBox()
        self.doc_id.setRange(0, 2_000_000_000)
        self.doc_id.setSpecialValueText(_t("all"))
        self.dossier = QLineEdit()
        self.dossier.setPlaceholderText(_t("or a dossier code"))
        self.show_button = QPushButton(_t("Show"))
        self.chain = QLabel()
        self.view = table([_t("No."), _t("When"), _t("Who"), _t("Action"), _t("Record"), _t("Details")])
        top = QHBoxLayout()
        for widget in (QLabel(_t("Document #")), self.doc_id, self.dossier, self.show_button):
            top.addWidget(widget)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.chain)
        self.show_button.clicked.connect(self.refresh)

    def show_document(self, doc_id: int) -> None:
        self.dossier.clear()
        self.doc_id.setValue(doc_id)
        self.refresh()

    def refresh(self) -> None:
        from docmgr.services.audit import check_problems, history

        code = self.dossier.text().strip() or None
        entries = history(self.library, doc_id=self.doc_id.value() or None, dossier=code)
        fill(self.view, [[e.seq, e.at.replace("T", " ")[:19], e.actor, e.action, e.target,
                          ", ".join(f"{k}: {v}" for k, v in e.detail.items() if k != "sha256")] for e in entries])
        problems = check_problems(self.library)
        self.chain.setText(_t("Audit chain verified: no entry edited, deleted or re-ordered.") if not problems else
                           _t("Audit chain broken: {0}").format(problems[0]["detail"]))
        self.chain.setStyleSheet("" if not problems else "color: #b00020; font-weight: bold")
