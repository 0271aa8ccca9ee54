"""The review step of the intake loop: the choices a reviewer has for a document (all types, top
suggestions, editable fields) and saving a review (confirm with the edits, notes). Plain blocking
functions the GUI runs in a worker and any script may call."""

from __future__ import annotations

from typing import Any, Mapping, Optional

from docmgr.core.library import Library
from docmgr.core.text import nfc
from docmgr.services import audit

# fields offered for editing on every document, in this order (others the document has follow)
# (``summary`` is the trích yếu: one field, shown once)
EDITABLE_FIELDS = ("number", "issued", "issuer", "signer", "place", "summary")


def type_choices() -> list[tuple[str, str]]:
    """``(code, Vietnamese name)`` of every document type, in taxonomy order."""
    from docmgr.services.classify import taxonomy

    return [(t.code, t.name_vi) for t in taxonomy().types.values()]


def reasons_text(doc: Mapping[str, Any], templates: Mapping[str, str]) -> str:
    """The classifier's reasons of a ``show`` dict worded with ``templates`` (reason code → text with
    the ``{name}`` placeholders of :data:`docmgr.classify.reasons.TEMPLATES`, e.g. translated);
    a code without a template keeps its English wording, and a document classified before reasons were
    structured shows its stored ``why``."""
    from docmgr.classify.reasons import Reason, format_reason

    reasons = [Reason.from_json(r) for r in doc.get("reasons") or [] if isinstance(r, dict)]
    if not reasons:
        return str(doc.get("why") or "")
    return "; ".join(format_reason(templates[r.code], r.params) if r.code in templates else r.text()
                     for r in reasons)


def field_rows(doc: Mapping[str, Any]) -> list[tuple[str, str, Optional[float]]]:
    """``(key, value as text, confidence)`` of the fields to show for editing, for a ``show`` dict."""
    values = doc.get("fields", {})
    conf = doc.get("field_confidence", {})
    keys = list(EDITABLE_FIELDS) + [k for k in values if k not in EDITABLE_FIELDS]
    out = []
    for key in keys:
        value = values.get(key)
        if isinstance(value, list):
            text = ", ".join(str(v) for v in value)
        else:
            text = "" if value is None else str(value)
        out.append((key, text, conf.get(key) if key in values else None))
    return out


def save_review(library: Library, doc_id: int, *, type: Optional[str] = None,
                fields: Optional[Mapping[str, str]] = None, notes: Optional[str] = None) -> dict[str, Any]:
    """Confirm ``doc_id`` with ``type`` and the ``fields`` the reviewer changed (see
    :func:`docmgr.services.classify.confirm`), and store ``notes`` when given. Returns the ``show`` dict."""
    from docmgr.services.classify import confirm
    from docmgr.services.documents import show

    changed = {k: v for k, v in (fields or {}).items() if nfc(v).strip()}
    confirm(library, doc_id, type=type, fields=changed)
    if notes is not None:
        with library.write_lock():
            with library.catalog.transaction() as tx:
                library.catalog.update_document(tx, doc_id, notes=nfc(notes).strip())
                audit.log(tx, "edit", audit.doc_target(doc_id), {"notes": True})
            audit.sync_head(library)
    return show(library, doc_id)
