"""The settings dialog: library folder (a preference of this computer), OCR languages, review
threshold, watched inbox folder, search engine and UI language (settings of the library). Both are
the typed settings of :mod:`docmgr.core.settings`; OK saves them."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from docmgr.core.library import Library
from docmgr.core.settings import AppSettings
from docmgr.gui.workers import write_op

ENGINES = ("whoosh", "tantivy")


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _folder_row(edit: QLineEdit, title: str, parent: QWidget) -> QHBoxLayout:
    browse = QPushButton(_tr("Browse…"))

    def choose() -> None:
        chosen = QFileDialog.getExistingDirectory(parent, title, edit.text())
        if chosen:
            edit.setText(chosen)

    browse.clicked.connect(choose)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


class SettingsDialog(QDialog):
    """Edits the settings of ``library`` and the app's library folder; :meth:`save` writes them."""

    def __init__(self, library: Library, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Settings"))
        self.setMinimumWidth(620)  # room for a full library path
        self.library = library
        self.restart_needed = False
        s = library.settings
        self.app_settings = AppSettings.load()
        self.library_folder = QLineEdit(self.app_settings.library or str(library.root))
        self.ocr_languages = QLineEdit(s.ocr_languages)
        self.ocr_languages.setToolTip(_tr("Tesseract languages joined by +, e.g. vie+eng"))
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.setValue(s.review_threshold)
        self.inbox_folder = QLineEdit(s.inbox_folder)
        self.inbox_folder.setPlaceholderText(_tr("(none)"))
        self.engine = QComboBox()
        self.engine.addItems(list(ENGINES))
        self.engine.setCurrentIndex(max(0, self.engine.findText(s.search_engine)))
        self.language = QComboBox()
        self.language.addItem(_tr("Follow the system"), "")
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(s.ui_language)))
        form = QFormLayout()
        form.addRow(_tr("Library folder"), _folder_row(self.library_folder, _tr("Library folder"), self))
        form.addRow(_tr("OCR languages"), self.ocr_languages)
        form.addRow(_tr("Review below confidence"), self.threshold)
        form.addRow(_tr("Watched inbox folder"), _folder_row(self.inbox_folder, _tr("Watched inbox folder"), self))
        form.addRow(_tr("Search engine"), self.engine)
        form.addRow(_tr("Language"), self.language)
        note = QLabel(_tr("The library folder applies at the next start."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Write the library's settings and, when it changed, the app's library folder."""
        s = self.library.settings
        language = str(self.language.currentData() or "")
        self.restart_needed = False
        s.ocr_languages = self.ocr_languages.text().strip() or "vie+eng"
        s.review_threshold = round(self.threshold.value(), 2)
        s.inbox_folder = self.inbox_folder.text().strip()
        s.search_engine = self.engine.currentText()
        s.ui_language = language
        folder = self.library_folder.text().strip()
        change_library = bool(folder) and Path(folder).expanduser() != Path(self.library.root)
        if change_library:
            self.app_settings.library = folder
            self.restart_needed = True
        library, app_settings = self.library, self.app_settings

        def write() -> None:  # in the write pool: the library's lock may be held by another writer
            library.save_settings()
            if change_library:
                app_settings.save()

        parent = self.parent()
        write_op(write, failed=getattr(getattr(parent, "errors", None), "report", None))

    def accept(self) -> None:
        self.save()
        super().accept()
