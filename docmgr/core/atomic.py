"""The one way docmgr writes a file in place: to a temporary file beside it, flushed to disk
(``fsync``), then renamed over the target (``os.replace``, atomic on Windows and POSIX). A crash, a
full disk or a failed writer leaves either the old file or the new one, never half of one, and no
temporary file behind.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator, Union

PART_PREFIX = ".part-"  # temporary files: hidden, so that folder listings and scanners skip them


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` for a writer that wants a file name (``skops.io.dump``);
    when the block ends without an exception, the file is flushed to disk and renamed over
    ``target``; otherwise it is removed."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=PART_PREFIX, suffix=target.suffix, dir=target.parent)
    os.close(fd)
    part = Path(name)
    try:
        yield part
        with part.open("rb+") as fh:
            os.fsync(fh.fileno())
        part.replace(target)
    finally:
        part.unlink(missing_ok=True)


@contextmanager
def atomic_open(target: Path, mode: str = "wb", encoding: str | None = None) -> Iterator[IO[Any]]:
    """A file open for writing whose content replaces ``target`` when the block ends without an
    exception (``mode`` "wb" or "w"; text is UTF-8 unless ``encoding`` says otherwise)."""
    if mode not in ("wb", "w"):
        raise ValueError(f"atomic_open writes only: mode {mode!r}")
    with atomic_output(target) as part:
        with part.open(mode, encoding=(encoding or "utf-8") if mode == "w" else None) as fh:
            yield fh


def write_atomic(target: Path, data: Union[bytes, str]) -> None:
    """Replace ``target`` with ``data`` (``str`` is written as UTF-8) atomically and durably."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_open(target, "wb") as fh:
        fh.write(payload)
