"""Feedback dossiers: the classifier's triage routes them; the clerk can route and records the answer."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from docmgr.core.errors import UsageError
from docmgr.services import dossier_feedback as fb
from docmgr.services import dossiers as svc
from docmgr.services.ingest import ingest_file

PAKN = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
ĐƠN PHẢN ÁNH, KIẾN NGHỊ
Kính gửi: Bộ phận một cửa phường Cái Khế
Tôi nộp hồ sơ đăng ký khai sinh cho con ngày 02/3 nhưng chưa biết khi nào nhận kết quả, xin hỏi giờ trả kết quả.
"""


def test_a_feedback_dossier_is_routed_by_the_classifier_and_answered(library: Any, inputs: Path) -> None:
    (inputs / "pakn.txt").write_text(PAKN, encoding="utf-8")
    filed = ingest_file(library, inputs / "pakn.txt")
    label, _ = fb.triage_of_document(library, int(filed.id))
    assert label in ("desk", "agency")  # the starter triage model labels a PAKN letter
    d = svc.new_dossier(library, "PHAN-ANH", svc.ApplicantInput("Lê Văn Cường", phone="0909000111"),
                        datetime(2026, 11, 20, 10, 0))
    assert d["due"] == "2026-12-07"  # 10 working days: Fri 20/11 → skips 24/11 (Ngày Văn hóa Việt Nam)
    d = svc.attach(library, d["code"], [int(filed.id)])
    assert d["feedback"]["triage"] == label
    assert d["history"][-1]["action"] == "route" and "(tự động)" in d["history"][-1]["note"]
    d = fb.route(library, d["code"], "agency", "dat-dai", note="thuộc thẩm quyền đất đai")
    assert d["feedback"] == {**d["feedback"], "triage": "agency", "field_of_work": "dat-dai"}
    assert "Đất đai" in d["history"][-1]["note"]
    d = fb.answer(library, d["code"], "Đã chuyển Phòng Kinh tế xem xét, trả lời trước ngày 07/12/2026.")
    assert d["status"] == "done" and d["feedback"]["answer"].startswith("Đã chuyển")
    assert d["feedback"]["answered_by"] and d["feedback"]["answered_at"]
    with pytest.raises(UsageError, match="cannot be answered"):
        fb.answer(library, d["code"], "lần nữa")


def test_only_feedback_dossiers_are_routed(library: Any) -> None:
    d = svc.new_dossier(library, "KHAI-SINH", svc.ApplicantInput("An"), datetime(2026, 3, 2, 9))
    with pytest.raises(UsageError, match="not a feedback dossier"):
        fb.route(library, d["code"], "desk")
    e = svc.new_dossier(library, "PHAN-ANH", svc.ApplicantInput("Bình"), datetime(2026, 3, 2, 9))
    with pytest.raises(UsageError, match="unknown triage label"):
        fb.route(library, e["code"], "later")
