"""The header block of a Vietnamese official document, read as a block rather than line by line.

Real text layers and OCR break the header of NĐ 30/2020 Phụ lục I in many ways: the issuer column
and the motto column interleaved line by line (``CỘNG HÒA XÃ`` / ``HỘI CHỦ NGHĨA VIỆT NAM`` /
``ỦY BAN NHÂN DÂN`` …) or flattened onto one line, ``Số:`` on one line and ``2820/QĐ-UBND`` on the
next, ``Hà Nội, ngày 27`` / ``tháng 11 năm 2025``, the type heading split (``QUYẾT`` / ``ĐỊNH``).
:func:`parse_header` returns the parts of the block, each with the lines it came from:

* ``issuer`` — the capitals of the issuer column (the motto taken out);
* ``number`` — the số và ký hiệu as printed (``None`` when left blank: ``Số: /VP-UBND``);
* ``place`` and ``issued`` (ISO date) — ``Cần Thơ, ngày 05 tháng 01 năm 2026``;
* ``heading`` — the type heading right after the header (``QUYẾT ĐỊNH``), never a chapter heading
  further down; ``summary`` — the trích yếu (the ``V/v …`` lines or the words after the heading).

The block ends at the first line of the body (``Căn cứ``, ``Kính gửi``, ``Điều 1``, ``Chương I`` …):
numbers and dates the body cites are never the document's own. The signature block (last page) gives
the signer and, when the header has none, the date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Iterable, Optional

from docmgr.classify.sanity import noisy_line
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


@dataclass(frozen=True)
class Part:
    """One part of the header: its text and the page lines (0-based, of ``text.splitlines()``) it spans."""

    text: str
    first: int
    last: int

    def source(self, page: int = 1) -> dict[str, int]:
        """Where it came from, as stored with a field: page (1-based) and line range."""
        return {"page": page, "line": self.first, "last": self.last}


@dataclass
class Header:
    """The parts of a document's header block (any may be missing)."""

    issuer: Optional[Part] = None
    issuer_rows: int = 0
    number: Optional[Part] = None
    number_year: bool = False
    number_blank: bool = False
    place: Optional[Part] = None
    issued: Optional[Part] = None
    issued_with_place: bool = False
    heading: Optional[Part] = None
    heading_key: str = ""
    summary: Optional[Part] = None
    summary_vv: bool = False
    motto: bool = False
    greeting: bool = False  # the body opens with "Kính gửi:" (a letter's addressees)
    marks: list[Part] = field(default_factory=list)
    end: int = 0


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


def parse_header(page: str, headings: Iterable[str] = ()) -> Header:
    """The header block of a document's first page; ``headings`` are the type headings to know."""
    return _parse(nfc(page or ""), tuple(sorted({h for h in headings}, key=lambda h: -len(h))))


@lru_cache(maxsize=32)
def _parse(page: str, headings: tuple[str, ...]) -> Header:
    head = Header()
    rows, body = _rows(page)
    head.greeting = body.startswith(("kinh gui", "kinh trinh"))
    if not rows:
        return head
    _strip_motto(rows)
    _marks(page, rows, head)
    head.motto = any(r.motto for r in rows)
    motto_end = max((i for i, r in enumerate(rows) if r.motto), default=-1)
    number_at = _number(rows, head)
    heading_at = _heading(rows, head, headings, motto_end, number_at)
    # V/v under the number (a Công văn's trích yếu); one inside a title is that title's summary
    vv_at = next((i for i, r in enumerate(rows[:min((number_at or 0) + 8, heading_at or len(rows))])
                  if not r.role and _VV.match(r.rest)), None)
    if vv_at is not None:
        rows[vv_at].role = "vv"
    top = heading_at if heading_at is not None else len(rows)
    if heading_at is not None and number_at is not None and heading_at < number_at:
        top = min(len(rows), number_at + 3)  # a form's title above its number: the date is under the number
    _issued(rows, head, top)
    if vv_at is not None:
        _summary_vv(rows, head, vv_at)
    _issuer(rows, head, top, number_at)
    if heading_at is not None and head.summary is None:
        _summary_after_heading(rows, head, heading_at)
    if vv_at is None and head.summary is None:
        _summary_ve(rows, head, top)
    last = max((p.last for p in (head.number, head.issued, head.heading, head.summary) if p), default=-1)
    head.end = last + 1
    return head


