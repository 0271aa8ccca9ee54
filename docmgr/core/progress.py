"""Qt-free progress reporting and cancellation shared by the CLI and the GUI.

A service takes ``progress`` (a plain callback) and ``cancel`` (a :class:`CancelToken`); the CLI
draws a progress bar from the callback, the GUI forwards it through a signal.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Callable, Optional

from docmgr.core.errors import Cancelled


@dataclass(frozen=True)
class ProgressEvent:
    """One progress report.

    Args:
        done: items finished so far.
        total: items in all (0 when unknown).
        item: what is being worked on (a file name), for display.
        stage: a short word for the current step ("reading", "ocr", "indexing").
        page, pages: pages of the current item done so far and in all (0 when not known), so that one
            long scan's OCR moves a bar too.
    """

    done: int
    total: int
    item: str = ""
    stage: str = ""
    page: int = 0
    pages: int = 0


ProgressCallback = Callable[[ProgressEvent], None]


def no_progress(_event: ProgressEvent) -> None:
    """A progress callback that ignores every report."""


class CancelToken:
    """A cancel flag checked between units of work, with an optional deadline.

    Args:
        deadline: a ``time.monotonic()`` value after which :meth:`check` raises ``TimeoutError``.
    """

    def __init__(self, deadline: Optional[float] = None) -> None:
        self._event = threading.Event()
        self.deadline = deadline

    def cancel(self) -> None:
        """Ask the work to stop at the next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._event.is_set()

    def remaining(self) -> Optional[float]:
        """Seconds left before the deadline, or None when there is none."""
        if self.deadline is None:
            return None
        return max(0.0, self.deadline - time.monotonic())

    def check(self) -> None:
        """Raise :class:`Cancelled` when cancelled, ``TimeoutError`` past the deadline."""
        if self._event.is_set():
            raise Cancelled()
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise TimeoutError()

    def child(self, seconds: Optional[float]) -> "CancelToken":
        """A token sharing this one's cancel flag, with its own deadline ``seconds`` from now."""
        token = CancelToken(None if seconds is None else time.monotonic() + seconds)
        token._event = self._event
        return token
