"""Errors in one place: the core's typed errors become a line in the window's message bar; an
unexpected exception is logged to the library's log and shown briefly; a cancel is not an error."""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import Optional, Type

from PySide6.QtCore import QCoreApplication, QObject, Signal

from docmgr.core.errors import Cancelled, DocmgrError, LibraryError, NotFound, RejectedInput, ToolMissing, UsageError

from docmgr.gui.causes import translate_cause

log = logging.getLogger("docmgr.gui")


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def describe(exc: BaseException) -> tuple[str, str]:
    """``(level, message)`` for an exception: level is "info", "warning" or "error"."""
    if isinstance(exc, Cancelled):
        return "info", _tr("Cancelled.")
    if isinstance(exc, RejectedInput):
        return "warning", _tr("Rejected: {0}").format(translate_cause(exc.cause))
    if isinstance(exc, ToolMissing):
        return "warning", _tr("Missing tool: {0}").format(exc)
    if isinstance(exc, NotFound):
        return "warning", _tr("Not found: {0}").format(exc)
    if isinstance(exc, LibraryError):
        return "error", _tr("Library problem: {0}").format(exc)
    if isinstance(exc, (UsageError, DocmgrError)):
        return "warning", str(exc)
    return "error", _tr("Unexpected error ({0}); details are in the library log.").format(type(exc).__name__)


class ErrorBridge(QObject):
    """Turns exceptions into ``message(level, text)`` for the message bar (on the GUI thread)."""

    message = Signal(str, str)

    def report(self, exc: BaseException) -> None:
        """Show ``exc``; log it with its traceback when it is not one of the core's typed errors."""
        if not isinstance(exc, (DocmgrError, Cancelled)):
            log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        level, text = describe(exc)
        self.message.emit(level, text)

    def install_excepthook(self) -> None:
        """Route uncaught exceptions in slots to :meth:`report`: the app keeps running."""

        def hook(kind: Type[BaseException], exc: BaseException, tb: Optional[TracebackType]) -> None:
            if issubclass(kind, KeyboardInterrupt):
                sys.__excepthook__(kind, exc, tb)
                return
            self.report(exc.with_traceback(tb))

        sys.excepthook = hook
