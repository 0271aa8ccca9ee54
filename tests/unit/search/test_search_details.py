"""Search details a clerk tripped over (issue 13, item 8), on both engines: did-you-mean from words the
index holds without dropping any, file names split on ``_ - .``, a quoted "năm nay", and words typed
with marks marked and ranked in their exact form."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from docmgr.search.query import DateRange, parse
from docmgr.services.finder import query_boxes
from docmgr.services.indexing import sync_index
from docmgr.services.search import search
from tests.fixtures.catalog_docs import file_doc, make_library

TODAY = date.today()


@pytest.fixture
def lib(tmp_path: Path, engine_name: str) -> Any:
    library = make_library(tmp_path / "lib", engine_name)
    ids = {
        "review": file_doc(library, ["Báo cáo đánh giá kết quả công tác năm; đánh giá cán bộ."], filename="bc.pdf",
                           fields={"issued": f"{TODAY.year}-01-15"}),
        "review2": file_doc(library, ["Phiếu đánh giá xếp loại viên chức; kết quả đánh giá."], filename="phieu.pdf",
                            fields={"issued": f"{TODAY.year - 2}-03-01"}),
        "liver": file_doc(library, ["Khám gan định kỳ cho cán bộ; danh sách gan nhiễm mỡ."], filename="kham.pdf",
                          fields={"issued": f"{TODAY.year - 3}-05-05"}),
        "scan": file_doc(library, ["Nghị định quy định chi tiết."], filename="335-ND-CP_scanned_signed.pdf",
                         fields={"issued": f"{TODAY.year - 1}-06-01"}),
        "reached": file_doc(library, ["Kết quả đạt được trong năm: chỉ tiêu đạt 95%, giao chỉ tiêu."],
                            filename="kq.pdf", fields={"issued": f"{TODAY.year - 1}-02-02"}),
        "land": file_doc(library, ["Quyết định giao đất cho hộ gia đình đạt chuẩn; diện tích đất giao."],
                         filename="gd.pdf", fields={"issued": f"{TODAY.year - 1}-07-07"}),
        "soil": file_doc(library, ["Đất đai: đất ở, đất vườn, đất nông nghiệp."], filename="dd.pdf",
                         fields={"issued": f"{TODAY.year - 4}-07-07"}),
        "long": file_doc(library, ["Báo cáo tổng kết công tác cải cách hành chính của phường trong cả năm, " * 8
                                   + "kết quả đạt yêu cầu."], filename="tk.pdf",
                         fields={"issued": f"{TODAY.year - 4}-08-08"}),
    }
    sync_index(library)
    library.ids = ids
    return library


def _ids(result: dict[str, Any]) -> list[int]:
    return [h["id"] for h in result["hits"]]


def test_did_you_mean_picks_an_indexed_word_that_fits_its_neighbour(lib: Any) -> None:
    # "gai" is one swap from "gia" and one letter from "gan": "danh gia" stands together in the library
    assert search(lib, "danh gai")["suggestion"] == "danh gia"
    assert search(lib, "Đánh gái cán bộ")["suggestion"] == "Đánh giá cán bộ"


def test_did_you_mean_never_drops_a_word(lib: Any) -> None:
    assert search(lib, "danh gai qwzx")["suggestion"] == "danh gia qwzx"  # no candidate: stays as typed
    assert search(lib, "(danh OR can) gai")["suggestion"] == "(danh OR can) gia"


def test_file_names_split_on_underscores_dashes_and_dots(lib: Any) -> None:
    assert _ids(search(lib, "file:scan")) == [lib.ids["scan"]]
    assert _ids(search(lib, "file:signed")) == [lib.ids["scan"]]
    assert _ids(search(lib, "file:335-ND-CP_scanned")) == [lib.ids["scan"]]
    assert _ids(search(lib, "file:nd")) == [lib.ids["scan"]]


def test_a_quoted_relative_date_alone_is_a_date_filter(lib: Any) -> None:
    assert parse('"năm nay"', today=date(2026, 3, 15)) == DateRange(date(2026, 1, 1), date(2026, 12, 31))
    assert parse('"năm ngoái"', today=date(2026, 3, 15)) == DateRange(date(2025, 1, 1), date(2025, 12, 31))
    assert _ids(search(lib, '"năm nay"')) == [lib.ids["review"]]
    assert set(_ids(search(lib, 'đánh giá "năm nay"'))) == {lib.ids["review"]}


def test_words_typed_with_marks_mark_their_exact_form(lib: Any) -> None:
    r = search(lib, "giao đất")
    assert _ids(r)[0] == lib.ids["land"]
    snippets = {h["id"]: h["snippet"] for h in r["hits"]}
    assert "«đất»" in snippets[lib.ids["land"]] and "«đạt»" not in snippets[lib.ids["land"]]
    # a document found only through folding ranks after and marks what it has
    assert _ids(r).index(lib.ids["reached"]) > _ids(r).index(lib.ids["land"])
    assert "«đạt»" in snippets[lib.ids["reached"]]
    # typed without marks, every marking matches
    assert "«đạt»" in {h["id"]: h["snippet"] for h in search(lib, "giao dat")["hits"]}[lib.ids["reached"]]


def test_folded_matches_rank_after_exact_ones(lib: Any) -> None:
    # a long report with "đạt" once comes before a short page full of "đất" (the same letters folded)
    ids = _ids(search(lib, "đạt"))
    assert ids.index(lib.ids["long"]) < ids.index(lib.ids["soil"])
    ids = _ids(search(lib, "dat"))  # typed without marks, every form counts alike: the short page first
    assert ids.index(lib.ids["soil"]) < ids.index(lib.ids["long"])


def test_page_boxes_follow_the_exact_form(tmp_path: Path, engine_name: str) -> None:
    from docmgr.core.catalog import now_iso
    from docmgr.core.models import Document, Page, Word

    library = make_library(tmp_path / "boxes", engine_name)
    doc = Document(id=0, sha256="b" * 64, filename="scan.png", size=1, mime="image/png", suffix=".png",
                   added=now_iso(), status="inbox", trashed=False, text_source="ocr", page_count=1)
    words = [Word("giao", 10, 10, 40, 10, 90), Word("đất", 60, 10, 30, 10, 90), Word("đạt", 100, 10, 30, 10, 90)]
    with library.write_lock(), library.catalog.transaction() as tx:
        doc_id = library.catalog.insert_document(
            tx, doc, [Page(1, "giao đất đạt", "ocr", confidence=90, words=words, width=200, height=100)])
    lefts = sorted(round(b[0] * 200) for b in query_boxes(library, doc_id, "giao đất")[1])
    assert lefts == [10, 60]  # not «đạt»
    assert sorted(round(b[0] * 200) for b in query_boxes(library, doc_id, "giao dat")[1]) == [10, 60, 100]
