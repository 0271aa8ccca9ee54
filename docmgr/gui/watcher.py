"""The watched inbox folder in the app: a polling timer (reliable on network shares and Windows,
where file-system notifications are not) asks :class:`docmgr.services.inbox.InboxScanner` — in the
write pool, never on the GUI thread (a folder on a slow share, the catalog) — for the files that are
fully written and hands them to a callback that imports them."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Optional

from PySide6.QtCore import QObject, QTimer

from docmgr.core.catalog import Catalog
from docmgr.gui.workers import write_op
from docmgr.services.inbox import InboxScanner, scanner_for

INTERVAL_MS = 1000


class InboxWatcher(QObject):
    """Polls ``folder`` every ``interval_ms``; ``take(paths) -> bool`` imports them (False: busy, retry).

    Args:
        take: called on the GUI thread with the ready files.
        interval_ms: the polling period (a file is ready after two polls with the same size).
        catalog: where the files taken are remembered across restarts.
        failed: shown a scan's failure (on the GUI thread).
    """

    def __init__(self, take: Callable[[list[Path]], bool], interval_ms: int = INTERVAL_MS,
                 parent: Optional[QObject] = None, catalog: Optional[Catalog] = None,
                 failed: Optional[Callable[[BaseException], None]] = None) -> None:
        super().__init__(parent)
        self.take = take
        self.catalog = catalog
        self.failed = failed
        self.scanning = False
        self.scanner: Optional[InboxScanner] = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def watch(self, folder: str) -> None:
        """Watch ``folder`` ("" stops watching); the same folder again keeps what was already taken."""
        if self.scanner is not None and folder.strip() and Path(folder) == self.scanner.folder:
            return
        self.scanner = scanner_for(folder, self.catalog)  # the first poll is only a first look
        if self.scanner is None:
            self.timer.stop()
        else:
            self.timer.start()

    def folder(self) -> str:
        return str(self.scanner.folder) if self.scanner else ""

    def check(self) -> None:
        """One poll in the write pool (skipped while the previous one runs)."""
        scanner = self.scanner
        if scanner is None or self.scanning:
            return
        self.scanning = True
        write_op(scanner.poll, lambda ready: self._scanned(scanner, ready), self._scan_failed)

    def _scanned(self, scanner: InboxScanner, ready: Any) -> None:
        self.scanning = False
        if ready and scanner is self.scanner and not self.take(list(ready)):
            scanner.give_back(list(ready))

    def _scan_failed(self, exc: BaseException) -> None:
        self.scanning = False
        if self.failed is not None:
            self.failed(exc)
