"""Key fields of a Vietnamese document, read from its text, each with a confidence.

Keys follow CLI.md: ``number`` (số và ký hiệu as printed, without ``Số:``), ``issued`` (ISO date),
``place``, ``issuer``, ``summary``, ``urgency``, ``secrecy``, ``signer``, ``id_numbers`` (list),
``parcel``, ``map_sheet``. A key is absent when the text does not show it. Matching is done on the
NFC text and, for words, on its folded form, so OCR output without some diacritics still matches.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Optional, Sequence

from docmgr.classify.taxonomy import key, load_taxonomy
from docmgr.core.models import FieldValue
from docmgr.core.text import fold, nfc

HEADER_LINES = 18
_LETTER = r"A-Za-zĐđÐ\u00C0-\u1EF9"
_SYMCH = rf"[{_LETTER}0-9]"
_SYMBOL_PART = rf"{_SYMCH}+"
NUMBER_RE = re.compile(
    rf"^[\W_]*(?:(?i:s[oóòôốồổỗộơ06])|(?i:luật|lệnh|pháp lệnh)\s+(?i:số))\s*[:;.,]?\s*"
    rf"(?P<num>\d[\dOo]{{0,5}})\s*/\s*(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?"
    rf"(?P<sym>[{_LETTER}]{_SYMCH}*(?:\s*-\s*{_SYMBOL_PART})*)")
INLINE_NUMBER_RE = re.compile(
    rf"(?i:số)\s*:?\s*(?P<num>\d{{1,5}})\s*/\s*(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?"
    rf"(?P<sym>[A-ZĐ]{_SYMCH}*(?:-{_SYMBOL_PART})+)")
# on folded lower-case text; OCR often drops marks or reads 0 as o
_DATE_WORDS = re.compile(
    r"ngay\s*(?P<d>[0-9oOlI]{1,2}(?:\s?[0-9oOlI])?)\s*[,.]?\s*thang\s*(?P<m>[0-9oOlI]{1,2}(?:\s?[0-9oOlI])?)\s*[,.]?\s*"
    r"nam\s*(?P<y>[12][0-9oOlI]{3}|[12]\s?[0-9oOlI]{3})")
_DATE_NUMERIC = re.compile(r"(?<!\d)(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>(?:19|20)\d\d)(?!\d)")
_MOTTO = ("cong hoa xa hoi chu nghia viet nam", "doc lap", "tu do", "hanh phuc")
_URGENCY = (("hoa toc", "Hỏa tốc"), ("thuong khan", "Thượng khẩn"), ("khan", "Khẩn"))
_SECRECY = (("tuyet mat", "Tuyệt mật"), ("toi mat", "Tối mật"), ("mat", "Mật"))
_SIGN_PREFIX = re.compile(r"(?:^|\s)(TM|KT|TL|TUQ|Q)\s*\.\s*[A-ZĐ\u00C0-\u1EF8]")
_TITLE_WORDS = ("CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG", "THỦ TƯỚNG", "BỘ TRƯỞNG", "CHÁNH", "BÍ THƯ", "TỔNG", "PHÓ",
                "NGƯỜI", "ỦY VIÊN", "CÁN BỘ", "CÔNG CHỨC", "THỦ TRƯỞNG", "HIỆU TRƯỞNG", "TRƯỞNG BAN")
_NAME = re.compile(r"^[A-ZĐ\u00C0-\u1EF8][a-zđ\u00E0-\u1EF9]+(?: [A-ZĐ\u00C0-\u1EF8][a-zđ\u00E0-\u1EF9]+){1,4}$")
_ID12 = re.compile(r"(?<![\d/])(?<!\d[.,])(\d{12})(?!\d)(?![.,/]\d)")
_PARCEL = re.compile(r"thua(?:\s+dat)?\s*(?:so)?\s*[:.]?\s*(\d{1,5}[a-z]?)\b")
_MAP_SHEET = re.compile(r"to\s+ban\s+do\s*(?:so)?\s*[:.]?\s*(\d{1,4}[a-z]?)\b")
_STOP_SUMMARY = ("can cu", "kinh gui", "dieu ", "chuong ", "xet de nghi", "theo de nghi", "phan ", "- ", "noi nhan")
_DIGIT_FIX = str.maketrans({"o": "0", "O": "0", "l": "1", "I": "1", " ": ""})


def extract_fields(pages_text: Sequence[str] | str) -> dict[str, FieldValue]:
    """Every field the text shows, with its confidence (0–1)."""
    pages = [pages_text] if isinstance(pages_text, str) else list(pages_text)
    pages = [nfc(p or "") for p in pages]
    lines = [ln.strip() for ln in pages[0].splitlines() if ln.strip()] if pages else []
    all_text = "\n".join(pages)
    out: dict[str, FieldValue] = {}
    number = _number(lines, all_text)
    if number:
        out["number"] = number
    dated = _issued(lines)
    if dated:
        out["issued"], place = dated
        if place:
            out["place"] = place
    for name, found in (("issuer", _issuer(lines)), ("summary", _summary(lines)),
                        ("urgency", _mark(lines, _URGENCY)), ("secrecy", _mark(lines, _SECRECY)),
                        ("signer", _signer(pages[-1] if pages else ""))):
        if found:
            out[name] = found
    ids = _id_numbers(all_text)
    if ids:
        out["id_numbers"] = ids
    folded = fold(all_text).lower()
    for name, rx in (("parcel", _PARCEL), ("map_sheet", _MAP_SHEET)):
        m = rx.search(folded)
        if m:
            out[name] = FieldValue(m.group(1), 0.85)
    return out


def _clean_symbol(sym: str) -> str:
    return re.sub(r"\s+", "", sym).replace("Ð", "Đ").rstrip("-")


def _number(lines: list[str], text: str) -> Optional[FieldValue]:
    for ln in lines[:HEADER_LINES]:
        m = NUMBER_RE.search(ln)
        if m:
            num = m.group("num").translate(_DIGIT_FIX)
            year = f"{m.group('year')}/" if m.group("year") else ""
            return FieldValue(f"{num}/{year}{_clean_symbol(m.group('sym'))}", 0.95)
    m = INLINE_NUMBER_RE.search("\n".join(lines[:HEADER_LINES]))
    if m:
        year = f"{m.group('year')}/" if m.group("year") else ""
        return FieldValue(f"{m.group('num')}/{year}{_clean_symbol(m.group('sym'))}", 0.6)
    return None


def _to_date(d: str, m: str, y: str) -> Optional[str]:
    try:
        return date(int(y.translate(_DIGIT_FIX)), int(m.translate(_DIGIT_FIX)), int(d.translate(_DIGIT_FIX))).isoformat()
    except ValueError:
        return None


def _issued(lines: list[str]) -> Optional[tuple[FieldValue, Optional[FieldValue]]]:
    best: Optional[tuple[float, str, Optional[str]]] = None
    for i, ln in enumerate(lines):
        folded = fold(ln).lower()
        if folded.startswith(("can cu", "-", "+")) or "ban hanh kem theo" in folded:
            continue
        header = i < HEADER_LINES
        for m in _DATE_WORDS.finditer(folded):
            iso = _to_date(m.group("d"), m.group("m"), m.group("y"))
            if not iso:
                continue
            before = ln[:m.start()].rstrip(" ,") if len(folded) == len(ln) else ""
            place = _place(before)
            score = (0.95 if place else 0.8) if header else 0.4
            if best is None or score > best[0]:
                best = (score, iso, place)
        if header and best is None:
            for m in _DATE_NUMERIC.finditer(ln):
                iso = _to_date(m.group("d"), m.group("m"), m.group("y"))
                if iso:
                    best = (0.6, iso, None)
                    break
        if best and best[0] >= 0.95:
            break
    if best is None:
        return None
    score, iso, place = best
    return FieldValue(iso, score), (FieldValue(place, 0.9) if place else None)


def _place(before: str) -> Optional[str]:
    """The place name printed before the date (``Cần Thơ, ngày …``), without a leading number block."""
    before = re.sub(r"^.*?\b(?:Số|SỐ)\s*:?\s*\S+\s+", "", before).strip(" ,.;:-")
    before = re.sub(r"^(?:Độc lập - Tự do - Hạnh phúc)\s*", "", before).strip()
    words = before.split()
    if not words or len(words) > 6 or not before[0].isupper() or any(ch.isdigit() for ch in before):
        return None
    return before


def _is_motto(folded: str) -> bool:
    return any(m in folded for m in _MOTTO)


def _issuer(lines: list[str]) -> Optional[FieldValue]:
    """The issuing body: the capitals of the left header column (before or beside the national motto)."""
    folded_lines = [fold(ln).lower() for ln in lines[:10]]
    motto = next((i for i, f in enumerate(folded_lines) if _is_motto(f)), None)
    number = next((i for i, ln in enumerate(lines[:10]) if NUMBER_RE.search(ln)), None)
    if motto is None and number is None:
        return None
    window = lines[: (motto + 2) if motto is not None else number]
    parts: list[str] = []
    titles = _titles()
    for ln in window:
        if NUMBER_RE.search(ln) or _DATE_WORDS.search(fold(ln).lower()) or key(ln) in titles:
            break  # the issuer's block ends where the number, the date or the document's title begins
        for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc"):
            ln = ln.replace(text, " ")
        ln = re.sub(r"[-_=*]{3,}", " ", ln).strip()
        if not ln or _is_motto(fold(ln).lower()):
            continue
        letters = [c for c in ln if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(ln) < 90:
            parts.append(ln)
    if not parts:
        return None
    return FieldValue(" ".join(parts[:3]), 0.8 if len(parts) <= 3 else 0.5)


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """The comparison keys of every type's printed title (``GIẤY MỜI``, ``QUYẾT ĐỊNH``…)."""
    return frozenset(key(h) for t in load_taxonomy().types.values() for h in t.headings)


