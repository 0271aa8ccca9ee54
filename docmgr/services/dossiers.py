"""Dossier use cases: receive, attach, check, change status, show, list and find (CLI and GUI alike).

Writes hold the library's write lock (short, one dossier change each) and run in one catalog
transaction; every change is recorded with :func:`docmgr.core.actor.current_actor`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Optional, Sequence

from docmgr.core.actor import current_actor
from docmgr.core.errors import NotFound, UsageError
from docmgr.core.library import Library
from docmgr.core.text import nfc
from docmgr.records.addresses import load_units
from docmgr.records.appointments import choose_slot, ready_at
from docmgr.records.dossier_config import DossierConfig
from docmgr.records.dossiers import Applicant, Dossier, DossierStore, NewDossier
from docmgr.records.procedures import Procedure
from docmgr.records.workflow import OPEN, Attached, check_transition, extra, missing, slot_for
from docmgr.services import audit
from docmgr.services.dossiers_calendar import calendar_for
from docmgr.services.procedures import catalog, get_procedure, type_names


def config(library: Library) -> DossierConfig:
    """The library's dossier settings (agency e-ID, code format, return slots)."""
    return DossierConfig.from_settings(library.settings.extra)


def store(library: Library) -> DossierStore:
    return DossierStore(library.catalog)


def procedure_of(library: Library, dossier: Dossier) -> Procedure:
    """The procedure as in force when the dossier was received."""
    found = catalog(library).get(dossier.procedure, dossier.received.date())
    return found or get_procedure(library, dossier.procedure)


@dataclass(frozen=True)
class ApplicantInput:
    name: str
    id_number: str = ""
    phone: str = ""
    address: str = ""


def _applicant(library: Library, given: ApplicantInput) -> Applicant:
    name = " ".join(nfc(given.name).split())
    if not name:
        raise UsageError("the applicant's name is empty")
    address = " ".join(nfc(given.address).split())
    resolved = load_units(library.root).resolve(address) if address else None
    return Applicant(name, nfc(given.id_number).strip(), nfc(given.phone).strip(), address,
                     "; ".join(resolved.units_2025) if resolved and resolved.old_unit else "")


def new_dossier(library: Library, procedure_code: str, applicant: ApplicantInput,
                received: Optional[datetime] = None, note: str = "") -> dict[str, Any]:
    """Receive a dossier: its code (next of the day), due date and return appointment."""
    when = (received or datetime.now()).replace(microsecond=0)
    proc = get_procedure(library, procedure_code, when.date())
    cal = calendar_for(library)
    cfg = config(library)
    due = cal.due(when, proc.time_limit)
    ready = ready_at(cal, when, due, proc.time_limit, cfg.spot_lead_minutes)
    st = store(library)
    new = NewDossier(proc.code, proc.effective_from, proc.kind, _applicant(library, applicant), when, due)
    with library.write_lock():
        code = st.create(new, code_for=cfg.format_code, actor=current_actor(), note=note,
                         book=lambda tx: choose_slot(cal, ready, cfg.slot_times(), cfg.slot_capacity,
                                                     lambda day: st.booked(tx, day),
                                                     spread=proc.time_limit.unit == "working_days"))
        audit.record_locked(library, "receive", audit.dossier_target(code), {"procedure": proc.code})
    return show(library, code)


def _document_type(library: Library, doc_id: int) -> Optional[str]:
    row = library.catalog.connection().execute(
        "SELECT type_code FROM documents WHERE id = ? AND trashed_at IS NULL", (doc_id,)).fetchone()
    if row is None:
        raise NotFound(f"no document #{doc_id}")
    return row[0]


def attach(library: Library, code: str, doc_ids: Sequence[int], component: Optional[str] = None) -> dict[str, Any]:
    """Put documents in a dossier: each fills the component its type belongs to, or ``component`` when
    the clerk names it; a document of no component of the procedure is kept as extra."""
    st = store(library)
    dossier = st.get(code)
    proc = procedure_of(library, dossier)
    if component is not None and proc.component(component) is None:
        names = ", ".join(c.code for c in proc.components)
        raise UsageError(f"procedure {proc.code} has no component {component!r} (its components: {names})")
    filled = [d.component for d in dossier.documents]
    items = []
    for doc_id in dict.fromkeys(doc_ids):
        type_code = _document_type(library, doc_id)
        slot = component or slot_for(proc, type_code, filled)
        filled.append(slot)
        items.append(Attached(doc_id, slot, type_code))
    with library.write_lock():
        st.attach(dossier.code, items, current_actor())
        audit.record_locked(library, "attach", audit.dossier_target(dossier.code),
                            {"documents": [i.doc_id for i in items]})
    if dossier.kind == "feedback" and not dossier.triage:
        from docmgr.services.dossier_feedback import route_from_documents

        route_from_documents(library, dossier.code)
    return show(library, dossier.code)