def _number(rows: list[_Row], head: Header) -> Optional[int]:
    for i, row in enumerate(rows):
        m = _ANCHOR.search(row.rest)
        if not m:
            continue
        if m.start() > 0 and not is_caps(row.rest[:m.start()], 0.8):
            continue  # "số:" inside a sentence; only the flattened issuer column may precede it
        tail, first, last = row.rest[m.end():].strip(), row.idx, row.idx
        if not tail and i + 1 < len(rows):
            tail, last = rows[i + 1].rest.strip(), rows[i + 1].idx
            rows[i + 1].role = "number"
        row.role = "number"
        if _BLANK.match(tail) or not tail or not tail[0].isdigit():
            head.number_blank = bool(_BLANK.match(tail)) or not re.search(r"\d", tail)
            return i
        found = _NUMBER.match(tail)
        if found:
            sym = found.group("sym")
            nxt = rows[i + 1] if i + 1 < len(rows) else None
            if re.search(r"-\s*$", sym) and nxt and nxt.idx > last and re.match(rf"^{_SYMPART}\b", nxt.rest):
                sym += re.match(rf"^{_SYMPART}", nxt.rest).group(0)  # type: ignore[union-attr]
                last, nxt.role = nxt.idx, "number"
            num = found.group("num").translate(_DIGIT_FIX)
            year = f"{found.group('year')}/" if found.group("year") else ""
            sym = re.sub(r"\s+", "", sym).replace("Ð", "Đ").strip("-.")
            head.number = Part(f"{num}/{year}{sym}", first, last)
            head.number_year = bool(year)
            return i
        party = _PARTY_NUMBER.match(tail)
        if party:
            head.number = Part(f"{party.group('num')}-{party.group('abbr')}/{party.group('org')}", first, last)
            return i
        return i
    return None


def _summary_vv(rows: list[_Row], head: Header, i: int) -> None:
    """The ``V/v …`` lines under the number, up to the place and date or the greeting."""
    row = rows[i]
    parts, last = [_VV.sub("", row.rest, count=1).strip()], row.idx
    for nxt in rows[i + 1:i + 5]:
        f = fold_chars(nxt.rest).lower()
        if nxt.role or is_caps(nxt.rest) or _DATE_WORDS.search(f) or _ANCHOR.search(nxt.rest):
            break
        parts.append(nxt.rest)
        nxt.role, last = "vv", nxt.idx
    head.summary, head.summary_vv = Part(" ".join(p for p in parts if p).strip(" ;."), row.idx, last), True


def _heading(rows: list[_Row], head: Header, headings: tuple[str, ...], motto_end: int,
             number_at: Optional[int]) -> Optional[int]:
    """The type heading: the first run of capitals after the motto that starts with a known heading."""
    keys = [(tuple(tokens(h)), h) for h in headings]
    start = motto_end + 1 if motto_end >= 0 else 0
    before: Optional[int] = None
    for i in range(start, len(rows)):
        if rows[i].role or not is_caps(rows[i].rest) or _is_mark(rows[i].rest):
            continue
        run = _caps_run(rows, i)
        toks = [t for r in run for t in tokens(r.rest)]
        best = max((k for k, _ in keys if k and tuple(toks[:len(k)]) == k), key=len, default=None)
        if best is None:
            continue
        if number_at is not None and i < number_at and before is None:
            before = i  # a title above the number (GIẤY MỜI / Số: …) counts only when none follows it
            continue
        return _take_heading(rows, head, i, run, best)
    if before is not None:
        run = _caps_run(rows, before)
        toks = [t for r in run for t in tokens(r.rest)]
        best = max((tuple(tokens(h)) for h in headings if tuple(toks[:len(tokens(h))]) == tuple(tokens(h))), key=len)
        return _take_heading(rows, head, before, run, best)
    return None


def _caps_run(rows: list[_Row], i: int) -> list[_Row]:
    run = [rows[i]]
    for r in rows[i + 1:i + 10]:
        if r.role or not is_caps(r.rest, 0.8) or _ANCHOR.search(r.rest) or _authority(r.rest):
            break
        run.append(r)
    return run


