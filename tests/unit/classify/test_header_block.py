"""The header read as a block: the shapes real text layers and OCR give (issue #10, classes 1, 2, 5, 6).

Each fixture reproduces a real layout: the issuer and motto columns interleaved line by line, ``Số:``
and the number on separate lines, the place and date broken over lines, citations of other documents
below the header, a blank number, symbols with dots and leading zeros, chapter headings on page 1.
"""

from __future__ import annotations

from docmgr.classify.fields import extract_fields
from docmgr.classify.rules import structure_rules
from docmgr.classify.taxonomy import load_taxonomy

# two columns read line by line, every field broken where the column wraps
INTERLEAVED = """ỦY BAN NHÂN
DÂN
TỈNH HÀ TĨNH
CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số:
84/2025/QĐ-UBND
Hà Tĩnh, ngày
02 tháng 12 năm 2025
QUYẾT
ĐỊNH
BÃI BỎ QUYẾT ĐỊNH SỐ 10/2016/QĐ-UBND NGÀY 21/3/2016 CỦA ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025;
Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 ngày 19 tháng 02 năm 2025;
Điều 1. Bãi bỏ toàn bộ Quyết định số 10/2016/QĐ-UBND."""

# the motto's halves with an issuer line between them, the date split after the day
MOTTO_SPLIT = """CỘNG HÒA XÃ
ỦY BAN NHÂN DÂN
HỘI CHỦ NGHĨA VIỆT NAM
THÀNH PHỐ CẦN THƠ
Độc lập - Tự do - Hạnh phúc
Số: 2820/QĐ-UBND
Cần Thơ, ngày 27
tháng 11 năm 2025
QUYẾT ĐỊNH
Về việc công bố danh mục thủ tục hành chính
Căn cứ Quyết định số 1085/QĐ-TTg ngày 15/9/2022 của Thủ tướng Chính phủ;"""

# a letter: the V/v lines, then the place broken before the date, then the greeting
LETTER = """VĂN PHÒNG CHÍNH
PHỦ
CỘNG
HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 11554/VPCP-V.I
V/v đẩy nhanh tiến độ Dự án đường cao tốc
thuộc nhiệm vụ của Đoàn kiểm tra số 06
Thành phố Hồ Chí
Minh, ngày 20 tháng 11 năm 2025
Kính gửi: Bộ trưởng Bộ Xây dựng"""

# an unnumbered copy that answers another letter: no number of its own
BLANK = """HỘI ĐỒNG NHÂN DÂN
THÀNH PHỐ CẦN THƠ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: /VP-CTHĐND
V/v trả lời Công văn số 245/UBND-VX ngày 10 tháng 11 năm 2025
Cần Thơ, ngày     tháng 11 năm 2025
Kính gửi: Ủy ban nhân dân phường Ninh Kiều
Thực hiện Công văn số 245/UBND-VX ngày 10/11/2025 của Ủy ban nhân dân phường."""

# a decree whose page 1 reaches its first chapter
DECREE = """CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 30/2020/NĐ-CP
Hà Nội, ngày 05 tháng 3 năm 2020
NGHỊ
ĐỊNH
VỀ CÔNG TÁC VĂN THƯ
Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
Chính phủ ban hành Nghị định về công tác văn thư.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh"""


def values(text: str) -> dict[str, object]:
    return {k: v.value for k, v in extract_fields(text).items()}


def test_interleaved_columns_and_fields_broken_over_lines() -> None:
    f = values(INTERLEAVED)
    assert f["number"] == "84/2025/QĐ-UBND" and f["issued"] == "2025-12-02" and f["place"] == "Hà Tĩnh"
    assert f["issuer"] == "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"
    assert str(f["summary"]).startswith("BÃI BỎ QUYẾT ĐỊNH SỐ 10/2016/QĐ-UBND")
    f = values(MOTTO_SPLIT)
    assert f["number"] == "2820/QĐ-UBND" and f["issued"] == "2025-11-27" and f["place"] == "Cần Thơ"
    assert f["issuer"] == "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ"
    assert f["summary"] == "Về việc công bố danh mục thủ tục hành chính"


def test_the_split_heading_is_the_type() -> None:
    r = structure_rules(INTERLEAVED, load_taxonomy())
    assert max(r.scores, key=r.scores.get) == "QD"  # type: ignore[arg-type]
    assert any(x.code == "heading-motto" for x in r.reasons)


