"""docmgr list — the documents, one line each."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("list", help="list documents", description="List documents (the trash with --status trashed).")
    p.add_argument("--type", dest="doc_type", metavar="T", help="only this document type (code or Vietnamese name; `docmgr types` lists them)")
    p.add_argument("--status", choices=["inbox", "needs-review", "confirmed", "trashed"])
    p.add_argument("--json", action="store_true", help="one JSON object per document (JSON Lines)")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services.documents import list_documents, resolve_type, summary
    from docmgr.services.library import open_library

    library = open_library(args.library)
    type_code = resolve_type(args.doc_type) if args.doc_type else None
    for doc in list_documents(library, status=args.status, type_code=type_code):
        row = summary(doc)
        if args.json:
            emit_json(row)
        else:
            number = row.get("number", "")
            print(f"{row['id']:>6}  {row['status']:<12} {(row['type'] or '—'):<20} {number:<18} {row['filename']}")
    return 0
