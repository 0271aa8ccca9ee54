"""A watched inbox folder: which files in it are ready to ingest. A file is ready once it is fully
written — its size and modification time the same at two checks in a row — and it is handed out
only once (a file written again with new content counts as new); empty files wait. Partial downloads and Office lock
files (``~$…``, ``*.part``, ``*.crdownload``, ``*.tmp``) are never handed out. With a catalog, what was
taken is remembered there (path, size, mtime, sha256), so a restart neither takes nor hashes those
files again. Qt-free: the GUI calls :meth:`InboxScanner.poll` from a timer, in its write pool; a script
could call it in a loop."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Sequence

from docmgr.core.catalog import Catalog
from docmgr.services.ingest import IngestResult, expand_inputs

IGNORED_SUFFIXES = (".part", ".crdownload", ".tmp", ".partial", ".download")
_Signature = tuple[int, int]


class InboxScanner:
    """Remembers what it saw in ``folder`` between :meth:`poll` calls.

    Args:
        folder: the watched folder (walked recursively, hidden entries skipped).
        catalog: where what was taken is remembered across restarts (None: in memory only).
    """

    def __init__(self, folder: str | os.PathLike[str], catalog: Optional[Catalog] = None) -> None:
        self.folder = Path(folder)
        self.catalog = catalog
        self._last: dict[Path, _Signature] = {}
        self._taken: dict[Path, _Signature] = {}
        if catalog is not None:
            self._taken = {Path(p): sig for p, sig in catalog.inbox_taken().items()}

    def _scan(self) -> dict[Path, _Signature]:
        seen: dict[Path, _Signature] = {}
        if not self.folder.is_dir():
            return seen
        for path in expand_inputs([self.folder]):
            name = path.name
            if name.startswith("~$") or name.lower().endswith(IGNORED_SUFFIXES):
                continue
            try:
                st = path.stat()
            except OSError:  # removed or renamed meanwhile
                continue
            seen[path] = (st.st_size, st.st_mtime_ns)
        return seen

    def poll(self) -> list[Path]:
        """Files that were unchanged since the previous poll and were not handed out before."""
        now = self._scan()
        ready = [p for p, sig in now.items()
                 if sig[0] > 0 and self._last.get(p) == sig and self._taken.get(p) != sig]
        self._last = now
        for path in ready:
            self._taken[path] = now[path]
        return sorted(ready)

    def remember(self, results: Sequence[IngestResult]) -> None:
        """Keep in the catalog what became of files this scanner handed out (their sha256 when filed)."""
        if self.catalog is None:
            return
        entries = []
        for result in results:
            sig = self._taken.get(Path(result.path))
            if sig is None:
                continue
            sha256 = self.catalog.get(result.id).sha256 if result.id is not None else None
            entries.append((str(Path(result.path)), sig[0], sig[1], sha256))
        if entries:
            self.catalog.remember_inbox(entries)

    def give_back(self, paths: list[Path]) -> None:
        """Hand ``paths`` out again at the next poll (the caller could not take them now)."""
        for path in paths:
            self._taken.pop(path, None)


def scanner_for(folder: str, catalog: Optional[Catalog] = None) -> Optional[InboxScanner]:
    """A scanner for the ``inbox_folder`` setting ("" = none)."""
    return InboxScanner(folder, catalog) if folder.strip() else None
