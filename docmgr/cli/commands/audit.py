"""docmgr audit [--id N] [--dossier CODE] [--json] — the audit trail, oldest first."""

from __future__ import annotations

import argparse
from typing import Any

from docmgr.cli.commands.show import positive_int


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("audit", help="show the audit trail (who did what, when)",
                       description="The append-only, hash-chained audit trail; `docmgr check` verifies it.")
    p.add_argument("--id", type=positive_int, metavar="N", help="only the entries of document N")
    p.add_argument("--dossier", metavar="CODE", help="only the entries of dossier CODE")
    p.add_argument("--json", action="store_true")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services.audit import history
    from docmgr.services.library import open_library

    for entry in history(open_library(args.library), doc_id=args.id, dossier=args.dossier):
        if args.json:
            emit_json(entry.to_json())
        else:
            detail = ", ".join(f"{k}={v}" for k, v in entry.detail.items())
            print(f"{entry.seq:>6}  {entry.at}  {entry.actor:<12} {entry.action:<10} {entry.target}  {detail}")
    return 0
