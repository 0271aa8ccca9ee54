"""Looking at and moving documents: show, list, trash, restore (nothing is ever destroyed here)."""

from __future__ import annotations

from typing import Any, Iterator, Optional

from docmgr.core.errors import UsageError
from docmgr.core.library import Library
from docmgr.core.models import STATUSES, Document
from docmgr.services import audit

LIST_FIELDS = ("number", "issued", "issuer")


def type_name(code: Optional[str]) -> Optional[str]:
    """The Vietnamese name of a type code (from the taxonomy)."""
    from docmgr.services.classify import type_display

    return type_display(code)


def show(library: Library, doc_id: int) -> dict[str, Any]:
    """The document as ``show --json`` prints it, pages included."""
    doc = library.catalog.get(doc_id)
    pages = library.catalog.pages(doc_id)
    return {
        "id": doc.id,
        "filename": doc.filename,
        "sha256": doc.sha256,
        "size": doc.size,
        "mime": doc.mime,
        "added": doc.added,
        "status": doc.display_status,
        "type": type_name(doc.type_code),
        "type_code": doc.type_code,
        "normative": doc.normative,
        "confidence": doc.confidence,
        "fields": {k: v.value for k, v in doc.fields.items()},
        "field_confidence": {k: v.confidence for k, v in doc.fields.items()},
        "field_of_work": field_of_work_display(doc.field_of_work),
        "field_of_work_code": doc.field_of_work,
        "edited": sorted(k for k, v in doc.fields.items() if v.edited),
        "candidates": doc.classification.get("candidates", []),
        "why": "; ".join(doc.classification.get("why", [])),
        "reasons": doc.classification.get("reasons", []),  # {code, params}: for the app to word (classify/reasons.py)
        "sources": doc.classification.get("sources", {}),  # field -> {page, line, last}: where it was read
        "text_source": doc.text_source,
        "notes": doc.notes,
        "pages": [{"number": p.number, "text": p.text, "source": p.source, "confidence": p.confidence}
                  for p in pages],
    }


def summary(doc: Document) -> dict[str, Any]:
    """One ``list --json`` line."""
    row: dict[str, Any] = {
        "id": doc.id,
        "filename": doc.filename,
        "type": type_name(doc.type_code),
        "type_code": doc.type_code,
        "status": doc.display_status,
        "pages": doc.page_count,
        "added": doc.added,
    }
    for key in LIST_FIELDS:
        if key in doc.fields:
            row[key] = doc.fields[key].value
    return row


def list_documents(library: Library, *, status: Optional[str] = None,
                   type_code: Optional[str] = None) -> Iterator[Document]:
    """Documents (not trashed unless ``status="trashed"``), filtered by status and type code, in id
    order; streamed from the catalog a few hundred at a time."""
    if status is not None and status not in STATUSES:
        raise UsageError(f"unknown status {status!r} (one of: {', '.join(STATUSES)})")
    return library.catalog.iter_documents(status=status, type_code=type_code)


def trash(library: Library, doc_id: int) -> None:
    """Move a document to the trash (reversible)."""
    with library.write_lock():
        library.catalog.set_trashed(doc_id, True)
        audit.record_locked(library, "trash", audit.doc_target(doc_id))
    _reindex_quietly(library)


def restore(library: Library, doc_id: int) -> None:
    """Take a document back out of the trash."""
    with library.write_lock():
        library.catalog.set_trashed(doc_id, False)
        audit.record_locked(library, "restore", audit.doc_target(doc_id))
    _reindex_quietly(library)


def _reindex_quietly(library: Library) -> None:
    """Bring the search index up to date; a failure only delays it (the row stays ``indexed = 0``)."""
    from docmgr.services.indexing import sync_index_quietly

    sync_index_quietly(library)


def resolve_type(text: str) -> str:
    """The type code a user means by ``text`` (code or Vietnamese name, case- and diacritic-blind).

    Raises:
        UsageError: unknown, or shared by several types (the message lists their codes).
    """
    from docmgr.services.classify import resolve_type as resolve

    return resolve(text)


def field_of_work_display(code: Optional[str]) -> Optional[str]:
    """The Vietnamese name of a field-of-work code."""
    from docmgr.services.classify import field_of_work_display as display

    return display(code)
