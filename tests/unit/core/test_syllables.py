"""Vietnamese syllable rules: real words pass, a scanner's English OCR of Vietnamese does not."""

from __future__ import annotations

import pytest

from docmgr.core.syllables import is_syllable, quality, read_words
from docmgr.core.text import fold
from tests.fixtures.builders import DECISION


@pytest.mark.parametrize("word", ["quyết", "định", "nghĩa", "giữa", "gì", "giêng", "khuyến", "thuở", "ương",
                                  "Nguyễn", "QUYẾT", "ĐỊNH", "xoong", "kỳ", "hợp", "THANH", "PHO", "NGHIA", "CONG"])
def test_vietnamese_syllables_pass(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["Hcok", "VIVT", "CHiJ", "HQI", "with", "and", "ce", "ka", "ghu", "strong",
                                  "hởp", "quua", "ngn"])
def test_other_words_fail(word: str) -> None:
    assert not is_syllable(word)


def test_a_scanners_english_ocr_of_a_vietnamese_header_reads_unlike_vietnamese() -> None:
    real = read_words(" ".join(DECISION))
    scanner = read_words("UBND THANH PHO DA NANG CONG Hcok xA HQI CHiJ NGHiA VIVT NAM S6: 463Y SGDDT")
    assert real.marked > 0.5 and real.syllables > 0.9
    assert scanner.marked == 0 and scanner.syllables < 0.7 and scanner.odd_case > 0.1
    stripped = read_words(fold(" ".join(DECISION)))   # marks lost, words intact
    assert stripped.marked == 0 and stripped.syllables > 0.9
    assert quality(" ".join(DECISION)) > quality(fold(" ".join(DECISION))) > quality("Hcok xA HQI CHiJ VIVT")
