"""docmgr retention due|set|hold|release|tombstones — retention review of the records."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from docmgr.cli.commands.show import positive_int


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("retention", help="retention: records due for disposal review, holds",
                       description="Retention per document type (resources/retention.json; [U] values marked) or per "
                                   "record: permanent or 2–70 years from the year the work ended.")
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    due = verbs.add_parser("due", help="records whose retention has run out")
    due.add_argument("--on", type=date.fromisoformat, metavar="DATE", help="as of DATE (default: today)")
    put = verbs.add_parser("set", help="a record's own retention")
    put.add_argument("id", type=positive_int, metavar="ID")
    put.add_argument("retention", metavar="permanent|YEARS")
    put.add_argument("--reason", default="")
    hold = verbs.add_parser("hold", help="put a legal hold on a record (blocks disposal)")
    hold.add_argument("id", type=positive_int, metavar="ID")
    hold.add_argument("--reason", required=True)
    release = verbs.add_parser("release", help="release a record's legal holds")
    release.add_argument("id", type=positive_int, metavar="ID")
    tombs = verbs.add_parser("tombstones", help="what was destroyed: who, when, why")
    for verb in (due, put, hold, release, tombs):
        verb.add_argument("--json", action="store_true")
        verb.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services import retention as service
    from docmgr.services.library import open_library

    library = open_library(args.library)
    if args.verb == "due":
        for row in service.due(library, args.on):
            if args.json:
                emit_json(row)
            else:
                mark = "  HELD" if row["held"] else ""
                print(f"#{row['id']:<6} {row['type'] or '—':<8} {row['retention']:<10} until {row['until']}{mark}  "
                      f"{row['filename']}")
        return 0
    if args.verb == "tombstones":
        for row in service.tombstones(library):
            emit_json(row) if args.json else print(f"#{row['id']}  {row['at']}  {row['actor']}  {row['kind']}  "
                                                   f"{row['reason']}")
        return 0
    if args.verb == "set":
        r = service.set_retention(library, args.id, args.retention, args.reason)
        out: dict[str, Any] = {"id": args.id, "retention": r.text()}
    elif args.verb == "hold":
        service.hold(library, args.id, args.reason)
        out = {"id": args.id, "held": True}
    else:
        out = {"id": args.id, "released": service.release(library, args.id)}
    emit_json(out) if args.json else print(out)
    return 0
