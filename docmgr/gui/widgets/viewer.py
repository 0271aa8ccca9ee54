"""The page viewer: the page image rendered from the original (PDF or image), or the page text when the
original has no image; a strip of page thumbnails, previous/next page, zoom, fit to width or page,
rotate view, and search hits highlighted on the page with previous/next hit."""

from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListView, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QPushButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget)

from docmgr.core.library import Library
from docmgr.services import views

Box = tuple[float, float, float, float]
ZOOMS = (0.25, 0.35, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
RENDER_SCALE = 2.0  # PDF pages are rendered once at 144 dpi, then scaled for the zoom
THUMB = 72


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def to_qimage(img: Any) -> QImage:
    """A PIL image as a QImage (copied, so it owns its pixels)."""
    rgb = img.convert("RGB")
    data = rgb.tobytes()
    return QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()


class Viewer(QWidget):
    """Shows one document page by page; :meth:`show_document` loads it, :meth:`set_hits` marks hits."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.doc_id: Optional[int] = None
        self.pages: list[dict[str, Any]] = []
        self.page = 1
        self.zoom = 0.5
        self.fit: Optional[str] = "width"  # "width", "page" or None (fixed zoom)
        self.rotation = 0
        self.hits: list[tuple[int, Box]] = []
        self.hit = -1
        self._page_image: Optional[QImage] = None
        self._render_scale = RENDER_SCALE
        self._thumbs_todo: list[int] = []
        self.prev_button = QPushButton("◀")
        self.next_button = QPushButton("▶")
        self.page_label = QLabel()
        self.prev_hit = QPushButton("▲")
        self.next_hit = QPushButton("▼")
        self.hit_label = QLabel()
        self.zoom_out = QPushButton("−")
        self.zoom_in = QPushButton("+")
        self.fit_width_button = QPushButton("↔")
        self.fit_page_button = QPushButton("⤢")
        self.rotate_button = QPushButton("⟳")
        for button in (self.prev_button, self.next_button, self.prev_hit, self.next_hit, self.zoom_out,
                       self.zoom_in, self.fit_width_button, self.fit_page_button, self.rotate_button):
            button.setFixedWidth(34)
        self.retranslate()
        self.prev_button.clicked.connect(lambda: self.go(self.page - 1))
        self.next_button.clicked.connect(lambda: self.go(self.page + 1))
        self.prev_hit.clicked.connect(lambda: self.step_hit(-1))
        self.next_hit.clicked.connect(lambda: self.step_hit(+1))
        self.zoom_in.clicked.connect(lambda: self.set_zoom(+1))
        self.zoom_out.clicked.connect(lambda: self.set_zoom(-1))
        self.fit_width_button.clicked.connect(lambda: self.set_fit("width"))
        self.fit_page_button.clicked.connect(lambda: self.set_fit("page"))
        self.rotate_button.clicked.connect(self.rotate)
        bar = QHBoxLayout()
        for w in (self.prev_button, self.page_label, self.next_button, self.prev_hit, self.hit_label, self.next_hit):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.zoom_out, self.zoom_in, self.fit_width_button, self.fit_page_button, self.rotate_button):
            bar.addWidget(w)
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
        self.thumbs = QListWidget()
        self.thumbs.setViewMode(QListView.ViewMode.IconMode)
        self.thumbs.setFlow(QListView.Flow.LeftToRight)
        self.thumbs.setWrapping(False)
        self.thumbs.setIconSize(QSize(THUMB, THUMB))
        self.thumbs.setFixedHeight(THUMB + 36)
        self.thumbs.setMovement(QListView.Movement.Static)
        self.thumbs.setStyleSheet("QListWidget::item:selected { background: #cfe3f7; color: black; }")
        self.thumbs.currentRowChanged.connect(lambda row: self.go(row + 1) if row >= 0 else None)
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setInterval(0)
        self._thumb_timer.timeout.connect(self._next_thumbnail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.thumbs)
        self.clear()

    # -- document and pages ------------------------------------------------------------------
    def clear(self) -> None:
        self.doc_id, self.pages, self.page = None, [], 1
        self.hits, self.hit = [], -1
        self._page_image = None
        self._thumb_timer.stop()
        self.thumbs.blockSignals(True)
        self.thumbs.clear()
        self.thumbs.blockSignals(False)
        self.image.clear()
        self.text.setPlainText("")
        self._update_bar()

    def show_document(self, doc_id: int, pages: list[dict[str, Any]], page: int = 1) -> None:
        """Show ``doc_id`` at ``page``; ``pages`` as :func:`docmgr.services.documents.show` gives them."""
        self.clear()
        self.doc_id, self.pages = doc_id, pages
        mime = self.library.catalog.get(doc_id).mime
        self._render_scale = 1.0 if mime.startswith("image/") else RENDER_SCALE   # PDFs and office renditions
        self.thumbs.blockSignals(True)
        for p in pages:
            item = QListWidgetItem(str(p["number"]))
            item.setSizeHint(QSize(THUMB + 12, THUMB + 28))
            self.thumbs.addItem(item)
        self.thumbs.blockSignals(False)
        self._thumbs_todo = list(range(1, len(pages) + 1))
        self._thumb_timer.start()  # one thumbnail per event-loop turn: the window stays responsive
        self.go(page)

    def _next_thumbnail(self) -> None:
        if not self._thumbs_todo or self.doc_id is None:
            self._thumb_timer.stop()
            return
        number = self._thumbs_todo.pop(0)
        img = views.page_image(self.library, self.doc_id, number, scale=0.075 * self._render_scale)
        if img is not None and number - 1 < self.thumbs.count():
            pix = QPixmap.fromImage(to_qimage(img)).scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                                           Qt.TransformationMode.SmoothTransformation)
            self.thumbs.item(number - 1).setIcon(QIcon(pix))
        elif img is None:
            self._thumbs_todo.clear()

    def go(self, page: int) -> None:
        if self.doc_id is None or not 1 <= page <= max(1, len(self.pages)):
            return
        if page != self.page or self._page_image is None:
            self.page = page
            img = views.page_image(self.library, self.doc_id, page, scale=self._render_scale)
            self._page_image = to_qimage(img) if img is not None else QImage()
        self.thumbs.blockSignals(True)
        self.thumbs.setCurrentRow(page - 1)
        self.thumbs.blockSignals(False)
        self._render()

    # -- view controls -----------------------------------------------------------------------
    def set_zoom(self, step: int) -> None:
        i = min(range(len(ZOOMS)), key=lambda k: abs(ZOOMS[k] - self.zoom))
        self.zoom = ZOOMS[max(0, min(len(ZOOMS) - 1, i + step))]
        self.fit = None
        self._render()

    def set_fit(self, mode: Optional[str]) -> None:
        """Fit the page to the width ("width") or wholly ("page") in the view; None keeps the zoom."""
        self.fit = mode
        self._render()

    def rotate(self, degrees: int = 90) -> None:
        """Turn the view (not the original) by ``degrees``."""
        self.rotation = (self.rotation + degrees) % 360
        self._render()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.fit and self._page_image is not None and not self._page_image.isNull():
            self._render()

    # -- hits --------------------------------------------------------------------------------
    def set_hits(self, hits: dict[int, list[Box]], page: Optional[int] = None) -> None:
        """Mark ``hits`` (page number → boxes as fractions of the page); show the first hit on ``page``."""
        self.hits = [(n, b) for n in sorted(hits) for b in sorted(hits[n], key=lambda b: (b[1], b[0]))]
        first = next((i for i, (n, _) in enumerate(self.hits) if page is None or n == page), 0)
        self.hit = first if self.hits else -1
        if self.hits:
            self.go(self.hits[self.hit][0])
        else:
            self._render()

    def step_hit(self, delta: int) -> None:
        """Go to the next (``+1``) or previous (``-1``) hit, across pages."""
        if not self.hits:
            return
        self.hit = (self.hit + delta) % len(self.hits)
        self.go(self.hits[self.hit][0])
        self._scroll_to_hit()

    def page_hits(self) -> list[Box]:
        return [b for n, b in self.hits if n == self.page]

    def shows_image(self) -> bool:
        return self.stack.currentWidget() is self.scroll

    # -- drawing -----------------------------------------------------------------------------
    def _scale(self, width: int, height: int) -> float:
        if self.rotation in (90, 270):
            width, height = height, width
        view = self.scroll.viewport().size()
        if self.fit == "width":
            return max(0.05, (view.width() - 4) / max(1, width))
        if self.fit == "page":
            return max(0.05, min((view.width() - 4) / max(1, width), (view.height() - 4) / max(1, height)))
        return self.zoom

    def _render(self) -> None:
        if self.doc_id is None:
            return
        if self._page_image is None or self._page_image.isNull():
            text = self.pages[self.page - 1]["text"] if self.pages else ""
            self.text.setPlainText(text)
            self.stack.setCurrentWidget(self.text)
            self._update_bar()
            return
        base = self._page_image
        scale = self._scale(base.width(), base.height())
        shown = base.scaled(max(1, int(base.width() * scale)), max(1, int(base.height() * scale)),
                            Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
        shown = shown.convertToFormat(QImage.Format.Format_RGB32)
        current = self.hits[self.hit] if 0 <= self.hit < len(self.hits) else None
        if self.page_hits():
            painter = QPainter(shown)
            for box in self.page_hits():
                rect = QRectF(box[0] * shown.width() - 2, box[1] * shown.height() - 2,
                              (box[2] - box[0]) * shown.width() + 4, (box[3] - box[1]) * shown.height() + 4)
                is_current = current is not None and current == (self.page, box)
                painter.fillRect(rect, QColor(255, 140, 0, 110) if is_current else QColor(255, 230, 0, 100))
                painter.setPen(QPen(QColor(230, 90, 0) if is_current else QColor(200, 160, 0), 2))
                painter.drawRect(rect)
            painter.end()
        if self.rotation:
            shown = shown.transformed(QTransform().rotate(self.rotation))
        self.image.setPixmap(QPixmap.fromImage(shown))
        self.stack.setCurrentWidget(self.scroll)
        self._update_bar()

    def _scroll_to_hit(self) -> None:
        if not (0 <= self.hit < len(self.hits)) or self.rotation:
            return
        pix = self.image.pixmap()
        box = self.hits[self.hit][1]
        offset_y = max(0, (self.image.height() - pix.height()) // 2)
        offset_x = max(0, (self.image.width() - pix.width()) // 2)
        self.scroll.ensureVisible(int(offset_x + box[0] * pix.width()), int(offset_y + box[1] * pix.height()), 60, 80)

    def retranslate(self) -> None:
        """Set the texts in the current UI language (at start and on a language change)."""
        tips = ((self.prev_button, _tr("Previous page")), (self.next_button, _tr("Next page")),
                (self.prev_hit, _tr("Previous hit (Shift+F3)")), (self.next_hit, _tr("Next hit (F3)")),
                (self.zoom_out, _tr("Zoom out")), (self.zoom_in, _tr("Zoom in")),
                (self.fit_width_button, _tr("Fit width")), (self.fit_page_button, _tr("Fit page")),
                (self.rotate_button, _tr("Rotate view")))
        for button, tip in tips:
            button.setToolTip(tip)
        if hasattr(self, "image"):
            self._update_bar()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_bar(self) -> None:
        total = len(self.pages)
        self.page_label.setText(_tr("Page {0} / {1}").format(self.page, total) if total else "")
        self.prev_button.setEnabled(self.page > 1)
        self.next_button.setEnabled(self.page < total)
        for w in (self.prev_hit, self.next_hit, self.hit_label):
            w.setVisible(bool(self.hits))
        if self.hits:
            self.hit_label.setText(_tr("Hit {0} / {1}").format(self.hit + 1, len(self.hits)))
