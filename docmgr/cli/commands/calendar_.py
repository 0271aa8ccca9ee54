"""docmgr calendar due|days — due dates by the office calendar, and a year's days off and swaps."""

from __future__ import annotations

import argparse
from typing import Any


def _non_negative(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("calendar", help="working days and due dates",
                       description="Due dates by the office calendar (holidays, swapped days, the cut-off).")
    inner = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    due = inner.add_parser("due", help="the due date of a time limit",
                           description="The day of receipt is not counted; after the cut-off (15:00) a dossier "
                                       "counts as received on the next working day.")
    due.add_argument("--from", dest="received", required=True, metavar="DATETIME", help="when it was received")
    due.add_argument("--days", type=_non_negative, metavar="N", help="working days (0.5 = half a day)")
    due.add_argument("--hours", type=_non_negative, metavar="H", help="office hours instead of days")
    due.add_argument("--procedure", metavar="CODE", help="the time limit of this procedure")
    due.add_argument("--json", action="store_true", help="one JSON object")
    days = inner.add_parser("days", help="a year's days off and swapped working days")
    days.add_argument("--year", type=int, required=True, metavar="Y")
    days.add_argument("--json", action="store_true", help="JSON Lines, one per day")
    for q in (due, days):
        q.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services.library import open_library

    library = open_library(args.library)
    if args.action == "days":
        from docmgr.services.dossiers_calendar import days_of_year

        for row in days_of_year(library, args.year):
            if args.json:
                emit_json(row)
            else:
                print(f"{row['date']}  {'nghỉ' if row['kind'] == 'off' else 'làm việc':<9} {row['name']}")
        return 0
    from docmgr.core.errors import UsageError
    from docmgr.records.calendar import TimeLimit
    from docmgr.services.dossiers_calendar import due_date, parse_moment

    received = parse_moment(args.received)
    given = [x for x in (args.days, args.hours, args.procedure) if x is not None]
    if len(given) != 1:
        raise UsageError("give exactly one of --days, --hours or --procedure")
    if args.procedure:
        from docmgr.services.procedures import get_procedure

        limit = get_procedure(library, args.procedure).time_limit
    elif args.hours is not None:
        limit = TimeLimit(args.hours, "hours")
    else:
        limit = TimeLimit(args.days, "working_days")
    due = due_date(library, received, limit)
    if args.json:
        emit_json({"from": received.isoformat(timespec="minutes"), "time_limit": limit.to_json(),
                   "due": due.date().isoformat(), "due_at": due.isoformat(timespec="minutes")})
    else:
        print(due.date().isoformat() if limit.unit != "hours" and float(limit.value).is_integer()
              else due.isoformat(sep=" ", timespec="minutes"))
    return 0
