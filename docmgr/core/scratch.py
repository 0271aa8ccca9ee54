"""Scratch files (OCR pages, Tesseract's list of pages) in the library's own ``tmp/`` folder, never in
the system's ``%TEMP%``: Tesseract on Windows opens files through the ANSI code page, so a temp folder
under a Vietnamese user name (``C:\\Users\\Nguyễn…\\AppData\\Local\\Temp``) breaks OCR, and a library
folder is one the office chose.

Each process that opens a library claims its own folder ``tmp/<pid>-<random>/`` and holds an OS lock
beside it while it runs; opening a library removes the folders whose owner is gone (a crash, a
kill), so ``tmp/`` is cleaned at start without touching another running process's files. The folder
is named in ``DOCMGR_SCRATCH``, which the worker processes started later inherit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional

ENV_SCRATCH = "DOCMGR_SCRATCH"
_LOCK = ".lock"
_claimed: dict[str, Any] = {}  # tmp folder -> (this process's folder, its held lock)


def claim(tmp: Path) -> Path:
    """This process's scratch folder inside ``tmp`` (created once, named in ``DOCMGR_SCRATCH``);
    folders of processes that are gone are removed first."""
    from filelock import FileLock

    key = str(tmp)
    if key in _claimed and _claimed[key][0].is_dir():
        folder = _claimed[key][0]
    else:
        clean(tmp)
        folder = tmp / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        folder.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(folder) + _LOCK)
        lock.acquire()
        _claimed[key] = (folder, lock)
    os.environ[ENV_SCRATCH] = str(folder)
    return folder


def clean(tmp: Path) -> None:
    """Remove what processes that no longer run left in ``tmp`` (their lock is free)."""
    from filelock import FileLock, Timeout

    if not tmp.is_dir():
        return
    for child in tmp.iterdir():
        if child.name.endswith(_LOCK):
            continue
        lock_path = Path(str(child) + _LOCK)
        lock = FileLock(str(lock_path))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            continue  # its process still runs
        try:
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
        finally:
            lock.release()
            with contextlib.suppress(OSError):
                lock_path.unlink()


def root() -> Optional[Path]:
    """The scratch folder of this process (None: no library opened; the system's temp folder)."""
    named = os.environ.get(ENV_SCRATCH)
    if named and Path(named).is_dir():
        return Path(named)
    return None


@contextmanager
def scratch_folder(prefix: str) -> Iterator[Path]:
    """A fresh folder for one job's scratch files, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix=prefix, dir=root()) as name:
        yield Path(name)


def scratch_file(prefix: str, suffix: str) -> tuple[int, str]:
    """A new scratch file: ``(fd, name)`` as :func:`tempfile.mkstemp`; the caller removes it."""
    return tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=root())


_tempdir_lock = threading.Lock()


@contextmanager
def as_system_temp() -> Iterator[None]:
    """Within the block, Python's temp folder is the scratch folder: for libraries that make their
    own temporary files (pytesseract writes the page and Tesseract's outputs there)."""
    here = root()
    if here is None:
        yield
        return
    with _tempdir_lock:
        previous, tempfile.tempdir = tempfile.tempdir, str(here)
        try:
            yield
        finally:
            tempfile.tempdir = previous
