"""Shared bits of the archive screens: translated texts (context ``archive``), a read-only table, and running
a service call in a background task with its result delivered on the GUI thread."""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from docmgr.gui.workers import Task, TaskContext, start


def _t(text: str) -> str:
    return QCoreApplication.translate("archive", text)


def table(headers: Sequence[str], parent: Optional[QWidget] = None) -> QTableWidget:
    view = QTableWidget(0, len(headers), parent)
    view.setHorizontalHeaderLabels(list(headers))
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


def fill(view: QTableWidget, rows: Sequence[Sequence[Any]]) -> None:
    view.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            view.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
    view.resizeColumnsToContents()


def run(fn: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[BaseException], None], *,
        writes: bool = False) -> Task:
    """Run ``fn()`` off the GUI thread (writes on the one-thread write pool); ``done``/``failed`` on the GUI thread."""
    def work(_ctx: TaskContext) -> Any:
        return fn()

    task = Task(work)
    task.signals.finished.connect(done)
    task.signals.failed.connect(failed)
    return start(task, None if writes else QThreadPool.globalInstance())
