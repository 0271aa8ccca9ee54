"""When the structure is clear the result is confident; when nothing fits there is no type (issue #10, classes 4, 8).

Fixtures reproduce real shapes: a letter whose symbol's first part is its issuer's initials and happens
to equal a type abbreviation (``5664/CT-CS``: Cục Thuế), a plan whose title repeats ``V/V`` under the
heading, a Công điện with heading and abbreviation agreeing, an English test page, a photo's empty text.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from docmgr.classify.hybrid import HybridClassifier
from docmgr.classify.model import TextModel
from docmgr.classify.taxonomy import load_taxonomy, resources_dir

CABLE = """THỦ TƯỚNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 224/CĐ-TTg
Hà Nội, ngày 20
tháng 11 năm 2025
CÔNG ĐIỆN
VỀ VIỆC KHẨN TRƯƠNG CHUẨN BỊ TỔ CHỨC LỄ KHÁNH THÀNH CÁC DỰ ÁN
THỦ TƯỚNG CHÍNH PHỦ điện:
- Bộ trưởng các Bộ: Xây dựng, Tài chính;"""

LETTER = """BỘ TÀI CHÍNH
CỤC THUẾ
CỘNG
HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 5664/CT-CS
V/v chính sách thuế
Hà Nội, ngày
01 tháng 12 năm 2025
Kính gửi: Công ty TNHH Xây dựng Thành Đạt
Cục Thuế nhận được công văn số 12/2025/CV-TĐ của Công ty đề nghị hướng dẫn chính sách thuế."""

PLAN = """CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 0129/KH-UBND
Đắk Lắk, ngày 21
tháng 11 năm 2025
KẾ HOẠCH
V/V HỖ TRỢ NHU YẾU PHẨM KHẨN CẤP CHO NHÂN DÂN BỊ ẢNH HƯỞNG
MƯA LŨ TRÊN ĐỊA BÀN TỈNH
Căn cứ Nghị định số 200/2023/NĐ-CP ngày 28/12/2023 của Chính phủ;"""

ENGLISH = """This is a lot of 12 point text to test the
ocr code and see if it works on all types
of file format.
The quick brown dog jumped over the
lazy fox. The quick brown dog jumped
over the lazy fox."""


@lru_cache(maxsize=1)
def starter() -> HybridClassifier:
    model = TextModel.load(resources_dir() / "starter" / "type.skops")
    return HybridClassifier(load_taxonomy(), {"type": model}, 0.6)


@pytest.mark.parametrize("text, code", [(CABLE, "CD"), (LETTER, "CV"), (PLAN, "KH")])
def test_clear_structure_is_confident(text: str, code: str) -> None:
    r = starter().classify(text)
    assert r.type_code == code and not r.needs_review and r.confidence >= 0.85


def test_heading_and_abbreviation_agreeing_is_confident_whatever_the_model_says() -> None:
    r = HybridClassifier(load_taxonomy(), {}, 0.6).classify(CABLE)  # no model at all
    assert r.type_code == "CD" and r.confidence >= 0.9 and not r.needs_review


def test_a_plans_title_is_its_summary_not_a_letters_vv_line() -> None:
    r = starter().classify(PLAN)
    assert "vv-line" not in [x.code for x in r.reasons]
    assert r.fields["summary"].value.startswith("HỖ TRỢ NHU YẾU PHẨM")


@pytest.mark.parametrize("text", [ENGLISH, "", "   \n  ", "IMG_2041.JPG 4032x3024"])
def test_what_fits_no_type_gets_none_and_waits_for_review(text: str) -> None:
    r = starter().classify(text)
    out = r.to_json()
    assert out["type"] is None and out["type_code"] is None and out["needs_review"] is True
    assert out["field_of_work"] is None


def test_a_letter_without_vv_but_with_its_greeting_is_a_cong_van() -> None:
    text = ("ỦY BAN NHÂN DÂN\nPHƯỜNG NINH KIỀU\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 412/UBND-VP\nNinh Kiều, ngày 3 tháng 2 năm 2026\nKính gửi: Các khu vực\n"
            "Ủy ban nhân dân phường đề nghị các khu vực rà soát danh sách hộ nghèo.")
    r = HybridClassifier(load_taxonomy(), {}, 0.6).classify(text)
    assert r.type_code == "CV" and not r.needs_review
