"""Questions that name an article of a law find that article first; the law and the article numbers come
from the documents' own text (title or first-page banner, ``Điều N.`` headings), on both engines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from docmgr.core.text import fold
from docmgr.search.analysis import words
from docmgr.search.articles import named_articles, refs_text
from docmgr.services.indexing import sync_index
from docmgr.services.search import search
from tests.fixtures.catalog_docs import file_doc, make_library

ART_28 = ("Điều 28. Thay đổi nội dung hợp đồng làm việc\n\nTrong quá trình thực hiện hợp đồng làm việc, nếu một "
          "bên có yêu cầu thay đổi nội dung hợp đồng làm việc thì phải báo cho bên kia biết trước ít nhất 03 ngày.")
ART_29 = ("Điều 29. Đơn phương chấm dứt hợp đồng làm việc\n\nĐơn vị sự nghiệp công lập được đơn phương chấm dứt "
          "hợp đồng làm việc với viên chức trong các trường hợp sau đây.")
WHOLE_LAW = ("QUỐC HỘI\nLuật số: 14/2022/QH15\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLUẬT\nTHANH TRA\n\n"
             "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
             "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về hoạt động thanh tra, theo Điều 29 Luật Viên chức.\n"
             "Điều 29. Thời hạn thanh tra\nThời hạn thanh tra không quá 30 ngày; có thể thay đổi nội dung hợp đồng.")


@pytest.fixture
def lib(tmp_path: Path, engine_name: str) -> Any:
    library = make_library(tmp_path / "lib", engine_name)
    ids = {
        "vc28": file_doc(library, [ART_28], fields={"summary": "Luật Viên chức 2010"}),
        "vc29": file_doc(library, [ART_29], fields={"summary": "Luật Viên chức 2010"}),
        "tt": file_doc(library, [WHOLE_LAW], filename="luat-thanh-tra.pdf"),
    }
    sync_index(library)
    library.ids = ids
    return library


def _first(result: dict[str, Any]) -> int:
    return int(result["hits"][0]["id"])


QUESTION = ("Theo Điều 29, Luật Viên chức năm 2010, nếu một bên có yêu cầu thay đổi nội dung hợp đồng làm việc "
            "thì phải báo cho bên kia biết trước ít nhất 03 ngày làm việc?")


@pytest.mark.parametrize("typed", [QUESTION, fold(QUESTION).lower(),
                                   "Nếu một bên có yêu cầu thay đổi nội dung hợp đồng làm việc, theo Điều 29 luật viên chức"])
def test_the_named_article_of_the_named_law_comes_first(lib: Any, typed: str) -> None:
    # the words are those of Điều 28; the question names Điều 29 of the same law
    assert _first(search(lib, typed)) == lib.ids["vc29"]


def test_a_whole_law_is_known_by_its_banner_and_headings(lib: Any) -> None:
    r = search(lib, "Điều 29 Luật Thanh tra năm 2022 thay đổi nội dung hợp đồng làm việc")
    assert _first(r) == lib.ids["tt"]
    r = search(lib, "theo dieu 29 luat so 14/2022/QH15 thi thoi han la bao lau")
    assert _first(r) == lib.ids["tt"]


def test_refs_come_from_the_text_not_from_cross_references() -> None:
    refs = refs_text("luat-thanh-tra.pdf", WHOLE_LAW).split()
    assert refs[:3] == ["luat_thanh_tra", "luat_thanh_tra@2022", "14/2022/qh15"]
    assert set(refs[3:]) == {"dieu@1", "dieu@29"}
    assert "luat_vien_chuc" not in refs  # "theo Điều 29 Luật Viên chức" inside a sentence is a citation
    assert refs_text("Quyết định 12/QĐ-UBND", "Căn cứ Luật Đất đai 2024;\nĐiều 1. Phê duyệt") == "dieu@1"
    assert refs_text("Bộ luật Dân sự năm 2015", "").split() == [
        "bo_luat_dan_su", "luat_dan_su", "bo_luat_dan_su@2015", "luat_dan_su@2015"]


def test_queries_name_articles_in_any_order_with_or_without_marks() -> None:
    named = named_articles(words("Hiến pháp năm 2013, Điều 5 quy định"))
    assert named is not None and named.articles == ("5",) and "hien_phap@2013" in named.dated
    named = named_articles(words(fold("Theo Điều 32 của Luật Phòng, chống ma túy 2021")))
    assert named is not None and "luat_phong_chong_ma_tuy@2021" in named.dated
    assert named_articles(words("Luật Đất đai quy định thế nào")) is None  # no article named
    assert named_articles(words("Điều 5 quy định gì")) is None  # no law named


# -- questions as people ask them --------------------------------------------------------------------
GLOSSARY = ("Điều 3. Giải thích từ ngữ\n\n" + " ".join(
    f"{i}. Thuật ngữ số {i} là khái niệm được hiểu theo nghĩa riêng của Luật này trong lĩnh vực {i}." for i in range(1, 40))
    + " 40. Tập đoàn Dầu khí Việt Nam là doanh nghiệp nhà nước có tên viết tắt là PVN.")
SHORT = "Điều 63. Phê duyệt vốn\n\nTập đoàn Dầu khí Việt Nam trình phê duyệt vốn nhà nước của doanh nghiệp."
OTHERS = ["Điều 7. Hợp tác quốc tế\n\nNhà nước mở rộng hợp tác quốc tế về đào tạo nhân lực trình độ cao.",
          "Điều 9. Tháng Thanh niên\n\nTháng 3 hằng năm là Tháng Thanh niên, tổ chức hoạt động tình nguyện.",
          "Điều 11. Phân loại phim\n\nPhim loại C là phim được phép phổ biến đến người xem ở mọi độ tuổi."]


@pytest.fixture
def qa(tmp_path: Path, engine_name: str) -> Any:
    library = make_library(tmp_path / "qa", engine_name)
    ids = {"glossary": file_doc(library, [GLOSSARY], fields={"summary": "Luật Dầu khí 2022"}),
           "short": file_doc(library, [SHORT], fields={"summary": "Luật Dầu khí 2022"})}
    ids["others"] = [file_doc(library, [t], fields={"summary": "Luật Thanh niên 2020"}) for t in OTHERS]
    sync_index(library)
    library.ids = ids
    return library


@pytest.mark.parametrize("typed", ["Tập đoàn Dầu khí Việt Nam là doanh nghiệp nhà nước có tên viết tắt là PVN, đúng hay sai?",
                                   "tap doan dau khi viet nam la doanh nghiep nha nuoc co ten viet tat la gi"])
def test_a_question_quoting_one_clause_of_a_long_document_finds_it(qa: Any, typed: str) -> None:
    # the short article has most of the words too; the long one holds the clause the question quotes
    assert _first(search(qa, typed)) == qa.ids["glossary"]


@pytest.mark.parametrize("marks", ["A. … B. … C. … D. …", "A) … B) … C) … D) …"])
def test_a_multiple_choice_question_is_found_by_its_stem_more_than_its_options(qa: Any, marks: str) -> None:
    # three options quote other articles word for word; the stem is what the question is about
    a, b, c, d = marks.replace(" …", "").split()
    options = ["hợp tác quốc tế về đào tạo nhân lực", "PVN", "Tháng Thanh niên tổ chức hoạt động tình nguyện",
               "phim được phép phổ biến đến người xem"]
    q = "Đâu không phải là tên viết tắt của doanh nghiệp nhà nước Tập đoàn Dầu khí Việt Nam? " + " ".join(
        f"{m} {o}" for m, o in zip((a, b, c, d), options))
    assert _first(search(qa, q)) in (qa.ids["glossary"], qa.ids["short"])
    assert _first(search(qa, fold(q))) in (qa.ids["glossary"], qa.ids["short"])
