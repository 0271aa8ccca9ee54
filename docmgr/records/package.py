"""Zip packages the archive writes and reads (exports, backups): checksums, and reading a zip that may
be hostile.

Every package has ``SHA256SUMS`` (``<sha256>  <member>`` per line, every other member listed). Before
anything is extracted, :func:`open_checked` refuses members with an absolute path, a drive letter,
``..``, a symbolic link, a duplicate name, an absurd size or compression ratio (a zip bomb), and
:func:`read_member` stops at the declared size, so a lying header cannot fill the disk either.
"""

from __future__ import annotations

import hashlib
import re
import stat
import zipfile
from pathlib import Path, PurePosixPath
from typing import IO, Iterator, Optional

from docmgr.core.errors import DocmgrError

SUMS = "SHA256SUMS"
MAX_MEMBER = 8 << 30  # 8 GiB: no scanned original is this big
MAX_TOTAL = 64 << 30
MAX_RATIO = 200  # deflate rarely beats ~10:1 on documents; a bomb is 1000:1 and more
RATIO_FLOOR = 1 << 20  # ratios of members under 1 MiB do not matter
_DRIVE = re.compile(r"^[A-Za-z]:")


class BadPackage(DocmgrError):
    """A package (export or backup) that is damaged, unsafe or not docmgr's; the message names the member."""


def check_member(info: zipfile.ZipInfo) -> Optional[str]:
    """Why this member is refused, or None."""
    name = info.filename
    mode = (info.external_attr >> 16) & 0xFFFF
    if name.startswith(("/", "\\")) or _DRIVE.match(name):
        return "absolute path"
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if ".." in parts:
        return "'..' in the path"
    if stat.S_ISLNK(mode):
        return "symbolic link"
    if mode and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "not a regular file"
    if info.file_size > MAX_MEMBER:
        return f"absurd size ({info.file_size} bytes)"
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return f"absurd compression ratio ({info.file_size // max(info.compress_size, 1)}:1, a zip bomb)"
    return None


def open_checked(path: Path) -> zipfile.ZipFile:
    """Open a package and check every member's name, kind and size before anything is read.

    Raises:
        BadPackage: not a zip, or a refused member (one line: the file, the member, the cause).
    """
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BadPackage(f"{path}: not a readable zip archive ({exc})") from exc
    seen: set[str] = set()
    total = 0
    for info in zf.infolist():
        cause = check_member(info)
        if cause is None and info.filename in seen:
            cause = "duplicate member name"
        if cause is not None:
            zf.close()
            raise BadPackage(f"{path}: member {info.filename!r} refused: {cause}")
        seen.add(info.filename)
        total += info.file_size
    if total > MAX_TOTAL:
        zf.close()
        raise BadPackage(f"{path}: refused: {total} bytes uncompressed in all (a zip bomb?)")
    return zf


def read_member(zf: zipfile.ZipFile, name: str, out: Optional[IO[bytes]] = None) -> tuple[str, bytes]:
    """``(sha256, data)`` of a member (``data`` empty when streamed to ``out``), read no further than its
    declared size.

    Raises:
        BadPackage: missing, unreadable (CRC, truncated) or longer than declared.
    """
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise BadPackage(f"{zf.filename}: member {name!r} is missing") from None
    h, chunks, size = hashlib.sha256(), [], 0
    try:
        with zf.open(info) as src:
            for block in iter(lambda: src.read(1 << 20), b""):
                size += len(block)
                if size > info.file_size:
                    raise BadPackage(f"{zf.filename}: member {name!r} refused: longer than its declared size")
                h.update(block)
                if out is None:
                    chunks.append(block)
                else:
                    out.write(block)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:  # CRC mismatch, truncated
        raise BadPackage(f"{zf.filename}: member {name!r} is damaged ({exc})") from exc
    return h.hexdigest(), b"".join(chunks)


def read_sums(zf: zipfile.ZipFile) -> dict[str, str]:
    """member → sha256 from ``SHA256SUMS``."""
    _, data = read_member(zf, SUMS)
    sums: dict[str, str] = {}
    for line in data.decode("utf-8").splitlines():
        digest, sep, member = line.partition("  ")
        if not sep or not re.fullmatch(r"[0-9a-f]{64}", digest):
            raise BadPackage(f"{zf.filename}: {SUMS} is damaged ({line[:60]!r})")
        sums[member] = digest
    return sums


def verify_all(zf: zipfile.ZipFile) -> dict[str, str]:
    """Check every member against ``SHA256SUMS`` (and that none is missing or unlisted); returns the sums."""
    sums = read_sums(zf)
    names = {i.filename for i in zf.infolist() if not i.is_dir()} - {SUMS}
    for extra in sorted(names - set(sums)):
        raise BadPackage(f"{zf.filename}: member {extra!r} is not in {SUMS}")
    for member, digest in sums.items():
        got, _ = read_member(zf, member, out=_Null())
        if got != digest:
            raise BadPackage(f"{zf.filename}: member {member!r} does not match its checksum (damaged)")
    return sums


class SumsWriter:
    """Adds members to a zip and keeps their sha256 for ``SHA256SUMS`` (written by :meth:`close`)."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.sums: dict[str, str] = {}

    def add_bytes(self, name: str, data: bytes, *, compress: bool = True) -> None:
        self.zf.writestr(_info(name, compress), data)
        self.sums[name] = hashlib.sha256(data).hexdigest()

    def add_file(self, name: str, path: Path, *, compress: bool = True) -> None:
        h = hashlib.sha256()
        with Path(path).open("rb") as src, self.zf.open(_info(name, compress), "w", force_zip64=True) as out:
            for block in iter(lambda: src.read(1 << 20), b""):
                h.update(block)
                out.write(block)
        self.sums[name] = h.hexdigest()

    def close(self) -> None:
        self.zf.writestr(_info(SUMS, True), "".join(f"{d}  {n}\n" for n, d in sorted(self.sums.items())))


def members(zf: zipfile.ZipFile, prefix: str) -> Iterator[str]:
    for info in zf.infolist():
        if info.filename.startswith(prefix) and not info.is_dir():
            yield info.filename


def _info(name: str, compress: bool) -> zipfile.ZipInfo:
    import time

    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


class _Null:
    def write(self, data: bytes) -> int:
        return len(data)

