"""Parts of the dossier screen: the papers list that takes drops, the procedure finder, the new-dossier
dialog and printing a form PDF
through Qt's print dialog (pages rendered by pypdfium2 at the printer's resolution)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional, Sequence

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QTextBrowser, QVBoxLayout, QWidget)

from docmgr.gui.models.documents import DOC_IDS_MIME
from docmgr.gui.workers import Task, TaskContext, start

PROC_ROLE = Qt.ItemDataRole.UserRole + 7


def _tr(text: str) -> str:
    return QCoreApplication.translate("dossiers", text)


def procedure_html(proc: Any) -> str:
    """A procedure as the finder shows it: name, time limit, fee, body, the papers to bring."""
    from html import escape

    rows = "".join(
        f"<li>{escape(c.name)}" + ("" if c.required else f" <i>— {escape(c.condition or '')}</i>") + "</li>"
        for c in proc.components)
    return (f"<h3>{escape(proc.name)}</h3><p><b>{_tr('Time limit')}:</b> {escape(proc.time_limit.label_vi())}<br>"
            f"<b>{_tr('Fee')}:</b> {escape(proc.fee_text())}<br><b>{_tr('Handled by')}:</b> {escape(proc.body)}</p>"
            f"<p><b>{_tr('What to bring')}:</b></p><ul>{rows}</ul>")


class ProcedureFinder(QWidget):
    """A question box ("làm giấy khai sinh cần gì") and the best procedures with what they need.

    Signals:
        new_dossier(str): the clerk wants a dossier for this procedure code.
        checklist(str): print the checklist of this procedure code.
    """

    new_dossier = Signal(str)
    checklist = Signal(str)

    def __init__(self, library: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.library = library
        self.task: Optional[Task] = None
        self.box = QLineEdit()
        self.box.setPlaceholderText(_tr("A citizen's question, e.g. sang tên sổ đỏ cần gì"))
        self.box.returnPressed.connect(self.ask)
        self.results = QListWidget()
        self.results.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.detail = QTextBrowser()
        self.new_button = QPushButton(_tr("New dossier"))
        self.print_button = QPushButton(_tr("Checklist PDF…"))
        self.new_button.clicked.connect(lambda: self._emit(self.new_dossier))
        self.print_button.clicked.connect(lambda: self._emit(self.checklist))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_tr("Which procedure? (with or without marks)")))
        layout.addWidget(self.box)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.detail, 2)
        layout.addLayout(buttons)

    def ask(self, question: Optional[str] = None) -> Optional[Task]:
        """Find the procedures for the question in the box (in a worker: the first call builds the index)."""
        text = self.box.text() if question is None else question
        if question is not None:
            self.box.setText(question)
        library = self.library

        def work(_ctx: TaskContext) -> object:
            from docmgr.services.finder_procedures import find_procedures

            return find_procedures(library, text, limit=5)

        self.task = Task(work)
        self.task.signals.finished.connect(self._found)
        self.task.signals.failed.connect(lambda exc: self.detail.setPlainText(str(exc)))
        from PySide6.QtCore import QThreadPool

        return start(self.task, QThreadPool.globalInstance())

    def _found(self, found: object) -> None:
        self.task = None
        self.results.clear()
        for hit in found if isinstance(found, list) else []:
            item = QListWidgetItem(f"{hit.procedure.name}  ({hit.procedure.time_limit.label_vi()})")
            item.setData(PROC_ROLE, hit.procedure)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        else:
            self.detail.setPlainText(_tr("No procedure matches; try other words."))

    def current(self) -> Any:
        item = self.results.currentItem()
        return item.data(PROC_ROLE) if item else None

    def _show(self, item: Optional[QListWidgetItem]) -> None:
        proc = item.data(PROC_ROLE) if item else None
        self.detail.setHtml(procedure_html(proc) if proc else "")

    def _emit(self, signal: Any) -> None:
        proc = self.current()
        if proc is not None:
            signal.emit(proc.code)


class ComponentList(QListWidget):
    """The dossier's papers; accepts dropped documents (ids from the document list) or files."""

    ids_dropped = Signal(list)
    files_dropped = Signal(list)

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(DOC_IDS_MIME) or event.mimeData().hasUrls():
            event.acceptProposedAction()

    dragMoveEvent = dragEnterEvent  # type: ignore[assignment]

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        data = event.mimeData()
        if data.hasFormat(DOC_IDS_MIME):
            text = bytes(data.data(DOC_IDS_MIME).data()).decode("ascii", "ignore")
            self.ids_dropped.emit([int(x) for x in text.split(",") if x.strip().isdigit()])
        elif data.hasUrls():
            self.files_dropped.emit([u.toLocalFile() for u in data.urls() if u.isLocalFile()])
        event.acceptProposedAction()


class NewDossierDialog(QDialog):
    """Procedure and applicant (name, ID number, phone, address) of a new dossier."""

    def __init__(self, procedures: Sequence[Any], chosen: str = "", attach_count: int = 0,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("New dossier"))
        self.procedure = QComboBox()
        for p in procedures:
            self.procedure.addItem(f"{p.name} ({p.code})", p.code)
        if chosen:
            self.procedure.setCurrentIndex(max(0, self.procedure.findData(chosen)))
        self.name, self.id_number, self.phone, self.address = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.address.setPlaceholderText(_tr("old (quận/huyện) or 2025 unit names"))
        form = QFormLayout(self)
        form.addRow(_tr("Procedure"), self.procedure)
        form.addRow(_tr("Applicant"), self.name)
        form.addRow(_tr("ID number"), self.id_number)
        form.addRow(_tr("Phone"), self.phone)
        form.addRow(_tr("Address"), self.address)
        if attach_count:
            form.addRow(QLabel(_tr("{0} selected document(s) will be attached.").format(attach_count)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, str]:
        return {"procedure": str(self.procedure.currentData()), "name": self.name.text(),
                "id_number": self.id_number.text(), "phone": self.phone.text(), "address": self.address.text()}


def render_pdf_pages(path: Path, dpi: int) -> list[QImage]:
    """The pages of a PDF as images at ``dpi`` (pypdfium2; safe off the GUI thread)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        images = []
        for i in range(len(pdf)):
            pil = pdf[i].render(scale=dpi / 72).to_pil().convert("RGB")
            data = pil.tobytes("raw", "RGB")
            images.append(QImage(data, pil.width, pil.height, 3 * pil.width, QImage.Format.Format_RGB888).copy())
        return images
    finally:
        pdf.close()


def print_pages(printer: Any, pages: Sequence[QImage]) -> None:
    """Paint page images on a QPrinter, one page each, scaled to the printable page."""
    painter = QPainter(printer)
    try:
        for i, image in enumerate(pages):
            if i:
                printer.newPage()
            target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            target.moveTo(0, 0)
            scaled = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, scaled.width(), scaled.height()), image)
    finally:
        painter.end()
