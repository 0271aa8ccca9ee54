"""Users and roles (clerk, archivist, leader), and signing in with a password. Says plainly that roles are
not a security boundary against an administrator of the PC."""

from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from docmgr.core.library import Library
from docmgr.gui.archive.common import _t, fill, run, table
from docmgr.records.users import ROLES


class UsersPanel(QWidget):
    """The users table and a form to add a user or change one's role (archivists only)."""

    def __init__(self, library: Library, report: Callable[[BaseException], None],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.library, self.report = library, report
        self.who = QLabel()
        note = QLabel(_t("Roles keep honest people from mistakes and name who did what. They are not a security "
                         "boundary: an administrator of this PC can change the library's files directly."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555")
        self.view = table([_t("Name"), _t("Role"), _t("Password"), _t("Since")])
        self.name = QLineEdit()
        self.name.setPlaceholderText(_t("user name (as the OS user)"))
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(_t(role), role)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_t("password (optional)"))
        self.save_button = QPushButton(_t("Add or change role"))
        self.remove_button = QPushButton(_t("Remove"))
        self.sign_in_button = QPushButton(_t("Sign in…"))
        self.status = QLabel()
        form = QHBoxLayout()
        for widget in (self.name, self.role, self.password, self.save_button, self.remove_button):
            form.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(self.who, 1)
        top.addWidget(self.sign_in_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addWidget(self.status)
        self.save_button.clicked.connect(lambda: self.save(self.name.text(), self.role.currentData(),
                                                           self.password.text() or None))
        self.remove_button.clicked.connect(self.remove_selected)
        self.sign_in_button.clicked.connect(self.ask_sign_in)

    def refresh(self) -> None:
        from docmgr.core.actor import current_actor
        from docmgr.services.users import current_user, list_users

        user = current_user(self.library)
        self.who.setText(_t("Acting user: {0} — {1}").format(
            current_actor(), _t(user.role) if user else _t("not a user of this library")))
        fill(self.view, [[u.name, _t(u.role), _t("yes") if u.has_password else "", u.created[:10]]
                         for u in list_users(self.library)])

    def save(self, name: str, role: str, password: Optional[str]) -> Any:
        from docmgr.services.users import add_user

        library = self.library

        def done(user: Any) -> None:
            self.password.clear()
            self.refresh()
            self.status.setText(_t("{0} is now: {1}").format(user.name, _t(user.role)))

        return run(lambda: add_user(library, name, role, password), done, self._failed, writes=True)

    def remove_selected(self) -> Any:
        from docmgr.services.users import remove_user

        row = self.view.currentRow()
        if row < 0:
            return None
        name, library = self.view.item(row, 0).text(), self.library
        return run(lambda: remove_user(library, name), lambda _r: self.refresh(), self._failed, writes=True)

    def ask_sign_in(self) -> None:
        dialog = SignInDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.sign_in(dialog.name.text(), dialog.password.text())

    def sign_in(self, name: str, password: str) -> Any:
        from docmgr.services.users import sign_in

        library = self.library

        def done(user: Any) -> None:
            self.refresh()
            self.status.setText(_t("Signed in as {0}.").format(user.name))

        return run(lambda: sign_in(library, name, password), done, self._failed, writes=True)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc))
        self.report(exc)


class SignInDialog(QDialog):
    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Sign in"))
        self.name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.addRow(_t("Name"), self.name)
        form.addRow(_t("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
