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


def test_dossier_commands(cli: Any) -> None:
    d = cli.json("dossier", "new", "--procedure", "XN-HON-NHAN", "--applicant", "Nguyễn Văn An", "--phone",
                 "0912345678", "--received", "2026-08-19T09:00")
    assert d["due"] == "2026-08-22" and d["status"] == "received" and d["appointment"]["date"] == "2026-08-22"
    code = d["code"]
    assert code.endswith("-260819-0001")
    check = cli("dossier", "check", code, "--json")
    assert check.returncode == 1 and '"to-khai"' in check.stdout
    bad = cli("dossier", "status", code, "returned")
    assert bad.returncode == 2 and "cannot become returned" in bad.stderr
    ok = cli.json("dossier", "status", code, "in-progress", "--note", "chuyển tư pháp")
    assert ok["history"][-1]["note"] == "chuyển tư pháp"
    assert [x["code"] for x in cli.json_lines("dossier", "find", "NGUYEN VAN AN")] == [code]
    assert [x["code"] for x in cli.json_lines("dossier", "find", "0912345678")] == [code]
    assert [x["code"] for x in cli.json_lines("dossier", "list", "--overdue")] == [code]  # due in August 2026
    missing = cli("dossier", "show", "NO-SUCH-CODE", "--json")
    assert missing.returncode == 2 and "no dossier" in missing.stdout


def test_form_commands_write_pdfs_and_print_the_path(cli: Any, tmp_path: Any) -> None:
    code = cli.json("dossier", "new", "--procedure", "KHAI-SINH", "--applicant", "Trần Thị Bích")["code"]
    # supplement-request and tracking-sheet share this code path (receipt.form_command); their PDFs are
    # checked in tests/unit/services/test_dossier_forms.py
    for args in (("receipt",), ("refusal", "--reason", "Sai thẩm quyền")):
        out = tmp_path / f"{args[0]}.pdf"
        p = cli(args[0], code, *args[1:], "-o", out)
        assert p.returncode == 0, p.stderr
        assert p.stdout.strip() == str(out) and out.read_bytes().startswith(b"%PDF")
    assert cli("refusal", code, "-o", tmp_path / "x.pdf").returncode == 2  # --reason is required
    checklist = tmp_path / "mang-theo.pdf"
    p = cli("procedure", "find", "sang tên sổ đỏ", "--checklist", checklist)
    assert p.returncode == 0 and checklist.exists() and "DAT-BIEN-DONG" in p.stdout
