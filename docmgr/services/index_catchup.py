"""Keeping the search index in step with a batch of catalog writes, in few commits.

A Whoosh commit costs far more than adding a document to it (and, with many small segments, its
merges grow with the index), so a batch that files many documents brings the index up to date in
one commit per interval and one at its end rather than one per document. The catalog stays the
source of truth: a filed row is ``indexed = 0`` until a commit holds it, so a batch killed half way
loses nothing: the next :func:`~docmgr.services.search.sync_index` (every search runs one first)
indexes what is missing.
"""

from __future__ import annotations

import time
from typing import Optional

from docmgr.core.library import Library

INDEX_EVERY = 30.0  # seconds: during a batch the index catches up at most this often (and at its end)


class IndexCatchUp:
    """The index catch-ups of one batch of writes.

    Args:
        library: the library written to.
        every: seconds between catch-ups while documents are being filed (default :data:`INDEX_EVERY`).
    """

    def __init__(self, library: Library, every: Optional[float] = None) -> None:
        self.library = library
        self.every = INDEX_EVERY if every is None else every
        self.pending = False
        self._last = time.monotonic()

    def filed(self) -> None:
        """A document was written to the catalog; catch up when the interval has passed."""
        self.pending = True
        if time.monotonic() - self._last >= self.every:
            self.flush()

    def flush(self) -> None:
        """Index what was written since the last catch-up. An index problem is only logged: the rows
        stay ``indexed = 0`` and the next sync or search picks them up."""
        if self.pending:
            from docmgr.services.search import sync_index_quietly

            sync_index_quietly(self.library)
            self.pending = False
        self._last = time.monotonic()
