"""Shared GUI test set-up: a main window on a temporary library, and importing files into it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def window(qtbot: Any, library_path: Path) -> Any:
    from docmgr.app import build_window

    win = build_window(str(library_path))
    assert win is not None
    qtbot.addWidget(win)
    win.show()
    yield win
    if win.task is not None:
        win.task.cancel()
        qtbot.waitUntil(lambda: win.task is None, timeout=60_000)


def import_and_wait(qtbot: Any, win: Any, paths: list[Path]) -> None:
    """Import ``paths`` in ``win`` and wait until the task is done."""
    task = win.import_paths(paths)
    assert task is not None
    # Not waitSignal(task.signals.finished): the task is already running, and a quick one (an empty file)
    # can finish before the wait connects. The window clears ``task`` in its own finished slot.
    qtbot.waitUntil(lambda: win.task is None, timeout=120_000)


