"""A simple page viewer: the page image rendered from the original (PDF or image), or the page text
when the original has no image; previous/next page and zoom."""

from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QStackedWidget,
                               QVBoxLayout, QWidget)

from docmgr.core.library import Library
from docmgr.services import views

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def to_qimage(img: Any) -> QImage:
    """A PIL image as a QImage (copied, so it owns its pixels)."""
    rgb = img.convert("RGB")
    data = rgb.tobytes()
    return QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()


class Viewer(QWidget):
    """Shows one document page by page; :meth:`show_document` loads it."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.doc_id: Optional[int] = None
        self.pages: list[dict[str, Any]] = []
        self.page = 1
        self.zoom = 1.0
        self.prev_button = QPushButton(_tr("◀ Previous"))
        self.next_button = QPushButton(_tr("Next ▶"))
        self.zoom_out = QPushButton("−")
        self.zoom_in = QPushButton("+")
        self.page_label = QLabel()
        for button in (self.zoom_out, self.zoom_in):
            button.setFixedWidth(32)
        self.prev_button.clicked.connect(lambda: self.go(self.page - 1))
        self.next_button.clicked.connect(lambda: self.go(self.page + 1))
        self.zoom_in.clicked.connect(lambda: self.set_zoom(+1))
        self.zoom_out.clicked.connect(lambda: self.set_zoom(-1))
        bar = QHBoxLayout()
        for w in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out)
        bar.addWidget(self.zoom_in)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.image)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.scroll)
        self.stack.addWidget(self.text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.clear()

    def clear(self) -> None:
        self.doc_id, self.pages, self.page = None, [], 1
        self.image.clear()
        self.text.setPlainText("")
        self._update_bar()

    def show_document(self, doc_id: int, pages: list[dict[str, Any]]) -> None:
        """Show ``doc_id`` from its first page; ``pages`` as :func:`docmgr.services.documents.show` gives them."""
        self.doc_id, self.pages = doc_id, pages
        self.go(1)

    def go(self, page: int) -> None:
        if self.doc_id is None or not 1 <= page <= max(1, len(self.pages)):
            return
        self.page = page
        self._render()

    def set_zoom(self, step: int) -> None:
        i = min(range(len(ZOOMS)), key=lambda k: abs(ZOOMS[k] - self.zoom))
        self.zoom = ZOOMS[max(0, min(len(ZOOMS) - 1, i + step))]
        self._render()

    def shows_image(self) -> bool:
        return self.stack.currentWidget() is self.scroll

    def _render(self) -> None:
        if self.doc_id is None:
            return
        img = views.page_image(self.library, self.doc_id, self.page, scale=self.zoom * 1.4)
        if img is not None:
            self.image.setPixmap(QPixmap.fromImage(to_qimage(img)))
            self.stack.setCurrentWidget(self.scroll)
        else:
            text = self.pages[self.page - 1]["text"] if self.pages else ""
            self.text.setPlainText(text)
            font = self.text.font()
            font.setPointSizeF(10 * self.zoom)
            self.text.setFont(font)
            self.stack.setCurrentWidget(self.text)
        self._update_bar()

    def _update_bar(self) -> None:
        total = len(self.pages)
        self.page_label.setText(_tr("Page {0} / {1}").format(self.page if total else 0, total))
        self.prev_button.setEnabled(self.page > 1)
        self.next_button.setEnabled(self.page < total)