def _summary(lines: list[str]) -> Optional[FieldValue]:
    for i, ln in enumerate(lines[:HEADER_LINES + 6]):
        m = re.search(r"\bV/v\.?\s*:?\s*(.+)", ln, re.IGNORECASE)
        if m:
            text = m.group(1).strip()
            for nxt in lines[i + 1:i + 3]:
                f = fold(nxt).lower()
                if f.startswith(_STOP_SUMMARY) or _DATE_WORDS.search(f) or nxt.isupper():
                    break
                text += " " + nxt
            return FieldValue(text.strip(" ;."), 0.85)
    for i, ln in enumerate(lines[:HEADER_LINES + 6]):
        f = fold(ln).lower()
        if f.startswith(("ve viec", "ve ")) and i > 0 and lines[i - 1].isupper():
            return FieldValue(_gather(ln, lines[i + 1:i + 3]), 0.85)
    return None


def _gather(first: str, rest: list[str]) -> str:
    text = first
    for nxt in rest:
        f = fold(nxt).lower()
        if f.startswith(_STOP_SUMMARY) or nxt.isupper() or len(text) > 300:
            break
        text += " " + nxt
    return text.strip(" ;.")


def _mark(lines: list[str], marks: tuple[tuple[str, str], ...]) -> Optional[FieldValue]:
    for ln in lines[:HEADER_LINES]:
        if not ln.isupper():
            continue
        folded = fold(ln).lower()
        tokens = re.sub(r"[^a-z ]", " ", folded).split()
        for needle, value in marks:
            n = needle.split()
            if any(tokens[j:j + len(n)] == n for j in range(len(tokens))) and len(tokens) <= 4:
                return FieldValue(value, 0.85)
    return None


def _signer(last_page: str) -> Optional[FieldValue]:
    lines = [ln.strip() for ln in last_page.splitlines() if ln.strip()]
    anchor = None
    for i, ln in enumerate(lines):
        if _SIGN_PREFIX.search(ln) or any(ln.endswith(t) or ln == t for t in _TITLE_WORDS):
            anchor = i
    if anchor is None:
        return None
    for ln in lines[anchor + 1:anchor + 7]:
        cand = re.sub(r"\((?:đã ký|Đã ký|ký)[^)]*\)", "", ln).strip()
        tail = cand.split("  ")[-1].strip()
        for option in (cand, tail, " ".join(cand.split()[-4:]), " ".join(cand.split()[-3:])):
            if _NAME.match(option):
                return FieldValue(option, 0.8)
    return None


def _id_numbers(text: str) -> Optional[FieldValue]:
    found: list[str] = []
    for m in _ID12.finditer(text):
        if m.group(1) not in found:
            found.append(m.group(1))
    if not found:
        return None
    near = re.search(r"(?i)cccd|căn cước|can cuoc|định danh|cmnd", text)
    return FieldValue(found, 0.9 if near else 0.6)
