"""The Vietnamese analysis: tone placement, exact and folded views, identifiers, dates, no stop list."""

from __future__ import annotations

import unicodedata

import pytest

from docmgr.search.analysis import analyse, exact_form, expand, fast_fold, has_marks, words
from docmgr.core.text import fold


@pytest.mark.parametrize("a, b", [("hoà", "hòa"), ("thuỷ", "thủy"), ("qúy", "quý"), ("HOÀ BÌNH", "hòa bình"),
                                  ("khoẻ", "khỏe")])
def test_tone_placement_variants_meet(a: str, b: str) -> None:
    assert exact_form(a) == exact_form(b)
    assert analyse(a).exact == analyse(b).exact


def test_nfd_input_is_normalised() -> None:
    decomposed = unicodedata.normalize("NFD", "Giấy khai sinh")
    assert analyse(decomposed).exact == "giấy khai sinh"


def test_folded_view_removes_marks_and_d_bar() -> None:
    views = analyse("Đăng ký quyền sử dụng đất")
    assert views.exact == "đăng ký quyền sử dụng đất"
    assert views.folded == "dang ky quyen su dung dat"


def test_fast_fold_matches_core_fold_on_every_vietnamese_letter() -> None:
    letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
    text = letters + letters.upper()
    assert fast_fold(text) == fold(text)


def test_identifier_whole_and_in_parts() -> None:
    terms = analyse("Số: 2820/QĐ-UBND").folded.split()
    for t in ("2820/qd-ubnd", "2820", "qd-ubnd", "qd", "ubnd"):
        assert t in terms
    assert expand("30/2020/nđ-cp") == ("30/2020/nđ-cp", "30", "2020", "nđ-cp", "nđ", "cp")


def test_dates_also_give_iso_and_id_numbers_stay_whole() -> None:
    terms = analyse("ngày 05/01/2026, CCCD số 092201001234.").folded.split()
    assert "2026-01-05" in terms and "05/01/2026" in terms
    assert "092201001234" in terms


def test_no_stop_list() -> None:
    assert analyse("các và của những").folded.split() == ["cac", "va", "cua", "nhung"]


def test_query_words_keep_identifiers_whole() -> None:
    assert words("so 2820/QĐ-UBND") == ["so", "2820/qđ-ubnd"]
    assert has_marks("sổ") and not has_marks("so")
