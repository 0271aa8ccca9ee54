"""docmgr types — the document types ``--type`` accepts: code, Vietnamese name, abbreviation."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("types", help="list the document types (for --type)",
                       description="List the document types: the code or the Vietnamese name (with or without "
                                   "diacritics) is what --type accepts.")
    p.add_argument("--json", action="store_true", help="one JSON object per type (JSON Lines)")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services.classify import taxonomy

    for t in taxonomy().types.values():
        if args.json:
            emit_json({"code": t.code, "name": t.name_vi, "abbr": t.abbr or None, "category": t.category})
        else:
            print(f"{t.code:<10} {t.name_vi}" + (f"  ({t.abbr})" if t.abbr else ""))
    return 0
