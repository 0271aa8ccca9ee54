"""A hint drawn over an empty list: what to do to fill it (a new user's first screen)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class EmptyHint(QLabel):
    """A centred grey note over ``view``'s viewport, shown while its model has no rows."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("color: palette(mid); padding: 24px;")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.update_visibility)
        view.viewport().installEventFilter(self)
        self.retranslate()
        self.update_visibility()

    def retranslate(self) -> None:
        self.setText(_tr("No documents here.\nDrop files or folders on this window, or use File › Import…"))

    def update_visibility(self) -> None:
        self.setGeometry(self.view.viewport().rect())
        self.setVisible(self.view.model().rowCount() == 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.view.viewport().rect())
        return False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
