"""Citizen forms as their own types: by the title at the top, the ``Mẫu`` code, the subtitle, the blanks.

Fixtures are the shape of real templates: national motto, a title (sometimes over two lines, sometimes
a generic word completed by the next line), a ``Mẫu`` caption, a few labelled blanks — blank (dotted)
or filled with typed values.
"""

from __future__ import annotations

import pytest

from docmgr.classify.hybrid import HybridClassifier
from docmgr.classify.rules import structure_rules
from docmgr.classify.taxonomy import load_taxonomy

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
BLANKS = "1. Họ, chữ đệm và tên: ..............................\n2. Ngày, tháng, năm sinh: ....../....../......\n"
FILLED = "1. Họ, chữ đệm và tên: NGUYỄN VĂN HÙNG\n2. Ngày, tháng, năm sinh: 12/03/1985\n"


def best(text: str) -> str | None:
    scores = structure_rules(text, load_taxonomy()).scores
    return max(scores, key=scores.get) if scores else None  # type: ignore[arg-type]


@pytest.mark.parametrize("body", [BLANKS, FILLED])
def test_the_id_card_application_is_its_own_type(body: str) -> None:
    text = "\t\t\tTỜ KHAI CĂN CƯỚC CÔNG DÂN\n" + body + "5. Số CMND/CCCD: ........\n"
    assert best(text) == "CC01"
    assert load_taxonomy().types["CC01"].form == "CC01"


def test_form_code_printed_above_the_motto() -> None:
    text = ("Mẫu CT01 ban hành kèm theo Thông tư số 66/2023/TT-BCA\nngày 17/11/2023 của Bộ trưởng Bộ Công an\n"
            + MOTTO + "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ\nKính gửi(1): Công an phường Ninh Kiều\n" + FILLED)
    r = structure_rules(text, load_taxonomy())
    assert max(r.scores, key=r.scores.get) == "CT01"  # type: ignore[arg-type]
    assert any(x.code == "form-code" for x in r.reasons)


def test_two_forms_sharing_a_title_are_told_apart_by_the_subtitle() -> None:
    title = "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ\n"
    abroad = "(Dùng cho công dân Việt Nam định cư ở nước ngoài\nkhông có hộ chiếu Việt Nam còn giá trị sử dụng)\n"
    assert best(MOTTO + title + "Kính gửi: ......\n" + BLANKS) == "CT01"
    assert best(MOTTO + title + abroad + "Kính gửi: ......\n" + BLANKS) == "CT02"


def test_a_bare_form_number_counts_only_with_the_circular_that_issued_it() -> None:
    caption = "Mẫu số 16:  Ban hành kèm theo Thông tư số 28/2015/TT-BLĐTBXH ngày 31 tháng 7 năm 2015\n"
    body = MOTTO + "Kính gửi: Trung tâm Dịch vụ việc làm Cần Thơ\n" + FILLED
    assert best(caption + body) == "TB-TKVL"
    assert best("Mẫu số 16: Ban hành kèm theo Thông tư số 99/2020/TT-BTC\n" + body) is None


def test_a_title_over_two_lines_and_a_generic_title_completed_below() -> None:
    two = MOTTO + "GIẤY ĐỀ NGHỊ NHẬN CHẾ ĐỘ BẢO HIỂM XÃ HỘI\nKHI NGƯỜI HƯỞNG TỪ TRẦN\nKính gửi: Bảo hiểm xã hội\n" + BLANKS
    assert best(two) == "GDN-BHXHTT"
    passport = MOTTO + "\tTỜ KHAI\t\nĐề nghị khôi phục giá trị sử dụng hộ chiếu phổ thông\n" + BLANKS
    assert best(passport) == "TK04"
    retire = ("Số: 15/QĐ-CTY\n" + MOTTO + "Cần Thơ, ngày 02 tháng 3 năm 2026\nQUYẾT ĐỊNH\n"
              "Về việc nghỉ việc hưởng chế độ hưu trí\nGIÁM ĐỐC CÔNG TY\nCăn cứ Luật Bảo hiểm xã hội;\n")
    assert best(retire) == "QD-HUU"


