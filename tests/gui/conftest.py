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
    # the window's own end-of-import slot (connected before the task started): waiting for the task's
    # signal here would miss it when a quick batch is done before the wait begins
    qtbot.waitUntil(lambda: win.task is None, timeout=120_000)


