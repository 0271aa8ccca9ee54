"""OCR'd headers: a value that does not look like what it claims is dropped, not shown (issue #10, class 7)."""

from __future__ import annotations

from docmgr.classify.fields import extract_fields
from docmgr.classify.sanity import looks_like_agency, plausible_id

# a scanned decree: a handwritten note above the issuer, the V/v line running over two lines,
# a form's dotted leader lines and a number that is no personal ID
SCANNED = """T19!
CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/2025/NĐ-CP
V/v hướng dẫn thi hành một số điều theo Nghị định số
30/2020/NĐ-CP của Chính phủ về công tác văn thư
Hà Nội, ngày 03 tháng 02 năm 2025
Kính gửi: Các bộ, cơ quan ngang bộ
Họ và tên người liên hệ: ............................................
Số định danh: 111111111111 .................
Mã hồ sơ: 000012345678; CCCD của người nộp: 092095001234"""


def test_noise_above_the_issuer_is_not_the_issuer() -> None:
    f = extract_fields(SCANNED)
    assert f["issuer"].value == "CHÍNH PHỦ"
    assert "issuer" not in extract_fields("T19!\nSố: 12/UBND-VP\nV/v họp")
    assert not looks_like_agency("T19!") and not looks_like_agency("ABC DEF") and looks_like_agency("SỞ TƯ PHÁP")


def test_the_vv_line_is_the_whole_summary() -> None:
    f = extract_fields(SCANNED)
    assert f["summary"].value == ("hướng dẫn thi hành một số điều theo Nghị định số 30/2020/NĐ-CP "
                                  "của Chính phủ về công tác văn thư")


def test_ids_need_a_province_code_and_not_a_dotted_leader() -> None:
    f = extract_fields(SCANNED)
    assert f["id_numbers"].value == ["092095001234"]
    text = "Số CCCD: 092095001234"
    assert plausible_id(text, 9, 21) and not plausible_id("x 000012345678", 2, 14)
    dotted = "Số định danh: ......092095001234....."
    assert not plausible_id(dotted, dotted.index("0"), dotted.index("0") + 12)


def test_the_signer_is_under_the_signature_block_before_the_appendix() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 451/QĐ-UBND\nQUYẾT ĐỊNH\nĐiều 1. Bãi bỏ.\nNơi nhận:\n- Như Điều 3;\n"
            "TM. ỦY BAN NHÂN\nDÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nMai\nSơn\nPHỤ LỤC\nDANH MỤC\nNGƯỜI LẬP BIỂU\n(Ký, ghi rõ họ tên)")
    f = extract_fields(text)
    assert f["signer"].value == "Mai Sơn" and f["signer"].source == {"page": 1, "line": 11, "last": 11}
