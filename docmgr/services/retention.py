"""Retention review and disposal: what is due, setting a record's retention, legal holds, and destroying a
record (only by an archivist, never under a hold, leaving a tombstone). A personal-data deletion request
goes through the same path (``personal_data=True``: not bound to the retention date, and its tombstone
keeps no personal data).
"""

from __future__ import annotations

import json
import stat
from datetime import date
from functools import lru_cache
from typing import Any, Optional

from docmgr.classify.taxonomy import resources_dir
from docmgr.core.actor import current_actor
from docmgr.core.catalog import now_iso
from docmgr.core.errors import DocmgrError
from docmgr.core.library import Library
from docmgr.core.models import Document
from docmgr.core.text import nfc
from docmgr.records import retention as ret
from docmgr.records.privacy import mask_value
from docmgr.services import audit
from docmgr.services.dossier_links import dossier_groups

TOMBSTONE_FIELDS = ("number", "issued", "issuer", "summary", "signer")
PERSONAL_TOMBSTONE_FIELDS = ("number", "issued", "issuer")


class DisposalRefused(DocmgrError):
    """A record that may not be destroyed now (a legal hold, not yet due)."""


@lru_cache(maxsize=4)
def _schedule(path: str, mtime: float) -> ret.Schedule:
    return ret.Schedule(path)  # type: ignore[arg-type]


def schedule(library: Library) -> ret.Schedule:
    """The per-type defaults: ``retention.json`` in the library when the office has its own, else the shipped one."""
    own = library.root / "retention.json"
    path = own if own.exists() else resources_dir() / "retention.json"
    return _schedule(str(path), path.stat().st_mtime)


def ensure(library: Library) -> None:
    library.catalog.ensure_component(ret.COMPONENT, ret.MIGRATIONS)


def end_year(doc: Document) -> int:
    """The year the work ended: the document's own date, else the year it was filed."""
    issued = doc.fields.get("issued")
    text = str(issued.value) if issued else ""
    return int(text[:4]) if len(text) >= 4 and text[:4].isdigit() else int(doc.added[:4])


def retention_of(library: Library, doc: Document, *, _over: Optional[dict[int, ret.Retention]] = None) -> ret.Retention:
    """A document's own retention: set on the record, else its type's."""
    over = _over if _over is not None else ret.overrides(library.catalog.connection())
    return over.get(doc.id) or schedule(library).for_type(doc.type_code)


def due(library: Library, today: Optional[date] = None) -> list[dict[str, Any]]:
    """Records whose retention has run out (permanent ones never), oldest first, held ones marked.

    A document in a dossier is kept as long as the dossier's longest-kept item.
    """
    ensure(library)
    today = today or date.today()
    conn = library.catalog.connection()
    over = ret.overrides(conn)
    held = ret.held_ids(conn)
    docs = library.catalog.documents() + library.catalog.documents(status="trashed")
    own = {d.id: (retention_of(library, d, _over=over), end_year(d)) for d in docs}
    for group in dossier_groups(conn):
        members = [own[i] for i in group if i in own]
        if not members:
            continue
        longest = ret.longest(r for r, _ in members)
        last_year = max(y for _, y in members)
        for i in group:
            if i in own and longest is not None:
                own[i] = (ret.Retention(longest.years, "file", longest.unconfirmed), last_year)
    out = []
    for d in docs:
        r, year = own[d.id]
        until = r.until(year)
        if until is not None and until < today:
            out.append({"id": d.id, "type": d.type_code, "retention": r.text(), "until": until.isoformat(),
                        "source": r.source, "unconfirmed": r.unconfirmed, "held": d.id in held,
                        "filename": d.filename})
    out.sort(key=lambda x: (x["until"], x["id"]))
    return out


def set_retention(library: Library, doc_id: int, text: str, reason: str = "") -> ret.Retention:
    """Set a record's own retention (``permanent`` or N years); an archivist's action."""
    from docmgr.services.users import require

    years = ret.parse(text)
    require(library, "archivist")
    library.catalog.get(doc_id)
    with library.write_lock():
        with library.catalog.transaction() as tx:
            ret.set_override(tx, doc_id, years, nfc(reason).strip(), current_actor(), now_iso())
            audit.log(tx, "retention", audit.doc_target(doc_id), {"years": years, "reason": nfc(reason).strip()})
        audit.sync_head(library)
    return ret.Retention(years, "record")