def check(library: Library, code: str) -> dict[str, Any]:
    """``{code, complete, missing: [{code, name}], extra: [doc ids]}``."""
    dossier = store(library).get(code)
    proc = procedure_of(library, dossier)
    lacking = missing(proc, dossier.documents)
    return {"code": dossier.code, "complete": not lacking,
            "missing": [{"code": c.code, "name": c.name} for c in lacking], "extra": extra(dossier.documents)}


def set_status(library: Library, code: str, status: str, note: str = "") -> dict[str, Any]:
    """Move a dossier along the workflow (an illegal change raises ``IllegalTransition``, exit 2).

    Resuming after a supplement counts the time limit again from that moment [U: the counting of a
    supplemented file is the team's reading of "from a complete file"].
    """
    st = store(library)
    dossier = st.get(code)
    check_transition(dossier.status, status)
    due = None
    if dossier.status == "needs-supplement" and status == "in-progress":
        due = calendar_for(library).due(datetime.now().replace(microsecond=0),
                                        procedure_of(library, dossier).time_limit)
    with library.write_lock():
        st.set_status(dossier.code, status, current_actor(), nfc(note), due=due)
        audit.record_locked(library, "status", audit.dossier_target(dossier.code),
                            {"from": dossier.status, "to": status})
    return show(library, dossier.code)


def show(library: Library, code: str) -> dict[str, Any]:
    """The dossier as ``dossier show`` prints it."""
    dossier = store(library).get(code)
    proc = procedure_of(library, dossier)
    names = type_names()
    comp_names = {c.code: c.name for c in proc.components}
    return {
        **summary(dossier, proc),
        "procedure_from": dossier.procedure_from.isoformat(),
        "kind": dossier.kind,
        "due_at": dossier.due.isoformat(timespec="minutes"),
        "time_limit": proc.time_limit.to_json(),
        "appointment": ({"date": dossier.appointment_date.isoformat(), "slot": dossier.appointment_slot}
                        if dossier.appointment_date else None),
        "documents": [{"id": d.doc_id, "component": d.component, "component_name": comp_names.get(d.component or ""),
                       "type": names.get(d.type_code, d.type_code) if d.type_code else None,
                       "type_code": d.type_code} for d in dossier.documents],
        "missing": [{"code": c.code, "name": c.name} for c in missing(proc, dossier.documents)],
        "extra": extra(dossier.documents),
        "feedback": ({"triage": dossier.triage, "field_of_work": dossier.route_field, "answer": dossier.answer,
                      "answered_at": dossier.answered_at, "answered_by": dossier.answered_by}
                     if dossier.kind == "feedback" else None),
        "history": [{"at": h["at"], "status": h["status"], "actor": h["actor"], "note": h["note"],
                     "action": h["action"]} for h in dossier.history],
    }


def summary(dossier: Dossier, proc: Optional[Procedure] = None) -> dict[str, Any]:
    """The short form ``dossier list`` prints."""
    return {"code": dossier.code, "procedure": dossier.procedure,
            "procedure_name": proc.name if proc else None,
            "applicant": dossier.applicant.to_json(), "received": dossier.received.astimezone().isoformat(),
            "due": dossier.due.date().isoformat(), "status": dossier.status}


def list_dossiers(library: Library, *, status: Optional[str] = None, overdue: bool = False,
                  due_soon: Optional[int] = None, today: Optional[date] = None) -> list[dict[str, Any]]:
    """Dossiers by status; ``overdue``: open and past their due date; ``due_soon``: open and due within
    that many working days (today included)."""
    today = today or date.today()
    where, params = [], []
    if status:
        where.append("status = ?")
        params.append(status)
    if overdue or due_soon is not None:
        where.append(f"status IN ({', '.join('?' for _ in OPEN)})")
        params += list(OPEN)
    if overdue:
        where.append("substr(due, 1, 10) < ?")
        params.append(today.isoformat())
    if due_soon is not None:
        limit = calendar_for(library).add_working_days(datetime.combine(today, datetime.min.time()), due_soon)
        where.append("substr(due, 1, 10) BETWEEN ? AND ?")
        params += [today.isoformat(), limit.isoformat()]
    rows = store(library).select(" AND ".join(where), params, order="due" if (overdue or due_soon is not None)
                                 else "received")
    return [_summary_with_name(library, d) for d in rows]


def find_dossiers(library: Library, text: str) -> list[dict[str, Any]]:
    """By code, applicant name (with or without marks), ID number or phone; newest first."""
    return [_summary_with_name(library, d) for d in store(library).find(text)]


def _summary_with_name(library: Library, dossier: Dossier) -> dict[str, Any]:
    proc = catalog(library).get(dossier.procedure, dossier.received.date())
    return summary(dossier, proc)
