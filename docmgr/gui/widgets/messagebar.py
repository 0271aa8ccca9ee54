"""A one-line message bar above the list: errors and notices, hidden again after a while."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

_STYLE = {
    "info": "background:#e8f1fb; color:#123; border:1px solid #9bbce0;",
    "warning": "background:#fff6dc; color:#432; border:1px solid #e0c070;",
    "error": "background:#fde8e8; color:#511; border:1px solid #e09090;",
}


class MessageBar(QWidget):
    """Shows ``show_message(level, text)``; errors stay until closed, the rest for ``timeout_ms``."""

    def __init__(self, parent: QWidget | None = None, timeout_ms: int = 8000) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        close = QPushButton("×")
        close.setFlat(True)
        close.setFixedWidth(28)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.level = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, level: str, text: str) -> None:
        self.level = level
        self.label.setText(text)
        self.setStyleSheet(f"QWidget {{ {_STYLE.get(level, _STYLE['info'])} }} QPushButton {{ border:none; }}")
        self.show()
        if level == "error":
            self._timer.stop()
        else:
            self._timer.start()

    def text(self) -> str:
        return self.label.text()