def _take_heading(rows: list[_Row], head: Header, i: int, run: list[_Row], words: tuple[str, ...]) -> int:
    """Record the heading (its words in ``run``) and the title words after it as the summary."""
    need, used = len(words), 0
    rest_parts: list[str] = []
    text_parts: list[str] = []
    last = run[0].idx
    for r in run:
        spans = list(re.finditer(r"[a-z0-9]+", fold_chars(r.rest).lower()))
        if used < need:
            take = min(need - used, len(spans))
            used += take
            text_parts.append(r.rest[:spans[take - 1].end()] if take else "")
            last = r.idx
            remainder = r.rest[spans[take - 1].end():].strip(" :,.") if take else r.rest
            if remainder:
                rest_parts.append((remainder, r.idx))  # type: ignore[arg-type]
        else:
            rest_parts.append((r.rest, r.idx))  # type: ignore[arg-type]
        r.role = "heading"
    head.heading = Part(" ".join(t for t in text_parts if t), run[0].idx, last)
    head.heading_key = " ".join(words)
    if rest_parts:
        text = _VV.sub("", " ".join(t for t, _ in rest_parts), count=1)  # type: ignore[misc]
        head.summary = Part(re.sub(r"\s+", " ", text).strip(" ;."), rest_parts[0][1], rest_parts[-1][1])  # type: ignore[index]
    return rows.index(run[0])


def _authority(text: str) -> bool:
    f = " ".join(tokens(text))
    return f.startswith(_AUTHORITY)


def _is_mark(text: str) -> bool:
    toks = tokens(text)
    return 0 < len(toks) <= 3 and " ".join(toks) in _MARKS


def _summary_after_heading(rows: list[_Row], head: Header, heading_at: int) -> None:
    """``Về việc …`` (mixed case) under the heading: the trích yếu."""
    after = [r for r in rows[heading_at:] if r.role != "heading"][:4]
    if not after or not _VE.match(after[0].rest):
        return
    parts, last = [after[0].rest], after[0].idx
    for r in after[1:]:
        if r.role or is_caps(r.rest) or len(" ".join(parts)) > 300 or _BODY.match(fold(r.rest)):
            break
        parts.append(r.rest)
        last = r.idx
    head.summary = Part(" ".join(parts).strip(" ;."), after[0].idx, last)


def _summary_ve(rows: list[_Row], head: Header, top: int) -> None:
    """A Công văn's ``Về …`` line without ``V/v`` under the number."""
    for r in rows[:top]:
        if not r.role and _VE.match(r.rest) and not _DATE_WORDS.search(fold_chars(r.rest).lower()):
            head.summary, head.summary_vv = Part(r.rest.strip(" ;."), r.idx, r.idx), True
            return


def _issued(rows: list[_Row], head: Header, top: int) -> None:
    """The place and date of the header: ``Hà Nội, ngày 27`` / ``tháng 11 năm 2025`` read as one text."""
    cand = [r for r in rows[:top] if r.role != "heading"]
    joined, owners, starts = "", [], {}  # owners[k]: the row of character k
    for r in cand:
        starts[r.idx] = len(joined)
        joined += r.rest + " "
        owners += [r] * (len(r.rest) + 1)
    folded = fold_chars(joined).lower()
    best: Optional[tuple[int, re.Match[str]]] = None
    for m in _DATE_WORDS.finditer(folded):
        if not to_date(m.group("d"), m.group("m"), m.group("y")):
            continue
        with_place = bool(re.search(r"[^\W\d_]\s*,\s*$", joined[max(0, m.start() - 4):m.start()]))
        if owners[m.start()].role == "vv" and not with_place:
            continue  # a date the V/v line cites
        score = 2 if with_place else 1
        if best is None or score > best[0]:
            best = (score, m)
        if with_place:
            break
    if best is not None:
        m = best[1]
        first_row, last_row = owners[m.start()], owners[m.end() - 1]
        iso = to_date(m.group("d"), m.group("m"), m.group("y"))
        head.issued = Part(iso or "", first_row.idx, last_row.idx)
        head.issued_with_place = best[0] == 2
        _place(cand, head, first_row, joined[starts[first_row.idx]:m.start()])
        for r in cand[cand.index(first_row):cand.index(last_row) + 1]:
            r.role = r.role or "date"
        return
    for r in cand:
        n = _DATE_NUMERIC.search(r.rest)
        if n and to_date(n.group("d"), n.group("m"), n.group("y")):
            head.issued = Part(to_date(n.group("d"), n.group("m"), n.group("y")) or "", r.idx, r.idx)
            r.role = r.role or "date"
            return


