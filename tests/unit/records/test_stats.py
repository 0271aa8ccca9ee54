"""Leaders' figures: documents per issuer and month of arrival, dossiers per procedure and month (received,
resolved, on time, overdue) read from the dossier tables when present, CSV/XLSX, the CLI JSON shape."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from docmgr.services import register, stats
from tests.fixtures.catalog_docs import file_doc


def _dossiers(library: Any) -> None:
    conn = library.catalog.connection()
    conn.execute("CREATE TABLE dossiers (code TEXT PRIMARY KEY, procedure TEXT, received TEXT, due TEXT, status TEXT)")
    conn.execute("CREATE TABLE dossier_history (dossier_code TEXT, at TEXT, status TEXT, actor TEXT, note TEXT)")
    rows = [("HS1", "1.001193", "2026-03-02T08:00:00+07:00", "2026-03-05", "done", "2026-03-04T10:00:00+07:00"),
            ("HS2", "1.001193", "2026-03-03T08:00:00+07:00", "2026-03-06", "done", "2026-03-09T10:00:00+07:00"),
            ("HS3", "1.001193", "2026-03-10T08:00:00+07:00", "2026-03-13", "in-progress", None),
            ("HS4", "1.001193", "2026-04-01T08:00:00+07:00", "2026-12-30", "received", None),
            ("HS5", "2.000488", "2026-03-20T08:00:00+07:00", "2026-03-21", "withdrawn", None)]
    for code, proc, received, due, status, resolved in rows:
        conn.execute("INSERT INTO dossiers VALUES (?, ?, ?, ?, ?)", (code, proc, received, due, status))
        if resolved:
            conn.execute("INSERT INTO dossier_history VALUES (?, ?, ?, 'x', '')", (code, resolved, status))


def test_figures_over_documents_and_dossiers(library: Any, tmp_path: Path) -> None:
    a = file_doc(library, ["a"], fields={"issuer": "UBND phường Ninh Kiều"})
    file_doc(library, ["b"], fields={"issuer": "UBND phường Ninh Kiều"})
    file_doc(library, ["c"], fields={"issuer": "Sở Tư pháp"})
    file_doc(library, ["d"])
    register.add(library, a, arrived=datetime(2026, 2, 3, 9, tzinfo=timezone.utc))
    month = date.today().isoformat()[:7]
    result = stats.compute(library, date(2026, 1, 1), date.today(), today=date(2026, 3, 20))
    assert result["documents"]["UBND phường Ninh Kiều"] == {"2026-02": 1, month: 1}
    assert result["documents"]["Sở Tư pháp"] == {month: 1} and result["documents_total"] == 4
    assert result["dossiers"] == {}  # no dossier tables in this build yet

    _dossiers(library)
    result = stats.compute(library, date(2026, 1, 1), date(2026, 12, 31), today=date(2026, 3, 20))
    assert result["dossiers"]["1.001193"]["2026-03"] == {"received": 3, "resolved": 2, "on_time": 1, "overdue": 2}
    assert result["dossiers"]["1.001193"]["2026-04"] == {"received": 1, "resolved": 0, "on_time": 0, "overdue": 0}
    assert result["dossiers"]["2.000488"]["2026-03"]["overdue"] == 0  # withdrawn: not overdue
    assert result["dossier_summary"]["on_time_rate"] == 0.5 and result["dossier_summary"]["overdue_now"] == 1
    march = stats.compute(library, date(2026, 3, 1), date(2026, 3, 31), today=date(2026, 3, 20))
    assert "2026-04" not in march["dossiers"]["1.001193"]

    rows = list(csv.reader(stats.write(result, tmp_path / "t.csv").open(encoding="utf-8-sig")))
    assert rows[0] == list(stats.CSV_HEADER) and ["dossiers", "1.001193", "2026-03", "3", "2", "1", "2", ""] in rows
    from openpyxl import load_workbook

    ws = load_workbook(stats.write(result, tmp_path / "t.xlsx")).active
    assert ws.cell(1, 1).value == "section" and ws.max_row == len(rows)


def test_stats_cli_shape(cli: Any, tmp_path: Path) -> None:
    proc = cli("stats", "--from", "2026-01-01", "--to", "2026-12-31", "--json", "-o", tmp_path / "s.xlsx")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {"dossiers", "documents"} <= set(data) and (tmp_path / "s.xlsx").exists()
    assert cli("stats", "--from", "2026-02-01", "--to", "2026-01-01").returncode == 2


def test_the_dossier_components_tables_feedback_kind_and_history(library: Any) -> None:
    """The shape the dossiers component keeps (kind dossier|feedback, history by code, triage)."""
    conn = library.catalog.connection()
    conn.execute("CREATE TABLE dossiers (code TEXT PRIMARY KEY, procedure TEXT, kind TEXT, received TEXT, due TEXT, "
                 "status TEXT, triage TEXT, route_field TEXT)")
    conn.execute("CREATE TABLE dossier_history (id INTEGER PRIMARY KEY, code TEXT, at TEXT, status TEXT, action TEXT)")
    conn.executemany("INSERT INTO dossiers VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
        ("D1", "1.001193", "dossier", "2026-03-02T08:00:00+07:00", "2026-03-05", "done", None, None),
        ("F1", "2.002", "feedback", "2026-03-02T08:00:00+07:00", "2026-03-12", "done", "desk", None),
        ("F2", "2.002", "feedback", "2026-03-03T08:00:00+07:00", "2026-03-13", "in-progress", "agency", "dat-dai"),
        ("F3", "2.002", "feedback", "2026-03-04T08:00:00+07:00", "2026-03-14", "received", "agency", "dat-dai")])
    conn.execute("INSERT INTO dossier_history (code, at, status, action) VALUES ('D1', '2026-03-04T09:00:00+07:00', "
                 "'done', 'status')")
    result = stats.compute(library, date(2026, 1, 1), date(2026, 12, 31), today=date(2026, 3, 20))
    assert list(result["dossiers"]) == ["1.001193"]  # feedback is not counted as dossiers
    assert result["dossiers"]["1.001193"]["2026-03"] == {"received": 1, "resolved": 1, "on_time": 1, "overdue": 0}
    assert result["feedback"] == {"2.002": {"count": 1, "resolved_at_once": 1},
                                  "Đất đai": {"count": 2, "resolved_at_once": 0}}
