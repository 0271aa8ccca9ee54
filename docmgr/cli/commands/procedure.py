"""docmgr procedure list|find — the procedure catalogue and the finder for citizens' questions."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("procedure", help="procedures: list, find by a plain question",
                       description="The office's procedures (thủ tục hành chính) with what to bring.")
    inner = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    lst = inner.add_parser("list", help="the procedures in force")
    lst.add_argument("--json", action="store_true", help="JSON Lines, one per procedure")
    find = inner.add_parser("find", help="the procedures for a plain question, with or without marks")
    find.add_argument("text", nargs="+", help='e.g. "làm giấy khai sinh cho con cần gì"')
    find.add_argument("--limit", type=int, default=3, help="how many procedures (default 3)")
    find.add_argument("--checklist", metavar="FILE.pdf", help="also write the best one's checklist of what to bring")
    find.add_argument("--json", action="store_true", help="JSON Lines, best first")
    for q in (lst, find):
        q.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return p


def print_procedure(proc: Any, out: Any = None) -> None:
    """A procedure as a human reads it: name, time limit, fee, body, what to bring."""
    import sys

    out = out or sys.stdout
    out.write(f"{proc.code}  {proc.name}" + (f"  (mã {proc.national_code})" if proc.national_code else "") + "\n")
    out.write(f"    thời hạn: {proc.time_limit.label_vi()}   lệ phí: {proc.fee_text()}\n")
    out.write(f"    nơi giải quyết: {proc.body}\n")
    for c in proc.components:
        flag = "*" if c.required else "-"
        out.write(f"    {flag} {c.name}" + (f" — {c.condition}" if c.condition else "") + "\n")


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services.library import open_library

    library = open_library(args.library)
    if args.action == "list":
        from docmgr.services.procedures import list_procedures

        for proc in list_procedures(library):
            if args.json:
                emit_json(proc.to_json())
            else:
                print_procedure(proc)
        return 0
    from docmgr.services.finder_procedures import find_procedures

    found = find_procedures(library, " ".join(args.text), limit=max(1, args.limit))
    if args.checklist and found:
        from docmgr.services.dossier_forms import write_checklist

        print(write_checklist(library, found[0].procedure, args.checklist))
    for hit in found:
        if args.json:
            emit_json({**hit.procedure.to_json(), "score": round(hit.score, 3)})
        else:
            print_procedure(hit.procedure)
    return 0
