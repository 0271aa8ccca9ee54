"""The search bar: results as you type (debounced, run in a worker), filters (type, year, status),
snippets with the matched words in bold, facets with counts, "did you mean" and the query syntax."""

from __future__ import annotations

import html
import itertools
from typing import Any, Optional

from PySide6.QtCore import QCoreApplication, QEvent, QStringListModel, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QCompleter, QHBoxLayout, QLabel, QLineEdit, QListView, QListWidget,
                               QListWidgetItem, QPushButton, QToolTip, QVBoxLayout, QWidget)

from docmgr.core.library import Library
from docmgr.gui.models.documents import STATUS_LABELS
from docmgr.gui.widgets.hits import HitDelegate, hit_html
from docmgr.gui.workers import Task, TaskContext, start
from docmgr.services.review import type_choices

DEBOUNCE_MS = 250
COMPLETE_MS = 120
HIT_ROLE = 0x0100 + 7


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class SearchPanel(QWidget):
    """Query line and filters on top, then "did you mean", facets and the hits.

    Signals:
        hit_chosen(hit dict, query text): the user picked a hit.
        active(bool): a query is shown (True) or the field was cleared (False).
    """

    hit_chosen = Signal(dict, str)
    active = Signal(bool)

    def __init__(self, library: Library, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.library = library
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._seq = itertools.count(1)
        self._latest = 0
        self.result: dict[str, Any] = {}
        self.query_text = ""
        self.edit = QLineEdit()
        self.edit.setClearButtonEnabled(True)
        self.type_filter = QComboBox()
        self.type_filter.addItem("", "")
        for code, name in type_choices():
            self.type_filter.addItem(name, code)
        self.year_filter = QComboBox()
        self.year_filter.addItem("", 0)
        self.status_filter = QComboBox()
        self.status_filter.addItem("", "")
        for key in ("inbox", "needs-review", "confirmed"):
            self.status_filter.addItem("", key)
        for box in (self.type_filter, self.year_filter, self.status_filter):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type_filter.setMinimumContentsLength(12)
        self.year_filter.setMinimumContentsLength(6)
        self.status_filter.setMinimumContentsLength(9)
        self.edit.setMinimumWidth(180)
        self.help_button = QPushButton("?")
        self.help_button.setFixedWidth(28)
        self.help_button.clicked.connect(self.show_help)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        for w in (self.type_filter, self.year_filter, self.status_filter, self.help_button):
            row.addWidget(w)
        self.suggestion = QLabel()
        self.suggestion.linkActivated.connect(self._take_suggestion)
        self.facets = QLabel()
        self.facets.setWordWrap(True)
        self.facets.linkActivated.connect(self._take_facet)
        self.summary = QLabel()
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)  # rows re-measured at the new width
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.currentRowChanged.connect(self._chosen)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        for w in (self.suggestion, self.facets, self.summary):
            body.addWidget(w)
        body.addWidget(self.results, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.body, 1)
        self.body.hide()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        self.edit.textChanged.connect(lambda _t: self.timer.start())
        # autocomplete: completions of the last word, asked of the index in a worker of its own
        self.completions = QStringListModel(self)
        self.completer = QCompleter(self.completions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.edit.setCompleter(self.completer)
        self.complete_pool = QThreadPool(self)
        self.complete_pool.setMaxThreadCount(1)
        self._complete_seq = itertools.count(1)
        self._complete_latest = 0
        self.complete_timer = QTimer(self)
        self.complete_timer.setSingleShot(True)
        self.complete_timer.setInterval(COMPLETE_MS)
        self.complete_timer.timeout.connect(self.ask_completions)
        self.edit.textEdited.connect(lambda _t: self.complete_timer.start())
        self.retranslate()
        for box in (self.type_filter, self.year_filter, self.status_filter):
            box.currentIndexChanged.connect(lambda _i: self.timer.start())

    def retranslate(self) -> None:
        """Set the texts in the current UI language (at start and on a language change); results on
        show are shown again."""
        self.edit.setPlaceholderText(_tr("Search: type words with or without marks…"))
        self.type_filter.setItemText(0, _tr("All types"))
        self.year_filter.setItemText(0, _tr("All years"))
        self.status_filter.setItemText(0, _tr("All statuses"))
        for i in range(1, self.status_filter.count()):
            key = str(self.status_filter.itemData(i))
            self.status_filter.setItemText(i, _tr(STATUS_LABELS.get(key, key)))
        self.help_button.setToolTip(_tr("Query syntax"))
        if self.result:
            row = self.results.currentRow()
            self._show(self.result)
            self.results.blockSignals(True)
            self.results.setCurrentRow(row)
            self.results.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- autocomplete ------------------------------------------------------------------------
    def ask_completions(self) -> Optional[Task]:
        """Ask the index for completions of the text's last word (in a worker); the popup shows them."""
        from docmgr.services.search import suggest

        prefix = self.edit.text()
        if len(prefix.rpartition(" ")[2]) < 2:
            return None
        seq = next(self._complete_seq)
        self._complete_latest = seq
        library = self.library

        def work(_ctx: TaskContext) -> object:
            return seq, prefix, suggest(library, prefix)

        task = Task(work)
        task.signals.finished.connect(self._completed)
        task.signals.failed.connect(lambda _exc: None)  # no completions is no error: the search reports
        return start(task, self.complete_pool)

    def _completed(self, answer: object) -> None:
        seq, prefix, found = answer  # type: ignore[misc]
        if seq != self._complete_latest or prefix != self.edit.text():
            return
        shown = [c for c in found if c != prefix.strip()]
        self.completions.setStringList(shown)
        if shown and self.edit.hasFocus():
            self.completer.setCompletionPrefix(prefix)
            self.completer.complete()

    # -- running -----------------------------------------------------------------------------
    def current(self) -> dict[str, Any]:
        """The query and filters shown, as a saved search holds them."""
        return {"query": self.edit.text().strip(), **self.filters()}

    def apply(self, saved: dict[str, Any]) -> None:
        """Show a saved search (query and filters) and run it at once."""
        for box, key in ((self.type_filter, "type_code"), (self.year_filter, "year"), (self.status_filter, "status")):
            box.blockSignals(True)
            index = box.findData(saved.get(key) or ("" if box is not self.year_filter else 0))
            if index < 0 and box is self.year_filter and saved.get("year"):
                box.addItem(str(saved["year"]), int(saved["year"]))
                index = box.count() - 1
            box.setCurrentIndex(max(index, 0))
            box.blockSignals(False)
        self.edit.blockSignals(True)
        self.edit.setText(str(saved.get("query") or ""))
        self.edit.blockSignals(False)
        self.timer.stop()
        self.run()

    def filters(self) -> dict[str, Any]:
        return {"type_code": self.type_filter.currentData() or None, "year": self.year_filter.currentData() or None,
                "status": self.status_filter.currentData() or None}

    def run(self) -> Optional[Task]:
        """Search now (the debounce timer calls this); stale answers are dropped."""
        from docmgr.services.finder import find

        text = self.edit.text().strip()
        filters = self.filters()
        if not text and not filters["type_code"] and not filters["year"]:
            self._show({})
            return None
        seq = next(self._seq)
        self._latest = seq
        library = self.library

        def work(_ctx: TaskContext) -> object:
            return seq, text, find(library, text, **filters)

        task = Task(work)
        task.signals.finished.connect(self._answered)
        task.signals.failed.connect(lambda exc: self._failed(seq, exc))
        return start(task, self.pool)

    def _answered(self, answer: object) -> None:
        seq, text, result = answer  # type: ignore[misc]
        if seq == self._latest:
            self.query_text = text
            self._show(result)

    def _failed(self, seq: int, exc: BaseException) -> None:
        if seq == self._latest:
            self._show({})
            self.summary.setText(str(exc))
            self.body.show()

    # -- showing -----------------------------------------------------------------------------
    def _show(self, result: dict[str, Any]) -> None:
        self.result = result
        self.results.blockSignals(True)
        self.results.clear()
        self.results.blockSignals(False)
        if not result:
            self.body.hide()
            self.active.emit(False)
            return
        suggestion = result.get("suggestion")
        self.suggestion.setVisible(bool(suggestion))
        if suggestion:
            self.suggestion.setText(_tr("Did you mean: {0}?").format(
                f"<a href='{html.escape(suggestion)}'>{html.escape(suggestion)}</a>"))
        self._show_facets(result.get("facets") or {})
        self.summary.setText(_tr("{0} document(s) found").format(result.get("total", 0)))
        for hit in result.get("hits", []):
            item = QListWidgetItem()
            item.setData(HIT_ROLE, hit)
            page = _tr("page {0}").format(hit["page"]) if hit.get("page") else ""
            item.setData(Qt.ItemDataRole.DisplayRole, hit_html(hit, page))
            item.setToolTip(hit.get("filename") or "")
            self.results.addItem(item)
        self.body.show()
        self.active.emit(True)

    def hit_text(self, row: int) -> str:
        """The HTML shown for the hit at ``row``."""
        return str(self.results.item(row).data(Qt.ItemDataRole.DisplayRole))

    def _show_facets(self, facets: dict[str, dict[str, int]]) -> None:
        parts = []
        types = facets.get("type") or {}
        if types:
            links = [f"<a href='type:{html.escape(name)}'>{html.escape(name)}</a> ({count})"
                     for name, count in sorted(types.items(), key=lambda kv: -kv[1])]
            parts.append(_tr("Types: {0}").format(" · ".join(links)))
        years = facets.get("year") or {}
        if years:
            links = [f"<a href='year:{y}'>{y}</a> ({count})" for y, count in sorted(years.items(), reverse=True)]
            parts.append(_tr("Years: {0}").format(" · ".join(links)))
            known = {self.year_filter.itemData(i) for i in range(self.year_filter.count())}
            self.year_filter.blockSignals(True)
            for y in sorted((int(y) for y in years if str(y).isdigit()), reverse=True):
                if y not in known:
                    self.year_filter.addItem(str(y), y)
            self.year_filter.blockSignals(False)
        self.facets.setText("<br>".join(parts))
        self.facets.setVisible(bool(parts))

    def _take_suggestion(self, text: str) -> None:
        self.edit.setText(text)

    def _take_facet(self, link: str) -> None:
        kind, _, value = link.partition(":")
        box = self.type_filter if kind == "type" else self.year_filter
        for i in range(box.count()):
            if box.itemText(i) == value:
                box.setCurrentIndex(i)
                return

    def _chosen(self, row: int) -> None:
        item = self.results.item(row) if row >= 0 else None
        if item is not None:
            self.hit_chosen.emit(dict(item.data(HIT_ROLE)), self.query_text)

    def show_help(self) -> None:
        QToolTip.showText(self.help_button.mapToGlobal(self.help_button.rect().bottomLeft()),
                          _tr("Words: all preferred, with or without marks (giay khai sinh = giấy khai sinh)\n"
                              "\"quyền sử dụng đất\": a phrase; khai*: a prefix\n"
                              "type:QD  so:2820/QĐ-UBND  issuer:\"Ninh Kiều\"  file:scan\n"
                              "date:2025  date:01/01/2025..30/06/2025  \"năm nay\"  \"tháng trước\"\n"
                              "AND  OR  NOT  -word  ( )"), self.help_button)

    def hit_count(self) -> int:
        return self.results.count()
