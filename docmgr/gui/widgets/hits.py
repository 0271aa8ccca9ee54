"""How one search hit is drawn in the results list: the title (bold, wrapped onto at most a few lines),
then the type and page on a line of their own, then the snippet with the matched words marked.

A delegate rather than a widget per row: each row is laid out as one rich-text document at the list's
current width, so a long title wraps without running into the lines below it."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

PADDING = 6
TITLE_CHARS = 240  # a title longer than this (OCR noise) is cut with an ellipsis
MARK = "<span style='background:#fff3a0; color:#000; font-weight:bold'>"

_Index = QModelIndex | QPersistentModelIndex


def snippet_html(snippet: str) -> str:
    """A plain snippet with «marked» words as HTML with those words in bold on yellow."""
    return html.escape(snippet).replace("«", MARK).replace("»", "</span>")


def hit_html(hit: dict[str, Any], page_text: str) -> str:
    """The rich text of one hit (``page_text`` is the translated "page N" or empty)."""
    title = hit.get("title") or hit.get("filename") or ""
    if len(title) > TITLE_CHARS:
        title = title[:TITLE_CHARS].rstrip() + "…"
    meta = " · ".join(p for p in (hit.get("type") or "", page_text) if p)
    return (f"<div style='font-weight:bold'>{html.escape(title)}</div>"
            f"<div class='meta'>{html.escape(meta)}</div>"
            f"<div>{snippet_html(hit.get('snippet') or '')}</div>")


class HitDelegate(QStyledItemDelegate):
    """Draws a hit's HTML (the item's display text) wrapped to the view's width; rows take its height."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def _document(self, option: QStyleOptionViewItem, index: _Index, width: float, selected: bool) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(PADDING)
        doc.setDefaultFont(option.font)
        grey = "#e8eef6" if selected else "#555"
        doc.setDefaultStyleSheet(f".meta {{ color:{grey}; }}")
        doc.setHtml(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        doc.setTextWidth(width)
        return doc

    def _width(self, option: QStyleOptionViewItem) -> float:
        width = option.rect.width() if option.rect.width() > 0 else self.view.viewport().width()
        return float(max(120, width))

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        width = float(max(120, self.view.viewport().width()))
        doc = self._document(option, index, width, False)
        return QSize(int(width), int(doc.size().height()) + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_free = QStyleOptionViewItem(opt)
        text_free.text = ""
        style = opt.widget.style() if opt.widget is not None else self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_free, painter, opt.widget)
        doc = self._document(opt, index, self._width(opt), selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()
