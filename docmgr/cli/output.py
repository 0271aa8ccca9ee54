"""Output helpers: JSON on stdout (NFC, not ASCII-escaped), human text, and the stderr progress bar."""

from __future__ import annotations

import json
import sys
from typing import Any, Optional

from docmgr.core.progress import ProgressEvent


def emit_json(obj: Any) -> None:
    """Print one JSON value on one line of stdout and flush (JSON Lines when called per item)."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


class ProgressBar:
    """A tqdm bar on stderr, shown only when stderr is a terminal and there is more than one item.

    Use as a progress callback: ``bar(event)``; call :meth:`close` at the end.
    """

    def __init__(self, unit: str = "file", enabled: Optional[bool] = None) -> None:
        self._unit = unit
        self._enabled = sys.stderr.isatty() if enabled is None else enabled
        self._bar: Any = None

    def __call__(self, event: ProgressEvent) -> None:
        if not self._enabled or event.total <= 1:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=event.total, unit=self._unit, file=sys.stderr, leave=False,
                             dynamic_ncols=True)
        self._bar.set_postfix_str(event.item[-40:], refresh=False)
        self._bar.update(event.done - self._bar.n)

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
