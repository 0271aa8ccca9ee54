"""``docmgr check``: verify originals' checksums and the catalog's consistency."""

from __future__ import annotations

from typing import Any

from docmgr.core.library import Library, file_sha256
from docmgr.core.progress import CancelToken, ProgressCallback, ProgressEvent, no_progress


def check_library(library: Library, *, progress: ProgressCallback = no_progress,
                  cancel: CancelToken | None = None) -> dict[str, Any]:
    """Check everything; returns ``{"ok", "checked", "problems": [{"kind", "id", "detail"}]}``."""
    cancel = cancel or CancelToken()
    problems: list[dict[str, Any]] = []
    conn = library.catalog.connection()
    for (result,) in conn.execute("PRAGMA integrity_check"):
        if result != "ok":
            problems.append({"kind": "catalog", "id": None, "detail": str(result)})
    for row in conn.execute("PRAGMA foreign_key_check"):
        problems.append({"kind": "catalog", "id": None, "detail": f"dangling row in {row[0]}"})
    page_counts = dict(conn.execute("SELECT doc_id, COUNT(*) FROM pages GROUP BY doc_id").fetchall())
    originals = library.catalog.stored_originals()
    referenced = set()
    for i, (doc_id, sha256, suffix, size) in enumerate(originals):
        cancel.check()
        progress(ProgressEvent(i, len(originals), f"#{doc_id}", "checking"))
        path = library.original_path(sha256, suffix)
        referenced.add(path.name)
        if not path.is_file():
            problems.append({"kind": "missing-original", "id": doc_id, "detail": f"{path} is missing"})
            continue
        if path.stat().st_size != size or file_sha256(path) != sha256:
            problems.append({"kind": "checksum", "id": doc_id, "detail": f"{path} does not match its sha256"})
    for doc_id, expected in conn.execute("SELECT id, page_count FROM documents"):
        if page_counts.get(doc_id, 0) != expected:
            problems.append({"kind": "pages", "id": doc_id,
                             "detail": f"{page_counts.get(doc_id, 0)} pages stored, {expected} expected"})
    progress(ProgressEvent(len(originals), len(originals), "", "checked"))
    from docmgr.services.indexing import check_index

    problems.extend(check_index(library))
    from docmgr.services.audit import check_problems

    problems.extend(check_problems(library))
    stray = [p for p in library.paths.originals.glob("*/*") if p.name not in referenced]
    return {"ok": not problems, "checked": len(originals), "problems": problems,
            "unreferenced_files": sorted(str(p) for p in stray)}
