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

:mod:`docmgr.classify.header_lines` prepares the rows (motto taken out, flattened lines split).
The block ends at the first line of the body (``Căn cứ``, ``Kính gửi``, ``Điều 1``, ``Chương I`` …):
numbers and dates the body cites are never the document's own. The signature block (last page) gives
the signer and, when the header has none, the date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from docmgr.classify.header_lines import (MARK_LINES, _ANCHOR, _AUTHORITY, _BLANK, _BODY, _DATE_NUMERIC, _DATE_WORDS,
                                          _DIGIT_FIX, _MARKS, _NUMBER, _PARTY_NUMBER, _SYMPART, _VE, _VV, _Row,
                                          _clean, _rows, _split_rows, _strip_motto, fold_chars, is_caps, to_date,
                                          tokens)
from docmgr.classify.sanity import noisy_line
from docmgr.core.text import fold, nfc


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


HEADER_PAGES = 3  # a cover sheet or routing slip may come before the document's first page


def first_header(pages: Sequence[str], headings: Iterable[str] = ()) -> tuple[int, Header]:
    """``(page number, header)`` of the first of the first pages that has a header block (a number,
    a type heading or the motto); page 1 and its (empty) header when none has."""
    keys = tuple(headings)
    found = [(n, parse_header(p, keys)) for n, p in enumerate(pages[:HEADER_PAGES], 1)]
    for n, head in found:
        if head.number or head.heading or head.motto:
            return n, head
    return 1, found[0][1] if found else Header()


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
    rows = _split_rows(rows, headings)
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
