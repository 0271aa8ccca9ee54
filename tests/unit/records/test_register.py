"""The incoming register: yearly series from 1, no gaps or repeats under two real processes and after a
killed one, a document once per book, the secret book, columns from the fields, CSV/XLSX/PDF."""

from __future__ import annotations

import csv
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from docmgr.core.errors import UsageError
from docmgr.services import register
from tests.conftest import ROOT
from tests.fixtures.catalog_docs import file_doc

FIELDS = {"number": "15/QĐ-UBND", "issued": "2026-01-05", "issuer": "UBND phường Ninh Kiều",
          "summary": "Về việc công nhận kết quả đăng ký khai sinh"}


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def test_numbers_run_from_1_each_year_and_a_document_is_entered_once(library: Any) -> None:
    ids = [file_doc(library, [f"văn bản {i}"], type_code="QD", fields=FIELDS) for i in range(4)]
    first, created = register.add(library, ids[0], arrived=at("2025-12-31T16:00:00"))
    assert (first.year, first.number, created) == (2025, 1, True)
    assert [register.add(library, i, arrived=at("2026-01-01T08:00:00"))[0].number for i in ids[1:]] == [1, 2, 3]
    again, created = register.add(library, ids[2], arrived=at("2026-02-01T08:00:00"))
    assert (again.number, again.year, created) == (2, 2026, False)
    row = register.rows(library, year=2026)[0]
    assert (row.sender, row.doc_number, row.doc_date) == ("UBND phường Ninh Kiều", "15/QĐ-UBND", "2026-01-05")
    assert row.type_summary == "Quyết định — Về việc công nhận kết quả đăng ký khai sinh"
    assert row.arrived == "2026-01-01" and row.number_text == "01"


def test_secret_documents_go_to_their_own_book(library: Any) -> None:
    secret = file_doc(library, ["MẬT"], type_code="CV", fields={**FIELDS, "secrecy": "Mật"})
    plain = file_doc(library, ["thường"], type_code="CV", fields=FIELDS)
    with pytest.raises(UsageError, match="secret"):
        register.add(library, secret)
    entry, _ = register.add(library, secret, book="mat")
    assert (entry.book, entry.number) == ("mat", 1) and "Mật" in entry.notes
    assert register.add(library, plain)[0].number == 1  # its own series
    assert register.add(library, plain, book="mat")[0].number == 2  # once per book, not once overall
    with pytest.raises(UsageError, match="unknown register book"):
        register.add(library, plain, book="xyz")


def test_secrecy_mark_warns_at_intake(library: Any, inputs: Path) -> None:
    from docmgr.services.ingest import ingest_paths

    (inputs / "mat.txt").write_text("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nMẬT\nSố: 12/CV-UBND\nCÔNG VĂN\n"
                                    "V/v bảo vệ bí mật nhà nước\n", encoding="utf-8")
    (result,) = ingest_paths(library, [inputs / "mat.txt"])
    assert result.status == "filed" and "TT 03/2025" in (result.warning or "")
    assert result.to_json()["warning"] == result.warning


def test_exports_csv_xlsx_pdf(library: Any, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    ids = [file_doc(library, [f"v {i}"], type_code="QD", fields=FIELDS) for i in range(3)]
    for i in ids:
        register.add(library, i, arrived=at("2026-03-02T09:00:00"), recipient="Phòng Tư pháp")
    rows = list(csv.reader(register.export(library, tmp_path / "so.csv", year=2026).open(encoding="utf-8-sig")))
    assert rows[0][2:] == ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Ngày tháng văn bản",
                           "Tên loại và trích yếu nội dung", "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận",
                           "Ghi chú"]
    assert [r[3] for r in rows[1:]] == ["01", "02", "03"] and rows[1][2] == "02/03/2026"
    ws = load_workbook(register.export(library, tmp_path / "so.xlsx")).active
    assert ws.cell(3, 4).value == 1 and ws.cell(3, 5).value == "UBND phường Ninh Kiều"
    pdf = register.export(library, tmp_path / "so.pdf", year=2026)
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in text and "Phòng Tư pháp" in text and "Từ số 01 đến số 03" in text
    with pytest.raises(UsageError):
        register.export(library, tmp_path / "so.doc")


