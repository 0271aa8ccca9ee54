"""CLI shapes of classify, confirm, train and ingest --type (CLI.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CONTRACT_TEXT = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                 "Số: 15/QĐ-UBND\nCần Thơ, ngày 05 tháng 01 năm 2026\nQUYẾT ĐỊNH\n"
                 "Về việc công nhận kết quả đăng ký khai sinh\nCăn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;\n")


def test_classify_confirm_train_shapes(cli: Any, inputs: Path) -> None:
    qd = inputs / "quyet-dinh.txt"
    qd.write_text(CONTRACT_TEXT, encoding="utf-8")
    (inputs / "empty.pdf").write_bytes(b"")
    proc = cli("classify", "--json", qd, inputs / "empty.pdf")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    row, bad = [json.loads(line) for line in proc.stdout.splitlines()]
    assert row["path"] == str(qd) and row["type"] == "Quyết định" and row["type_code"] == "QD"
    assert row["fields"]["number"] == "15/QĐ-UBND" and row["fields"]["issued"] == "2026-01-05"
    assert row["needs_review"] is False and 0 < row["confidence"] <= 1 and len(row["candidates"]) == 3
    assert set(row["candidates"][0]) == {"type", "type_code", "probability"} and row["why"]
    assert set(row["field_confidence"]) == set(row["fields"]) and row["field_of_work"] == "Hộ tịch"
    assert bad["error"] and bad["path"].endswith("empty.pdf")
    assert cli.json_lines("list") == []  # classify files nothing

    [filed] = cli.json_lines("ingest", "--type", "BÁO CÁO", qd)
    assert filed["status"] == "filed" and filed["type"] == "Báo cáo"
    shown = cli.json("confirm", filed["id"], "--type", "quyet dinh", "--field", "number=16/QĐ-UBND")
    assert shown["status"] == "confirmed" and shown["type"] == "Quyết định" and shown["fields"]["number"] == "16/QĐ-UBND"
    trained = cli.json("train")
    assert trained["documents"] == 1 and set(trained["labels"]) >= {"type", "field_of_work"}
    assert set(trained["labels"]["type"]) >= {"macro_f1", "classes"}

    ambiguous = cli("ingest", "--json", "--type", "tờ khai", qd)
    assert ambiguous.returncode == 2 and "TK-KS" in json.loads(ambiguous.stdout)["error"]
