"""Dossiers over a real library: completeness from classified documents, workflow, codes, lookups, due lists."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from docmgr.core.errors import UsageError
from docmgr.records.workflow import IllegalTransition
from docmgr.services import dossiers as svc
from docmgr.services.ingest import ingest_file

DECLARATION = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
TỜ KHAI ĐĂNG KÝ KHAI SINH
Kính gửi: Ủy ban nhân dân phường Cái Khế
Họ, chữ đệm, tên người yêu cầu: Nguyễn Văn An
Đề nghị cơ quan đăng ký khai sinh cho người dưới đây: Họ, chữ đệm, tên: Nguyễn Thị Hồng Nhung
Ngày, tháng, năm sinh: 02/02/2026  Giới tính: Nữ  Nơi sinh: Bệnh viện Phụ sản thành phố Cần Thơ
"""
NOTICE = """BỘ Y TẾ
BỆNH VIỆN PHỤ SẢN THÀNH PHỐ CẦN THƠ
GIẤY CHỨNG SINH
Họ và tên mẹ: Trần Thị Bích  Năm sinh: 1995
Đã sinh con vào lúc 08 giờ 15 phút, ngày 02 tháng 02 năm 2026
Tại: Bệnh viện Phụ sản thành phố Cần Thơ  Số con trong lần sinh này: 01  Giới tính của con: Nữ
Cân nặng: 3.100 gram  Dự định đặt tên con là: Nguyễn Thị Hồng Nhung
"""


def _doc(library: Any, folder: Path, name: str, text: str) -> int:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    result = ingest_file(library, path)
    assert result.status == "filed", result
    return int(result.id)


def _new(library: Any, name: str = "Nguyễn Văn An", procedure: str = "KHAI-SINH", **kw: Any) -> dict[str, Any]:
    received = kw.pop("received", datetime(2026, 3, 2, 9, 0))
    return svc.new_dossier(library, procedure, svc.ApplicantInput(name, **kw), received)


def test_birth_registration_is_incomplete_with_the_declaration_only(library: Any, inputs: Path) -> None:
    declaration = _doc(library, inputs, "to-khai.txt", DECLARATION)
    notice = _doc(library, inputs, "chung-sinh.txt", NOTICE)
    d = _new(library)
    d = svc.attach(library, d["code"], [declaration])
    assert [x["component"] for x in d["documents"]] == ["to-khai"]
    result = svc.check(library, d["code"])
    assert result["complete"] is False
    assert [m["code"] for m in result["missing"]] == ["giay-chung-sinh"]
    assert "Giấy chứng sinh" in result["missing"][0]["name"]
    svc.attach(library, d["code"], [notice])
    result = svc.check(library, d["code"])
    assert result == {"code": d["code"], "complete": True, "missing": [], "extra": []}


def test_the_clerk_overrides_the_slot_and_unknown_components_are_refused(library: Any, inputs: Path) -> None:
    other = _doc(library, inputs, "cv.txt", "ỦY BAN NHÂN DÂN PHƯỜNG CÁI KHẾ\nSố: 12/UBND-VP\nV/v họp tổ dân phố\n")
    d = _new(library)
    d = svc.attach(library, d["code"], [other])
    assert svc.check(library, d["code"])["extra"] == [other]
    d = svc.attach(library, d["code"], [other], component="giay-chung-sinh")
    assert svc.check(library, d["code"])["missing"][0]["code"] == "to-khai"
    with pytest.raises(UsageError, match="no component 'nope'"):
        svc.attach(library, d["code"], [other], component="nope")


