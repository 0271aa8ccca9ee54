"""The Records commands of CLI.md, run as real subprocesses against a real library."""

from __future__ import annotations

from typing import Any


def test_calendar_due_and_days(cli: Any) -> None:
    p = cli("calendar", "due", "--from", "2026-08-21T15:30", "--days", "1")
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "2026-08-24"
    days = cli.json_lines("calendar", "days", "--year", "2026")
    by_date = {d["date"]: d for d in days}
    assert by_date["2026-08-22"]["kind"] == "work" and by_date["2026-11-24"]["kind"] == "off"
    bad = cli("calendar", "due", "--from", "yesterday", "--days", "1")
    assert bad.returncode == 2 and "not a date-time" in bad.stderr


def test_procedure_list_and_due_by_procedure(cli: Any) -> None:
    procs = cli.json_lines("procedure", "list")
    assert len(procs) >= 13
    birth = next(p for p in procs if p["code"] == "KHAI-SINH")
    assert birth["time_limit"] == {"value": 0, "unit": "on_the_spot"}
    assert {"code", "name", "types", "copy_kind", "required", "condition"} <= set(birth["components"][0])
    p = cli("calendar", "due", "--from", "2026-04-24T10:00", "--procedure", "XN-HON-NHAN")
    assert p.stdout.strip() == "2026-05-04", p.stderr
