"""The one way docmgr starts worker processes: a spawn pool (safe on Windows, where office PCs run)
whose workers leave Ctrl-C to the parent, run Tesseract with one OpenMP thread, and exit when the
parent dies (a worker's task queue never reports end of file otherwise, and orphans would hold the
parent's stdout open).

Each pool also carries two channels to its workers' running tasks: a *stop* counter the parent
raises to end every task submitted before (a running Tesseract is killed within
``tesseract.POLL`` seconds: the pool stays up, nothing is orphaned) and a queue on which tasks
report the pages they have recognised. A task learns both through the :class:`Ticket` it is
submitted with.
"""

from __future__ import annotations

import concurrent.futures as cf
import itertools
import multiprocessing
import multiprocessing.connection
import os
import queue
import signal
import threading
import time
from dataclasses import dataclass
from typing import Any, Optional

_KEYS = itertools.count(1)
_STOP: Any = None       # in a worker: the pool's stop counter
_PAGES: Any = None      # in a worker: the pool's page-report queue


@dataclass(frozen=True)
class Ticket:
    """What a task needs to hear a stop and report pages: its key and the stop count it was
    submitted under."""

    key: int
    epoch: int


def spawn_pool(workers: int) -> cf.ProcessPoolExecutor:
    """A process pool of ``workers`` spawned (not forked) processes, with its stop and page channels."""
    context = multiprocessing.get_context("spawn")
    stop, pages = context.Value("i", 0), context.Queue()
    pool = cf.ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(stop, pages),
                                  mp_context=context)
    pool.docmgr_stop, pool.docmgr_pages, pool.docmgr_done = stop, pages, {}  # type: ignore[attr-defined]
    return pool


def ticket(pool: cf.ProcessPoolExecutor) -> Ticket:
    """A new task's ticket (take it right before submitting the task)."""
    return Ticket(next(_KEYS), pool.docmgr_stop.value)  # type: ignore[attr-defined]


def stop_running(pool: cf.ProcessPoolExecutor) -> None:
    """End every task submitted so far at once (their Tesseract runs are killed); later tasks run."""
    stop = pool.docmgr_stop  # type: ignore[attr-defined]
    with stop.get_lock():
        stop.value += 1


def pages_done(pool: cf.ProcessPoolExecutor, key: int) -> int:
    """Pages the task with ticket ``key`` reported as recognised so far."""
    done: dict[int, int] = pool.docmgr_done  # type: ignore[attr-defined]
    try:
        while True:
            k, n = pool.docmgr_pages.get_nowait()  # type: ignore[attr-defined]
            done[k] = max(done.get(k, 0), n)
    except (queue.Empty, OSError, ValueError, EOFError):
        pass
    return done.get(key, 0)


def stopped(t: Optional[Ticket]) -> bool:
    """In a worker: whether the parent stopped the tasks of ``t``'s epoch."""
    return t is not None and _STOP is not None and _STOP.value != t.epoch


def report_pages(t: Optional[Ticket], done: int) -> None:
    """In a worker: tell the parent ``done`` pages of task ``t`` are recognised."""
    if t is not None and _PAGES is not None:
        try:
            _PAGES.put_nowait((t.key, done))
        except (queue.Full, OSError, ValueError):
            pass


def kill_pool(pool: cf.ProcessPoolExecutor, grace: float = 1.0) -> None:
    """Stop a pool at once (a page stuck past its time limit). Its tasks are told to stop first, so
    that their Tesseract runs are killed by the workers that started them; a worker still alive after
    ``grace`` seconds is killed."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    if hasattr(pool, "docmgr_stop"):
        stop_running(pool)
    pool.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + grace
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()


def _init_worker(stop: Any = None, pages: Any = None) -> None:
    global _STOP, _PAGES
    _STOP, _PAGES = stop, pages
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent finishes or rolls back, then stops us
    os.environ["OMP_THREAD_LIMIT"] = "1"  # OpenMP threads make Tesseract several times slower here
    threading.Thread(target=_exit_with_parent, name="docmgr-parent-watch", daemon=True).start()


def _exit_with_parent() -> None:
    parent = multiprocessing.parent_process()
    if parent is not None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)
