"""The dossier screen's forms: save a form as PDF, print it through Qt's print dialog (rendered in a
worker), save a procedure's checklist. A mixin of :class:`docmgr.gui.widgets.dossiers.DossierScreen`."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from docmgr.gui.widgets.dossier_parts import print_pages, render_pdf_pages
from docmgr.gui.workers import Task


def _tr(text: str) -> str:
    return QCoreApplication.translate("dossiers", text)


def _writers() -> dict[str, Any]:
    from docmgr.services import dossier_forms as forms

    return {"receipt": forms.write_receipt, "supplement-request": forms.write_supplement_request,
            "tracking-sheet": forms.write_tracking_sheet}


class FormActions:
    """Needs ``self.library``, ``self.code`` and ``self._run(work, then)`` of the screen."""

    library: Any
    code: Optional[str]

    def _run(self, work: Any, then: Any) -> Task:  # provided by the screen
        raise NotImplementedError

    def widget(self) -> Any:
        """The screen as the parent of the dialogs."""
        return self

    def write_form(self, kind: str, path: Path) -> Task:
        """Write a form PDF of the current dossier in the background."""
        writers = _writers()
        code, library = self.code, self.library
        return self._run(lambda: writers[kind](library, code, path), lambda _p: None)

    def ask_save(self, kind: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self.widget(), _tr("Save PDF"), f"{kind}-{self.code}.pdf", "PDF (*.pdf)")
        if path:
            self.write_form(kind, Path(path))

    def save_checklist(self, procedure: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self.widget(), _tr("Save checklist"), f"mang-theo-{procedure}.pdf", "PDF (*.pdf)")
        if path:
            from docmgr.services.dossier_forms import write_checklist
            from docmgr.services.procedures import get_procedure

            library = self.library
            self._run(lambda: write_checklist(library, get_procedure(library, procedure), path), lambda _p: None)

    def print_form(self, kind: str, printer: Any = None) -> Optional[Task]:
        """Write the form, render its pages in a worker, then print them (Qt's print dialog when no printer)."""
        if self.code is None:
            return None
        writers = _writers()
        code, library = self.code, self.library
        dpi = printer.resolution() if printer is not None else 300

        def work() -> Any:
            from docmgr.core.scratch import scratch_folder

            with scratch_folder("print-") as tmp:
                path = writers[kind](library, code, tmp / f"{kind}.pdf")
                return render_pdf_pages(path, dpi)

        return self._run(work, lambda pages: self._print(pages, printer))

    def _print(self, pages: list[Any], printer: Any) -> None:
        if printer is None:
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter

            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self.widget()).exec() != QPrintDialog.DialogCode.Accepted:
                return
        print_pages(printer, pages)
