"""The audit trail as the use cases write and read it (see :mod:`docmgr.records.audit`).

A service that changes a record writes its entry in the same transaction (:func:`log`) and, once the
transaction has committed and while it still holds the write lock, refreshes the head file
(:func:`sync_head`). :func:`record` does both for a change that has its own transaction.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Mapping, Optional

from docmgr.core.actor import current_actor
from docmgr.core.library import Library
from docmgr.records import audit as trail


def ensure(library: Library) -> None:
    """Create or upgrade the audit tables (cheap once done)."""
    library.catalog.ensure_component(trail.COMPONENT, trail.MIGRATIONS)


def log(tx: sqlite3.Connection, action: str, target: str, detail: Optional[Mapping[str, Any]] = None) -> trail.Entry:
    """Append an entry by the current actor inside the caller's transaction."""
    return trail.append(tx, current_actor(), action, target, detail)


def sync_head(library: Library) -> None:
    """Write the chain head file from the catalog (call after the commit, under the write lock)."""
    ensure(library)
    trail.write_head(trail.head_path(library.root), library.catalog.connection())


def record(library: Library, action: str, target: str, detail: Optional[Mapping[str, Any]] = None) -> trail.Entry:
    """Append one entry in its own transaction, under the write lock, and refresh the head."""
    ensure(library)
    with library.write_lock():
        with library.catalog.transaction() as tx:
            entry = log(tx, action, target, detail)
        sync_head(library)
    return entry


def history(library: Library, *, doc_id: Optional[int] = None, dossier: Optional[str] = None) -> list[trail.Entry]:
    """The entries of one document, one dossier, or all of them, oldest first."""
    ensure(library)
    conn = library.catalog.connection()
    targets = []
    if doc_id is not None:
        targets.append(trail.doc_target(doc_id))
    if dossier:
        targets.append(trail.dossier_target(dossier))
    return trail.entries(conn, targets=targets) if targets else trail.entries(conn)


def check_problems(library: Library) -> list[dict[str, Any]]:
    """``check`` problems of kind ``audit`` (at most one: the first bad entry)."""
    ensure(library)
    problem, _count = trail.verify(library.catalog.connection(), trail.read_head(trail.head_path(library.root)))
    if problem is None:
        return []
    return [{"kind": "audit", "id": problem.seq, "detail": problem.detail}]


def record_locked(library: Library, action: str, target: str,
                  detail: Optional[Mapping[str, Any]] = None) -> trail.Entry:
    """:func:`record` for a caller that already holds the write lock."""
    ensure(library)
    with library.catalog.transaction() as tx:
        entry = log(tx, action, target, detail)
    sync_head(library)
    return entry


# -- what the hooks in other services write (field names only, never personal values) ---------
doc_target = trail.doc_target
dossier_target = trail.dossier_target
user_target = trail.user_target


def ingest_detail(doc: Any) -> dict[str, Any]:
    return {"filename": doc.filename, "sha256": doc.sha256, "type_code": doc.type_code, "status": doc.status,
            "fields": sorted(doc.fields)}


def confirm_detail(columns: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"status": columns.get("status")}
    if "type_code" in columns:
        out["type_code"] = columns["type_code"]
    if "field_of_work" in columns:
        out["field_of_work"] = columns["field_of_work"]
    if values:
        out["edited"] = sorted(values)
    return out