def test_workflow_refuses_illegal_moves_and_records_actor_and_time(library: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("DOCMGR_USER", "Lê Thị Cán Bộ")
    code = _new(library)["code"]
    with pytest.raises(IllegalTransition):
        svc.set_status(library, code, "returned")
    for status in ("in-progress", "needs-supplement", "in-progress", "done", "returned"):
        d = svc.set_status(library, code, status, note=f"→ {status}")
    assert d["status"] == "returned"
    assert [h["status"] for h in d["history"]] == ["received", "in-progress", "needs-supplement", "in-progress",
                                                    "done", "returned"]
    assert all(h["actor"] == "Lê Thị Cán Bộ" and h["at"][10] == "T" and "+" in h["at"][19:] for h in d["history"])
    with pytest.raises(IllegalTransition, match="final"):
        svc.set_status(library, code, "withdrawn")


def test_codes_follow_the_configured_format_and_the_day_sequence(library: Any) -> None:
    library.settings.extra["dossiers"] = {"agency_id": "000.31.20.H13", "code_format": "{agency}-{yymmdd}-{seq:05d}"}
    a = _new(library)["code"]
    b = _new(library, "Lê Văn Bình")["code"]
    c = _new(library, "Phạm Thị Cúc", received=datetime(2026, 3, 3, 8, 0))["code"]
    assert (a, b, c) == ("000.31.20.H13-260302-00001", "000.31.20.H13-260302-00002", "000.31.20.H13-260303-00001")


def test_find_by_name_without_marks_id_number_phone_and_code(library: Any) -> None:
    a = _new(library, "Nguyễn Văn An", id_number="092095001234", phone="0912 345 678")["code"]
    b = _new(library, "Nguyễn Thị Ánh", phone="+84 987 654 321")["code"]

    def codes(text: str) -> list[str]:
        return [d["code"] for d in svc.find_dossiers(library, text)]

    assert codes("nguyen van an") == [a]
    assert codes("NGUYỄN VĂN AN") == [a]
    assert set(codes("nguyen")) == {a, b}
    assert codes("092095001234") == [a]
    assert codes("0912345678") == [a]
    assert codes("0987654321") == [b]
    assert codes(b) == [b]


def test_old_addresses_get_their_2025_unit(library: Any) -> None:
    d = _new(library, address="12 Nguyễn Trãi, P. An Hòa, Q. Ninh Kiều, TP Cần Thơ")
    assert d["applicant"]["address_2025"] == "Phường Cái Khế, Thành phố Cần Thơ"
    d = _new(library, address="45 đường 30/4, Phường Cái Khế, Thành phố Cần Thơ")
    assert d["applicant"]["address_2025"] == ""  # already a 2025 address


def test_due_dates_appointments_and_the_overdue_and_due_soon_lists(library: Any) -> None:
    library.settings.extra["dossiers"] = {"return_slots": ["08:00", "10:00", "14:00"], "slot_capacity": 2}
    made = [_new(library, f"Người {i}", procedure="XN-HON-NHAN", received=datetime(2026, 8, 19, 9)) for i in range(7)]
    assert {d["due"] for d in made} == {"2026-08-22"}  # Wed + 3 working days: Sat 22/8/2026 is worked
    slots = [(d["appointment"]["date"], d["appointment"]["slot"]) for d in made]
    assert slots[:6] == [("2026-08-22", "08:00"), ("2026-08-22", "10:00"), ("2026-08-22", "14:00"),
                         ("2026-08-22", "08:00"), ("2026-08-22", "10:00"), ("2026-08-22", "14:00")]
    assert slots[6] == ("2026-08-24", "08:00")  # the day is full: next working day
    spot = _new(library, "Tại chỗ", received=datetime(2026, 8, 19, 9, 25))  # ready 9:55 (30-min lead)
    assert spot["appointment"] == {"date": "2026-08-19", "slot": "10:00"}
    svc.set_status(library, made[0]["code"], "in-progress")
    svc.set_status(library, made[0]["code"], "done")
    overdue = [d["code"] for d in svc.list_dossiers(library, overdue=True, today=date(2026, 8, 24))]
    assert made[0]["code"] not in overdue and made[1]["code"] in overdue and len(overdue) == 7  # 6 + on-the-spot
    soon = svc.list_dossiers(library, due_soon=1, today=date(2026, 8, 21))
    assert len(soon) == 6 and all(d["due"] == "2026-08-22" for d in soon)
    assert svc.list_dossiers(library, due_soon=0, today=date(2026, 8, 21)) == []


WORKER = """
import sys
from datetime import datetime
from docmgr.services.library import open_library
from docmgr.services import dossiers as svc
lib = open_library(sys.argv[1])
for i in range(int(sys.argv[3])):
    svc.new_dossier(lib, "CHUNG-THUC-BS", svc.ApplicantInput(f"{sys.argv[2]} {i}"), datetime(2026, 3, 2, 9, 0))
"""


def test_two_processes_creating_at_once_leave_no_gap_or_repeat(library_path: Path, library: Any) -> None:
    import os
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[3]))
    per = 25
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, str(library_path), who, str(per)], env=env,
                              stderr=subprocess.PIPE, text=True) for who in ("A", "B")]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    rows = svc.list_dossiers(library)
    seqs = sorted(int(d["code"].rsplit("-", 1)[1]) for d in rows)
    assert seqs == list(range(1, 2 * per + 1))
    names = {d["applicant"]["name"].split()[0] for d in rows}
    assert names == {"A", "B"}


@pytest.mark.parametrize("settings,message", [
    ({"code_format": "{agency}-{seq:04d}"}, "needs {seq} and the day"),
    ({"code_format": "{agency}-{yymmdd}-{seq:04d}-{nope}"}, "is not usable"),
    ({"slot_capacity": 0}, "at least 1"),
    ({"return_slots": ["8h"]}, "is not HH:MM"),
])
def test_bad_dossier_settings_are_named(library: Any, settings: dict[str, Any], message: str) -> None:
    library.settings.extra["dossiers"] = settings
    with pytest.raises(UsageError, match=message):
        _new(library)
