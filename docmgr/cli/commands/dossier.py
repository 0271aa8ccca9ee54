"""docmgr dossier new|attach|check|status|show|list|find — dossiers (hồ sơ) of the one-stop office."""

from __future__ import annotations

import argparse
import sys
from typing import Any

STATUSES = ("received", "in-progress", "needs-supplement", "done", "returned", "refused", "withdrawn")


def _doc_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a document id: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"not a document id: {text!r}")
    return value


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of days: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("dossier", help="dossiers: receive, attach, check, status, find; feedback",
                       description="Dossiers of the one-stop office (see CLI.md, Records).")
    inner = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = inner.add_parser("new", help="receive a dossier")
    new.add_argument("--procedure", required=True, metavar="CODE")
    new.add_argument("--applicant", required=True, metavar="NAME")
    new.add_argument("--id-number", default="", metavar="N")
    new.add_argument("--phone", default="", metavar="P")
    new.add_argument("--address", default="", metavar="A", help="old (huyện) or 2025 unit names both accepted")
    new.add_argument("--received", metavar="DATETIME", help="when it was received (default: now)")
    new.add_argument("--note", default="", metavar="T")
    att = inner.add_parser("attach", help="put documents in a dossier")
    att.add_argument("code", metavar="CODE")
    att.add_argument("doc_ids", nargs="+", type=_doc_id, metavar="DOC_ID")
    att.add_argument("--component", metavar="C", help="the component they fill (the clerk's choice)")
    chk = inner.add_parser("check", help="what is missing and what is extra")
    chk.add_argument("code", metavar="CODE")
    st = inner.add_parser("status", help="move a dossier along the workflow")
    st.add_argument("code", metavar="CODE")
    st.add_argument("status", choices=STATUSES, metavar="STATUS", help=", ".join(STATUSES))
    st.add_argument("--note", default="", metavar="T")
    show = inner.add_parser("show", help="one dossier")
    show.add_argument("code", metavar="CODE")
    lst = inner.add_parser("list", help="dossiers, overdue or due soon")
    lst.add_argument("--status", choices=STATUSES)
    lst.add_argument("--overdue", action="store_true", help="open and past their due date")
    lst.add_argument("--due-soon", type=_days, metavar="DAYS", help="open and due within DAYS working days")
    find = inner.add_parser("find", help="by code, name (with or without marks), ID number or phone")
    find.add_argument("text", nargs="+")
    rt = inner.add_parser("route", help="feedback: the desk answers now, or it goes to an agency")
    rt.add_argument("code", metavar="CODE")
    rt.add_argument("triage", choices=("desk", "agency"))
    rt.add_argument("--field", metavar="F", help="field of work (code), for an agency")
    rt.add_argument("--note", default="", metavar="T")
    ans = inner.add_parser("answer", help="feedback: record the answer given (closes it as done)")
    ans.add_argument("code", metavar="CODE")
    ans.add_argument("text", nargs="+")
    for q in (new, att, chk, st, show, lst, find, rt, ans):
        q.add_argument("--json", action="store_true", help="JSON output")
        q.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return p


def print_dossier(d: dict[str, Any]) -> None:
    a = d["applicant"]
    print(f"{d['code']}  [{d['status']}]  {d['procedure']} {d.get('procedure_name') or ''}")
    print(f"    người nộp: {a['name']}  {a['id_number']}  {a['phone']}  {a['address']}")
    if a.get("address_2025"):
        print(f"    địa chỉ mới: {a['address_2025']}")
    print(f"    nhận: {d['received']}   hạn: {d['due']}", end="")
    if d.get("appointment"):
        print(f"   hẹn trả: {d['appointment']['date']} {d['appointment']['slot']}", end="")
    print()
    for doc in d.get("documents", []):
        print(f"    #{doc['id']:<6} {doc.get('component_name') or '(thừa)'}  [{doc['type'] or '—'}]")
    for m in d.get("missing", []):
        print(f"    THIẾU  {m['name']}")
    fb = d.get("feedback")
    if fb:
        print(f"    phân luồng: {fb['triage'] or '—'} {fb['field_of_work'] or ''}   trả lời: {fb['answer'] or '—'}")


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services import dossiers as svc
    from docmgr.services.library import open_library

    library = open_library(args.library)
    if args.action == "new":
        from docmgr.services.dossiers_calendar import parse_moment

        data = svc.new_dossier(library, args.procedure,
                               svc.ApplicantInput(args.applicant, args.id_number, args.phone, args.address),
                               parse_moment(args.received) if args.received else None, note=args.note)
    elif args.action == "attach":
        data = svc.attach(library, args.code, args.doc_ids, args.component)
    elif args.action == "status":
        data = svc.set_status(library, args.code, args.status, args.note)
    elif args.action in ("route", "answer"):
        from docmgr.services import dossier_feedback as fb

        data = (fb.route(library, args.code, args.triage, args.field, args.note) if args.action == "route"
                else fb.answer(library, args.code, " ".join(args.text)))
    elif args.action == "show":
        data = svc.show(library, args.code)
    elif args.action == "check":
        result = svc.check(library, args.code)
        if args.json:
            emit_json(result)
        else:
            print(f"{result['code']}: {'đủ' if result['complete'] else 'CHƯA ĐỦ'}")
            for m in result["missing"]:
                print(f"    thiếu: {m['name']}")
            for i in result["extra"]:
                print(f"    thừa: #{i}")
        return 0 if result["complete"] else 1
    else:
        rows = (svc.list_dossiers(library, status=args.status, overdue=args.overdue, due_soon=args.due_soon)
                if args.action == "list" else svc.find_dossiers(library, " ".join(args.text)))
        for row in rows:
            if args.json:
                emit_json(row)
            else:
                a = row["applicant"]
                sys.stdout.write(f"{row['code']}  {row['status']:<17} hạn {row['due']}  {row['procedure']:<14} "
                                 f"{a['name']}  {a['phone']}\n")
        return 0
    if args.json:
        emit_json(data)
    else:
        print_dossier(data)
    return 0
