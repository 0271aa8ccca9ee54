"""``docmgr check``: verify the catalog, the originals and the index.

Two depths:
- **quick** (the GUI's default): the catalog's own quick check, every original present with its size,
  page counts, the index — seconds even for 100k documents;
- **full** (the CLI's default, as CLI.md asks): the quick check plus every original's sha256, read at
  disk speed by a few threads. A full pass is **resumable**: its position and the problems found so far
  are saved in the catalog as it goes, so an interrupted pass (Ctrl-C, a closed window) continues where
  it stopped next time; a completed pass records when it ran (:func:`last_full_check`).
"""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Iterator, Optional

from docmgr.core.catalog import now_iso
from docmgr.core.library import Library, file_sha256
from docmgr.core.progress import CancelToken, ProgressCallback, ProgressEvent, no_progress

_RESUME_KEY = "check.full.resume"
_LAST_FULL_KEY = "check.full.last"
_SAVE_EVERY = 5.0  # seconds between saves of a full pass's position
_HASH_THREADS = 4  # hashlib releases the GIL while it hashes: threads keep the disk busy


def check_library(library: Library, *, full: bool = True, progress: ProgressCallback = no_progress,
                  cancel: CancelToken | None = None) -> dict[str, Any]:
    """Check the library; returns ``{"ok", "checked", "mode", "problems": [{"kind", "id", "detail"}],
    "unreferenced_files"}`` (``resumed_from`` when a full pass continued an interrupted one)."""
    cancel = cancel or CancelToken()
    problems: list[dict[str, Any]] = []
    conn = library.catalog.connection()
    pragma = "integrity_check" if full else "quick_check"
    for (result,) in conn.execute(f"PRAGMA {pragma}"):
        if result != "ok":
            problems.append({"kind": "catalog", "id": None, "detail": str(result)})
    for row in conn.execute("PRAGMA foreign_key_check"):
        problems.append({"kind": "catalog", "id": None, "detail": f"dangling row in {row[0]}"})
    for doc_id, stored, expected in conn.execute(
            "SELECT d.id, COUNT(p.number), d.page_count FROM documents d LEFT JOIN pages p ON p.doc_id = d.id "
            "GROUP BY d.id HAVING COUNT(p.number) != d.page_count"):
        problems.append({"kind": "pages", "id": doc_id, "detail": f"{stored} pages stored, {expected} expected"})
    originals = library.catalog.stored_originals()
    referenced = {library.original_path(sha, suffix).name for _i, sha, suffix, _s in originals}
    present: list[tuple[int, str, str, int]] = []
    for i, (doc_id, sha256, suffix, size) in enumerate(originals):
        if i % 500 == 0:
            cancel.check()
            progress(ProgressEvent(i, len(originals), f"#{doc_id}", "checking"))
        path = library.original_path(sha256, suffix)
        try:
            actual = path.stat().st_size
        except OSError:
            problems.append({"kind": "missing-original", "id": doc_id, "detail": f"{path} is missing"})
            continue
        if actual != size:
            problems.append({"kind": "checksum", "id": doc_id, "detail": f"{path} does not match its sha256"})
            continue
        present.append((doc_id, sha256, suffix, size))
    report: dict[str, Any] = {"mode": "full" if full else "quick"}
    if full:
        resumed, checksum_problems = _checksums(library, present, progress, cancel)
        problems.extend(checksum_problems)
        if resumed:
            report["resumed_from"] = resumed
    progress(ProgressEvent(len(originals), len(originals), "", "checked"))
    from docmgr.services.indexing import check_index

    problems.extend(check_index(library))
    from docmgr.services.audit import check_problems

    problems.extend(check_problems(library))
    stray = [p for p in library.paths.originals.glob("*/*") if p.name not in referenced]
    report.update({"ok": not problems, "checked": len(originals), "problems": problems,
                   "unreferenced_files": sorted(str(p) for p in stray)})
    return report


def last_full_check(library: Library) -> Optional[str]:
    """When the last complete full pass ended (ISO time), or None."""
    return library.catalog.get_meta(_LAST_FULL_KEY)


def _checksums(library: Library, present: list[tuple[int, str, str, int]], progress: ProgressCallback,
               cancel: CancelToken) -> tuple[Optional[int], list[dict[str, Any]]]:
    """Hash every present original in id order, saving the position as it goes; returns the id the
    pass resumed after (None for a fresh pass) and the checksum problems of the whole pass."""
    saved = json.loads(library.catalog.get_meta(_RESUME_KEY) or "null")
    after = int(saved["after"]) if saved else 0
    problems: list[dict[str, Any]] = list(saved["problems"]) if saved else []
    todo = [o for o in present if o[0] > after]
    total = len(present)
    done = total - len(todo)
    last_save = time.monotonic()

    def digest(item: tuple[int, str, str, int]) -> tuple[int, str, bool]:
        doc_id, sha256, suffix, _size = item
        path = library.original_path(sha256, suffix)
        try:
            return doc_id, str(path), file_sha256(path) == sha256
        except OSError:
            return doc_id, str(path), False

    def save(position: int) -> None:
        library.catalog.set_meta(_RESUME_KEY, json.dumps({"after": position, "problems": problems}))

    position = after
    with ThreadPoolExecutor(_HASH_THREADS) as pool:
        try:
            for doc_id, path, ok in _ordered(pool, digest, todo):
                position = doc_id
                done += 1
                if not ok:
                    problems.append({"kind": "checksum", "id": doc_id, "detail": f"{path} does not match its sha256"})
                if done % 200 == 0:
                    cancel.check()
                    progress(ProgressEvent(done, total, f"#{doc_id}", "checksums"))
                if time.monotonic() - last_save > _SAVE_EVERY:
                    save(position)
                    last_save = time.monotonic()
        except BaseException:
            save(position)  # an interrupted pass continues here next time
            raise
    library.catalog.set_meta(_RESUME_KEY, "null")
    library.catalog.set_meta(_LAST_FULL_KEY, now_iso())
    return (after or None), problems


def _ordered(pool: ThreadPoolExecutor, fn: Any, items: list[Any], window: int = 64) -> Iterator[Any]:
    """``pool.map`` with at most ``window`` items in flight (memory stays flat on 100k files)."""
    pending = []
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) >= window:
            yield pending.pop(0).result()
    for fut in pending:
        yield fut.result()
