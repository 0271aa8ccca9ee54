"""The query language: words, phrases, fields, dates, operators, prefixes, and clear errors."""

from __future__ import annotations

from datetime import date

import pytest

from docmgr.core.errors import UsageError
from docmgr.search.query import And, DateRange, Not, Or, Phrase, Word, parse

TODAY = date(2026, 3, 15)


def test_plain_words_are_an_implicit_and() -> None:
    assert parse("giay khai sinh") == And((Word("giay"), Word("khai"), Word("sinh")), implicit=True)


def test_phrase_field_prefix_and_operators() -> None:
    node = parse('"quyền sử dụng đất" OR type:QD AND NOT so:2820/QĐ-UBND khai*')
    assert node == Or((Phrase("quyền sử dụng đất"),
                       And((Word("QD", "type"), Not(Word("2820/QĐ-UBND", "number")), Word("khai", None, True)))))


def test_minus_and_parentheses() -> None:
    assert parse("(dat OR nha) -thue") == And((Or((Word("dat"), Word("nha"))), Not(Word("thue"))), implicit=True)


def test_pasted_punctuation_is_ignored() -> None:
    assert parse("quy hoạch 2016 - 2020") == And((Word("quy"), Word("hoạch"), Word("2016"), Word("2020")),
                                                  implicit=True)


def test_a_colon_ending_a_word_is_punctuation_in_a_question() -> None:
    assert parse("Cho hỏi: thời hạn là bao lâu?") == And(
        (Word("Cho"), Word("hỏi"), Word("thời"), Word("hạn"), Word("là"), Word("bao"), Word("lâu?")), implicit=True)


def test_field_phrase() -> None:
    assert parse('issuer:"UBND Cần Thơ"') == Phrase("UBND Cần Thơ", "issuer")


@pytest.mark.parametrize("text, start, end", [
    ("date:2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("date:2025-02", date(2025, 2, 1), date(2025, 2, 28)),
    ("date:2025-01-05..2025-06-30", date(2025, 1, 5), date(2025, 6, 30)),
    ("date:05/01/2025..30/06/2025", date(2025, 1, 5), date(2025, 6, 30)),
    ("date:..2024-12-31", None, date(2024, 12, 31)),
    ('date:"this year"', date(2026, 1, 1), date(2026, 12, 31)),
    ('date:"năm nay"', date(2026, 1, 1), date(2026, 12, 31)),
    ('date:"last month"', date(2026, 2, 1), date(2026, 2, 28)),
    ('date:"thang truoc"', date(2026, 2, 1), date(2026, 2, 28)),
])
def test_date_ranges(text: str, start: date, end: date) -> None:
    assert parse(text, today=TODAY) == DateRange(start, end)


def test_bare_relative_dates_filter() -> None:
    node = parse("khai sinh tháng trước", today=TODAY)
    assert node == And((And((Word("khai"), Word("sinh")), implicit=True),
                        DateRange(date(2026, 2, 1), date(2026, 2, 28))), implicit=True)
    assert parse("last month", today=date(2026, 1, 10)) == DateRange(date(2025, 12, 1), date(2025, 12, 31))


@pytest.mark.parametrize("text, message", [
    ('"khai sinh', "unclosed quote"),
    ("(dat OR nha", "missing ')'"),
    ("dat)", "unexpected ')'"),
    ("dat OR", "operator"),
    ("AND dat", "needs a word"),
    ("foo:bar", "unknown field 'foo:'"),
    ("type:", "needs a value"),
    ("date:2025-13-01", "not a valid date"),
    ("date:hôm kia", "not a date"),
    ("kh*ai", "only allowed at the end"),
    ("   ", "empty query"),
    ('""', "empty phrase"),
    ("- ,", "no letters or digits"),
])
def test_bad_syntax_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse(text)
