"""Feedback dossiers (phản ánh, kiến nghị; khiếu nại): routing by the classifier's triage, and the answer.

A feedback dossier is a dossier of a procedure of kind ``feedback``: its due date is the answer
deadline. When a document whose type the triage model covers (taxonomy ``triage.applies_to``) is
attached, the classifier's label routes it — ``desk`` (the desk can answer now) or ``agency`` (goes to
the competent agency, with the document's field of work) — unless the clerk routed it already. The
clerk may route by hand and records the answer given; answering closes the dossier as ``done``.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from docmgr.core.actor import current_actor
from docmgr.core.catalog import now_iso
from docmgr.core.errors import UsageError
from docmgr.core.library import Library
from docmgr.core.text import nfc
from docmgr.records.workflow import OPEN
from docmgr.services.classify import taxonomy
from docmgr.services.dossiers import show, store


def _feedback(library: Library, code: str) -> Any:
    dossier = store(library).get(code)
    if dossier.kind != "feedback":
        raise UsageError(f"dossier {dossier.code} is not a feedback dossier ({dossier.procedure})")
    return dossier


def triage_of_document(library: Library, doc_id: int) -> tuple[Optional[str], Optional[str]]:
    """The classifier's triage label and field of work of a filed document (None when it has none)."""
    row = library.catalog.connection().execute(
        "SELECT classification, field_of_work FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None, None
    try:
        stored = json.loads(row["classification"] or "{}")
    except ValueError:
        stored = {}
    return stored.get("triage"), row["field_of_work"]


def route_from_documents(library: Library, code: str) -> Optional[dict[str, Any]]:
    """Route a feedback dossier not yet routed by the first of its documents that carries a triage label."""
    dossier = store(library).get(code)
    if dossier.kind != "feedback" or dossier.triage:
        return None
    for doc in dossier.documents:
        label, fow = triage_of_document(library, doc.doc_id)
        if label:
            return route(library, dossier.code, label, fow, note=f"theo phân loại tài liệu #{doc.doc_id}",
                         by_clerk=False)
    return None


def route(library: Library, code: str, triage: str, field_of_work: Optional[str] = None, note: str = "",
          *, by_clerk: bool = True) -> dict[str, Any]:
    """Set where a feedback dossier goes: ``desk`` or ``agency`` (with the field of work)."""
    dossier = _feedback(library, code)
    tax = taxonomy()
    if triage not in tax.triage:
        raise UsageError(f"unknown triage label {triage!r} (one of {', '.join(tax.triage)})")
    if field_of_work and field_of_work not in tax.fields_of_work:
        raise UsageError(f"unknown field of work {field_of_work!r}")
    label = tax.triage[triage].name_vi
    fow = tax.fields_of_work[field_of_work].name_vi if field_of_work else ""
    text = f"{label}{' — ' + fow if fow and triage == 'agency' else ''}"
    with library.write_lock():
        store(library).update(dossier.code, "route", current_actor(),
                              f"{text}{'; ' + note if note else ''}{'' if by_clerk else ' (tự động)'}",
                              triage=triage, route_field=field_of_work)
    return show(library, dossier.code)


def answer(library: Library, code: str, text: str) -> dict[str, Any]:
    """Record the answer given to a feedback dossier and close it as ``done``."""
    dossier = _feedback(library, code)
    body = nfc(text).strip()
    if not body:
        raise UsageError("the answer is empty")
    if dossier.status not in OPEN:
        raise UsageError(f"dossier {dossier.code} is {dossier.status}: it cannot be answered now")
    st = store(library)
    actor = current_actor()
    with library.write_lock():
        st.update(dossier.code, "answer", actor, body[:200], answer=body, answered_at=now_iso(), answered_by=actor)
        if dossier.status != "in-progress":
            st.set_status(dossier.code, "in-progress", actor, "trả lời phản ánh")
        st.set_status(dossier.code, "done", actor, "đã trả lời")
    return show(library, dossier.code)
