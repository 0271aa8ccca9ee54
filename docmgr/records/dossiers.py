"""Dossiers (hồ sơ) in the catalog: their tables, codes, documents, status history and lookups.

The tables belong to the component ``records.dossiers`` (:meth:`Catalog.ensure_component`). A new
dossier takes the next number of its day's sequence inside the same ``BEGIN IMMEDIATE`` transaction
that inserts it, so two processes never get the same number and a failed insert leaves no gap.
Every change adds a history row with the time and the actor.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Optional, Sequence

from docmgr.core.catalog import Catalog, now_iso
from docmgr.core.errors import NotFound
from docmgr.core.text import fold, nfc
from docmgr.records.workflow import Attached

COMPONENT = "records.dossiers"
MIGRATIONS: list[str] = [
    # 1: dossiers, the documents they hold, their history
    """
    CREATE TABLE dossiers (
        code TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        seq INTEGER NOT NULL,
        procedure TEXT NOT NULL,
        procedure_from TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'dossier',
        applicant_name TEXT NOT NULL,
        applicant_key TEXT NOT NULL,
        id_number TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        phone_key TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        address_2025 TEXT NOT NULL DEFAULT '',
        received TEXT NOT NULL,
        due TEXT NOT NULL,
        status TEXT NOT NULL,
        appointment_date TEXT,
        appointment_slot TEXT,
        triage TEXT,
        route_field TEXT,
        answer TEXT,
        answered_at TEXT,
        answered_by TEXT,
        UNIQUE (day, seq)
    );
    CREATE INDEX dossiers_applicant ON dossiers(applicant_key);
    CREATE INDEX dossiers_id_number ON dossiers(id_number);
    CREATE INDEX dossiers_phone ON dossiers(phone_key);
    CREATE INDEX dossiers_due ON dossiers(status, due);
    CREATE INDEX dossiers_appointment ON dossiers(appointment_date, appointment_slot);
    CREATE TABLE dossier_documents (
        code TEXT NOT NULL REFERENCES dossiers(code) ON DELETE CASCADE,
        doc_id INTEGER NOT NULL,
        component TEXT,
        type_code TEXT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        PRIMARY KEY (code, doc_id)
    );
    CREATE INDEX dossier_documents_doc ON dossier_documents(doc_id);
    CREATE TABLE dossier_history (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL REFERENCES dossiers(code) ON DELETE CASCADE,
        at TEXT NOT NULL,
        status TEXT NOT NULL,
        action TEXT NOT NULL,
        actor TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX dossier_history_code ON dossier_history(code, id);
    """,
]


def name_key(text: str) -> str:
    """A name as lookups compare it: folded, lower case, single spaces ("Nguyễn Văn An" → "nguyen van an")."""
    return re.sub(r"\s+", " ", fold(nfc(text)).lower()).strip()


def phone_key(text: str) -> str:
    """A phone number's digits, with +84 / 84 written as the leading 0."""
    digits = re.sub(r"\D", "", text or "")
    if digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    return digits


@dataclass
class Applicant:
    name: str
    id_number: str = ""
    phone: str = ""
    address: str = ""
    address_2025: str = ""

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "id_number": self.id_number, "phone": self.phone, "address": self.address,
                "address_2025": self.address_2025}