def hold(library: Library, doc_id: int, reason: str) -> None:
    """Put a legal hold on a record (blocks its disposal until released)."""
    from docmgr.services.users import require

    require(library, "archivist")
    library.catalog.get(doc_id)
    with library.write_lock():
        with library.catalog.transaction() as tx:
            tx.execute("INSERT INTO legal_holds (doc_id, reason, actor, at) VALUES (?, ?, ?, ?)",
                       (doc_id, nfc(reason).strip(), current_actor(), now_iso()))
            audit.log(tx, "hold", audit.doc_target(doc_id), {"reason": nfc(reason).strip()})
        audit.sync_head(library)


def release(library: Library, doc_id: int) -> int:
    """Release a record's holds; returns how many."""
    from docmgr.services.users import require

    require(library, "archivist")
    with library.write_lock():
        with library.catalog.transaction() as tx:
            n = tx.execute("UPDATE legal_holds SET released_at = ?, released_by = ? WHERE doc_id = ? AND "
                           "released_at IS NULL", (now_iso(), current_actor(), doc_id)).rowcount
            if n:
                audit.log(tx, "release", audit.doc_target(doc_id), {"holds": n})
        audit.sync_head(library)
    return n


def dispose(library: Library, doc_id: int, reason: str, *, personal_data: bool = False,
            today: Optional[date] = None) -> dict[str, Any]:
    """Destroy a record: the original, its derived files, its catalog rows and index entry; a tombstone
    (metadata, who, when, why) and an audit entry remain. Returns the tombstone.

    Raises:
        PermissionDenied: the acting user is not an archivist.
        DisposalRefused: under a legal hold, or (not a personal-data request) not yet due.
    """
    from docmgr.services.users import require

    reason = nfc(reason).strip()
    if not reason:
        raise DisposalRefused("a disposal needs a reason (--reason)")
    require(library, "archivist")
    ensure(library)
    doc = library.catalog.get(doc_id)
    conn = library.catalog.connection()
    holds = ret.holds(conn, doc_id)
    if holds:
        raise DisposalRefused(f"document {doc_id} is under a legal hold since {holds[0]['at'][:10]} "
                              f"({holds[0]['reason']}): release it first")
    if not personal_data:
        due_ids = {d["id"]: d for d in due(library, today)}
        if doc_id not in due_ids:
            r = retention_of(library, doc)
            until = r.until(end_year(doc))
            raise DisposalRefused(f"document {doc_id} is kept {r.text()}" +
                                  (f" (until {until.isoformat()})" if until else "") + ": not due for disposal")
    keep = PERSONAL_TOMBSTONE_FIELDS if personal_data else TOMBSTONE_FIELDS
    metadata = {"fields": {k: mask_value(doc.fields[k].value) for k in keep if k in doc.fields},
                "added": doc.added, "pages": doc.page_count, "size": doc.size}
    tomb = {"id": doc_id, "sha256": doc.sha256, "filename": "" if personal_data else doc.filename,
            "type_code": doc.type_code, "metadata": metadata, "kind": "personal-data" if personal_data else "retention",
            "reason": reason, "actor": current_actor(), "at": now_iso()}
    with library.write_lock():
        library.catalog.set_trashed(doc_id, True) if not doc.trashed else None
    from docmgr.services.indexing import sync_index_quietly

    sync_index_quietly(library)  # out of the search index first (a trashed row is dropped from it)
    with library.write_lock():
        with library.catalog.transaction() as tx:
            tx.execute("INSERT INTO tombstones (doc_id, sha256, filename, type_code, metadata, kind, reason, actor, at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (doc_id, doc.sha256, tomb["filename"], doc.type_code, json.dumps(metadata, ensure_ascii=False),
                        tomb["kind"], reason, tomb["actor"], tomb["at"]))
            tx.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            tx.execute("DELETE FROM retention_overrides WHERE doc_id = ?", (doc_id,))
            audit.log(tx, "dispose", audit.doc_target(doc_id), {"kind": tomb["kind"], "reason": reason,
                                                                 "type_code": doc.type_code})
        audit.sync_head(library)
        _destroy_files(library, doc)
    return tomb


def _destroy_files(library: Library, doc: Document) -> None:
    from docmgr.services.archive import archive_path, thumbnail_path

    paths = [library.original_path(doc.sha256, doc.suffix), archive_path(library, doc.sha256)]
    thumbs = thumbnail_path(library, doc.sha256, 1).parent
    paths += list(thumbs.glob("*")) if thumbs.is_dir() else []
    for path in paths:
        if path.exists():
            try:
                path.chmod(stat.S_IWUSR | stat.S_IRUSR)
            except OSError:
                pass
            path.unlink(missing_ok=True)
    if thumbs.is_dir():
        thumbs.rmdir()


def tombstones(library: Library) -> list[dict[str, Any]]:
    ensure(library)
    return ret.tombstones(library.catalog.connection())
