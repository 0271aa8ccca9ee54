"""The watched inbox folder in the app: a polling timer (reliable on network shares and Windows,
where file-system notifications are not) asks :class:`docmgr.services.inbox.InboxScanner` for the
files that are fully written and hands them to a callback that imports them."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QObject, QTimer

from docmgr.services.inbox import InboxScanner, scanner_for

INTERVAL_MS = 1000


class InboxWatcher(QObject):
    """Polls ``folder`` every ``interval_ms``; ``take(paths) -> bool`` imports them (False: busy, retry).

    Args:
        take: called on the GUI thread with the ready files.
        interval_ms: the polling period (a file is ready after two polls with the same size).
    """

    def __init__(self, take: Callable[[list[Path]], bool], interval_ms: int = INTERVAL_MS,
                 parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.take = take
        self.scanner: Optional[InboxScanner] = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def watch(self, folder: str) -> None:
        """Watch ``folder`` ("" stops watching); the same folder again keeps what was already taken."""
        if self.scanner is not None and folder.strip() and Path(folder) == self.scanner.folder:
            return
        self.scanner = scanner_for(folder)
        if self.scanner is None:
            self.timer.stop()
        else:
            self.scanner.poll()  # first look: nothing is ready before a second one
            self.timer.start()

    def folder(self) -> str:
        return str(self.scanner.folder) if self.scanner else ""

    def check(self) -> None:
        if self.scanner is None:
            return
        ready = self.scanner.poll()
        if ready and not self.take(ready):
            self.scanner.give_back(ready)
