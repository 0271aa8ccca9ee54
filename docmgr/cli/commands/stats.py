"""docmgr stats [--from D] [--to D] [--json] [-o FILE.csv|.xlsx] — figures for leaders."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("stats", help="figures for leaders: dossiers, incoming documents, feedback",
                       description="Dossiers per procedure and month of receipt (received, resolved, on time, "
                                   "overdue), incoming documents per issuer and month, feedback by category. "
                                   "Default range: 1 January of this year to today.")
    p.add_argument("--from", dest="start", type=date.fromisoformat, metavar="D")
    p.add_argument("--to", dest="end", type=date.fromisoformat, metavar="D")
    p.add_argument("-o", "--output", metavar="FILE", help="also write FILE.csv or FILE.xlsx")
    p.add_argument("--json", action="store_true")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services.library import open_library
    from docmgr.services.stats import compute, write

    result = compute(open_library(args.library), args.start, args.end)
    if args.output:
        write(result, args.output)
    if args.json:
        emit_json(result)
        return 0
    print(f"{result['from']} – {result['to']}: {result['documents_total']} incoming documents")
    for issuer, months in sorted(result["documents"].items(), key=lambda kv: -sum(kv[1].values()))[:15]:
        print(f"  {sum(months.values()):>6}  {issuer}")
    summary = result["dossier_summary"]
    if summary:
        rate = "—" if summary["on_time_rate"] is None else f"{summary['on_time_rate']:.0%}"
        print(f"dossiers: {summary['received']} received, {summary['resolved']} resolved, on time {rate}, "
              f"{summary['overdue_now']} overdue now")
    if args.output:
        print(args.output)
    return 0
