"""The query language, parsed into an engine-neutral tree.

Syntax (what a clerk types):

* plain words ``giay khai sinh`` — all words preferred (a long question still returns its best matches);
* ``"quyền sử dụng đất"`` — a phrase; ``khai*`` — a prefix;
* fields ``type:`` (code or name), ``so:`` (số ký hiệu; ``number:`` too), ``issuer:``, ``file:``;
* dates ``date:2025``, ``date:2025-01-01..2025-06-30``, ``date:01/01/2025..30/06/2025``, open ends
  ``date:..2024-12-31``, and ``date:"this year"`` / ``"last month"`` / ``"năm nay"`` / ``"tháng trước"``
  (also ``"this month"``, ``"last year"``, ``"tháng này"``, ``"năm ngoái"``, ``"năm trước"``); the
  relative ones also work without ``date:``;
* ``AND``, ``OR``, ``NOT`` (upper case), ``-word``, parentheses.

Bad syntax raises :class:`docmgr.core.errors.UsageError` with a message that says what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Optional, Union

from docmgr.core.errors import UsageError
from docmgr.core.text import fold, nfc

FIELDS = {"type": "type", "loai": "type", "so": "number", "number": "number", "issuer": "issuer",
          "file": "file", "date": "date", "ngay": "date"}


@dataclass(frozen=True)
class Word:
    """One typed word (``prefix`` when it ended with ``*``), optionally limited to a field."""

    text: str
    field: Optional[str] = None
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    """Words that must appear next to each other, optionally in a field."""

    text: str
    field: Optional[str] = None


@dataclass(frozen=True)
class DateRange:
    """Documents dated between ``start`` and ``end`` inclusive (either may be open)."""

    start: Optional[date]
    end: Optional[date]


@dataclass(frozen=True)
class And:
    """All children must match; ``implicit`` when the user just typed words side by side."""

    children: tuple["Node", ...]
    implicit: bool = False


@dataclass(frozen=True)
class Or:
    """At least one child must match."""

    children: tuple["Node", ...]


@dataclass(frozen=True)
class Not:
    """The child must not match."""

    child: "Node"


Node = Union[Word, Phrase, DateRange, And, Or, Not]

_RELATIVE = {
    "this year": "this-year", "nam nay": "this-year", "last year": "last-year", "nam ngoai": "last-year",
    "nam truoc": "last-year", "this month": "this-month", "thang nay": "this-month",
    "last month": "last-month", "thang truoc": "last-month",
}
_BARE_RELATIVE = ("this year", "last year", "this month", "last month", "năm nay", "năm ngoái",
                  "năm trước", "tháng này", "tháng trước")
_OPTION_PAREN = re.compile(r"(?<![\w(])([A-E])\)(?=\s)")
_LEX = re.compile(r'\s*(?:(?P<lp>\()|(?P<rp>\))|(?P<quote>"[^"]*"?)|(?P<word>[^\s()"]+(?:"[^"]*"?)?))')


@dataclass
class _Tok:
    kind: str  # lp rp quote word op
    text: str
    pos: int = field(default=0)


def parse(text: str, *, today: Optional[date] = None) -> Node:
    """Parse a query string; raises :class:`UsageError` on bad syntax."""
    text = nfc(text).strip()
    if not text:
        raise UsageError("empty query")
    if len(set(_OPTION_PAREN.findall(text))) >= 2:  # options "A) … B) …" pasted with a question
        text = _OPTION_PAREN.sub(r"\1.", text)
    today = today or date.today()
    text, relative = _pull_relative(text, today)
    tokens = _lex(text)
    parser = _Parser(tokens, today)
    node: Optional[Node] = parser.parse() if tokens else None
    parts = [n for n in (node, relative) if n is not None]
    if not parts:
        raise UsageError("the query has no letters or digits to search for")
    if len(parts) == 2:
        return And(tuple(parts), implicit=True)
    return parts[0]


def _pull_relative(text: str, today: date) -> tuple[str, Optional[Node]]:
    low = text.lower()
    for phrase in _BARE_RELATIVE:
        i = low.find(phrase)
        if i < 0:
            continue
        j = i + len(phrase)
        if i and low[i - 1] == '"' and low[j:j + 1] == '"':  # "năm nay" quoted, as the help writes it
            i, j = i - 1, j + 1
        if (i == 0 or low[i - 1] == " ") and (j == len(low) or low[j] == " "):
            if low[:i].rstrip().endswith(":"):
                continue
            start, end = relative_range(_RELATIVE[fold(phrase)], today)
            return (text[:i] + text[j:]).strip(), DateRange(start, end)
    return text, None


def relative_range(kind: str, today: date) -> tuple[date, date]:
    """First and last day of this/last year or month."""
    if kind == "this-year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if kind == "last-year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    first = today.replace(day=1)
    if kind == "last-month":
        first = (first - timedelta(days=1)).replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    return first, nxt - timedelta(days=1)


def _lex(text: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    pos = 0
    while pos < len(text):
        m = _LEX.match(text, pos)
        if not m or m.end() == pos:
            break
        group = m.lastgroup or "word"
        kind = group
        value = m.group(group)
        if kind == "quote" and (len(value) < 2 or not value.endswith('"')):
            raise UsageError(f'unclosed quote in query at: {value}')
        if kind == "word" and '"' in value and not value.endswith('"'):
            raise UsageError(f'unclosed quote in query at: {value}')
        if kind == "word" and value in ("AND", "OR", "NOT"):
            kind = "op"
        pos = m.end()
        if kind == "word" and not re.search(r"\w", value):
            continue  # punctuation typed or pasted between words ("2016 - 2020", "–", ",")
        tokens.append(_Tok(kind, value, m.start(group)))
    return tokens


class _Parser:
    """Recursive descent: or := and (OR and)*; and := unary (AND? unary)*; unary := NOT unary | atom."""

    def __init__(self, tokens: list[_Tok], today: date) -> None:
        self.tokens = tokens
        self.i = 0
        self.today = today

    def peek(self) -> Optional[_Tok]:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse(self) -> Node:
        node = self.or_expr()
        tok = self.peek()
        if tok is not None:
            raise UsageError(f"unexpected '{tok.text}' in query (unbalanced parenthesis?)")
        return node

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while (tok := self.peek()) is not None and tok.kind == "op" and tok.text == "OR":
            self.i += 1
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_expr(self) -> Node:
        parts = [self.unary()]
        implicit = True
        while (tok := self.peek()) is not None and not (tok.kind == "rp" or (tok.kind == "op" and tok.text == "OR")):
            if tok.kind == "op" and tok.text == "AND":
                implicit = False
                self.i += 1
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else And(tuple(parts), implicit=implicit)

    def unary(self) -> Node:
        tok = self.peek()
        if tok is None:
            raise UsageError("query ends with an operator: a word is missing after it")
        if tok.kind == "op" and tok.text == "NOT":
            self.i += 1
            return Not(self.unary())
        if tok.kind == "word" and tok.text.startswith("-") and len(tok.text) > 1:
            self.i += 1
            return Not(self.atom(_Tok("word", tok.text[1:], tok.pos)))
        self.i += 1
        return self.atom(tok)

    def atom(self, tok: _Tok) -> Node:
        if tok.kind == "lp":
            node = self.or_expr()
            close = self.peek()
            if close is None or close.kind != "rp":
                raise UsageError("missing ')' in query")
            self.i += 1
            return node
        if tok.kind == "rp":
            raise UsageError("unexpected ')' in query")
        if tok.kind == "op":
            raise UsageError(f"'{tok.text}' needs a word on each side")
        if tok.kind == "quote":
            inner = tok.text[1:-1].strip()
            if not inner:
                raise UsageError('empty phrase "" in query')
            return Phrase(inner)
        return self.word(tok.text)

    def word(self, text: str) -> Node:
        name, sep, value = text.partition(":")
        if sep and name and not value and fold(name.lower()) not in FIELDS:
            return _word(name, None)  # a colon ending a word is punctuation ("Cho hỏi: …", "Điều 5:")
        if sep and name and not name.isdigit():
            key = fold(name.lower())
            if key not in FIELDS:
                raise UsageError(f"unknown field '{name}:' (use type:, so:, issuer:, file:, date:)")
            fld = FIELDS[key]
            if not value:
                raise UsageError(f"'{name}:' needs a value")
            if fld == "date":
                return parse_date_range(value.strip('"'), self.today)
            if value.startswith('"'):
                inner = value.strip('"').strip()
                if not inner:
                    raise UsageError(f'empty phrase after {name}:')
                return Phrase(inner, fld)
            return _word(value, fld)
        return _word(text, None)


def _word(text: str, fld: Optional[str]) -> Node:
    prefix = text.endswith("*")
    core = text.rstrip("*")
    if "*" in core:
        raise UsageError(f"'*' is only allowed at the end of a word: {text}")
    if not re.search(r"\w", core):
        raise UsageError(f"'{text}' has no letters or digits to search for")
    return Word(core, fld, prefix)


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$|^(\d{1,2})/(\d{4})$")


def parse_date_range(value: str, today: date) -> DateRange:
    """``2025``, ``2025-03``, ``03/2025``, a day, ``A..B`` (open ends allowed), or a relative phrase."""
    key = fold(value.lower().strip())
    if key in _RELATIVE:
        return DateRange(*relative_range(_RELATIVE[key], today))
    if ".." in value:
        lo, _, hi = value.partition("..")
        if not lo and not hi:
            raise UsageError("date range '..' needs at least one end")
        return DateRange(_bound(lo, today, end=False) if lo else None, _bound(hi, today, end=True) if hi else None)
    return DateRange(_bound(value, today, end=False), _bound(value, today, end=True))


def _bound(text: str, today: date, *, end: bool) -> date:
    text = text.strip()
    try:
        if _YEAR.match(text):
            y = int(text)
            return date(y, 12, 31) if end else date(y, 1, 1)
        if m := _MONTH.match(text):
            y, mo = (int(m.group(1)), int(m.group(2))) if m.group(1) else (int(m.group(4)), int(m.group(3)))
            first = date(y, mo, 1)
            return (first + timedelta(days=32)).replace(day=1) - timedelta(days=1) if end else first
        if m := _ISO.match(text):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _DMY.match(text):
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError as exc:
        raise UsageError(f"not a valid date: '{text}' ({exc})") from exc
    raise UsageError(f"not a date: '{text}' (use YYYY-MM-DD, dd/mm/yyyy, YYYY, or a range A..B)")
