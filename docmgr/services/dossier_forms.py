"""The printable forms of a dossier (receipt, supplement request, refusal, tracking sheet) and a
procedure's checklist of what to bring: data from the dossier, the procedure and the settings,
drawn by :mod:`docmgr.records.forms`."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from docmgr.core.actor import current_actor
from docmgr.core.errors import UsageError
from docmgr.core.library import Library
from docmgr.records import forms
from docmgr.records.procedures import COPY_KIND_VI, Procedure
from docmgr.records.workflow import STATUS_VI
from docmgr.services.dossiers import config, procedure_of, show, store


def office(library: Optional[Library]) -> forms.Office:
    cfg = config(library) if library is not None else None
    if cfg is None:
        from docmgr.records.dossier_config import DossierConfig

        cfg = DossierConfig()
    return forms.Office(cfg.parent_body, cfg.receiving_body, cfg.place)


def form_data(library: Library, code: str, reason: str = "") -> forms.FormData:
    """What the forms of a dossier show."""
    dossier = store(library).get(code)
    proc = procedure_of(library, dossier)
    shown = show(library, dossier.code)
    comps = {c.code: c for c in proc.components}
    papers = []
    for doc in shown["documents"]:
        comp = comps.get(doc["component"] or "")
        papers.append(forms.FormRow(comp.name if comp else (doc["type"] or f"Tài liệu #{doc['id']}"),
                                    COPY_KIND_VI.get(comp.copy_kind, "") if comp else ""))
    creator = next((h["actor"] for h in dossier.history if h["action"] == "create"), current_actor())
    history = [{"at": dossier.received.isoformat() if h["action"] == "create" else h["at"], "who": "Bộ phận tiếp nhận và trả kết quả" if h["action"] == "create" else h["actor"],
                "what": STATUS_VI.get(h["status"], h["status"]), "note": h["note"], "result": ""}
               for h in dossier.history if h["action"] in ("create", "status")]
    return forms.FormData(
        office=office(library), code=dossier.code, applicant=dossier.applicant.to_json(), procedure_name=proc.name,
        time_limit=proc.time_limit.label_vi(), fee=proc.fee_text(), received=dossier.received, body=proc.body,
        appointment=(dossier.appointment_date, dossier.appointment_slot or "") if dossier.appointment_date else None,
        papers=papers, missing=[m["name"] for m in shown["missing"]], reason=reason,
        sequence=int(dossier.code.rsplit("-", 1)[-1]) if dossier.code.rsplit("-", 1)[-1].isdigit() else None,
        clerk=creator, history=history)


def _out(path: str | Path) -> Path:
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        raise UsageError(f"{target}: the form is a PDF; give a file name ending in .pdf")
    if not target.parent.exists():
        raise UsageError(f"{target.parent}: no such folder")
    return target


def write_receipt(library: Library, code: str, path: str | Path) -> Path:
    return forms.receipt(form_data(library, code), _out(path))


def write_supplement_request(library: Library, code: str, path: str | Path, reason: str = "") -> Path:
    data = form_data(library, code, reason)
    if not data.missing and not reason:
        raise UsageError(f"dossier {data.code} lacks nothing: give the reason for the request")
    return forms.supplement_request(data, _out(path))


def write_refusal(library: Library, code: str, reason: str, path: str | Path) -> Path:
    if not reason.strip():
        raise UsageError("a refusal needs its reason")
    return forms.refusal(form_data(library, code, reason.strip()), _out(path))


def write_tracking_sheet(library: Library, code: str, path: str | Path) -> Path:
    return forms.tracking_sheet(form_data(library, code), _out(path))


def checklist_rows(proc: Procedure) -> list[forms.FormRow]:
    return [forms.FormRow(c.name, COPY_KIND_VI[c.copy_kind], note="" if c.required else (c.condition or ""))
            for c in proc.components]


def write_checklist(library: Optional[Library], proc: Procedure, path: str | Path) -> Path:
    """The checklist of what to bring for a procedure."""
    return forms.checklist(office(library), proc.name, proc.time_limit.label_vi(), proc.fee_text(), proc.body,
                           checklist_rows(proc), _out(path), proc.note)
