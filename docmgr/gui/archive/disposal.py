"""The disposal list: records whose retention ran out, with an archivist's approval to destroy them (a
tombstone remains), legal holds, and the personal-data deletion request through the same path."""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout,
                               QWidget)

from docmgr.core.library import Library
from docmgr.gui.archive.common import _t, fill, run, table


class DisposalPanel(QWidget):
    """Due records; :meth:`approve` destroys the checked ones (archivist only)."""

    def __init__(self, library: Library, report: Callable[[BaseException], None],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.library, self.report = library, report
        self.who = QLabel()
        self.view = table([_t("Document"), _t("Type"), _t("Retention"), _t("Kept until"), _t("Hold"), _t("File")])
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_t("Reason (required), e.g. the disposal council's decision"))
        self.personal = QCheckBox(_t("Personal-data deletion request"))
        self.approve_button = QPushButton(_t("Approve and destroy the checked records"))
        self.hold_button = QPushButton(_t("Put on legal hold"))
        self.release_button = QPushButton(_t("Release hold"))
        self.status = QLabel()
        actions = QHBoxLayout()
        for widget in (self.reason, self.personal, self.hold_button, self.release_button, self.approve_button):
            actions.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        self.approve_button.clicked.connect(lambda: self.approve(self.checked_ids(), self.reason.text()))
        self.hold_button.clicked.connect(lambda: self._each(self.checked_ids(), "hold"))
        self.release_button.clicked.connect(lambda: self._each(self.checked_ids(), "release"))
        self.due: list[dict[str, Any]] = []

    def refresh(self) -> None:
        from docmgr.services.retention import due
        from docmgr.services.users import current_user

        user = current_user(self.library)
        archivist = user is not None and user.role == "archivist"
        self.who.setText(_t("Acting user: {0} ({1}). Only an archivist approves a destruction.").format(
            user.name if user else _t("not a user of this library"), user.role if user else "—"))
        for button in (self.approve_button, self.hold_button, self.release_button):
            button.setEnabled(archivist)
        self.due = due(self.library)
        fill(self.view, [[f"#{d['id']}", d["type"] or "—", d["retention"] + (" [U]" if d["unconfirmed"] else ""),
                          d["until"], _t("held") if d["held"] else "", d["filename"]] for d in self.due])
        for row in range(self.view.rowCount()):
            item = self.view.item(row, 0)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.status.setText(_t("{0} records due for review").format(len(self.due)))

    def checked_ids(self) -> list[int]:
        return [self.due[r]["id"] for r in range(self.view.rowCount())
                if self.view.item(r, 0).checkState() == Qt.CheckState.Checked]

    def check(self, doc_id: int) -> None:
        for r, d in enumerate(self.due):
            if d["id"] == doc_id:
                self.view.item(r, 0).setCheckState(Qt.CheckState.Checked)

    def approve(self, ids: Sequence[int], reason: str, *, ask: bool = True) -> Any:
        from docmgr.services.retention import dispose

        if not ids:
            return None
        if ask and QMessageBox.question(self, _t("Destroy records"), _t(
                "Destroy {0} record(s) for good? Their originals are deleted; a tombstone remains.").format(len(ids))
        ) != QMessageBox.StandardButton.Yes:
            return None
        library, personal = self.library, self.personal.isChecked()

        def work() -> int:
            for doc_id in ids:
                dispose(library, doc_id, reason, personal_data=personal)
            return len(ids)

        return run(work, self._done(_t("{0} record(s) destroyed; tombstones kept.")), self._failed, writes=True)

    def _each(self, ids: Sequence[int], action: str) -> Any:
        from docmgr.services.retention import hold, release

        library, reason = self.library, self.reason.text() or _t("legal hold")

        def work() -> int:
            for doc_id in ids:
                hold(library, doc_id, reason) if action == "hold" else release(library, doc_id)
            return len(ids)

        return run(work, self._done(_t("{0} record(s) updated.")), self._failed, writes=True)

    def _done(self, text: str) -> Callable[[Any], None]:
        def done(n: Any) -> None:
            self.refresh()
            self.status.setText(text.format(n))
        return done

    def _failed(self, exc: BaseException) -> None:
        self.refresh()
        self.status.setText(str(exc))
        self.report(exc)
