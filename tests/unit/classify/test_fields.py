"""Field extraction on realistic headers, including two-column extraction and OCR noise."""

from __future__ import annotations

from docmgr.classify.fields import extract_fields

DECISION = """ỦY BAN NHÂN DÂN
THÀNH PHỐ CẦN THƠ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/QĐ-UBND
Cần Thơ, ngày 05 tháng 01 năm 2026
QUYẾT ĐỊNH
Về việc công nhận kết quả đăng ký khai sinh
Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;
Điều 1. Công nhận việc đăng ký khai sinh cho cháu Nguyễn Thị Hồng Nhung, số định danh 092026001234.
Nơi nhận: KT. CHỦ TỊCH
- Như Điều 3; PHÓ CHỦ TỊCH
- Lưu: VT.
Trần Chí Hùng"""

LETTER_TWO_COLUMNS = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG NINH KIỀU Độc lập - Tự do - Hạnh phúc
Số: 12/UBND-VX Ninh Kiều, ngày 3 tháng 2 năm 2025
V/v triển khai đăng ký khai sinh
trực tuyến trên địa bàn phường
Kính gửi: Các khu vực
THƯỢNG KHẨN"""

DECREE = """CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 30/2020/NĐ-CP
Hà Nội, ngày 05 tháng 3 năm 2020
MẬT
NGHỊ ĐỊNH
Về công tác văn thư"""

OCR = """UY BAN NHAN DAN
XÃ THỚI HƯNG
CONG HOA XA HOI CHU NGHIA VIET NAM
Doc lap - Tu do - Hanh phuc
S6: 1O2/QÐ - UBND
Thới Hưng, ngảy 1 5 thang 0l nam 2026
QUYET DINH
Về việc cấp giấy chứng nhận quyền sử dụng đất
Thửa đất số: 125; tờ bản đồ số: 7; CCCD 092095001234."""


def values(text: str) -> dict[str, object]:
    return {k: v.value for k, v in extract_fields(text).items()}


def test_decision_header() -> None:
    f = values(DECISION)
    assert f["number"] == "15/QĐ-UBND" and f["issued"] == "2026-01-05" and f["place"] == "Cần Thơ"
    assert f["issuer"] == "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"
    assert f["summary"] == "Về việc công nhận kết quả đăng ký khai sinh"
    assert f["signer"] == "Trần Chí Hùng" and f["id_numbers"] == ["092026001234"]
    assert "urgency" not in f and "secrecy" not in f and "parcel" not in f
    conf = extract_fields(DECISION)
    assert all(0 < v.confidence <= 1 for v in conf.values())


def test_letter_with_flattened_two_column_header() -> None:
    f = values(LETTER_TWO_COLUMNS)
    assert f["number"] == "12/UBND-VX" and f["issued"] == "2025-02-03" and f["place"] == "Ninh Kiều"
    assert f["summary"] == "triển khai đăng ký khai sinh trực tuyến trên địa bàn phường"
    assert f["issuer"] == "ỦY BAN NHÂN DÂN PHƯỜNG NINH KIỀU" and f["urgency"] == "Thượng khẩn"


def test_normative_number_family_and_secrecy() -> None:
    f = values(DECREE)
    assert f["number"] == "30/2020/NĐ-CP" and f["issued"] == "2020-03-05" and f["secrecy"] == "Mật"


def test_ocr_noise() -> None:
    f = values(OCR)
    assert f["number"] == "102/QĐ-UBND" and f["issued"] == "2026-01-15" and f["place"] == "Thới Hưng"
    assert f["parcel"] == "125" and f["map_sheet"] == "7" and f["id_numbers"] == ["092095001234"]


def test_numeric_date_and_no_number_on_a_blank_form() -> None:
    f = values("GIẤY PHÉP XÂY DỰNG\nSố:    /GPXD\nNgày cấp: 07/08/2025")
    assert "number" not in f and f["issued"] == "2025-08-07"
    assert values("") == {}


def test_a_title_above_the_number_is_not_the_issuer() -> None:
    f = values("GIẤY MỜI\nSố: 45/GM-UBND\nKính mời ông Trần Văn Bình dự họp tại phường Ninh Kiều.")
    assert f["number"] == "45/GM-UBND" and "issuer" not in f
    f = values("UBND PHƯỜNG NINH KIỀU\nGIẤY MỜI\nSố: 45/GM-UBND\nKính mời ông Trần Văn Bình dự họp.")
    assert f["issuer"] == "UBND PHƯỜNG NINH KIỀU"
