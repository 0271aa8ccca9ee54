"""Keeping the search index in step with a batch of catalog writes, beside the filing.

A Whoosh commit costs far more than adding a document to it, so a batch that files many documents
brings the index up to date in one catch-up per interval and one at its end rather than one per
document. Each catch-up runs in its own thread while filing goes on: the catalog's write lock is
held by the catch-up only for a moment (see :func:`~docmgr.services.indexing.sync_index`), so filing
never waits for the index. The catalog stays the source of truth: a filed row is pending until a
commit holds it, so a batch killed half way loses nothing: the next sync indexes what is missing.
"""

from __future__ import annotations

import threading
import time
from typing import Optional

from docmgr.core.library import Library

INDEX_EVERY = 30.0  # seconds: during a batch a catch-up starts at most this often (and one at its end)


class IndexCatchUp:
    """The index catch-ups of one batch of writes.

    Args:
        library: the library written to.
        every: seconds between catch-ups while documents are being filed (default :data:`INDEX_EVERY`).
        background: run the catch-ups during the batch in a thread beside the filing (the final one,
            :meth:`flush`, always runs in the caller's thread once the running one has ended).
    """

    def __init__(self, library: Library, every: Optional[float] = None, *, background: bool = True) -> None:
        self.library = library
        self.every = INDEX_EVERY if every is None else every
        self.background = background
        self.pending = False
        self._last = time.monotonic()
        self._running: Optional[threading.Thread] = None

    @property
    def running(self) -> bool:
        """Whether a catch-up is running beside the filing now."""
        return self._running is not None and self._running.is_alive()

    def filed(self) -> None:
        """A document was written to the catalog; start a catch-up when the interval has passed and
        none is running."""
        self.pending = True
        if time.monotonic() - self._last >= self.every:
            self.start()

    def start(self) -> None:
        """Start a catch-up now (beside the filing) when something is pending and none is running."""
        if not self.pending or self.running:
            return
        self.pending = False
        self._last = time.monotonic()
        if self.background:
            self._running = threading.Thread(target=self._sync_beside, name="docmgr-index-catch-up", daemon=True)
            self._running.start()
        else:
            self._sync()

    def flush(self) -> None:
        """Wait for a running catch-up, then index what was written since. An index problem is only
        logged: the rows stay pending and the next sync or search picks them up."""
        self.wait()
        if self.pending:
            self._sync()
            self.pending = False
        self._last = time.monotonic()

    def wait(self) -> None:
        """Wait for the catch-up running beside the filing, if any."""
        if self._running is not None:
            self._running.join()
            self._running = None

    def _sync(self) -> None:
        from docmgr.services.indexing import sync_index_quietly

        sync_index_quietly(self.library)

    def _sync_beside(self) -> None:
        try:
            self._sync()
        finally:
            self.library.catalog.close()  # this thread's own connection
