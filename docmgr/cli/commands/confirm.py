"""docmgr confirm ID [--type T] [--field KEY=VALUE]... — confirm a document's type and fields."""

from __future__ import annotations

import argparse
from typing import Any

from docmgr.cli.commands.show import positive_int


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("confirm", help="confirm (and correct) a document's type and fields",
                       description="Confirm a document: set its type and correct fields. Edits are kept and "
                                   "marked as edited; confirmed documents train the classifier. "
                                   "--field field_of_work=… sets the field of work.")
    p.add_argument("id", type=positive_int, metavar="ID")
    p.add_argument("--type", dest="doc_type", metavar="T", help="document type: code or Vietnamese name (`docmgr types` lists them)")
    p.add_argument("--field", action="append", default=[], metavar="KEY=VALUE", type=_pair,
                   help="set a field (number, issued, place, issuer, summary, signer, id_numbers, …); repeatable")
    p.add_argument("--json", action="store_true", help="print the document as `show --json` does")
    return p


def _pair(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key.strip(), value


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services.classify import confirm, retrain_if_due
    from docmgr.services.library import open_library

    library = open_library(args.library)
    data = confirm(library, args.id, type=args.doc_type, fields=dict(args.field))
    if args.json:
        emit_json(data)
    else:
        print(f"#{data['id']}  {data['filename']}  [{data['status']}]  {data['type'] or '—'}")
        for key, value in data["fields"].items():
            mark = " (edited)" if key in data.get("edited", []) else ""
            print(f"{key}: {', '.join(value) if isinstance(value, list) else value}{mark}")
    retrain_if_due(library)  # enough new confirmations: the models learn them now
    return 0
