"""The metadata panel, where a document is reviewed: status, the type (marked when the document is a
legal normative one) with the classifier's top three suggestions, their confidence and its reason, the
fields (editable, with confidence), notes, Confirm, and the text. Emits
:attr:`MetadataPanel.confirm_requested`; the window runs the save in a worker.

Where each field came from: hovering or focusing a field highlights its source lines in the text below
and emits :attr:`MetadataPanel.field_focused` (the window draws the lines on the page image); the
field's tooltip quotes the lines."""

from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QScrollArea, QTextEdit, QVBoxLayout, QWidget)

from docmgr.gui.models.documents import NORMATIVE_MARK, STATUS_LABELS
from docmgr.services.provenance import field_source, source_lines
from docmgr.services.review import field_rows, reasons_text, type_choices

FIELD_LABELS = {
    "number": QT_TR_NOOP("Number"),
    "issued": QT_TR_NOOP("Date"),
    "issuer": QT_TR_NOOP("Issuer"),
    "signer": QT_TR_NOOP("Signer"),
    "place": QT_TR_NOOP("Place"),
    "summary": QT_TR_NOOP("Summary"),
    "id_numbers": QT_TR_NOOP("ID numbers"),
    "names": QT_TR_NOOP("Names"),
}


# the classifier's reasons (docmgr.classify.reasons.TEMPLATES), worded for the UI
REASON_TEXTS = {
    "heading-motto": QT_TR_NOOP("heading '{line}' under the national motto"),
    "heading-top": QT_TR_NOOP("heading '{line}' at the head of the page"),
    "title-line": QT_TR_NOOP("title line '{line}'"),
    "abbreviation": QT_TR_NOOP("abbreviation {abbr} in '{number}'"),
    "law-number": QT_TR_NOOP("number of a law in '{number}'"),
    "no-abbreviation": QT_TR_NOOP("no type abbreviation in '{number}' (a Công văn's symbol)"),
    "vv-line": QT_TR_NOOP("'V/v' summary line: {line}"),
    "no-evidence": QT_TR_NOOP("no heading, number or known words"),
    "greeting": QT_TR_NOOP("no title, a symbol without a type abbreviation, then 'Kính gửi:' (a Công văn)"),
    "no-type": QT_TR_NOOP("fits no type: no heading or number, and the words alone are not enough"),
    "few-words": QT_TR_NOOP("only {count} known word(s): low confidence"),
    "terms": QT_TR_NOOP("terms: {terms}"),
    "form-code": QT_TR_NOOP("form code in '{code}'"),
    "form-title": QT_TR_NOOP("form title '{line}'"),
    "form-markers": QT_TR_NOOP("{count} labelled blanks of the form {form}"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def percent(value: Any) -> str:
    return f"{value:.0%}" if isinstance(value, (int, float)) else ""


class MetadataPanel(QScrollArea):
    """Shows what :func:`docmgr.services.documents.show` returns for one document, for review.

    Signals:
        confirm_requested(doc_id, type_code, changed_fields, notes).
    """

    confirm_requested = Signal(int, str, dict, str)
    field_focused = Signal(str)  # a field's key, when the reviewer hovers or focuses it ("" when left)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.doc: Optional[dict[str, Any]] = None
        self.status = QLabel()
        self.type_box = QComboBox()
        self.type_box.addItem("", "")
        self.type_names = dict(type_choices())
        for code, name in self.type_names.items():
            self.type_box.addItem(name, code)
        self.normative = QLabel()
        self.normative.setStyleSheet("color:#7a3e00; font-weight:bold;")
        type_row = QWidget()
        type_layout = QHBoxLayout(type_row)
        type_layout.setContentsMargins(0, 0, 0, 0)
        type_layout.addWidget(self.type_box, 1)
        type_layout.addWidget(self.normative)
        self.suggestions = QLabel()
        self.suggestions.setWordWrap(True)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setStyleSheet("color:#555;")
        self.file = QLabel()
        self.file.setWordWrap(True)
        self.form = QFormLayout()
        self.form_labels = [QLabel() for _ in range(5)]
        for label, widget in zip(self.form_labels, (self.status, type_row, self.suggestions, self.why, self.file)):
            self.form.addRow(label, widget)
        self.fields = QFormLayout()
        self.field_edits: dict[str, QLineEdit] = {}
        self.highlighted = ""  # the field whose source lines are highlighted in the text
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.confirm_button = QPushButton()
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self.request_confirm)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setMinimumHeight(120)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(self.form)
        layout.addLayout(self.fields)
        self.notes_label = QLabel()
        self.text_label = QLabel()
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        layout.addWidget(self.text_label)
        layout.addWidget(self.text, 1)
        self.setWidget(body)
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        """Set the texts in the current UI language (at start and on a language change); a document
        on show is shown again, so its status, field names and reason follow."""
        labels = (_tr("Status"), _tr("Type"), _tr("Suggested"), _tr("Why"), _tr("File"))
        for label, text in zip(self.form_labels, labels):
            label.setText(text)
        self.type_box.setItemText(0, _tr("(choose a type)"))
        self.notes.setPlaceholderText(_tr("Notes for colleagues"))
        self.confirm_button.setText(_tr("Confirm"))
        self.notes_label.setText(_tr("Notes"))
        self.text_label.setText(_tr("Text"))
        if self.doc is not None:
            chosen, notes = self.type_box.currentIndex(), self.notes.toPlainText()
            edits = {k: e.text() for k, e in self.field_edits.items()}
            self.show_document(self.doc)
            self.type_box.setCurrentIndex(chosen)
            self.notes.setPlainText(notes)
            for k, text in edits.items():
                if k in self.field_edits:
                    self.field_edits[k].setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def clear(self) -> None:
        self.doc = None
        for w in (self.status, self.suggestions, self.why, self.file, self.normative):
            w.setText("")
        self.highlighted = ""
        self.text.setExtraSelections([])
        self.type_box.setCurrentIndex(0)
        while self.fields.rowCount():
            self.fields.removeRow(0)
        self.field_edits.clear()
        self.notes.setPlainText("")
        self.text.setPlainText("")
        self.confirm_button.setEnabled(False)

    def show_document(self, doc: dict[str, Any]) -> None:
        self.clear()
        self.doc = doc
        self.status.setText(_tr(STATUS_LABELS.get(doc["status"], doc["status"])))
        index = self.type_box.findData(doc.get("type_code") or "")
        self.type_box.setCurrentIndex(max(index, 0))
        self.normative.setText(_tr(NORMATIVE_MARK) if doc.get("normative") else "")
        self.normative.setToolTip(_tr("A legal normative document (văn bản quy phạm pháp luật)")
                                  if doc.get("normative") else "")
        shown = [f"{c.get('type') or self.type_names.get(c.get('type_code', ''), c.get('type_code'))} "
                 f"{percent(c.get('probability'))}"
                 for c in doc.get("candidates", [])[:3]]
        if not shown and doc.get("type"):
            shown = [f"{doc['type']} {percent(doc.get('confidence'))}"]
        self.suggestions.setText(" · ".join(shown) if shown else _tr("(not classified)"))
        self.why.setText(reasons_text(doc, {code: _tr(text) for code, text in REASON_TEXTS.items()}))
        self.file.setText(doc["filename"])
        for key, value, conf in field_rows(doc):
            edit = QLineEdit(value)
            edit.setCursorPosition(0)  # a long trích yếu shows from its start
            edit.setProperty("original", value)
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            confidence = QLabel(percent(conf) if conf is not None and conf < 1 else "")
            confidence.setMinimumWidth(36)
            row.addWidget(confidence)
            self.fields.addRow(_tr(FIELD_LABELS.get(key, key)), row)
            self.field_edits[key] = edit
            edit.setProperty("field", key)
            edit.installEventFilter(self)
            source = field_source(doc, key)
            if source is not None:
                quoted = " / ".join(source_lines(doc, source))
                edit.setToolTip(_tr("Read on page {0}, line {1}: {2}").replace("{0}", str(source["page"]))
                                .replace("{1}", str(source["line"] + 1)).replace("{2}", quoted))
        self.notes.setPlainText(doc.get("notes") or "")
        self.text.setPlainText("\n\n".join(p["text"] for p in doc["pages"]))
        self.confirm_button.setEnabled(doc["status"] != "trashed")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.Enter) and watched.property("field"):
            self.highlight_field(str(watched.property("field")))
        return super().eventFilter(watched, event)

    def highlight_field(self, key: str) -> None:
        """Highlight the lines field ``key`` was read from in the text, and tell the window."""
        if self.doc is None or key == self.highlighted:
            return
        self.highlighted = key
        selections = []
        source = field_source(self.doc, key)
        if source is not None:
            start = 0
            for page in self.doc["pages"]:
                if page["number"] == source["page"]:
                    break
                start += len(page["text"]) + 2  # the pages are joined with a blank line
            lines = self.doc["pages"][source["page"] - 1]["text"].split("\n") if source["page"] <= len(self.doc["pages"]) else []
            first = start + sum(len(ln) + 1 for ln in lines[:source["line"]])
            last = start + sum(len(ln) + 1 for ln in lines[:source["last"] + 1]) - 1
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(max(0, first))
            cursor.setPosition(max(first, last), QTextCursor.MoveMode.KeepAnchor)
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(255, 230, 0, 160))
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
            sel.format, sel.cursor = fmt, cursor  # type: ignore[attr-defined]
            selections.append(sel)
            self.text.setTextCursor(cursor)
            self.text.ensureCursorVisible()
        self.text.setExtraSelections(selections)
        self.field_focused.emit(key if source is not None else "")

    def chosen_type(self) -> str:
        return str(self.type_box.currentData() or "")

    def changed_fields(self) -> dict[str, str]:
        """The fields the reviewer edited (key → new text)."""
        return {k: e.text() for k, e in self.field_edits.items() if e.text() != e.property("original")}

    def request_confirm(self) -> None:
        if self.doc is None or not self.confirm_button.isEnabled():
            return
        self.confirm_requested.emit(int(self.doc["id"]), self.chosen_type(), self.changed_fields(),
                                    self.notes.toPlainText())