def _place(cand: list[_Row], head: Header, row: _Row, before: str) -> None:
    """The place printed before the date, which may begin on the line above (``Thành phố Hồ Chí`` / ``Minh, ngày``)."""
    before = before.rstrip(" ,")
    if row.role in ("number", "vv"):  # flattened: "Số: 12/UBND-VX Ninh Kiều, ngày …", "V/v … Hà Nội, ngày …"
        whole = before
        before = _trailing_place(before)
        if row.role == "vv":  # the V/v summary ends where the place begins
            row.rest = whole[:len(whole) - len(before)].rstrip(" ,")
    k = cand.index(row)
    prev = cand[k - 1] if k else None
    if (prev is not None and not prev.role and _place_like(prev.rest)
            and (not before or len(before.split()) <= 2 or before[0].islower())):
        before = (prev.rest.rstrip(" ,") + " " + before).strip()
        first = prev.idx
        prev.role = "date"
    else:
        first = row.idx
    words = before.split()
    if not words or len(words) > 7 or not before[0].isupper() or any(ch.isdigit() for ch in before):
        return
    head.place = Part(before, first, row.idx)


def _trailing_place(text: str) -> str:
    """The capitalised words at the end of ``text`` (``… GTGT Hà Nội`` → ``Hà Nội``; ``Thành phố …`` kept)."""
    words = text.split()
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() and not is_caps(words[k - 1]) or words[k - 1] in ("phố", "xã", "trấn")):
        k -= 1
    return " ".join(words[k:])


def _place_like(text: str) -> bool:
    t = text.rstrip(" ,")
    return (bool(t) and t[0].isupper() and not _VE.match(t) and len(t.split()) <= 6 and not any(c.isdigit() for c in t)
            and not is_caps(t) and not _ANCHOR.search(t) and not _VV.match(t))


def _marks(page: str, rows: list[_Row], head: Header) -> None:
    """Urgency and secrecy marks (``HỎA TỐC``, ``MẬT``): a short line in capitals near the top, which a
    text layer may emit before or after the greeting."""
    for idx, raw in enumerate(page.splitlines()[:MARK_LINES]):
        text = _clean(raw)
        if text and is_caps(text) and _is_mark(text):
            head.marks.append(Part(text, idx, idx))
            for r in rows:
                if r.idx == idx:
                    r.role = r.role or "mark"


def _issuer(rows: list[_Row], head: Header, top: int, number_at: Optional[int]) -> None:
    parts: list[_Row] = []
    for r in rows[:top]:
        if r.role in ("vv", "heading") or (r.role == "date" and parts):
            if parts and r.role != "date":
                break
            continue
        text = r.rest
        if r.role == "number":  # the flattened issuer column before "Số:"
            m = _ANCHOR.search(text)
            text = text[:m.start()] if m else ""
        text = text.strip(" ,.;:-")
        if (text and is_caps(text, 0.8) and len(text) < 90 and not _is_mark(text) and not noisy_line(text)
                and not _DATE_WORDS.search(fold(text).lower())):
            parts.append(_Row(r.idx, text, text))
    if parts:
        head.issuer = Part(" ".join(p.text for p in parts[:3]), parts[0].idx, parts[min(2, len(parts) - 1)].idx)
        head.issuer_rows = len(parts)


def signature_date(page: str) -> Optional[Part]:
    """``Cần Thơ, ngày … tháng … năm …`` in the last lines of a page (a form or minutes dated at the foot)."""
    lines = page.splitlines()
    for idx in range(len(lines) - 1, max(-1, len(lines) - 30), -1):
        text = _clean(lines[idx])
        joined = text + " " + (_clean(lines[idx + 1]) if idx + 1 < len(lines) else "")
        m = _DATE_WORDS.search(fold_chars(joined).lower())
        if m and m.start() < len(text) and re.search(r"[^\W\d_]\s*,\s*$", joined[:m.start()]):
            iso = to_date(m.group("d"), m.group("m"), m.group("y"))
            if iso:
                return Part(iso, idx, idx + (1 if m.end() > len(text) + 1 else 0))
    return None
