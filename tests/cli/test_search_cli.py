"""``docmgr search`` and ``docmgr reindex`` as CLI.md states them, in real subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.fixtures.builders import DECISION, text_pdf


def test_search_and_reindex(cli: Any, inputs: Path) -> None:
    (inputs / "qd.txt").write_text("\n".join(DECISION), encoding="utf-8")
    text_pdf(inputs / "two.pdf", [["Trang một: thông báo chung."], ["Trang hai: sổ hộ khẩu số 092201001234."]])
    (inputs / "khac.txt").write_text("Đơn đề nghị cấp giấy chứng nhận quyền sử dụng đất", encoding="utf-8")
    assert cli("ingest", inputs).returncode == 0

    r = cli.json("search", "dang ky khai sinh")
    assert set(r) >= {"query", "total", "suggestion", "facets", "hits"}
    assert r["total"] == 1 and r["hits"][0]["filename"] == "qd.txt"
    assert "«đăng» «ký» «khai» «sinh»" in r["hits"][0]["snippet"]
    assert set(r["facets"]) == {"type", "year"}

    r = cli.json("search", "092201001234")
    assert r["hits"][0]["filename"] == "two.pdf" and r["hits"][0]["page"] == 2

    r = cli.json("search", "2820/QĐ-UBND")
    assert r["hits"][0]["filename"] == "qd.txt"

    r = cli.json("search", "--limit", "1", "nhận")
    assert r["total"] == 2 and len(r["hits"]) == 1

    proc = cli("search", "--json", '"khai sinh')
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "unclosed quote" in json.loads(proc.stdout)["error"]
    proc = cli("search", "--json", "foo:bar")
    assert proc.returncode == 2 and "unknown field" in json.loads(proc.stdout)["error"]

    done = cli.json("reindex")
    assert done["documents"] == 3 and done["engine"] == "whoosh"
    assert cli.json("search", "so ho khau")["hits"][0]["filename"] == "two.pdf"

    human = cli("search", "khai sinh")
    assert human.returncode == 0 and "qd.txt" in human.stdout

    check = cli.json("check")
    assert check["ok"], check


def test_search_imports_no_engine_before_it_runs() -> None:
    code = ("import sys; from docmgr.cli.main import build_parser; build_parser(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('whoosh', 'tantivy', 'PySide6', 'sklearn')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
