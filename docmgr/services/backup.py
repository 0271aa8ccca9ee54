"""Full backups of a library and restoring them; the scheduled automatic backup.

A backup is a zip: ``catalog.sqlite3`` (a consistent copy made with SQLite's online backup API while
the write lock is held), every original, ``settings.json``, the audit chain head, ``models/``,
``backup.json`` and ``SHA256SUMS``. The search index and derived files are left out: they are rebuilt
from the originals (the index at once after a restore).

Restore checks every member against ``SHA256SUMS``, the catalog's integrity and every original against
the catalog before anything is put in place, and refuses a damaged or unsafe backup.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import zipfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Optional

from docmgr.core.atomic import atomic_output
from docmgr.core.catalog import SCHEMA_VERSION, now_iso
from docmgr.core.errors import LibraryError
from docmgr.core.library import Library, file_sha256
from docmgr.records import audit as trail
from docmgr.records import package
from docmgr.records.package import BadPackage
from docmgr.services import audit

FORMAT = "docmgr-backup"
VERSION = 1
AUTO_PREFIX = "docmgr-backup-"


def backup(library: Library, target: Path) -> dict[str, Any]:
    """Write a full backup of ``library`` to ``target`` (atomically); returns a summary."""
    from docmgr.services.users import require

    require(library, "archivist")
    target = Path(target)
    with tempfile.TemporaryDirectory(dir=library.paths.tmp) as tmp:
        snapshot = Path(tmp) / "catalog.sqlite3"
        with library.write_lock():
            audit.record_locked(library, "backup", trail.LIBRARY_TARGET, {"to": target.name})
            src = sqlite3.connect(library.paths.catalog)
            dst = sqlite3.connect(snapshot)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
            head = trail.head_path(library.root).read_bytes()
            settings = library.paths.settings.read_bytes() if library.paths.settings.exists() else b"{}"
        conn = sqlite3.connect(snapshot)
        try:
            originals = [(r[0], r[1], r[2]) for r in conn.execute("SELECT id, sha256, suffix FROM documents")]
        finally:
            conn.close()
        with atomic_output(target) as part, zipfile.ZipFile(part, "w", allowZip64=True) as zf:
            sums = package.SumsWriter(zf)
            sums.add_file("catalog.sqlite3", snapshot)
            sums.add_bytes(trail.HEAD_FILE, head)
            sums.add_bytes("settings.json", settings)
            for _doc_id, sha256, suffix in originals:
                path = library.original_path(sha256, suffix)
                if not path.is_file():
                    raise LibraryError(f"document {_doc_id}: its original {path} is missing, so the backup "
                                       "would be incomplete; run `docmgr check`")
                sums.add_file(f"originals/{sha256[:2]}/{sha256}{suffix}", path, compress=False)
            if library.paths.models.is_dir():
                for path in sorted(library.paths.models.rglob("*")):
                    if path.is_file():
                        sums.add_file(f"models/{path.relative_to(library.paths.models).as_posix()}", path)
            sums.add_bytes("backup.json", json.dumps(
                {"format": FORMAT, "version": VERSION, "created": now_iso(), "schema": SCHEMA_VERSION,
                 "documents": len(originals), "library": str(library.root)}, ensure_ascii=False).encode())
            sums.close()
    return {"path": str(target), "documents": len(originals), "size": target.stat().st_size}


def restore(source: Path, library_dir: Path) -> dict[str, Any]:
    """Restore a backup into ``library_dir`` (missing or empty); returns a summary.

    Raises:
        BadPackage: damaged, unsafe or not a backup; nothing is written to ``library_dir`` then.
        UsageError: ``library_dir`` holds something already.
    """
    from docmgr.core.errors import UsageError

    source, library_dir = Path(source), Path(library_dir)
    if library_dir.exists() and any(library_dir.iterdir()):
        raise UsageError(f"{library_dir}: not empty; restore into a new folder")
    with package.open_checked(source) as zf:
        package.verify_all(zf)
        _, raw = package.read_member(zf, "backup.json")
        meta = json.loads(raw.decode("utf-8"))
        if meta.get("format") != FORMAT:
            raise BadPackage(f"{source}: not a docmgr backup")
        library_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=library_dir.parent))
        try:
            for info in zf.infolist():
                if info.is_dir() or info.filename in (package.SUMS, "backup.json"):
                    continue
                out_path = staging.joinpath(*info.filename.split("/"))
                out_path.parent.mkdir(parents=True, exist_ok=True)
                with out_path.open("wb") as out:
                    package.read_member(zf, info.filename, out=out)
            _verify_staged(source, staging)
            library_dir.mkdir(parents=True, exist_ok=True)
            for item in staging.iterdir():
                item.replace(library_dir / item.name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    from docmgr.services.indexing import reindex
    from docmgr.services.library import open_library

    library = open_library(library_dir)
    for path in library.paths.originals.glob("*/*"):
        path.chmod(0o444)
    reindex(library)
    audit.record(library, "restore-backup", trail.LIBRARY_TARGET, {"from": source.name})
    return {"path": str(library_dir), "documents": meta.get("documents"), "from": str(source)}


def _verify_staged(source: Path, staging: Path) -> None:
    catalog = staging / "catalog.sqlite3"
    conn = sqlite3.connect(catalog)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise BadPackage(f"{source}: the catalog in the backup is damaged ({result})")
        rows = conn.execute("SELECT id, sha256, suffix, size FROM documents").fetchall()
    finally:
        conn.close()
    for doc_id, sha256, suffix, size in rows:
        path = staging / "originals" / sha256[:2] / f"{sha256}{suffix}"
        if not path.is_file():
            raise BadPackage(f"{source}: the original of document {doc_id} is missing")
        if path.stat().st_size != size or file_sha256(path) != sha256:
            raise BadPackage(f"{source}: the original of document {doc_id} does not match its checksum")


# -- the scheduled automatic backup -----------------------------------------------------------------
def backup_due(library: Library, now: Optional[datetime] = None) -> bool:
    """Whether the automatic backup is set up and the newest one in its folder is older than the interval."""
    folder = library.settings.backup_folder
    if not folder:
        return False
    newest = latest_auto(Path(folder))
    if newest is None:
        return True
    try:  # the time is in the name (the file's mtime changes when it is copied)
        made = datetime.strptime(newest.stem[len(AUTO_PREFIX):], "%Y%m%d-%H%M%S")
    except ValueError:
        made = datetime.fromtimestamp(newest.stat().st_mtime)
    return (now or datetime.now()) - made >= timedelta(hours=library.settings.backup_interval_hours)


def latest_auto(folder: Path) -> Optional[Path]:
    found = sorted(folder.glob(f"{AUTO_PREFIX}*.zip")) if folder.is_dir() else []
    return found[-1] if found else None


def backup_if_due(library: Library, now: Optional[datetime] = None) -> Optional[dict[str, Any]]:
    """Make the scheduled backup when due, then keep only the newest ``backup_keep``; None when not due."""
    if not backup_due(library, now):
        return None
    folder = Path(library.settings.backup_folder)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    result = backup(library, folder / f"{AUTO_PREFIX}{stamp}.zip")
    keep = max(1, library.settings.backup_keep)
    for old in sorted(folder.glob(f"{AUTO_PREFIX}*.zip"))[:-keep]:
        old.unlink(missing_ok=True)
    return result
