"""Output helpers: JSON on stdout (NFC, not ASCII-escaped), human text, and the stderr progress bar."""

from __future__ import annotations

import json
import signal
import sys
from contextlib import contextmanager
from typing import Any, Iterator, Optional

from docmgr.core.progress import CancelToken, ProgressEvent


def emit_json(obj: Any) -> None:
    """Print one JSON value on one line of stdout and flush (JSON Lines when called per item)."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


class ProgressBar:
    """A tqdm bar on stderr, shown only when stderr is a terminal and there is more than one item —
    files, or the pages of a single long scan being OCR'd (``event.pages``).

    Use as a progress callback: ``bar(event)``; call :meth:`close` at the end.
    """

    def __init__(self, unit: str = "file", enabled: Optional[bool] = None) -> None:
        self._unit = unit
        self._enabled = sys.stderr.isatty() if enabled is None else enabled
        self._bar: Any = None

    def __call__(self, event: ProgressEvent) -> None:
        by_page = event.total <= 1 and event.pages > 1   # one file: its pages move the bar
        if not self._enabled or not (event.total > 1 or by_page):
            return
        total, done = (event.pages, event.page) if by_page else (event.total, event.done)
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="page" if by_page else self._unit, file=sys.stderr, leave=False,
                             dynamic_ncols=True)
        self._bar.set_postfix_str(event.item[-40:], refresh=False)
        self._bar.update(done - self._bar.n)

    def write(self, message: str) -> None:
        """A message line on stderr that does not break the bar."""
        if self._bar is not None:
            self._bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


@contextmanager
def interrupt_cancels(cancel: CancelToken, bar: ProgressBar) -> Iterator[None]:
    """While inside, the first Ctrl-C cancels ``cancel`` (the work stops its OCR at once and rolls
    back the current document); a second one raises KeyboardInterrupt."""
    def on_interrupt(_signum: int, _frame: Any) -> None:
        if cancel.cancelled:
            raise KeyboardInterrupt
        cancel.cancel()
        bar.write("docmgr: interrupted — stopping the current document (Ctrl-C again to abort)")

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
