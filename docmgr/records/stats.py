"""Figures for leaders, computed in SQL over the catalog (fast on 10,000s of rows).

- documents per issuer and month (the month of arrival: the register's date when the document was
  entered in the incoming book, else the day it was filed), and per field of work;
- dossiers per procedure and month of receipt: received, resolved, resolved on time, overdue
  (resolved late, or still open past the due date) — read from the dossier tables when this build has
  them (they belong to the dossiers component; their columns are found by name);
- feedback by category, and how much the desk resolved at once — from a ``feedback`` table when present.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any, Optional

UNKNOWN = "(không rõ)"
RESOLVED = ("done", "returned", "refused")


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _cols(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def _pick(cols: set[str], *names: str) -> Optional[str]:
    return next((n for n in names if n in cols), None)


def documents(conn: sqlite3.Connection, start: str, end: str) -> dict[str, Any]:
    """``{"by_issuer": {issuer: {month: n}}, "by_field_of_work": {code: n}, "total": n}`` for arrivals in
    ``[start, end]`` (ISO dates)."""
    arrived = "substr(d.added, 1, 10)"
    join = ""
    if "register_entries" in _tables(conn):
        join = "LEFT JOIN register_entries r ON r.doc_id = d.id AND r.book = 'den'"
        arrived = f"COALESCE(r.arrived, {arrived})"
    sql = (f"SELECT COALESCE(json_extract(f.value, '$'), ?) AS issuer, substr({arrived}, 1, 7) AS month, "
           f"COALESCE(d.field_of_work, '') AS fow, COUNT(*) FROM documents d "
           f"LEFT JOIN fields f ON f.doc_id = d.id AND f.key = 'issuer' {join} "
           f"WHERE d.trashed_at IS NULL AND {arrived} BETWEEN ? AND ? GROUP BY issuer, month, fow")
    by_issuer: dict[str, dict[str, int]] = {}
    by_fow: dict[str, int] = {}
    total = 0
    for issuer, month, fow, n in conn.execute(sql, (UNKNOWN, start, end)):
        months = by_issuer.setdefault(str(issuer), {})
        months[month] = months.get(month, 0) + n
        by_fow[fow or UNKNOWN] = by_fow.get(fow or UNKNOWN, 0) + n
        total += n
    return {"by_issuer": by_issuer, "by_field_of_work": by_fow, "total": total}


def dossier_columns(conn: sqlite3.Connection) -> Optional[dict[str, str]]:
    """The dossier table's column names for procedure, received, due, status and resolved (None: no table)."""
    if "dossiers" not in _tables(conn):
        return None
    cols = _cols(conn, "dossiers")
    found = {"procedure": _pick(cols, "procedure", "procedure_code"),
             "received": _pick(cols, "received", "received_at"),
             "due": _pick(cols, "due", "due_date"), "status": _pick(cols, "status")}
    if None in found.values():
        return None
    out = {k: str(v) for k, v in found.items()}
    if "kind" in cols:  # the dossiers component keeps feedback (phản ánh, kiến nghị) in the same table
        out["kind"] = "kind"
    resolved = _pick(cols, "resolved", "resolved_at", "done_at", "finished_at", "closed_at", "returned_at")
    if resolved:
        out["resolved"] = resolved
    return out


def _resolved_expr(conn: sqlite3.Connection, cols: dict[str, str]) -> str:
    if "resolved" in cols:
        return f"x.{cols['resolved']}"
    tables = _tables(conn)
    for table in ("dossier_history", "dossier_status_history"):
        if table in tables:
            hc = _cols(conn, table)
            key = _pick(hc, "dossier_code", "code", "dossier_id")
            at, status = _pick(hc, "at", "time"), _pick(hc, "status")
            if key and at and status:
                ref = "x.id" if key == "dossier_id" else "x.code"
                return (f"(SELECT MIN(h.{at}) FROM {table} h WHERE h.{key} = {ref} AND h.{status} IN "
                        f"({', '.join(repr(s) for s in RESOLVED)}))")
    return "NULL"


