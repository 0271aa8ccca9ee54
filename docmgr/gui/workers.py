"""Background work for the GUI: one :class:`Task` runs a plain service function off the GUI thread and
reports through :class:`TaskSignals`, whose slots run on the GUI thread.

A task's function gets a :class:`TaskContext` with the ``progress`` callback, an ``item`` callback
(one result as soon as it is known) and the ``cancel`` token to pass to the service. Every write to
the library goes through :func:`write_pool`, a one-thread pool, so two writers never race and the
GUI thread never waits for the library's write lock; :func:`write_op` is the short form for one
small write (trash, restore, a settings save, an inbox scan).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable, Optional

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from docmgr.core.errors import Cancelled
from docmgr.core.progress import CancelToken, ProgressEvent

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    """Signals of one task: ``progress(ProgressEvent)``, ``item(object)``, ``finished(result)``,
    ``failed(exception)`` and ``cancelled()`` (a cancel is not a failure)."""

    progress = Signal(object)
    item = Signal(object)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


@dataclass
class TaskContext:
    """What a task function receives: report with ``progress``/``item``, stop when ``cancel`` says so."""

    progress: Callable[[ProgressEvent], None]
    item: Callable[[Any], None]
    cancel: CancelToken


class Task(QRunnable):
    """Runs ``fn(context)`` on a pool thread.

    Args:
        fn: the work; a plain blocking function calling a service.
        cancel: the token the work checks; :meth:`cancel` sets it.
    """

    def __init__(self, fn: Callable[[TaskContext], Any], cancel: Optional[CancelToken] = None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the window keeps a reference while the task runs
        self.fn = fn
        self.token = cancel or CancelToken()
        self.signals = TaskSignals()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self.token.cancel()

    def run(self) -> None:
        ctx = TaskContext(self.signals.progress.emit, self.signals.item.emit, self.token)
        try:
            result = self.fn(ctx)
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # reported on the GUI thread by docmgr.gui.errors
            log.debug("task failed", exc_info=True)
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


_write_pool: Optional[QThreadPool] = None


def write_pool() -> QThreadPool:
    """The one-thread pool for every task that writes to the library."""
    global _write_pool
    if _write_pool is None:
        _write_pool = QThreadPool()
        _write_pool.setMaxThreadCount(1)
    return _write_pool


# every started task until its outcome reached the GUI thread: a window closed while one of its tasks
# runs must not free the task under the pool thread
_live: set[Task] = set()


def start(task: Task, pool: Optional[QThreadPool] = None) -> Task:
    """Queue ``task`` on ``pool`` (default: the write pool) and return it."""
    _live.add(task)
    for signal in (task.signals.finished, task.signals.failed, task.signals.cancelled):
        signal.connect(lambda *_args, t=task: _live.discard(t))
    (pool or write_pool()).start(task)
    return task


def write_op(fn: Callable[[], Any], done: Optional[Callable[[Any], None]] = None,
             failed: Optional[Callable[[BaseException], None]] = None) -> Task:
    """Run one small write ``fn()`` in the write pool (like Anki's ``CollectionOp``): ``done(result)``
    or ``failed(exception)`` then runs on the GUI thread. Returns the started task."""
    task = Task(lambda _ctx: fn())
    if done is not None:
        task.signals.finished.connect(done)
    if failed is not None:
        task.signals.failed.connect(failed)
    return start(task)
