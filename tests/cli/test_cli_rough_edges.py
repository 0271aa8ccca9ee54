"""What a new user meets first: a pipe closed early, repeated delete/restore, a mistyped --type,
clearing a field, a file named .pdf that is none, the quarantine after a PDF is filed with its password."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from tests.fixtures.builders import DECISION, text_pdf


def _bulk(library_path: Path, n: int) -> None:
    from docmgr.services.library import open_library
    from tests.fixtures.catalog_docs import bulk_docs

    bulk_docs(open_library(library_path), n)


def test_list_json_into_head_prints_no_traceback(cli: Any, library_path: Path) -> None:
    _bulk(library_path, 3000)  # far more than a pipe holds
    shell = " ".join(f"'{a}'" for a in cli.command("list", "--json"))
    proc = subprocess.run(["sh", "-c", f"{shell} | head -n 1"], capture_output=True, text=True, env=cli.env,
                          timeout=120)
    assert json.loads(proc.stdout)["id"] == 1
    assert proc.stderr == "", proc.stderr


def test_deleting_or_restoring_twice_fails_clearly(cli: Any, inputs: Path) -> None:
    (inputs / "a.txt").write_text("\n".join(DECISION), encoding="utf-8")
    [row] = cli.json_lines("ingest", inputs / "a.txt")
    assert cli("delete", row["id"]).returncode == 0
    again = cli("delete", row["id"])
    assert again.returncode == 2 and "already in the trash" in again.stderr
    assert cli("restore", row["id"]).returncode == 0
    again = cli("restore", row["id"])
    assert again.returncode == 2 and "not in the trash" in again.stderr
    assert cli("delete", 999).returncode == 2


def test_an_unknown_type_suggests_close_ones_and_types_lists_them(cli: Any) -> None:
    proc = cli("list", "--type", "quy")
    assert proc.returncode == 2
    assert "QD (Quyết định)" in proc.stderr and "docmgr types" in proc.stderr
    types = cli.json_lines("types")
    assert {"code": "QD", "name": "Quyết định"}.items() <= next(t for t in types if t["code"] == "QD").items()
    assert "docmgr types" in cli("list", "--help").stdout


def test_confirm_field_empty_clears_and_unknown_key_is_exit_2(cli: Any, inputs: Path) -> None:
    (inputs / "a.txt").write_text("\n".join(DECISION), encoding="utf-8")
    [row] = cli.json_lines("ingest", inputs / "a.txt")
    shown = cli.json("confirm", row["id"], "--type", "QD", "--field", "number=12/QĐ-UBND")
    assert shown["fields"]["number"] == "12/QĐ-UBND"
    cleared = cli.json("confirm", row["id"], "--field", "number=")
    assert "number" not in cleared["fields"]
    bad = cli("confirm", row["id"], "--field", "foo=bar")
    assert bad.returncode == 2 and "unknown field 'foo'" in bad.stderr
    assert "foo" not in cli.json("show", row["id"])["fields"]


def test_a_file_named_pdf_that_is_not_a_pdf_is_rejected(cli: Any, inputs: Path) -> None:
    (inputs / "hop-dong.pdf").write_text("Hợp đồng thuê nhà (bản nháp)\n", encoding="utf-8")
    [row] = cli.json_lines("ingest", inputs / "hop-dong.pdf")
    assert row["status"] == "rejected" and row["error"] == "named .pdf but is not a PDF"


def test_the_quarantine_copy_goes_once_the_pdf_is_filed_with_its_password(cli: Any, inputs: Path,
                                                                         library_path: Path) -> None:
    pdf = text_pdf(inputs / "mat.pdf", [DECISION], password="bi-mat")
    [first] = cli.json_lines("ingest", pdf)
    assert first["status"] == "rejected"
    quarantine = library_path / "quarantine"
    assert len([p for p in quarantine.iterdir() if not p.name.endswith(".reason.txt")]) == 1
    [second] = cli.json_lines("ingest", pdf, "--password", "bi-mat")
    assert second["status"] == "filed"
    assert list(quarantine.iterdir()) == []
