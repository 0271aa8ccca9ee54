"""A library folder: the catalog, the content-addressed originals, quarantine and the write lock.

Originals are stored once per sha256, read-only, and never modified. Every write to the library
holds :meth:`Library.write_lock` — an OS file lock, released by the system if the process dies, held
only for the duration of one document's write — so the CLI and the app can share a library.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import shutil
import sqlite3
import stat
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, Iterator, Optional

from docmgr.core import scratch
from docmgr.core.atomic import atomic_output
from docmgr.core.catalog import Catalog
from docmgr.core.errors import LibraryError
from docmgr.core.paths import LibraryPaths
from docmgr.core.settings import Settings

log = logging.getLogger(__name__)

LOCK_TIMEOUT = 120.0  # seconds a writer waits for another one's short write


class Library:
    """An opened library.

    Args:
        root: the library folder; created when missing.
    """

    def __init__(self, root: Path) -> None:
        self.paths = LibraryPaths(Path(root))
        self.lock_timeout = LOCK_TIMEOUT
        try:
            for folder in (self.paths.root, self.paths.originals, self.paths.quarantine, self.paths.derived,
                           self.paths.tmp, self.paths.logs):
                folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"{root}: cannot create the library folder ({exc.strerror or exc})") from exc
        self.scratch: Optional[Path] = None  # OCR's scratch files: here, not in %TEMP%
        try:
            self.scratch = scratch.claim(self.paths.tmp)
        except OSError as exc:  # a read-only library can still be read
            log.warning("%s: no scratch folder (%s); scratch files go to the system's temp folder", root, exc)
        self.settings = Settings.load(self.paths.settings)
        self.catalog = Catalog(self.paths.catalog, lock=self.write_lock)

    @property
    def root(self) -> Path:
        return self.paths.root

    def save_settings(self) -> None:
        with self.write_lock():
            self.settings.save(self.paths.settings)

    @contextmanager
    def write_lock(self, timeout: Optional[float] = None) -> Iterator[None]:
        """Hold the library's write lock (an OS lock: a killed holder leaves no stale lock).

        Raises:
            LibraryError: another process held it for ``timeout`` seconds (default
                :attr:`lock_timeout`), or the lock file cannot be created (a read-only library).
        """
        from filelock import FileLock, Timeout

        wait = self.lock_timeout if timeout is None else timeout
        lock = FileLock(str(self.paths.write_lock), timeout=wait)
        try:
            lock.acquire()
        except Timeout as exc:
            raise LibraryError(f"{self.root}: another docmgr process has held the library for {wait:.0f} s") from exc
        except OSError as exc:
            raise library_failure(self.root, exc) or LibraryError(f"{self.root}: cannot lock the library ({exc})") from exc
        try:
            yield
        finally:
            lock.release()

    # -- originals --------------------------------------------------------------------------
    def original_path(self, sha256: str, suffix: str) -> Path:
        return self.paths.original(sha256, suffix)

    def store_original(self, source: Path, sha256: str, suffix: str) -> Path:
        """Copy ``source`` into the store under its checksum (idempotent), read-only.

        The copy is written to a temporary file, verified against ``sha256``, then renamed into
        place, so a crash never leaves a partial original under a real name.
        """
        target = self.original_path(sha256, suffix)
        if target.exists() and file_sha256(target) == sha256:
            return target
        with atomic_output(target) as tmp:
            with tmp.open("wb") as out, source.open("rb") as src:
                shutil.copyfileobj(src, out, 1 << 20)
            if file_sha256(tmp) != sha256:
                raise LibraryError(f"{source}: the file changed while it was being read")
        target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        return target

    def discard_original(self, sha256: str, suffix: str) -> None:
        """Remove a stored original that no catalog row refers to (rollback of a failed filing)."""
        if self.catalog.find_sha256(sha256) is None:
            path = self.original_path(sha256, suffix)
            if path.exists():
                _force_remove(path)

    # -- quarantine -------------------------------------------------------------------------
    def quarantine(self, source: Path, reason: str) -> Optional[Path]:
        """Copy a rejected file (when readable) to the quarantine with a ``.reason.txt`` beside it."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        safe = re.sub(r"[^\w.\-]+", "_", source.name, flags=re.UNICODE)[:120] or "file"
        target = self.paths.quarantine / f"{stamp}-{safe}"
        n = 1
        while target.exists():
            n += 1
            target = self.paths.quarantine / f"{stamp}-{n}-{safe}"
        reason_file = target.with_name(target.name + ".reason.txt")
        try:
            shutil.copyfile(source, target)
            reason_file.write_text(f"{source}\n{reason}\n", encoding="utf-8")
        except OSError:  # nothing half-written is left in the quarantine
            for leftover in (target, reason_file):
                try:
                    leftover.unlink(missing_ok=True)
                except OSError:
                    pass
            return None
        return target

    def release_quarantined(self, filename: str, sha256: str) -> int:
        """Remove the quarantine copies of earlier rejections of these bytes (named ``filename``), now that
        they are filed (an encrypted PDF filed again with its password); returns how many."""
        released = 0
        for rejection_id, copy in self.catalog.quarantined_as(filename):
            path = Path(copy)
            try:
                if path.is_file() and file_sha256(path) != sha256:
                    continue  # another file of the same name
                _force_remove(path)
                path.with_name(path.name + ".reason.txt").unlink(missing_ok=True)
            except OSError as exc:
                log.warning("%s: quarantine copy not removed (%s)", path, exc)
                continue
            self.catalog.forget_quarantined(rejection_id)
            released += 1
        return released


