import unicodedata

from docmgr.core.text import fold, has_marks, nfc, normalize_tones, sort_key


def test_nfc_composes_decomposed_input() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn")
    assert len(decomposed) == 8
    assert nfc(decomposed) == "Nguyễn" and len(nfc(decomposed)) == 6


def test_fold_removes_marks_and_maps_d_stroke() -> None:
    assert fold("Đăng ký quyền sử dụng đất") == "Dang ky quyen su dung dat"
    assert fold(unicodedata.normalize("NFD", "Hồ sơ")) == "Ho so"
    assert has_marks("đi") and not has_marks("di")


def test_tone_placement_is_normalised() -> None:
    assert normalize_tones("hoà") == normalize_tones("hòa") == "hòa"
    assert normalize_tones("thuỷ") == normalize_tones("thủy") == "thủy"
    assert normalize_tones("qúy") == normalize_tones("quý") == "quý"
    assert normalize_tones("HOÀ BÌNH") == "HÒA BÌNH"
    # words whose placement is already fixed stay as they are
    for word in ("Nguyễn", "người", "thuở", "khoái", "giữa", "gì", "hoàng", "quyết"):
        assert normalize_tones(word) == word


def test_vietnamese_alphabetical_order() -> None:
    words = ["đức", "dung", "ăn", "anh", "ân", "bé", "ơn", "ông", "ốc", "uyên", "ưu"]
    assert sorted(words, key=sort_key) == ["anh", "ăn", "ân", "bé", "dung", "đức", "ốc", "ông", "ơn", "uyên", "ưu"]
    assert sorted(["má", "mà", "ma", "mạ", "mả", "mã"], key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_fold_agrees_with_decomposing_the_whole_text() -> None:
    import unicodedata

    from docmgr.core.text import fold

    samples = ["Đăng ký khai sinh", "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", unicodedata.normalize("NFD", "Nguyễn Thị"),
               "Größe 25 m² — 中文 ﬁ", "e\u0301\u0323 a\u0323\u0301"]
    for text in samples:
        decomposed = unicodedata.normalize("NFD", text)
        expected = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn").replace("đ", "d").replace("Đ", "D")
        assert fold(text) == expected
