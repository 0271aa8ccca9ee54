"""One suite, run on both engines through the search service over a real catalog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from docmgr.core.errors import UsageError
from docmgr.services.documents import restore, trash
from docmgr.services.indexing import sync_index
from docmgr.services.search import more_like_this, search, suggest
from tests.fixtures.catalog_docs import file_doc, make_library

DECISION_P1 = ("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ. Số: 2820/QĐ-UBND. Cần Thơ, ngày 05 tháng 01 năm 2026. "
               "QUYẾT ĐỊNH về việc cấp lại giấy khai sinh cho công dân.")
DECISION_P2 = "Người được cấp: Nguyễn Văn Hòa, số CCCD 092201001234, cư trú tại phường Tân Lộc."


@pytest.fixture
def lib(tmp_path: Path, engine_name: str) -> Any:
    library = make_library(tmp_path / "lib", engine_name)
    ids = {
        "decision": file_doc(library, [DECISION_P1, DECISION_P2], filename="qd-2820.pdf", type_code="QD",
                             fields={"number": "2820/QĐ-UBND", "issuer": "UBND thành phố Cần Thơ",
                                     "issued": "2026-01-05", "summary": "Cấp lại giấy khai sinh"}),
        "so_ho": file_doc(library, ["Thông báo về việc đổi sổ hộ khẩu sang căn cước."], filename="tb-so-ho.pdf",
                          type_code="TB", fields={"issued": "2025-03-10"}),
        "so_lieu": file_doc(library, ["Báo cáo số liệu: số hồ sơ, số lượt, số người, số ngày xử lý."],
                            filename="bc-so-lieu.pdf", type_code="BC", fields={"issued": "2025-07-01"}),
        "land": file_doc(library, ["Đơn đề nghị cấp giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình."],
                         filename="don-dat.pdf", type_code="DON", fields={"issued": "2024-11-20"}),
        "apart": file_doc(library, ["Quyền của người sử dụng lao động; đất nước phát triển."],
                          filename="khac.pdf", type_code="BC", fields={"issued": "2024-02-02"}),
    }
    sync_index(library)
    library.ids = ids
    return library


def _ids(result: dict[str, Any]) -> list[int]:
    return [h["id"] for h in result["hits"]]


def test_result_shape(lib: Any) -> None:
    r = search(lib, "khai sinh")
    assert set(r) == {"query", "total", "suggestion", "facets", "hits"}
    assert set(r["hits"][0]) == {"id", "filename", "title", "type", "score", "page", "snippet"}
    assert r["hits"][0]["title"] == "Cấp lại giấy khai sinh" and r["hits"][0]["filename"] == "qd-2820.pdf"


def test_folded_query_finds_marked_text_and_marks_the_snippet(lib: Any) -> None:
    r = search(lib, "giay khai sinh")
    assert _ids(r) == [lib.ids["decision"]] and r["total"] == 1
    assert "«giấy» «khai» «sinh»" in r["hits"][0]["snippet"]
    assert r["hits"][0]["page"] == 1


def test_marked_query_ranks_exact_marks_first(lib: Any) -> None:
    r = search(lib, "sổ")
    ids = _ids(r)
    assert ids[0] == lib.ids["so_ho"]
    assert lib.ids["so_lieu"] in ids  # số still found, below sổ
    assert search(lib, "so")["total"] == r["total"]


@pytest.mark.parametrize("query", ["2820/QĐ-UBND", "2820", "QĐ-UBND", "qd-ubnd", "2820/qd-ubnd"])
def test_identifier_whole_and_in_parts(lib: Any, query: str) -> None:
    assert _ids(search(lib, query))[0] == lib.ids["decision"]


def test_id_number_names_its_page(lib: Any) -> None:
    r = search(lib, "092201001234")
    assert _ids(r) == [lib.ids["decision"]]
    assert r["hits"][0]["page"] == 2
    assert "«092201001234»" in r["hits"][0]["snippet"]


def test_phrase_needs_adjacent_words(lib: Any) -> None:
    assert set(_ids(search(lib, '"quyen su dung dat"'))) == {lib.ids["land"]}
    assert lib.ids["apart"] in _ids(search(lib, "quyen su dung dat"))


@pytest.mark.parametrize("phrase", ['"quyền sử dụng đất"', '"quyen su dung dat"', '"cấp giấy chứng nhận quyền"'])
def test_long_phrase_is_one_run_of_words_not_its_pairs(lib: Any, phrase: str) -> None:
    # every adjacent pair of the phrase, but never the phrase itself
    scattered = file_doc(lib, ["Quyền sử dụng; cấp giấy, dụng đất. Giấy chứng nhận; chứng nhận quyền sử."],
                         filename="rai-rac.pdf")
    sync_index(lib)  # the writer's catch-up (a search never writes the index)
    assert _ids(search(lib, phrase)) == [lib.ids["land"]]
    assert scattered in _ids(search(lib, phrase.strip('"')))  # as plain words it matches


def test_fields(lib: Any) -> None:
    assert _ids(search(lib, "type:DON")) == [lib.ids["land"]]
    assert _ids(search(lib, "type:\"quyet dinh\"")) == [lib.ids["decision"]]  # the name, without marks
    assert _ids(search(lib, "so:2820")) == [lib.ids["decision"]]
    assert _ids(search(lib, 'issuer:"can tho"')) == [lib.ids["decision"]]
    assert _ids(search(lib, "file:tb-so-ho.pdf")) == [lib.ids["so_ho"]]
    assert search(lib, "type:DON khai")["total"] == 0


def test_date_ranges(lib: Any) -> None:
    assert set(_ids(search(lib, "date:2025-01-01..2025-12-31"))) == {lib.ids["so_ho"], lib.ids["so_lieu"]}
    assert set(_ids(search(lib, "date:01/01/2024..31/12/2024"))) == {lib.ids["land"], lib.ids["apart"]}
    assert set(_ids(search(lib, "so date:..2025-06-30"))) == {lib.ids["so_ho"]}


def test_boolean_operators_and_prefix(lib: Any) -> None:
    assert set(_ids(search(lib, "khai OR khẩu"))) == {lib.ids["decision"], lib.ids["so_ho"]}
    assert lib.ids["so_lieu"] not in _ids(search(lib, "so NOT lieu"))
    assert lib.ids["decision"] in _ids(search(lib, "kha*"))


def test_total_is_exact_beyond_the_limit_and_facets_count_all(lib: Any) -> None:
    r = search(lib, "so", limit=1)
    assert len(r["hits"]) == 1 and r["total"] == 3
    assert r["facets"]["type"] == {"Quyết định": 1, "Thông báo": 1, "Báo cáo": 1}  # Vietnamese names
    assert r["facets"]["year"] == {"2026": 1, "2025": 2}


def test_long_question_still_returns_its_best_match(lib: Any) -> None:
    r = search(lib, "thủ tục xin cấp giấy chứng nhận quyền sử dụng đất như thế nào")
    assert _ids(r)[0] == lib.ids["land"]


def test_did_you_mean(lib: Any) -> None:
    r = search(lib, "khai sinhh")
    assert r["suggestion"] == "khai sinh"
    assert _ids(r) == [lib.ids["decision"]]  # "khai" alone still finds it
    r = search(lib, "chungg nhann")
    assert r["total"] == 0 and r["suggestion"] == "chung nhan"
    assert search(lib, "khai sinh")["suggestion"] is None


def test_sort_by_date(lib: Any) -> None:
    assert _ids(search(lib, "so", sort="date")) == [lib.ids["decision"], lib.ids["so_lieu"], lib.ids["so_ho"]]


def test_autocomplete(lib: Any) -> None:
    assert "giấy khai sinh" in suggest(lib, "giấy khai s")
    assert "khai sinh" in suggest(lib, "khai si")


def test_more_like_this(lib: Any) -> None:
    similar = more_like_this(lib, lib.ids["land"])
    assert similar and lib.ids["land"] not in [s["id"] for s in similar]
    assert similar[0]["id"] == lib.ids["apart"]  # shares quyền, sử dụng, đất


def test_trash_and_restore_keep_the_index_current(lib: Any) -> None:
    trash(lib, lib.ids["decision"])
    assert search(lib, "092201001234")["total"] == 0
    restore(lib, lib.ids["decision"])
    assert _ids(search(lib, "092201001234")) == [lib.ids["decision"]]


def test_new_document_is_found_once_the_writer_caught_up(lib: Any) -> None:
    new = file_doc(lib, ["Giấy xác nhận tình trạng hôn nhân"], filename="xn.pdf")
    assert new not in _ids(search(lib, "tinh trang hon nhan"))  # a search reads the index as it is, never writes it
    assert lib.catalog.unindexed_ids() == [new]
    sync_index(lib)
    assert _ids(search(lib, "tinh trang hon nhan")) == [new]


def test_bad_syntax_is_a_usage_error(lib: Any) -> None:
    with pytest.raises(UsageError, match="unclosed quote"):
        search(lib, '"khai sinh')


def test_many_documents_exact_totals_facets_and_ranking(tmp_path: Path, engine_name: str) -> None:
    """Posting lists longer than one block (Whoosh keeps 128 postings per block), a deleted document."""
    from docmgr.search import IndexDoc, create_engine, parse, plan

    engine = create_engine(engine_name, tmp_path / "ix", create=True)
    docs = [IndexDoc(id=i, pages=[(1, f"Hồ sơ {i} của phường Tân An" + (" giấy khai sinh" if i % 3 == 0 else "")
                                  + (" khai sinh khai sinh" if i == 300 else ""))],
                     type_name="Đơn" if i % 2 else "Tờ khai", issued=f"{2020 + i % 5}-01-01")
            for i in range(1, 401)]
    engine.write(docs[:250], [])
    engine.write(docs[250:], [3])  # a second segment and a deletion
    r = engine.search(plan(parse("khai sinh")), limit=5)
    assert r.total == 132 and r.hits[0].id == 300
    assert sum(r.facets["type"].values()) == 132 and r.facets["type"]["Đơn"] == 66
    assert engine.search(plan(parse("phuong tan an")), limit=1).total == 399
    assert engine.search(plan(parse("-khai")), limit=1).total == 399 - 132
    engine.close()