DISK_CAUSES = {errno.ENOSPC: "the disk is full", errno.EROFS: "the library is on a read-only disk",
               errno.EACCES: "no permission to write to the library", errno.EPERM: "no permission to write to the library",
               getattr(errno, "EDQUOT", -1): "the disk quota is used up", errno.EFBIG: "a file grew past the size allowed"}


def library_failure(root: Path, exc: BaseException) -> Optional[LibraryError]:
    """The :class:`LibraryError` an exception means when the library itself failed — a catalog error
    (locked, full, read-only, damaged), a full or read-only disk, a file of the library that cannot be
    written — or None when it says nothing about the library (then it is about the input).

    A library failure is never the input's fault: the caller stops, rejects and quarantines nothing."""
    if isinstance(exc, LibraryError):
        return exc
    if isinstance(exc, sqlite3.Error):
        text = str(exc) or type(exc).__name__
        if "readonly" in text:
            text += f"; {DISK_CAUSES[errno.EROFS]}"
        return LibraryError(f"{root}: the catalog cannot be written ({text})")
    if isinstance(exc, OSError):
        inside = any(name is not None and _inside(Path(os.fsdecode(name)), root) for name in (exc.filename, exc.filename2))
        if exc.errno in (errno.ENOSPC, errno.EROFS, errno.EFBIG, getattr(errno, "EDQUOT", -1)) or (
                inside and not isinstance(exc, FileNotFoundError)):
            cause = DISK_CAUSES.get(exc.errno or 0, exc.strerror or str(exc))
            return LibraryError(f"{root}: cannot write to the library: {cause} ({exc.strerror or exc})")
    return None


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(Path(root).resolve())
    except (OSError, ValueError):
        return False


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        _update_hash(h, fh)
    return h.hexdigest()


def _update_hash(h: "hashlib._Hash", fh: IO[bytes]) -> None:
    for block in iter(lambda: fh.read(1 << 20), b""):
        h.update(block)


def _force_remove(path: Path) -> None:
    """Delete a file even when it is read-only (Windows refuses otherwise)."""
    try:
        path.chmod(stat.S_IWUSR | stat.S_IRUSR)
    except OSError:
        pass
    path.unlink(missing_ok=True)
