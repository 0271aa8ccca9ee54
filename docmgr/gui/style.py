"""Room for Vietnamese marks: the default fonts' ascent leaves no room for the marks stacked above
capitals ("Ủ", "Ẫ", "Ố"), so single-line widgets sized to the font height clip them. :func:`install`
measures the overshoot of the current font and pads labels and rows by it."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

TALL_CAPITALS = "ỦẪỐỮẰỄ"


def overshoot(font: QFont) -> int:
    """Pixels the tallest Vietnamese capital rises above the font's ascent (0 when it fits)."""
    fm = QFontMetrics(font)
    top = min(fm.tightBoundingRect(TALL_CAPITALS).top(), fm.boundingRect(TALL_CAPITALS).top())
    return max(0, -top - fm.ascent())


def row_height(font: QFont) -> int:
    """A comfortable list row height for ``font`` with the marks above capitals."""
    fm = QFontMetrics(font)
    return fm.height() + overshoot(font) + 8


def install(app: QApplication) -> int:
    """Pad labels, check boxes and list items by the font's overshoot (+1 px); returns the padding."""
    pad = overshoot(app.font()) + 1
    sheet = (f"QLabel {{ padding-top: {pad}px; }}\n"
             f"QCheckBox, QRadioButton {{ padding-top: {pad}px; }}\n"
             f"QListView::item {{ padding-top: {pad + 2}px; padding-bottom: 2px; }}\n")
    if sheet not in app.styleSheet():
        app.setStyleSheet(app.styleSheet() + sheet)
    return pad