def test_the_form_overrules_the_generic_reading_of_its_title() -> None:
    text = MOTTO + "ĐƠN ĐỀ NGHỊ CẤP CHÍNH SÁCH NỘI TRÚ\n(Dùng cho học sinh, sinh viên đang học tại các cơ sở giáo dục " \
        "nghề nghiệp công lập)\nKính gửi: Trường Cao đẳng Cần Thơ\n" + FILLED
    scores = structure_rules(text, load_taxonomy()).scores
    assert max(scores, key=scores.get) == "DDN-NTCL" and "DDN" not in scores  # type: ignore[arg-type]
    private = text.replace("công lập", "tư thục")
    assert best(private) == "DDN-NTTT"
    # the subtitle is what tells them: without one, neither form, only the generic Đơn đề nghị
    assert best(MOTTO + "ĐƠN ĐỀ NGHỊ CẤP CHÍNH SÁCH NỘI TRÚ\nKính gửi: Trường\n" + FILLED) == "DDN"


def test_a_blank_or_generic_title_with_the_forms_labelled_blanks() -> None:
    land = (MOTTO + "       ..., ngày..... tháng .....năm ....\nĐƠN  ….\nKính gửi:  Ủy ban nhân dân   .........\n"
            "1. Người xin giao đất/cho thuê đất/cho phép chuyển mục đích sử dụng đất ……\n"
            "4. Địa điểm khu đất: ..........\n5. Diện tích (m2): ......\n6. Để sử dụng vào mục đích: ......\n")
    assert best(land) == "DX-GD"
    attorney = MOTTO + "GIẤY ỦY QUYỀN\nI. Người ủy quyền:\nHọ và tên: Trần Thị Lan\nMã số BHXH: 9201234567\n" \
        "Loại chế độ được hưởng: hưu trí\n"
    assert best(attorney) == "GUQ-BHXH"
    # the same title without those blanks is the ordinary Giấy ủy quyền
    assert best(MOTTO + "GIẤY ỦY QUYỀN\nI. Người ủy quyền:\nHọ và tên: Trần Thị Lan\n") == "GUQ"


def test_an_official_decision_is_not_taken_for_a_form() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\n" + MOTTO + "Số: 2820/QĐ-UBND\nCần Thơ, ngày 27 tháng 11 năm 2025\n"
            "QUYẾT ĐỊNH\nVề việc phê duyệt kế hoạch tuyển dụng viên chức\nCHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ\n")
    assert best(text) == "QD"


def test_a_filled_form_is_classified_confidently_by_the_hybrid() -> None:
    text = MOTTO + "TỜ KHAI ĐĂNG KÝ GIÁM HỘ\nKính gửi: (1) UBND phường Tân Lộc\n" \
        "Họ, chữ đệm, tên người yêu cầu: LÊ MINH TÂM\nNơi cư trú: (2) phường Tân Lộc, thành phố Cần Thơ\n"
    result = HybridClassifier(load_taxonomy(), {}, 0.6).classify(text)
    assert result.type_code == "TK-GH" and not result.needs_review and result.field_of_work == "ho-tich"
    assert any("form title" in w for w in result.why)


def test_form_types_in_the_taxonomy() -> None:
    tax = load_taxonomy()
    forms = [t for t in tax.types.values() if t.category == "citizen-form"]
    assert len(forms) >= 55
    assert all(t.headings or t.markers for t in forms)
    codes = [t.form for t in tax.types.values() if t.form and not t.form_basis]
    assert len(codes) == len(set(codes))  # a lettered form code names one type
    assert {"CC01", "CT01", "CT02", "TK1-TS"} <= {t.form for t in forms}
