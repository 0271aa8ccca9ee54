"""The command line as outside checkers call it: JSON shapes, exit codes, interrupts, killed writers."""

from __future__ import annotations

import json
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.builders import DECISION, image_pdf, render_lines, text_pdf


def test_version_and_help(cli: Any) -> None:
    proc = cli("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("docmgr ")
    assert cli("ingest", "--help").returncode == 0


def test_ingest_show_list_delete_restore_check(cli: Any, inputs: Path) -> None:
    (inputs / "quyết định.txt").write_text("\n".join(DECISION), encoding="utf-8")
    text_pdf(inputs / "qd.pdf", [DECISION])
    (inputs / "empty.pdf").write_bytes(b"")
    proc = cli("ingest", "--json", inputs / "quyết định.txt", inputs / "qd.pdf", inputs / "empty.pdf")
    assert proc.returncode == 1, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["status"] for r in rows] == ["filed", "filed", "rejected"]
    assert rows[0]["path"] == str(inputs / "quyết định.txt") and rows[0]["text_source"] == "plain"
    assert rows[1]["text_source"] == "text-layer" and rows[1]["pages"] == 1
    assert rows[2]["id"] is None and "empty" in rows[2]["error"]
    assert "rejected" in proc.stderr and "empty.pdf" in proc.stderr and "Traceback" not in proc.stderr

    shown = cli.json("show", rows[0]["id"])
    assert shown["filename"] == "quyết định.txt" and shown["pages"][0]["source"] == "plain"
    assert "Nguyễn Thị Hồng Nhung" in shown["pages"][0]["text"]

    assert [r["id"] for r in cli.json_lines("list")] == [rows[0]["id"], rows[1]["id"]]
    assert cli("delete", rows[0]["id"]).returncode == 0
    assert [r["id"] for r in cli.json_lines("list")] == [rows[1]["id"]]
    assert [r["status"] for r in cli.json_lines("list", "--status", "trashed")] == ["trashed"]
    assert cli("restore", rows[0]["id"]).returncode == 0
    assert len(cli.json_lines("list")) == 2

    check = cli("check", "--json")
    assert check.returncode == 0 and json.loads(check.stdout)["ok"] is True


def test_usage_errors_exit_2(cli: Any) -> None:
    proc = cli("show", "abc", "--json")
    assert proc.returncode == 2 and "error" in json.loads(proc.stdout)
    proc = cli("show", "999")
    assert proc.returncode == 2 and "no document with id 999" in proc.stderr
    assert cli("list", "--status", "lost").returncode == 2
    assert cli("frobnicate").returncode == 2


def test_check_exit_1_on_a_damaged_original(cli: Any, inputs: Path, library_path: Path) -> None:
    (inputs / "a.txt").write_text("Tờ trình", encoding="utf-8")
    cli("ingest", inputs / "a.txt")
    original = next(p for p in (library_path / "originals").rglob("*.txt"))
    original.chmod(0o644)
    original.write_text("Tờ trình (đã sửa)", encoding="utf-8")
    proc = cli("check", "--json")
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["problems"][0]["kind"] == "checksum"


def _scans(inputs: Path, count: int) -> list[Path]:
    page = render_lines(DECISION, size=36, width=1500)
    return [image_pdf(inputs / f"scan{i}.pdf", [page.rotate(0.01 * i, fillcolor=255)] * 2) for i in range(count)]


def _wait_for_first_result(proc: Any) -> dict[str, Any]:
    line = proc.stdout.readline()
    assert line, proc.stderr.read()
    return json.loads(line)


@pytest.mark.tesseract
@pytest.mark.skipif(sys.platform == "win32", reason="Windows cannot send Ctrl-C to one child process: "
                    "CTRL_C_EVENT reaches every process of the console group, the test runner too")
def test_ctrl_c_finishes_or_rolls_back_and_exits_130(cli: Any, inputs: Path) -> None:
    files = _scans(inputs, 4)
    proc = cli.popen("ingest", "--json", *files)
    first = _wait_for_first_result(proc)
    assert first["status"] == "filed"
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    printed = [first] + [json.loads(line) for line in out.splitlines() if line.strip()]
    assert len(printed) < len(files)
    listed = cli.json_lines("list")
    assert sorted(r["id"] for r in listed) == sorted(r["id"] for r in printed if r["status"] == "filed")
    check = cli("check", "--json")
    assert check.returncode == 0, check.stdout


@pytest.mark.tesseract
def test_a_killed_ingest_leaves_a_consistent_library(cli: Any, inputs: Path) -> None:
    files = _scans(inputs, 4)
    proc = cli.popen("ingest", "--json", *files)
    _wait_for_first_result(proc)
    time.sleep(0.3)
    proc.kill()
    proc.communicate(timeout=30)
    assert cli("check").returncode == 0
    again = cli.json_lines("ingest", *files)  # no stale lock; what was filed is found as a duplicate
    assert {r["status"] for r in again} <= {"filed", "duplicate"}
    assert len(cli.json_lines("list")) == len(files)
