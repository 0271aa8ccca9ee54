"""The search bar: results as you type (debounced, run in a worker), filters (type, year, status),
snippets with the matched words in bold, facets with counts, "did you mean" and the query syntax."""

from __future__ import annotations

import html
import itertools
from typing import Any, Optional

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QToolTip, QVBoxLayout, QWidget)

from docmgr.core.library import Library
from docmgr.gui.models.documents import STATUS_LABELS
from docmgr.gui.workers import Task, TaskContext, start
from docmgr.services.review import type_choices

DEBOUNCE_MS = 250
HIT_ROLE = 0x0100 + 7


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def snippet_html(snippet: str) -> str:
    """A plain snippet with «marked» words as HTML with those words in bold."""
    return html.escape(snippet).replace("«", "<b style='background:#fff3a0'>").replace("»", "</b>")


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
        self.edit.setPlaceholderText(_tr("Search: type words with or without marks…"))
        self.type_filter = QComboBox()
        self.type_filter.addItem(_tr("All types"), "")
        for code, name in type_choices():
            self.type_filter.addItem(name, code)
        self.year_filter = QComboBox()
        self.year_filter.addItem(_tr("All years"), 0)
        self.status_filter = QComboBox()
        self.status_filter.addItem(_tr("All statuses"), "")
        for key in ("inbox", "needs-review", "confirmed"):
            self.status_filter.addItem(_tr(STATUS_LABELS[key]), key)
        for box in (self.type_filter, self.year_filter, self.status_filter):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type_filter.setMinimumContentsLength(12)
        self.year_filter.setMinimumContentsLength(6)
        self.status_filter.setMinimumContentsLength(9)
        self.edit.setMinimumWidth(180)
        self.help_button = QPushButton("?")
        self.help_button.setFixedWidth(28)
        self.help_button.setToolTip(_tr("Query syntax"))
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
        self.results.viewport().installEventFilter(self)
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
        for box in (self.type_filter, self.year_filter, self.status_filter):
            box.currentIndexChanged.connect(lambda _i: self.timer.start())

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
            title = html.escape(hit.get("title") or hit.get("filename") or "")
            kind = html.escape(hit.get("type") or "")
            page = _tr("page {0}").format(hit["page"]) if hit.get("page") else ""
            label = QLabel(f"<b>{title}</b> <span style='color:#555'>{kind} · {page}</span><br>"
                           f"{snippet_html(hit.get('snippet') or '')}")
            label.setWordWrap(True)
            label.setContentsMargins(4, 2, 4, 4)
            item = QListWidgetItem()
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
        self.body.show()
        self.fit_rows()
        self.active.emit(True)

    def fit_rows(self) -> None:
        """Give each hit the height its wrapped text needs at the list's current width."""
        width = max(120, self.results.viewport().width() - 2)
        for row in range(self.results.count()):
            item = self.results.item(row)
            label = self.results.itemWidget(item)
            if label is not None:
                label.setFixedWidth(width)
                item.setSizeHint(QSize(width, label.heightForWidth(width) + 14))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.results.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_rows()
        return super().eventFilter(watched, event)

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