def dossiers(conn: sqlite3.Connection, start: str, end: str, today: date) -> Optional[dict[str, Any]]:
    """``{procedure: {month: {received, resolved, on_time, overdue}}}`` by month of receipt, and the
    summary; None when this build has no dossier tables."""
    cols = dossier_columns(conn)
    if cols is None:
        return None
    resolved = _resolved_expr(conn, cols)
    statuses = ", ".join(repr(s) for s in RESOLVED)
    p, rcv, due, st = (f"x.{cols[k]}" for k in ("procedure", "received", "due", "status"))
    only = " AND x.kind = 'dossier'" if "kind" in cols else ""
    sql = (f"SELECT {p}, substr({rcv}, 1, 7), COUNT(*), "
           f"SUM({st} IN ({statuses})), "
           f"SUM({st} IN ({statuses}) AND substr(COALESCE({resolved}, ''), 1, 10) <= substr({due}, 1, 10) "
           f"AND {resolved} IS NOT NULL), "
           f"SUM(({st} IN ({statuses}) AND {resolved} IS NOT NULL AND substr({resolved}, 1, 10) > substr({due}, 1, 10))"
           f" OR ({st} NOT IN ({statuses}, 'withdrawn') AND substr({due}, 1, 10) < ?)) "
           f"FROM dossiers x WHERE substr({rcv}, 1, 10) BETWEEN ? AND ?{only} GROUP BY 1, 2")
    table: dict[str, dict[str, dict[str, int]]] = {}
    totals = {"received": 0, "resolved": 0, "on_time": 0, "overdue": 0}
    for proc, month, received, done, on_time, overdue in conn.execute(sql, (today.isoformat(), start, end)):
        row = {"received": received, "resolved": done or 0, "on_time": on_time or 0, "overdue": overdue or 0}
        table.setdefault(str(proc), {})[month] = row
        for k in totals:
            totals[k] += row[k]
    open_overdue = conn.execute(
        f"SELECT COUNT(*) FROM dossiers x WHERE {st} NOT IN ({statuses}, 'withdrawn') AND substr({due}, 1, 10) < ?"
        f"{only}",
        (today.isoformat(),)).fetchone()[0]
    summary = {**totals, "on_time_rate": round(totals["on_time"] / totals["resolved"], 4) if totals["resolved"] else None,
               "overdue_now": open_overdue}
    return {"by_procedure": table, "summary": summary}


def feedback(conn: sqlite3.Connection, start: str, end: str) -> Optional[dict[str, Any]]:
    """``{category: {"count", "resolved_at_once"}}``: feedback dossiers (``dossiers.kind = 'feedback'``) by
    the field of work they were routed to, ``resolved_at_once`` those the desk answered itself (triage
    ``desk``; not routed: its procedure); or a ``feedback`` table when a build keeps one. None when there is neither."""
    if "dossiers" in _tables(conn) and {"kind", "triage", "received"} <= _cols(conn, "dossiers"):
        category = "COALESCE(NULLIF(route_field, ''), procedure)" if "route_field" in _cols(conn, "dossiers") \
            else "procedure"
        sql = (f"SELECT {category}, COUNT(*), SUM(triage = 'desk') FROM dossiers WHERE kind = 'feedback' AND "
               "substr(received, 1, 10) BETWEEN ? AND ? GROUP BY 1")
        return {str(c) or UNKNOWN: {"count": n, "resolved_at_once": s or 0} for c, n, s in conn.execute(sql, (start, end))}
    if "feedback" not in _tables(conn):
        return None
    cols = _cols(conn, "feedback")
    category = _pick(cols, "category", "kind")
    if category is None:
        return None
    at = _pick(cols, "at", "received", "created")
    once = _pick(cols, "resolved_at_once", "at_once")
    where = f" WHERE substr({at}, 1, 10) BETWEEN ? AND ?" if at else ""
    sql = f"SELECT {category}, COUNT(*), {f'SUM({once})' if once else 'NULL'} FROM feedback{where} GROUP BY 1"
    return {str(c): {"count": n, "resolved_at_once": s} for c, n, s in conn.execute(sql, (start, end) if at else ())}
