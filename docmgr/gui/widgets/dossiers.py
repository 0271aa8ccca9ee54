"""The dossier screen: find and list dossiers (overdue, due soon), a dossier's completeness at a glance
(missing papers in red), attach by drag and drop (documents from the list, or files from the desktop,
which are imported first), status changes, the printed forms, and the procedure finder.

Every write runs on the write pool (:func:`docmgr.gui.workers.start`); printing renders in a worker.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidgetItem, QPushButton, QSpinBox, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from docmgr.gui.widgets.dossier_parts import ComponentList, NewDossierDialog, ProcedureFinder
from docmgr.gui.widgets.dossier_print import FormActions
from docmgr.gui.workers import Task, start

MISSING, PRESENT, OPTIONAL, EXTRA = QColor("#c62828"), QColor("#2e7d32"), QColor("#757575"), QColor("#6a1b9a")
FILTERS = ("open", "overdue", "due-soon", "all")


def _tr(text: str) -> str:
    return QCoreApplication.translate("dossiers", text)


class DossierScreen(FormActions, QWidget):
    """Dossiers of one library. ``selected_ids`` gives the documents selected in the main window."""

    changed = Signal()

    def __init__(self, library: Any, selected_ids: Callable[[], list[int]] = list, report: Callable[[BaseException], None]
                 = lambda exc: None, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.library = library
        self.selected_ids = selected_ids
        self.report = report
        self.code: Optional[str] = None
        self.task: Optional[Task] = None
        self.setWindowTitle(_tr("Dossiers"))
        self.resize(1400, 800)

        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText(_tr("Find by code, name, ID number or phone"))
        self.find_box.textChanged.connect(lambda _t: self.refresh())
        self.filter = QComboBox()
        for key, label in zip(FILTERS, (_tr("Open"), _tr("Overdue"), _tr("Due soon"), _tr("All"))):
            self.filter.addItem(label, key)
        self.soon_days = QSpinBox()
        self.soon_days.setRange(0, 30)
        self.soon_days.setValue(2)
        self.soon_days.setSuffix(_tr(" working days"))
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.soon_days.valueChanged.connect(lambda _v: self.refresh())
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([_tr("Code"), _tr("Applicant"), _tr("Procedure"), _tr("Due"),
                                              _tr("Status")])
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._picked)
        new_button = QPushButton(_tr("New dossier…"))
        new_button.clicked.connect(lambda: self.ask_new())
        filters = QHBoxLayout()
        filters.addWidget(self.filter)
        filters.addWidget(self.soon_days)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        for w in (self.find_box,):
            lv.addWidget(w)
        lv.addLayout(filters)
        lv.addWidget(self.table, 1)
        lv.addWidget(new_button)

        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.components = ComponentList()
        self.components.ids_dropped.connect(self.attach)
        self.components.files_dropped.connect(self.import_and_attach)
        self.status_box = QComboBox()
        self.note = QLineEdit()
        self.note.setPlaceholderText(_tr("Note"))
        self.apply_status = QPushButton(_tr("Change status"))
        self.apply_status.clicked.connect(lambda: self.change_status(str(self.status_box.currentData()),
                                                                    self.note.text()))
        status_row = QHBoxLayout()
        for w in (self.status_box, self.note, self.apply_status):
            status_row.addWidget(w)
        self.attach_button = QPushButton(_tr("Attach selected documents"))
        self.attach_button.clicked.connect(lambda: self.attach(self.selected_ids()))
        self.print_button = QPushButton(_tr("Print receipt…"))
        self.print_button.clicked.connect(lambda: self.print_form("receipt"))
        self.save_button = QPushButton(_tr("Save receipt PDF…"))
        self.save_button.clicked.connect(lambda: self.ask_save("receipt"))
        self.supplement_button = QPushButton(_tr("Supplement request…"))
        self.supplement_button.clicked.connect(lambda: self.print_form("supplement-request"))
        self.tracking_button = QPushButton(_tr("Tracking sheet…"))
        self.tracking_button.clicked.connect(lambda: self.print_form("tracking-sheet"))
        self.answer_box = QLineEdit()
        self.answer_box.setPlaceholderText(_tr("The answer given (feedback)"))
        self.answer_button = QPushButton(_tr("Record answer"))
        self.answer_button.clicked.connect(lambda: self.record_answer(self.answer_box.text()))
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.answer_box)
        answer_row.addWidget(self.answer_button)
        self.answer_widgets = (self.answer_box, self.answer_button)
        forms_row, forms_row2 = QHBoxLayout(), QHBoxLayout()
        for b in (self.attach_button, self.print_button, self.save_button):
            forms_row.addWidget(b)
        for b in (self.supplement_button, self.tracking_button):
            forms_row2.addWidget(b)
        middle = QWidget()
        mv = QVBoxLayout(middle)
        mv.setContentsMargins(0, 0, 0, 0)
        mv.addWidget(self.header)
        mv.addWidget(QLabel(_tr("Papers (drop documents or files here):")))
        mv.addWidget(self.components, 1)
        mv.addLayout(status_row)
        mv.addLayout(answer_row)
        mv.addLayout(forms_row)
        mv.addLayout(forms_row2)

        self.finder = ProcedureFinder(library)
        self.finder.new_dossier.connect(lambda code: self.ask_new(code))
        self.finder.checklist.connect(self.save_checklist)
        split = QSplitter()
        for w in (left, middle, self.finder):
            split.addWidget(w)
        split.setSizes([560, 520, 400])
        for i, stretch in enumerate((5, 4, 3)):
            split.setStretchFactor(i, stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.refresh()
        self.show_dossier(None)

    # -- list ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list (by the find box, else by the filter)."""
        from docmgr.services import dossiers as svc

        text = self.find_box.text().strip()
        key = self.filter.currentData()
        self.soon_days.setEnabled(key == "due-soon")
        try:
            if text:
                rows = svc.find_dossiers(self.library, text)
            elif key == "overdue":
                rows = svc.list_dossiers(self.library, overdue=True)
            elif key == "due-soon":
                rows = svc.list_dossiers(self.library, due_soon=self.soon_days.value())
            else:
                rows = svc.list_dossiers(self.library)
                if key == "open":
                    rows = [r for r in rows if r["status"] in ("received", "in-progress", "needs-supplement")]
        except Exception as exc:
            self.report(exc)
            rows = []
        from datetime import date

        from docmgr.records.workflow import OPEN, STATUS_VI

        today = date.today().isoformat()
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            values = (row["code"], row["applicant"]["name"], row.get("procedure_name") or row["procedure"],
                      row["due"], STATUS_VI.get(row["status"], row["status"]))
            late = row["status"] in OPEN and row["due"] < today
            for j, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if late:
                    item.setForeground(QBrush(MISSING))
                    item.setToolTip(_tr("Overdue"))
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), 180))

    def codes(self) -> list[str]:
        return [self.table.item(i, 0).text() for i in range(self.table.rowCount())]

    def _picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.show_dossier(self.table.item(rows[0].row(), 0).text())

    # -- one dossier ---------------------------------------------------------------------------
    def show_dossier(self, code: Optional[str]) -> None:
        """Show a dossier: header, papers coloured by completeness, the statuses it may move to."""
        from html import escape

        from docmgr.records.workflow import STATUS_VI, TRANSITIONS
        from docmgr.services import dossiers as svc

        self.code = code
        self.components.clear()
        self.status_box.clear()
        for w in (self.apply_status, self.attach_button, self.print_button, self.save_button,
                  self.supplement_button, self.tracking_button):
            w.setEnabled(code is not None)
        for w in self.answer_widgets:
            w.setVisible(False)
        if code is None:
            self.header.setText(_tr("Choose a dossier, or make a new one."))
            return
        try:
            d = svc.show(self.library, code)
            proc = svc.procedure_of(self.library, svc.store(self.library).get(code))
        except Exception as exc:
            self.report(exc)
            return
        a = d["applicant"]
        appt = d["appointment"]
        self.header.setText(
            f"<b>{escape(d['code'])}</b> — {escape(STATUS_VI.get(d['status'], d['status']))}<br>"
            f"{escape(a['name'])} · {escape(a['id_number'])} · {escape(a['phone'])}<br>{escape(proc.name)}<br>"
            f"{_tr('Due')}: {d['due']}" + (f" · {_tr('Return')}: {appt['date']} {appt['slot']}" if appt else ""))
        fb = d.get("feedback")
        if fb is not None:
            from docmgr.services.classify import taxonomy

            tax = taxonomy()
            route = tax.triage[fb["triage"]].name_vi if fb["triage"] in tax.triage else _tr("not routed yet")
            fow = tax.fields_of_work[fb["field_of_work"]].name_vi if fb["field_of_work"] in tax.fields_of_work else ""
            self.header.setText(self.header.text() + f"<br>{_tr('Routing')}: {escape(route)}"
                                + (f" — {escape(fow)}" if fow else "")
                                + (f"<br>{_tr('Answer')}: {escape(fb['answer'])}" if fb["answer"] else ""))
            for w in self.answer_widgets:
                w.setVisible(d["status"] in ("received", "in-progress", "needs-supplement"))
        have = {doc["component"] for doc in d["documents"]}
        for c in proc.components:
            if c.code in have:
                mark, color = "✓", PRESENT
            elif c.required and c.filed:
                mark, color = "✗", MISSING
            else:
                mark, color = "○", OPTIONAL
            text = f"{mark} {c.name}" + ("" if c.required else f" — {c.condition}")
            item = QListWidgetItem(text)
            item.setForeground(QBrush(color))
            item.setData(Qt.ItemDataRole.UserRole, c.code)
            self.components.addItem(item)
        for doc in d["documents"]:
            if doc["component"] is None:
                item = QListWidgetItem(f"+ #{doc['id']} {doc['type'] or ''} ({_tr('extra')})")
                item.setForeground(QBrush(EXTRA))
                self.components.addItem(item)
        for target in TRANSITIONS.get(d["status"], ()):
            self.status_box.addItem(STATUS_VI.get(target, target), target)
        self.apply_status.setEnabled(self.status_box.count() > 0)

    def missing_items(self) -> list[str]:
        """The texts of the papers shown as missing (red)."""
        return [self.components.item(i).text() for i in range(self.components.count())
                if self.components.item(i).foreground().color() == MISSING]

    # -- writes (on the write pool) --------------------------------------------------------------
    def _run(self, work: Callable[[], Any], then: Callable[[Any], None]) -> Task:
        task = Task(lambda _ctx: work())

        def done(result: Any) -> None:
            self.task = None
            then(result)
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self.task = None
            self.report(exc)

        task.signals.finished.connect(done)
        task.signals.failed.connect(failed)
        self.task = task
        return start(task)

    def ask_new(self, procedure: str = "") -> Optional[Task]:
        from docmgr.services.procedures import list_procedures

        ids = self.selected_ids()
        dialog = NewDossierDialog(list_procedures(self.library), procedure, len(ids), self)
        if dialog.exec() != NewDossierDialog.DialogCode.Accepted:
            return None
        return self.create(dialog.values(), ids)

    def create(self, values: dict[str, str], doc_ids: Sequence[int] = ()) -> Task:
        """Receive a dossier (and attach ``doc_ids``) in the background, then show it."""
        from docmgr.services import dossiers as svc

        library = self.library

        def work() -> Any:
            d = svc.new_dossier(library, values["procedure"], svc.ApplicantInput(
                values["name"], values.get("id_number", ""), values.get("phone", ""), values.get("address", "")))
            return svc.attach(library, d["code"], list(doc_ids)) if doc_ids else d

        return self._run(work, self._after)

    def attach(self, doc_ids: Sequence[int], component: Optional[str] = None) -> Optional[Task]:
        if self.code is None or not doc_ids:
            return None
        from docmgr.services import dossiers as svc

        code, library = self.code, self.library
        return self._run(lambda: svc.attach(library, code, list(doc_ids), component), self._after)

    def import_and_attach(self, paths: Sequence[str]) -> Optional[Task]:
        """Import dropped files, then attach what was filed (or found as a duplicate)."""
        if self.code is None or not paths:
            return None
        from docmgr.services import dossiers as svc
        from docmgr.services.ingest import ingest_paths

        code, library = self.code, self.library

        def work() -> Any:
            results = ingest_paths(library, list(paths))
            ids = [r.id for r in results if r.id is not None]
            return svc.attach(library, code, ids) if ids else svc.show(library, code)

        return self._run(work, self._after)

    def change_status(self, status: str, note: str = "") -> Optional[Task]:
        if self.code is None:
            return None
        from docmgr.services import dossiers as svc

        code, library = self.code, self.library
        self.note.clear()
        return self._run(lambda: svc.set_status(library, code, status, note), self._after)

    def record_answer(self, text: str) -> Optional[Task]:
        """Record the answer given to a feedback dossier (it closes as done)."""
        if self.code is None or not text.strip():
            return None
        from docmgr.services.dossier_feedback import answer

        code, library = self.code, self.library
        self.answer_box.clear()
        return self._run(lambda: answer(library, code, text), self._after)

    def _after(self, dossier: Any) -> None:
        self.refresh()
        code = dossier.get("code") if isinstance(dossier, dict) else None
        if code in self.codes():
            self.table.selectRow(self.codes().index(code))
        self.show_dossier(code)