def test_citations_below_the_header_are_not_the_documents_own() -> None:
    f = values(INTERLEAVED)
    assert f["number"] != "64/2025/QH15" and f["issued"] != "2025-06-16"
    text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQUYẾT ĐỊNH\n" \
           "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 ngày 16 tháng 6 năm 2025;"
    f = values(text)
    assert "number" not in f and "issued" not in f


def test_a_blank_number_is_no_number() -> None:
    f = values(BLANK)
    assert "number" not in f and "issued" not in f  # the date's day is blank too
    assert f["summary"].startswith("trả lời Công văn số 245/UBND-VX")  # type: ignore[union-attr]


def test_symbols_kept_whole_and_as_printed() -> None:
    f = values(LETTER)
    assert f["number"] == "11554/VPCP-V.I" and f["issued"] == "2025-11-20"
    assert f["place"] == "Thành phố Hồ Chí Minh" and f["issuer"] == "VĂN PHÒNG CHÍNH PHỦ"
    assert f["summary"] == "đẩy nhanh tiến độ Dự án đường cao tốc thuộc nhiệm vụ của Đoàn kiểm tra số 06"
    broken = "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 3783/QĐ-\nUBND\nNghệ An, ngày\n20 tháng 11 năm 2025\nQUYẾT ĐỊNH"
    assert values(broken)["number"] == "3783/QĐ-UBND"
    assert values("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 01814/QĐ-UBND\nQUYẾT ĐỊNH")["number"] == "01814/QĐ-UBND"


def test_a_chapter_heading_is_not_the_title() -> None:
    r = structure_rules(DECREE, load_taxonomy())
    assert set(r.scores) == {"ND"}
    assert r.header is not None and r.header.heading is not None and r.header.heading.text == "NGHỊ ĐỊNH"
    f = values(DECREE)
    assert f["summary"] == "VỀ CÔNG TÁC VĂN THƯ" and f["number"] == "30/2020/NĐ-CP"


def test_fields_know_the_lines_they_came_from() -> None:
    fields = extract_fields(INTERLEAVED)
    assert fields["number"].source == {"page": 1, "line": 6, "last": 7}
    assert fields["issued"].source == {"page": 1, "line": 8, "last": 9}
    assert fields["issuer"].source is not None and fields["issuer"].source["line"] == 0


def test_normative_is_a_flag_and_the_type_is_the_form() -> None:
    from docmgr.classify.hybrid import HybridClassifier
    from docmgr.classify.model import TextModel

    tax = load_taxonomy()
    # a library model trained before the change still predicts the retired code: its share goes to QD
    old = TextModel.train("type", ["ban hành quy định kèm theo", "quy định mức thu phí", "công văn đề nghị", "công văn gửi"],
                          ["QD-QPPL", "QD-QPPL", "CV", "CV"])
    clf = HybridClassifier(tax, {"type": old}, 0.6)
    r = clf.classify(INTERLEAVED)  # 84/2025/QĐ-UBND: numbered with the year
    out = r.to_json()
    assert out["type_code"] == "QD" and out["type"] == "Quyết định" and out["normative"] is True
    assert all(c["type_code"] != "QD-QPPL" for c in out["candidates"])
    r = clf.classify(MOTTO_SPLIT)  # 2820/QĐ-UBND: an individual decision
    assert r.type_code == "QD" and r.to_json()["normative"] is False
    assert clf.classify(DECREE).to_json()["normative"] is True  # a Nghị định is a legal document by its form


def test_flattened_letter_header_without_colon_or_marks() -> None:
    """Two columns flattened onto one line each, OCR without diacritics, no colon after Số."""
    text = ("BO TAI CHINH CONG HOA XA HOI CHU NGHIA VIET NAM\nCUC THUE Doc lap - Tu do - Hanh phuc\n"
            "So 5487/CT-CS\nV/v chính sách thuế GTGT Hà Nội, ngày 25\ntháng 11 năm 2025\nKính gửi: Công ty ABC")
    f = values(text)
    assert f["number"] == "5487/CT-CS" and f["issued"] == "2025-11-25" and f["place"] == "Hà Nội"
    assert f["summary"] == "chính sách thuế GTGT" and f["issuer"] == "BO TAI CHINH CUC THUE"
