"""``docmgr stats``: the leaders' figures over a date range, as JSON, CSV or XLSX (see :mod:`docmgr.records.stats`)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any, Optional

from docmgr.core.atomic import atomic_output
from docmgr.core.errors import UsageError
from docmgr.core.library import Library
from docmgr.records import stats as figures

CSV_HEADER = ("section", "group", "month", "received", "resolved", "on_time", "overdue", "count")


def compute(library: Library, start: Optional[date] = None, end: Optional[date] = None,
            today: Optional[date] = None) -> dict[str, Any]:
    """``{"from", "to", "dossiers": {procedure: {month: {received, resolved, on_time, overdue}}},
    "documents": {issuer: {month: n}}, "dossier_summary", "fields_of_work", "feedback"}``."""
    today = today or date.today()
    start = start or date(today.year, 1, 1)
    end = end or today
    if end < start:
        raise UsageError(f"--to {end} is before --from {start}")
    conn = library.catalog.connection()
    s, e = start.isoformat(), end.isoformat()
    docs = figures.documents(conn, s, e)
    dossiers = figures.dossiers(conn, s, e, today)
    feedback = figures.feedback(conn, s, e)
    return {
        "from": s, "to": e,
        "dossiers": dossiers["by_procedure"] if dossiers else {},
        "documents": docs["by_issuer"],
        "dossier_summary": dossiers["summary"] if dossiers else None,
        "documents_total": docs["total"],
        "fields_of_work": {_field_name(code): n for code, n in docs["by_field_of_work"].items()},
        "feedback": {_field_name(k): v for k, v in feedback.items()} if feedback is not None else None,
    }


def _field_name(code: str) -> str:
    from docmgr.services.documents import field_of_work_display

    return (field_of_work_display(code) if code != figures.UNKNOWN else None) or code


def rows(result: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The figures as flat rows (:data:`CSV_HEADER`)."""
    out: list[tuple[Any, ...]] = []
    for proc, months in sorted(result["dossiers"].items()):
        for month, v in sorted(months.items()):
            out.append(("dossiers", proc, month, v["received"], v["resolved"], v["on_time"], v["overdue"], ""))
    for issuer, months in sorted(result["documents"].items()):
        for month, n in sorted(months.items()):
            out.append(("documents", issuer, month, "", "", "", "", n))
    for fow, n in sorted(result["fields_of_work"].items()):
        out.append(("field_of_work", fow, "", "", "", "", "", n))
    for category, v in sorted((result["feedback"] or {}).items()):
        out.append(("feedback", category, "", "", v["resolved_at_once"] or "", "", "", v["count"]))
    return out


def write(result: dict[str, Any], target: Path) -> Path:
    """Write the figures as ``.csv`` (UTF-8 with BOM) or ``.xlsx`` (atomically)."""
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise UsageError(f"{target}: statistics are written as .csv or .xlsx")
    with atomic_output(target) as part:
        if suffix == ".csv":
            with part.open("w", encoding="utf-8-sig", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(CSV_HEADER)
                writer.writerows(rows(result))
        else:
            from openpyxl import Workbook

            wb = Workbook()
            ws = wb.active
            ws.title = "Thong ke"
            ws.append(list(CSV_HEADER))
            for row in rows(result):
                ws.append(list(row))
            wb.save(part)
    return target