@dataclass
class Dossier:
    """One dossier as stored."""

    code: str
    procedure: str
    procedure_from: date
    kind: str
    applicant: Applicant
    received: datetime
    due: datetime
    status: str
    appointment_date: Optional[date] = None
    appointment_slot: Optional[str] = None
    triage: Optional[str] = None
    route_field: Optional[str] = None
    answer: Optional[str] = None
    answered_at: Optional[str] = None
    answered_by: Optional[str] = None
    documents: list[Attached] = field(default_factory=list)
    history: list[dict[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class NewDossier:
    """What a new dossier is made of (the code and the appointment are assigned on insert)."""

    procedure: str
    procedure_from: date
    kind: str
    applicant: Applicant
    received: datetime
    due: datetime


class DossierStore:
    """The dossier tables of one catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        catalog.ensure_component(COMPONENT, MIGRATIONS)

    # -- writing ------------------------------------------------------------------------------
    def create(self, new: NewDossier, *, code_for: Any, book: Any, actor: str, note: str = "") -> str:
        """Insert a dossier with the next number of its day; ``code_for(day, seq)`` makes the code and
        ``book(tx)`` returns the (date, slot) of its return appointment. Returns the code."""
        day = new.received.date()
        a = new.applicant
        with self.catalog.transaction() as tx:
            seq = int(tx.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM dossiers WHERE day = ?",
                                 (day.isoformat(),)).fetchone()[0])
            code = code_for(day, seq)
            when, slot = book(tx)
            tx.execute(
                "INSERT INTO dossiers (code, day, seq, procedure, procedure_from, kind, applicant_name, applicant_key,"
                " id_number, phone, phone_key, address, address_2025, received, due, status, appointment_date,"
                " appointment_slot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?)",
                (code, day.isoformat(), seq, new.procedure, new.procedure_from.isoformat(), new.kind, a.name,
                 name_key(a.name), a.id_number, a.phone, phone_key(a.phone), a.address, a.address_2025,
                 new.received.isoformat(timespec="seconds"), new.due.isoformat(timespec="minutes"),
                 when.isoformat() if when else None, slot))
            self._history(tx, code, "received", "create", actor, note)
        return code

    def booked(self, tx: sqlite3.Connection, day: date) -> dict[str, int]:
        """How many open or finished dossiers have a return appointment in each slot of ``day``."""
        rows = tx.execute("SELECT appointment_slot, COUNT(*) FROM dossiers WHERE appointment_date = ? AND status "
                          "NOT IN ('refused', 'withdrawn') GROUP BY appointment_slot", (day.isoformat(),))
        return {str(slot): int(n) for slot, n in rows}

    def attach(self, code: str, items: Sequence[Attached], actor: str) -> None:
        with self.catalog.transaction() as tx:
            status = self._status(tx, code)
            for item in items:
                tx.execute("INSERT OR REPLACE INTO dossier_documents (code, doc_id, component, type_code, at, actor)"
                           " VALUES (?, ?, ?, ?, ?, ?)", (code, item.doc_id, item.component, item.type_code,
                                                          now_iso(), actor))
                self._history(tx, code, status, "attach", actor,
                              f"#{item.doc_id} → {item.component or 'extra'}")

    def set_status(self, code: str, status: str, actor: str, note: str = "", *,
                   due: Optional[datetime] = None, **columns: Any) -> None:
        """Record a status change (already checked against the workflow) with its actor and note."""
        with self.catalog.transaction() as tx:
            self._status(tx, code)
            sets = {"status": status, **columns}
            if due is not None:
                sets["due"] = due.isoformat(timespec="minutes")
            tx.execute(f"UPDATE dossiers SET {', '.join(f'{k} = ?' for k in sets)} WHERE code = ?",
                       (*sets.values(), code))
            self._history(tx, code, status, "status", actor, note)

    def update(self, code: str, action: str, actor: str, note: str = "", **columns: Any) -> None:
        """Change other columns (triage, answer…) and record the action in the history."""
        with self.catalog.transaction() as tx:
            status = self._status(tx, code)
            if columns:
                tx.execute(f"UPDATE dossiers SET {', '.join(f'{k} = ?' for k in columns)} WHERE code = ?",
                           (*columns.values(), code))
            self._history(tx, code, status, action, actor, note)

    def _status(self, tx: sqlite3.Connection, code: str) -> str:
        row = tx.execute("SELECT status FROM dossiers WHERE code = ?", (code,)).fetchone()
        if row is None:
            raise NotFound(f"no dossier {code!r}")
        return str(row[0])

    @staticmethod
    def _history(tx: sqlite3.Connection, code: str, status: str, action: str, actor: str, note: str) -> None:
        tx.execute("INSERT INTO dossier_history (code, at, status, action, actor, note) VALUES (?, ?, ?, ?, ?, ?)",
                   (code, now_iso(), status, action, actor, nfc(note)))

    # -- reading ------------------------------------------------------------------------------
    def get(self, code: str) -> Dossier:
        conn = self.catalog.connection()
        row = conn.execute("SELECT * FROM dossiers WHERE code = ?", (code.strip(),)).fetchone()
        if row is None:
            raise NotFound(f"no dossier {code!r}")
        d = _row(row)
        d.documents = [Attached(int(r["doc_id"]), r["component"], r["type_code"]) for r in conn.execute(
            "SELECT doc_id, component, type_code FROM dossier_documents WHERE code = ? ORDER BY at, doc_id", (d.code,))]
        d.history = [{"at": r["at"], "status": r["status"], "action": r["action"], "actor": r["actor"],
                      "note": r["note"]} for r in conn.execute(
            "SELECT * FROM dossier_history WHERE code = ? ORDER BY id", (d.code,))]
        return d

    def select(self, where: str = "", params: Sequence[Any] = (), order: str = "received") -> list[Dossier]:
        sql = "SELECT * FROM dossiers" + (f" WHERE {where}" if where else "") + f" ORDER BY {order}, code"
        return [_row(r) for r in self.catalog.connection().execute(sql, tuple(params))]

    def find(self, text: str) -> list[Dossier]:
        """By code (whole or its sequence part), applicant name with or without marks, ID number or phone."""
        text = nfc(text).strip()
        if not text:
            return []
        digits = phone_key(text)
        key = name_key(text)
        clauses = ["code = ?", "applicant_key LIKE ?", "code LIKE ?"]
        params: list[Any] = [text, f"%{key}%", f"%{text}"]
        if digits and len(digits) >= 4 and re.fullmatch(r"[\d\s.+\-()]+", text):
            clauses += ["id_number = ?", "phone_key = ?", "id_number LIKE ?", "phone_key LIKE ?"]
            params += [digits, digits, f"%{digits}", f"%{digits}"]
        return self.select(" OR ".join(f"({c})" for c in clauses), params, order="received DESC")


def _row(r: sqlite3.Row) -> Dossier:
    return Dossier(
        code=r["code"], procedure=r["procedure"], procedure_from=date.fromisoformat(r["procedure_from"]),
        kind=r["kind"],
        applicant=Applicant(r["applicant_name"], r["id_number"], r["phone"], r["address"], r["address_2025"]),
        received=datetime.fromisoformat(r["received"]), due=datetime.fromisoformat(r["due"]), status=r["status"],
        appointment_date=date.fromisoformat(r["appointment_date"]) if r["appointment_date"] else None,
        appointment_slot=r["appointment_slot"], triage=r["triage"], route_field=r["route_field"],
        answer=r["answer"], answered_at=r["answered_at"], answered_by=r["answered_by"])
