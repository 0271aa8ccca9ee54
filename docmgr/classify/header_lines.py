"""The lines of a header block, made ready for :mod:`docmgr.classify.header` to read as a block.

Each line of the top of page 1 (up to the body's first line: ``Căn cứ``, ``Kính gửi``, ``Điều 1``…)
becomes a row, cleaned of Markdown marks; the national motto's words are taken out of the rows even
where the two header columns were read line by line into each other; a line that text extraction
flattened (``… năm 2025 QUYẾT ĐỊNH``, ``Số: 5664/CT-CS V/v …``) is split in two rows of the same line.
Also the patterns of the header's parts (number, date, V/v) and the folding helpers they use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Optional

from docmgr.core.text import fold, nfc

MAX_ROWS = 45  # lines of page 1 the header block may span
MARK_LINES = 20  # lines of page 1 an urgency or secrecy mark may stand on
_LETTER = r"A-Za-zĐđÐ\u00C0-\u1EF9"
_SYMCH = rf"[{_LETTER}0-9&]"
_SYMPART = rf"{_SYMCH}+(?:\.{_SYMCH}+)*"
# the number after the anchor: 2820/QĐ-UBND, 30/2020/NĐ-CP, 11554/VPCP-V.I, 01814/QĐ-UBND
_NUMBER = re.compile(
    rf"^(?P<num>\d[\dOo]{{0,5}})\s*/\s*(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?"
    rf"(?P<sym>[{_LETTER}]{_SYMCH}*(?:\.{_SYMCH}+)*(?:\s*-\s*{_SYMPART})*(?:\s*-)?)")
_PARTY_NUMBER = re.compile(rf"^(?P<num>\d{{1,5}})\s*-\s*(?P<abbr>[{_LETTER}]{{1,6}})\s*/\s*(?P<org>[{_LETTER}0-9]{{1,8}})")
# "Số:" (mixed case; OCR reads ố as o, ó, 6, 0) at the start of a line or after the flattened issuer column
# without a colon only in mixed case (Số 2744/QĐ-UBND): SỐ 09/2022/QĐ-UBND in capitals is a title citing it
_ANCHOR = re.compile(r"^(?:Số|SỐ|S[oóòôồổơớờ06])\s*[:;.]\s*|^(?:Số|So|S[6ốồổơ])\s+(?=\d+\s*/)|(?<=\s)(?:Số|SỐ)\s*:\s*")
_BLANK = re.compile(rf"^[\s.…_]*/\s*[{_LETTER}]")
_DATE_WORDS = re.compile(
    r"ngay\s*(?P<d>[0-9oOlI]{1,2}(?:\s?[0-9oOlI])?)\s*[,.]?\s*thang\s*(?P<m>[0-9oOlI]{1,2}(?:\s?[0-9oOlI])?)\s*[,.]?\s*"
    r"nam\s*(?P<y>[12][0-9oOlI]{3}|[12]\s?[0-9oOlI]{3})", re.IGNORECASE)
_DATE_NUMERIC = re.compile(r"(?<!\d)(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>(?:19|20)\d\d)(?!\d)")
_DIGIT_FIX = str.maketrans({"o": "0", "O": "0", "l": "1", "I": "1", " ": ""})
_MOTTO = ("cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam")
_MOTTO2 = ("doc", "lap", "tu", "do", "hanh", "phuc")
_BODY = re.compile(r"^(?:can cu|kinh gui|kinh trinh|xet de nghi|theo de nghi|noi nhan|thuc hien|"
                   r"(?:dieu|chuong|muc|phan)\s+(?:thu\s+)?[0-9ivxlc]+\b)", re.IGNORECASE)
# the authority line under a title (CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …) ends the title's summary
_AUTHORITY = ("chu tich", "bo truong", "thu tuong", "uy ban nhan dan", "hoi dong nhan dan", "giam doc",
              "tong giam doc", "chanh an", "vien truong", "cuc truong", "truong ban", "chinh phu", "quoc hoi",
              "uy ban thuong vu", "ban thuong vu", "ban chap hanh", "hieu truong", "khoa ")
_MARKS = ("hoa toc", "thuong khan", "khan", "tuyet mat", "toi mat", "mat")
_VV = re.compile(r"^V\s*/\s*[vV]\b\.?\s*:?\s*")
_VE = re.compile(r"^V(?:ề|e)\s+\S")


@dataclass
class _Row:
    idx: int  # line index in the page
    text: str  # the line, cleaned
    rest: str  # the line without the motto's words
    motto: bool = False
    role: str = ""


def fold_chars(text: str) -> str:
    """``fold`` one character at a time, so that positions in the result are positions in ``text``."""
    return "".join(_fold1(c) for c in text)


@lru_cache(maxsize=4096)
def _fold1(c: str) -> str:
    f = fold(c)
    return f[:1] if f else c


def tokens(text: str) -> list[str]:
    """The folded, lower-case words of a line."""
    return re.findall(r"[a-z0-9]+", fold_chars(text).lower())


def is_caps(text: str, share: float = 0.9) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= share


def to_date(d: str, m: str, y: str) -> Optional[str]:
    """An ISO date from day, month and year as printed (OCR's o/l/I for 0/1 mended), or None."""
    try:
        return date(int(y.translate(_DIGIT_FIX)), int(m.translate(_DIGIT_FIX)), int(d.translate(_DIGIT_FIX))).isoformat()
    except ValueError:
        return None


def _clean(line: str) -> str:
    line = nfc(line).strip()
    line = re.sub(r"^(?:#+|\*+|>+|\|)\s*", "", line)
    return re.sub(r"(?:\*+|\|)\s*$", "", line).strip()


def _strip_motto(rows: list[_Row]) -> None:
    """Take the words of the national motto out of the rows, following them across line breaks and
    over issuer lines interleaved between its halves (two columns read line by line)."""
    for words in (_MOTTO, _MOTTO2):
        stream = [(r, m) for r in rows for m in re.finditer(r"[a-z0-9]+", fold_chars(r.rest).lower())]
        toks = [m.group(0) for _, m in stream]
        k = next((i for i in range(len(toks) - 1) if toks[i:i + 2] == list(words[:2])), -1)
        if k < 0:
            continue
        taken, p, skipped = [], 0, 0
        while k < len(stream) and p < len(words):
            row, m = stream[k]
            if toks[k] == words[p]:
                taken.append(stream[k])
                k, p = k + 1, p + 1
                continue
            if m.start() > 0 and fold_chars(row.rest[:m.start()]).strip(" -–—,"):
                break  # the motto stops inside a line: what is left is a shortened or OCR'd copy
            skipped += 1  # an issuer line between the two halves: skip it whole
            if skipped > 3:
                break
            while k < len(stream) and stream[k][0] is row:
                k += 1
        for row in {id(r): r for r, _ in taken}.values():
            spans = [m for r, m in taken if r is row]
            row.rest = (row.rest[:spans[0].start()].rstrip(" -–—,") + " " + row.rest[spans[-1].end():].lstrip(" -–—,")).strip()
            row.motto = True
    for row in rows:
        row.rest = re.sub(r"[-_=*.–—]{3,}", " ", row.rest).strip()


def _rows(page: str) -> tuple[list[_Row], str]:
    """The lines of the header block (up to the body's first line) and that first line, folded."""
    rows: list[_Row] = []
    for idx, raw in enumerate(page.splitlines()):
        text = _clean(raw)
        if not text:
            continue
        if _BODY.match(fold(text)) and rows:
            return rows, fold(text).lower()
        rows.append(_Row(idx, text, text))
        if len(rows) >= MAX_ROWS:
            break
    return rows, ""


def _split_rows(rows: list[_Row], headings: tuple[str, ...]) -> list[_Row]:
    """Undo what flattening did to one line: ``… năm 2025 QUYẾT ĐỊNH`` (a type heading after the date)
    and ``Số: 5664/CT-CS V/v …`` (the V/v line after the number) become two rows of the same line."""
    keys = {tuple(tokens(h)) for h in headings}
    out: list[_Row] = []
    for row in rows:
        vv = re.search(r"\sV\s*/\s*[vV]\b", row.rest)
        if vv and (_ANCHOR.search(row.rest[:vv.start()]) or re.search(r"\d\s*/\s*\S+\s*$", row.rest[:vv.start()])):
            out += [_Row(row.idx, row.text, row.rest[:vv.start()].strip(), row.motto),
                    _Row(row.idx, row.text, row.rest[vv.start():].strip())]
            continue
        words = row.rest.split()
        k = len(words)
        while k > 0 and (is_caps(words[k - 1]) or not any(c.isalpha() for c in words[k - 1])):
            k -= 1
        while k < len(words) and not any(c.isalpha() for c in words[k]):
            k += 1
        if 0 < k < len(words) and not is_caps(row.rest):
            tail = tokens(" ".join(words[k:]))
            if any(tail[:len(key)] == list(key) or list(key[:len(tail)]) == tail for key in keys if key):
                out += [_Row(row.idx, row.text, " ".join(words[:k]), row.motto),
                        _Row(row.idx, row.text, " ".join(words[k:]))]
                continue
        out.append(row)
    return out
