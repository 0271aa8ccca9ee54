"""Where a library's index lives, which generation is current, and whether it is usable.

``index/CURRENT.json`` names the current generation folder, its engine and its schema version. A
rebuild fills a new folder and then replaces ``CURRENT.json`` atomically (``os.replace``), so a
reader sees either the old complete index or the new complete one, never a half-built one. An
index whose pointer is missing, names another engine or schema version, or does not open, is
reported as :class:`IndexUnusable` and rebuilt by the caller.

A rebuild runs without the library's write lock: it announces itself with a *journal*
(``<generation>.changes``) that every index writer appends the ids it handled to (under the lock),
so that the rebuild, once it takes the lock for its short final step, re-reads exactly the
documents that changed while it ran, then publishes. While it runs it holds an OS lock,
``<generation>.building``, so a search that finds the index missing or stale waits for that rebuild
instead of starting a second one.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional

from docmgr.core.atomic import write_atomic
from docmgr.core.errors import LibraryError
from docmgr.search.engine import SCHEMA_VERSION, Engine, IndexUnusable, create_engine

POINTER = "CURRENT.json"
JOURNAL = ".changes"
BUILDING = ".building"  # an OS lock held by the process building that generation
WRITER_LOCK = "writer.lock"  # an OS lock held by whoever writes the current generation


class IndexStore:
    """The index folder of one library.

    Args:
        root: the library's ``index`` folder.
        engine: the engine the library setting asks for ("whoosh" or "tantivy").
    """

    def __init__(self, root: Path, engine: str) -> None:
        self.root = root
        self.engine = engine

    def pointer(self) -> dict[str, object]:
        """The parsed ``CURRENT.json`` ({} when missing or unreadable)."""
        try:
            data = json.loads((self.root / POINTER).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def open(self) -> Engine:
        """The current index; raises :class:`IndexUnusable` saying why it cannot be used."""
        info = self.pointer()
        if not info:
            raise IndexUnusable("is missing")
        if info.get("engine") != self.engine:
            raise IndexUnusable(f"was built with {info.get('engine')}, the library now uses {self.engine}")
        if info.get("schema") != SCHEMA_VERSION:
            raise IndexUnusable(f"has version {info.get('schema')}, this docmgr uses {SCHEMA_VERSION}")
        folder = self.root / str(info.get("dir", ""))
        if not info.get("dir") or not folder.is_dir():
            raise IndexUnusable(f"folder {folder.name or '?'} is missing")
        try:
            return create_engine(self.engine, folder, create=False)
        except IndexUnusable as exc:
            raise IndexUnusable(f"is damaged ({exc})") from exc

    def new_generation(self) -> tuple[Path, Engine]:
        """A new, empty index folder (not current until :meth:`publish`)."""
        self.root.mkdir(parents=True, exist_ok=True)
        name = f"{self.engine}-v{SCHEMA_VERSION}-{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}"
        folder = self.root / name
        n = 1
        while folder.exists():
            n += 1
            folder = self.root / f"{name}-{n}"
        return folder, create_engine(self.engine, folder, create=True)

    def publish(self, folder: Path) -> None:
        """Make ``folder`` the current index (atomic) and remove older generations (best effort)."""
        data = {"engine": self.engine, "schema": SCHEMA_VERSION, "dir": folder.name}
        write_atomic(self.root / POINTER, json.dumps(data))
        self.end_journal(folder)
        self.remove_others(keep=folder.name)

    def remove_others(self, keep: str) -> None:
        """Delete generation folders other than ``keep`` (a folder still open on Windows stays)."""
        for child in self.root.iterdir():
            if child.is_dir() and child.name != keep:
                shutil.rmtree(child, ignore_errors=True)

    def discard(self, folder: Path) -> None:
        """Remove an unpublished generation (after a cancelled or failed rebuild) and its journal."""
        shutil.rmtree(folder, ignore_errors=True)
        self.end_journal(folder)

    # -- rebuild journals (call with the library's write lock held) ---------------------------
    def start_journal(self, folder: Path) -> None:
        """Announce a rebuild into ``folder``: writers note their changes for it from now on.

        Journals of rebuilds that died (their folder is gone) are removed here.
        """
        for old in self.root.glob(f"*{JOURNAL}"):
            if not (self.root / old.name[: -len(JOURNAL)]).is_dir():
                old.unlink(missing_ok=True)
        self._journal(folder).write_text("", encoding="utf-8")

    def note_changes(self, ids: list[int]) -> None:
        """Tell every running rebuild that these documents changed (were written to the current index)."""
        if not ids or not self.root.is_dir():
            return
        line = " ".join(map(str, ids)) + "\n"
        for journal in self.root.glob(f"*{JOURNAL}"):
            with journal.open("a", encoding="utf-8") as fh:
                fh.write(line)

    def changed_since_start(self, folder: Path) -> set[int]:
        """Ids noted in ``folder``'s journal since :meth:`start_journal`."""
        try:
            text = self._journal(folder).read_text(encoding="utf-8")
        except OSError:
            return set()
        return {int(x) for x in text.split() if x.isdigit()}

    def end_journal(self, folder: Path) -> None:
        """Remove ``folder``'s journal (after publishing or discarding it)."""
        self._journal(folder).unlink(missing_ok=True)

    @contextmanager
    def writer_lock(self, timeout: float) -> Iterator[None]:
        """Hold the index's writer lock (an OS file lock: one process or thread writes the index at a
        time, while the catalog takes writes meanwhile)."""
        from filelock import FileLock, Timeout

        self.root.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.root / WRITER_LOCK), timeout=timeout, thread_local=False)
        try:
            lock.acquire()
        except Timeout as exc:
            raise LibraryError(f"{self.root}: another docmgr process has been writing the search index for "
                               f"{timeout:.0f} s") from exc
        try:
            yield
        finally:
            lock.release()

    def building_lock(self, folder: Path) -> Any:
        """The lock a rebuild into ``folder`` holds while it runs (a :class:`filelock.FileLock`)."""
        from filelock import FileLock

        self.root.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.root / f"{folder.name}{BUILDING}"))

    def running_rebuild(self) -> Optional[Any]:
        """The lock of a rebuild that is running now (another process or thread), else None.

        Lock files left by finished or killed rebuilds are removed.
        """
        from filelock import FileLock, Timeout

        for path in sorted(self.root.glob(f"*{BUILDING}")) if self.root.is_dir() else []:
            lock = FileLock(str(path))
            try:
                lock.acquire(timeout=0)
            except Timeout:
                return lock
            lock.release()
            path.unlink(missing_ok=True)
        return None

    def _journal(self, folder: Path) -> Path:
        return self.root / f"{folder.name}{JOURNAL}"
