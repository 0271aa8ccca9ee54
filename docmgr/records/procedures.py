"""The procedure catalogue (thủ tục hành chính) as data: ``resources/records/procedures.json``.

Each procedure lists its components (thành phần hồ sơ) by document type code, with the kind of copy
and whether it is required (or the condition, in words, under which it is), its time limit, fee,
competent body and national code. Entries hold from ``effective_from`` (until ``effective_to``): a
changed rule is a new entry with the same code and a later date, so a dossier is judged by the rule
in force on the day it was received. The file is validated on load; every problem names the file,
the procedure and the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Collection, Optional

from docmgr.core.text import nfc
from docmgr.records.calendar import UNITS, TimeLimit
from docmgr.records.resources import RecordsDataError, data_file, read_json

PROCEDURES_FILE = "procedures.json"
COPY_KINDS = ("original", "copy", "certified_copy", "shown")
COPY_KIND_VI = {"original": "Bản chính", "copy": "Bản sao", "certified_copy": "Bản sao chứng thực",
                "shown": "Xuất trình"}
KINDS = ("dossier", "feedback")


@dataclass(frozen=True)
class Component:
    """One thành phần hồ sơ.

    ``types`` are the taxonomy codes a classified document may have to fill it (empty: the clerk
    assigns by hand). ``shown`` papers are looked at, not filed, so they never make a dossier incomplete.
    """

    code: str
    name: str
    types: tuple[str, ...]
    copy_kind: str
    required: bool
    condition: Optional[str] = None

    @property
    def filed(self) -> bool:
        return self.copy_kind != "shown"

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "types": list(self.types), "copy_kind": self.copy_kind,
                "required": self.required, "condition": self.condition}


@dataclass(frozen=True)
class Procedure:
    """One procedure as in force from ``effective_from``."""

    code: str
    name: str
    kind: str
    field_of_work: str
    effective_from: date
    effective_to: Optional[date]
    body: str
    time_limit: TimeLimit
    fee: dict[str, Any]
    components: tuple[Component, ...]
    national_code: Optional[str] = None
    forms: tuple[str, ...] = ()
    basis: str = ""
    keywords: tuple[str, ...] = ()
    unconfirmed: tuple[str, ...] = ()
    note: str = ""

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on < self.effective_to)

    def component(self, code: str) -> Optional[Component]:
        return next((c for c in self.components if c.code == code), None)

    def fee_text(self) -> str:
        amount = self.fee.get("amount")
        note = self.fee.get("note") or ""
        if amount is None:
            return note or "—"
        head = "Không thu" if amount == 0 else f"{amount:,} đồng".replace(",", ".")
        return f"{head} ({note})" if note and amount else (note or head)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "national_code": self.national_code, "name": self.name, "kind": self.kind,
                "field_of_work": self.field_of_work, "effective_from": self.effective_from.isoformat(),
                "time_limit": self.time_limit.to_json(), "fee": dict(self.fee), "body": self.body,
                "components": [c.to_json() for c in self.components], "forms": list(self.forms),
                "basis": self.basis, "unconfirmed": list(self.unconfirmed), "note": self.note}


class ProcedureCatalog:
    """All entries of the catalogue file, with lookups by code and date."""

    def __init__(self, procedures: list[Procedure], synonyms: dict[str, str], source: str) -> None:
        self.entries = procedures
        self.synonyms = synonyms
        self.source = source

    def current(self, on: Optional[date] = None) -> list[Procedure]:
        """The procedures in force on ``on`` (today by default), in file order."""
        day = on or date.today()
        return [p for p in self.entries if p.in_force(day)]

    def get(self, code: str, on: Optional[date] = None) -> Optional[Procedure]:
        """The procedure with this code (or national code), as in force on ``on``; case-blind."""
        wanted = code.strip().upper()
        day = on or date.today()
        for p in self.entries:
            if p.in_force(day) and (p.code.upper() == wanted or (p.national_code or "").upper() == wanted):
                return p
        return None


def _fail(path: Path, where: str, message: str) -> RecordsDataError:
    return RecordsDataError(f"{path}: {where}: {message}")


def _text(raw: dict[str, Any], key: str, path: Path, where: str, *, required: bool = True) -> str:
    value = raw.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise _fail(path, where, f'"{key}" must be a non-empty text')
    return nfc(value.strip())


def _date(value: Any, path: Path, where: str, key: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _fail(path, where, f'"{key}" must be a date YYYY-MM-DD, not {value!r}') from None


def _component(raw: Any, path: Path, where: str, known_types: Collection[str]) -> Component:
    if not isinstance(raw, dict):
        raise _fail(path, where, "a component must be an object")
    code = _text(raw, "code", path, where)
    where = f"{where}, component {code}"
    types = raw.get("types", [])
    if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        raise _fail(path, where, '"types" must be a list of document type codes')
    unknown = [t for t in types if known_types and t not in known_types]
    if unknown:
        raise _fail(path, where, f"unknown document type code {unknown[0]!r} (not in taxonomy.json)")
    kind = raw.get("copy_kind")
    if kind not in COPY_KINDS:
        raise _fail(path, where, f'"copy_kind" must be one of {", ".join(COPY_KINDS)}, not {kind!r}')
    required = raw.get("required")
    if not isinstance(required, bool):
        raise _fail(path, where, '"required" must be true or false')
    condition = raw.get("condition")
    if condition is not None and not isinstance(condition, str):
        raise _fail(path, where, '"condition" must be a text or null')
    if not required and not (condition or "").strip():
        raise _fail(path, where, 'a component that is not required needs its "condition" in words')
    return Component(code, _text(raw, "name", path, where), tuple(types), kind, required,
                     nfc(condition.strip()) if condition else None)


def _procedure(raw: Any, path: Path, index: int, known_types: Collection[str],
               known_fields: Collection[str]) -> Procedure:
    if not isinstance(raw, dict):
        raise _fail(path, f"procedure #{index + 1}", "must be an object")
    code = _text(raw, "code", path, f"procedure #{index + 1}")
    where = f"procedure {code}"
    kind = raw.get("kind", "dossier")
    if kind not in KINDS:
        raise _fail(path, where, f'"kind" must be one of {", ".join(KINDS)}')
    fow = _text(raw, "field_of_work", path, where)
    if known_fields and fow not in known_fields:
        raise _fail(path, where, f"unknown field of work {fow!r} (not in taxonomy.json)")
    limit = raw.get("time_limit")
    if not isinstance(limit, dict) or limit.get("unit") not in UNITS or \
            not isinstance(limit.get("value"), (int, float)) or isinstance(limit.get("value"), bool) or limit["value"] < 0:
        raise _fail(path, where, f'"time_limit" must be {{"value": number >= 0, "unit": one of {", ".join(UNITS)}}}')
    fee = raw.get("fee", {})
    if not isinstance(fee, dict) or not (fee.get("amount") is None or isinstance(fee.get("amount"), int)):
        raise _fail(path, where, '"fee" must be {"amount": whole number of đồng or null, "note": text}')
    comps = raw.get("components")
    if not isinstance(comps, list) or not comps:
        raise _fail(path, where, '"components" must be a non-empty list')
    components = tuple(_component(c, path, where, known_types) for c in comps)
    codes = [c.code for c in components]
    if len(set(codes)) != len(codes):
        raise _fail(path, where, "two components share a code")
    start = _date(raw.get("effective_from"), path, where, "effective_from")
    end = _date(raw["effective_to"], path, where, "effective_to") if raw.get("effective_to") else None
    if end is not None and end <= start:
        raise _fail(path, where, "effective_to must be after effective_from")
    lists = {}
    for key in ("forms", "keywords", "unconfirmed"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise _fail(path, where, f'"{key}" must be a list of texts')
        lists[key] = tuple(nfc(x) for x in value)
    return Procedure(code=code, name=_text(raw, "name", path, where), kind=kind, field_of_work=fow,
                     effective_from=start, effective_to=end, body=_text(raw, "body", path, where),
                     time_limit=TimeLimit(float(limit["value"]), limit["unit"]),
                     fee={"amount": fee.get("amount"), "note": nfc(str(fee.get("note") or ""))},
                     components=components, national_code=raw.get("national_code") or None,
                     forms=lists["forms"], basis=_text(raw, "basis", path, where, required=False),
                     keywords=lists["keywords"], unconfirmed=lists["unconfirmed"],
                     note=_text(raw, "note", path, where, required=False))


def _overlap(a: Procedure, b: Procedure) -> bool:
    a_end, b_end = a.effective_to or date.max, b.effective_to or date.max
    return a.effective_from < b_end and b.effective_from < a_end


def load_procedures(path: Path, known_types: Collection[str] = (), known_fields: Collection[str] = ()) -> ProcedureCatalog:
    """Read and validate a catalogue file against the taxonomy's type and field codes.

    Raises:
        RecordsDataError: the first problem, naming the file, the procedure and the key.
    """
    raw = read_json(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("procedures"), list):
        raise RecordsDataError(f'{path}: the catalogue must be an object with a "procedures" list')
    procs = [_procedure(p, path, i, known_types, known_fields) for i, p in enumerate(raw["procedures"])]
    for i, a in enumerate(procs):
        for b in procs[i + 1:]:
            if a.code.upper() == b.code.upper() and _overlap(a, b):
                raise _fail(path, f"procedure {a.code}", "two entries are in force at the same time "
                                                          "(give the older one an effective_to)")
    synonyms = raw.get("synonyms", {})
    if not isinstance(synonyms, dict) or not all(isinstance(v, str) for v in synonyms.values()):
        raise RecordsDataError(f'{path}: "synonyms" must map a phrase to the words it stands for')
    return ProcedureCatalog(procs, {nfc(k): nfc(v) for k, v in synonyms.items()}, str(path))


def procedures_file(library_root: Optional[Path] = None) -> Path:
    """The catalogue in use: the library's own ``records/procedures.json`` when present, else the shipped one."""
    return data_file(PROCEDURES_FILE, library_root)
