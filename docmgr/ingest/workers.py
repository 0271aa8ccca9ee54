"""The one way docmgr starts worker processes: a spawn pool (safe on Windows, where office PCs run)
whose workers leave Ctrl-C to the parent, run Tesseract with one OpenMP thread, and exit when the
parent dies (a worker's task queue never reports end of file otherwise, and orphans would hold the
parent's stdout open)."""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading


def spawn_pool(workers: int) -> cf.ProcessPoolExecutor:
    """A process pool of ``workers`` spawned (not forked) processes."""
    return cf.ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                                  mp_context=multiprocessing.get_context("spawn"))


def kill_pool(pool: cf.ProcessPoolExecutor) -> None:
    """Stop a pool at once, killing workers that are still busy (a page stuck past its time limit)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent finishes or rolls back, then stops us
    os.environ["OMP_THREAD_LIMIT"] = "1"  # OpenMP threads make Tesseract several times slower here
    threading.Thread(target=_exit_with_parent, name="docmgr-parent-watch", daemon=True).start()


def _exit_with_parent() -> None:
    parent = multiprocessing.parent_process()
    if parent is not None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)
