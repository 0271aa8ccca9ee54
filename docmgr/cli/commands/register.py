"""docmgr register add|list|export — the incoming register (sổ đăng ký văn bản đến)."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from docmgr.cli.commands.show import positive_int


def _arrived(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date or time: {text!r}") from None
    return value if value.tzinfo else value.astimezone()


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("register", help="the incoming register: add, list, export",
                       description="Number incoming documents in the register: one series per book and year, "
                                   "from 1 each 1 January, no gaps. Book 'den' (default) or 'mat' (secret).")
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    add = verbs.add_parser("add", help="enter a document (again: its existing entry)")
    add.add_argument("doc_id", type=positive_int, metavar="DOC_ID")
    add.add_argument("--arrived", type=_arrived, metavar="DATETIME", help="date of arrival (default: now)")
    add.add_argument("--recipient", default="", help="column (7): unit or person it goes to")
    add.add_argument("--note", default="", help="column (10)")
    listing = verbs.add_parser("list", help="the register's rows")
    export = verbs.add_parser("export", help="write the register as CSV, XLSX or a printable PDF")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.csv, FILE.xlsx or FILE.pdf")
    for verb in (add, listing, export):
        verb.add_argument("--book", metavar="B", help="book code: den (default) or mat (secret documents)")
        verb.add_argument("--json", action="store_true")
        verb.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    for verb in (listing, export):
        verb.add_argument("--year", type=int, metavar="Y")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services import register as service
    from docmgr.services.library import open_library

    library = open_library(args.library)
    if args.verb == "add":
        entry, created = service.add(library, args.doc_id, book=args.book, arrived=args.arrived,
                                     recipient=args.recipient, notes=args.note)
        if args.json:
            data = entry.to_json()
            emit_json({"book": data.pop("book"), "year": data.pop("year"), "number": data.pop("number"),
                       "doc_id": data.pop("doc_id"), "created": created, **data})
        else:
            print(f"{entry.book} {entry.year} số {entry.number_text}: #{entry.doc_id}"
                  + ("" if created else " (already entered)"))
        return 0
    if args.verb == "list":
        for entry in service.rows(library, book=args.book, year=args.year):
            if args.json:
                emit_json(service.entry_json(entry))
            else:
                print(f"{entry.book} {entry.year} {entry.number_text:>4}  {entry.arrived}  #{entry.doc_id}  "
                      f"{entry.doc_number}  {entry.type_summary}")
        return 0
    path = service.export(library, args.output, book=args.book, year=args.year)
    if args.json:
        for entry in service.rows(library, book=args.book, year=args.year):
            emit_json(service.entry_json(entry))
    print(path)
    return 0