_WORKER = """
import sys
from docmgr.services.library import open_library
from docmgr.services import register
library = open_library(sys.argv[1])
for doc_id in map(int, sys.argv[2].split(',')):
    register.add(library, doc_id)
    print(doc_id, flush=True)
"""


def _worker(library: Any, ids: list[int]) -> subprocess.Popen[str]:
    import os

    env = dict(os.environ, PYTHONPATH=str(ROOT), DOCMGR_USER="vanthu")
    return subprocess.Popen([sys.executable, "-c", _WORKER, str(library.root), ",".join(map(str, ids))],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _assert_series(library: Any, expected: int) -> None:
    rows = register.rows(library)
    assert sorted(r.number for r in rows) == list(range(1, expected + 1))  # no gap, no repeat
    assert len({r.doc_id for r in rows}) == expected
    last = library.catalog.connection().execute("SELECT last FROM register_series").fetchone()[0]
    assert last == expected


@pytest.mark.slow
def test_two_processes_registering_at_once(library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCMGR_USER", "vanthu")
    ids = [file_doc(library, [f"văn bản {i}"], type_code="CV") for i in range(80)]
    procs = [_worker(library, ids[0::2]), _worker(library, ids[1::2])]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    _assert_series(library, 80)


@pytest.mark.slow
def test_a_process_killed_while_registering_leaves_no_gap(library: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCMGR_USER", "vanthu")
    ids = [file_doc(library, [f"văn bản {i}"], type_code="CV") for i in range(400)]
    proc = _worker(library, ids)
    conn = library.catalog.connection()
    register.ensure(library)
    deadline = time.monotonic() + 120
    while conn.execute("SELECT COUNT(*) FROM register_entries").fetchone()[0] < 15 and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.kill()  # mid-loop: most of its time is spent inside a registration
    proc.communicate()
    done = conn.execute("SELECT COUNT(*) FROM register_entries").fetchone()[0]
    assert 15 <= done < 400
    _assert_series(library, done)
    for doc_id in ids:  # the clerk carries on: the rest get the next numbers, the done ones keep theirs
        register.add(library, doc_id)
    _assert_series(library, 400)


def test_search_snippets_mask_id_numbers_unless_asked(library: Any) -> None:
    from docmgr.services.search import search

    from docmgr.services.indexing import sync_index

    file_doc(library, ["Tờ khai của Nguyễn Văn An, số định danh 092123456789, đăng ký khai sinh"])
    sync_index(library)  # file_doc writes the catalog only; filing services bring the index up to date
    hit = search(library, "khai sinh")["hits"][0]
    assert "092123456789" not in hit["snippet"] + hit["title"] and "092*******89" in hit["snippet"]
    assert "092123456789" in search(library, "khai sinh", unmasked=True)["hits"][0]["snippet"]


def test_register_cli(cli: Any, library: Any, tmp_path: Path) -> None:
    doc = file_doc(library, ["v"], type_code="CV", fields=FIELDS)
    cli.env["DOCMGR_USER"] = "vanthu"
    out = cli.json("register", "add", doc, "--arrived", "2026-03-02T09:00")
    assert (out["book"], out["year"], out["number"], out["doc_id"]) == ("den", 2026, 1, doc)
    assert cli.json("register", "add", doc)["number"] == 1  # again: its existing entry
    rows = cli.json_lines("register", "list", "--year", "2026")
    assert len(rows) == 1 and rows[0]["doc_number"] == "15/QĐ-UBND"
    proc = cli("register", "export", "--year", "2026", "-o", tmp_path / "so.xlsx")
    assert proc.returncode == 0 and (tmp_path / "so.xlsx").exists()
    assert cli("register", "add", doc, "--book", "nope").returncode == 2


def test_an_id_number_the_user_searched_for_is_shown(library: Any) -> None:
    from docmgr.services.search import search

    from docmgr.services.indexing import sync_index

    file_doc(library, ["Tờ khai của Nguyễn Văn An, số định danh 092123456789, người làm chứng 092987654321"])
    sync_index(library)
    snippet = search(library, "092123456789")["hits"][0]["snippet"]
    assert "«092123456789»" in snippet and "092987654321" not in snippet
