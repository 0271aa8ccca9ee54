"""Entering documents in the incoming register and writing the register out (see :mod:`docmgr.records.register`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, Optional

from docmgr.core.actor import current_actor
from docmgr.core.errors import UsageError
from docmgr.core.library import Library
from docmgr.core.models import Document
from docmgr.core.text import nfc
from docmgr.records import register as reg
from docmgr.services import audit


def ensure(library: Library) -> None:
    library.catalog.ensure_component(reg.COMPONENT, reg.MIGRATIONS)


def resolve_book(library: Library, code: Optional[str]) -> reg.Book:
    ensure(library)
    conn = library.catalog.connection()
    found = reg.book(conn, (code or reg.DEFAULT_BOOK).strip().lower())
    if found is None:
        known = ", ".join(f"{b.code} ({b.name})" for b in reg.books(conn))
        raise UsageError(f"unknown register book {code!r} (one of: {known})")
    return found


def columns_of(doc: Document) -> dict[str, str]:
    """Columns (3)–(6) and (10) filled from the extracted fields."""
    from docmgr.services.documents import type_name

    fields = {k: v.value for k, v in doc.fields.items()}
    kind = type_name(doc.type_code) or ""
    summary = str(fields.get("summary") or "")
    return {
        "sender": str(fields.get("issuer") or ""),
        "doc_number": str(fields.get("number") or ""),
        "doc_date": str(fields.get("issued") or ""),
        "type_summary": " — ".join(p for p in (kind, summary) if p),
        "notes": f"Độ mật: {fields['secrecy']}" if fields.get("secrecy") else "",
    }


def add(library: Library, doc_id: int, *, book: Optional[str] = None, arrived: Optional[datetime] = None,
        recipient: str = "", notes: str = "") -> tuple[reg.Entry, bool]:
    """Enter document ``doc_id`` in a book (default: the ordinary incoming book); ``(entry, created)``.

    Raises:
        UsageError: unknown book; a document marked secret (field ``secrecy``) offered to the ordinary book.
        NotFound: no such document.
    """
    from docmgr.services.users import require

    target = resolve_book(library, book)
    require(library, "clerk", "archivist")
    doc = library.catalog.get(doc_id)
    columns = columns_of(doc)
    if "secrecy" in doc.fields and not target.secret:
        raise UsageError(f"document {doc_id} is marked «{doc.fields['secrecy'].value}»: enter it in the secret "
                         f"book (--book {reg.SECRET_BOOK}), not in «{target.name}»")
    if recipient:
        columns["recipient"] = nfc(recipient).strip()
    if notes:
        columns["notes"] = "; ".join(p for p in (columns.get("notes"), nfc(notes).strip()) if p)
    when = arrived or datetime.now().astimezone()
    with library.write_lock():
        with library.catalog.transaction() as tx:
            entry, created = reg.add(tx, target.code, doc_id, when, columns, current_actor())
            if created:
                audit.log(tx, "register", audit.doc_target(doc_id),
                          {"book": entry.book, "year": entry.year, "number": entry.number})
        if created:
            audit.sync_head(library)
    return entry, created


def rows(library: Library, *, book: Optional[str] = None, year: Optional[int] = None) -> list[reg.Entry]:
    ensure(library)
    code = resolve_book(library, book).code if book else None
    return reg.entries(library.catalog.connection(), book_code=code, year=year)


def export(library: Library, target: Path, *, book: Optional[str] = None, year: Optional[int] = None) -> Path:
    """Write the register (one book, one year or all) as CSV, XLSX or PDF, chosen by ``target``'s suffix."""
    from docmgr.records import register_print as out

    suffix = Path(target).suffix.lower()
    if suffix not in (".csv", ".xlsx", ".pdf"):
        raise UsageError(f"{target}: the register is written as .csv, .xlsx or .pdf")
    the_book = resolve_book(library, book)
    entries = rows(library, book=the_book.code, year=year)
    title = f"{the_book.name} — năm {year}" if year else the_book.name
    if suffix == ".csv":
        out.write_csv(Path(target), entries)
    elif suffix == ".xlsx":
        out.write_xlsx(Path(target), entries, title)
    else:
        out.write_pdf(Path(target), entries, the_book, year or (entries[-1].year if entries else None),
                      body=str(library.settings.extra.get("office_name", "")))
    return Path(target)


def entry_json(entry: reg.Entry) -> dict[str, Any]:
    """A ``register list --json`` line (``register add`` prints ``book, year, number, doc_id`` first)."""
    return entry.to_json()
