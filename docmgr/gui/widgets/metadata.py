"""The metadata panel: status, type (with confidence and the classifier's reason), fields, the text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from docmgr.gui.models.documents import STATUS_LABELS

FIELD_LABELS = {"number": "Number", "issued": "Date", "issuer": "Issuer", "signer": "Signer", "subject": "Subject",
                "place": "Place", "summary": "Summary"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("MetadataPanel", text)


class MetadataPanel(QWidget):
    """Shows what :func:`docmgr.services.documents.show` returns for one document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel()
        self.type = QLabel()
        self.type.setWordWrap(True)
        self.file = QLabel()
        self.file.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow(_tr("Status"), self.status)
        self.form.addRow(_tr("Type"), self.type)
        self.form.addRow(_tr("File"), self.file)
        self.fields = QFormLayout()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(self.fields)
        layout.addWidget(QLabel(_tr("Text")))
        layout.addWidget(self.text, 1)

    def clear(self) -> None:
        for w in (self.status, self.type, self.file):
            w.setText("")
        while self.fields.rowCount():
            self.fields.removeRow(0)
        self.text.setPlainText("")

    def show_document(self, doc: dict[str, Any]) -> None:
        self.clear()
        self.status.setText(_tr(STATUS_LABELS.get(doc["status"], doc["status"])))
        if doc.get("type"):
            conf = doc.get("confidence")
            kind = doc["type"] + (f" ({conf:.0%})" if isinstance(conf, (int, float)) else "")
            self.type.setText(kind + (f"\n{doc['why']}" if doc.get("why") else ""))
        else:
            self.type.setText(_tr("(not classified)"))
        self.file.setText(doc["filename"])
        for key, value in doc["fields"].items():
            if value in (None, ""):
                continue
            conf = doc.get("field_confidence", {}).get(key)
            label = _tr(FIELD_LABELS.get(key, key))
            shown = str(value) + (f"  ({conf:.0%})" if isinstance(conf, float) and conf < 1 else "")
            value_label = QLabel(shown)
            value_label.setWordWrap(True)
            self.fields.addRow(label, value_label)
        self.text.setPlainText("\n\n".join(p["text"] for p in doc["pages"]))
