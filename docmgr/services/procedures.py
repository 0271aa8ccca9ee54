"""Procedure catalogue use cases: the procedures in force, one by code, validated against the taxonomy."""

from __future__ import annotations

from datetime import date
from typing import Optional

from docmgr.classify.taxonomy import load_taxonomy
from docmgr.core.errors import UsageError
from docmgr.core.library import Library
from docmgr.records.procedures import Procedure, ProcedureCatalog, load_procedures, procedures_file

_cache: dict[tuple[str, float], ProcedureCatalog] = {}


def catalog(library: Optional[Library] = None) -> ProcedureCatalog:
    """The library's catalogue (its own ``records/procedures.json`` or the shipped one), loaded once per change.

    Raises:
        RecordsDataError: the file is invalid (the message names the file, the procedure and the key).
    """
    path = procedures_file(library.root if library is not None else None)
    try:
        stamp = path.stat().st_mtime
    except OSError:
        stamp = 0.0
    hit = _cache.get((str(path), stamp))
    if hit is None:
        tax = load_taxonomy()
        hit = load_procedures(path, known_types=set(tax.types), known_fields=set(tax.fields_of_work))
        _cache[(str(path), stamp)] = hit
    return hit


def list_procedures(library: Optional[Library] = None, on: Optional[date] = None) -> list[Procedure]:
    """The procedures in force on ``on`` (today by default)."""
    return catalog(library).current(on)


def get_procedure(library: Optional[Library], code: str, on: Optional[date] = None) -> Procedure:
    """The procedure with this code or national code.

    Raises:
        UsageError: no such procedure (the message lists the codes).
    """
    found = catalog(library).get(code, on)
    if found is None:
        codes = ", ".join(p.code for p in catalog(library).current(on))
        raise UsageError(f"no procedure {code!r} (known: {codes})")
    return found


def type_names() -> dict[str, str]:
    """Vietnamese names of the taxonomy's type codes (for showing components)."""
    return {code: t.name_vi for code, t in load_taxonomy().types.items()}
