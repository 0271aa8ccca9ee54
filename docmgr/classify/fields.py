"""Key fields of a Vietnamese document, read from its header and signature blocks, each with a confidence.

Keys follow CLI.md: ``number`` (số và ký hiệu as printed, without ``Số:``), ``issued`` (ISO date),
``place``, ``issuer``, ``summary`` (the trích yếu), ``urgency``, ``secrecy``, ``signer``,
``id_numbers`` (list), ``parcel``, ``map_sheet``. A key is absent when the text does not show it.

The document's own number, date, place, issuer and summary come from its header block
(:mod:`docmgr.classify.header`) and, for the signer and a date printed at the foot, from its
signature block — never from the documents it cites. Each value carries where it was read
(``FieldValue.source``: page and line range), so the review panel can show the line. A value that
does not look like what it claims (an issuer that is no agency name, an "ID" read off a dotted
leader line or without a province code) is dropped rather than shown with a confidence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from docmgr.classify.header import Header, Part, is_caps, parse_header, signature_date
from docmgr.classify.sanity import looks_like_agency, plausible_id
from docmgr.classify.taxonomy import load_taxonomy
from docmgr.core.models import FieldValue
from docmgr.core.text import fold, nfc

_URGENCY = (("hoa toc", "Hỏa tốc"), ("thuong khan", "Thượng khẩn"), ("khan", "Khẩn"))
_SECRECY = (("tuyet mat", "Tuyệt mật"), ("toi mat", "Tối mật"), ("mat", "Mật"))
_SIGN_PREFIX = re.compile(r"(?:^|\s)(TM|KT|TL|TUQ|Q)\s*\.\s*[A-ZĐ\u00C0-\u1EF8]")
_TITLE_WORDS = ("CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG", "THỦ TƯỚNG", "BỘ TRƯỞNG", "CHÁNH", "BÍ THƯ", "TỔNG", "PHÓ",
                "NGƯỜI", "ỦY VIÊN", "CÁN BỘ", "CÔNG CHỨC", "THỦ TRƯỞNG", "HIỆU TRƯỞNG", "TRƯỞNG BAN")
_NAME = re.compile(r"^[A-ZĐ\u00C0-\u1EF8][a-zđ\u00E0-\u1EF9]+(?: [A-ZĐ\u00C0-\u1EF8][a-zđ\u00E0-\u1EF9]+){1,4}$")
_ID12 = re.compile(r"(?<![\d/])(?<!\d[.,])(\d{12})(?!\d)(?![.,/]\d)")
_PARCEL = re.compile(r"thua(?:\s+dat)?\s*(?:so)?\s*[:.]?\s*(\d{1,5}[a-z]?)\b")
_MAP_SHEET = re.compile(r"to\s+ban\s+do\s*(?:so)?\s*[:.]?\s*(\d{1,4}[a-z]?)\b")


@lru_cache(maxsize=1)
def _headings() -> tuple[str, ...]:
    """The printed title of every type of the shipped taxonomy (``QUYẾT ĐỊNH``, ``GIẤY MỜI``…)."""
    return tuple(h for t in load_taxonomy().types.values() for h in t.headings)


def header_of(pages_text: Sequence[str] | str, headings: Optional[Sequence[str]] = None) -> Header:
    """The header block of a document's first page."""
    first = pages_text if isinstance(pages_text, str) else (pages_text[0] if pages_text else "")
    return parse_header(first or "", tuple(headings) if headings is not None else _headings())


def extract_fields(pages_text: Sequence[str] | str, headings: Optional[Sequence[str]] = None) -> dict[str, FieldValue]:
    """Every field the text shows, with its confidence (0–1) and where it was read."""
    pages = [pages_text] if isinstance(pages_text, str) else list(pages_text)
    pages = [nfc(p or "") for p in pages]
    if not pages:
        return {}
    head = header_of(pages, headings)
    out: dict[str, FieldValue] = {}

    def put(name: str, value: object, confidence: float, part: Optional[Part], page: int = 1) -> None:
        out[name] = FieldValue(value, confidence, source=part.source(page) if part else None)

    if head.number:
        put("number", head.number.text, 0.95, head.number)
    if head.issued:
        put("issued", head.issued.text, 0.95 if head.issued_with_place else 0.8, head.issued)
    else:
        foot = signature_date(pages[-1])
        if foot:
            put("issued", foot.text, 0.7, foot, len(pages))
    if head.place:
        put("place", head.place.text, 0.9, head.place)
    if head.issuer and looks_like_agency(head.issuer.text):
        put("issuer", head.issuer.text, 0.8 if head.issuer_rows <= 3 else 0.5, head.issuer)
    if head.summary:
        put("summary", head.summary.text, 0.85, head.summary)
    for name, marks in (("urgency", _URGENCY), ("secrecy", _SECRECY)):
        found = _mark(head.marks, marks)
        if found:
            put(name, found[0], 0.85, found[1])
    signer = _signer(pages[-1])
    if signer:
        put("signer", signer[0], 0.8, signer[1], len(pages))
    ids = _id_numbers(pages)
    if ids:
        out["id_numbers"] = ids
    for name, rx in (("parcel", _PARCEL), ("map_sheet", _MAP_SHEET)):
        for n, page in enumerate(pages, 1):
            m = rx.search(fold(page).lower())
            if m:
                put(name, m.group(1), 0.85, _line_of(page, m.start()), n)
                break
    return out


def _line_of(text: str, at: int) -> Part:
    """The line holding character ``at`` of ``text`` (fold keeps one character per precomposed letter)."""
    line = text.count("\n", 0, at)
    return Part(text.splitlines()[line] if text else "", line, line)


def _mark(marks: list[Part], wanted: tuple[tuple[str, str], ...]) -> Optional[tuple[str, Part]]:
    for part in marks:
        folded = re.sub(r"[^a-z ]", " ", fold(part.text).lower()).split()
        for needle, value in wanted:
            if " ".join(folded) == needle:
                return value, part
    return None


def _signer(last_page: str) -> Optional[tuple[str, Part]]:
    """The name under the first signature anchor (``TM.``, ``KT.``, a title such as ``CHỦ TỊCH``) that
    has one: the signature block comes before any appendix, and a name may be broken over lines."""
    lines = last_page.splitlines()
    clean = [ln.strip().lstrip("#* ").strip() for ln in lines]
    for i, ln in enumerate(clean):
        if not (_SIGN_PREFIX.search(ln) or (is_caps(ln) and any(ln.endswith(t) or ln == t for t in _TITLE_WORDS))):
            continue
        for j in range(i + 1, min(len(lines), i + 8)):
            cand = re.sub(r"\((?:đã ký|Đã ký|ký)[^)]*\)", "", clean[j]).strip()
            if not cand or is_caps(cand):
                continue
            if j + 1 < len(clean) and len(cand.split()) == 1 and clean[j + 1][:1].isupper() and not is_caps(clean[j + 1]):
                cand = f"{cand} {clean[j + 1]}"  # a name broken over lines (Mai / Sơn)
            tail = cand.split("  ")[-1].strip()
            for option in (cand, tail, " ".join(cand.split()[-4:]), " ".join(cand.split()[-3:])):
                if _NAME.match(option):
                    return option, Part(clean[j], j, j)
    return None


def _id_numbers(pages: list[str]) -> Optional[FieldValue]:
    found: list[str] = []
    source: Optional[dict[str, int]] = None
    for n, page in enumerate(pages, 1):
        for m in _ID12.finditer(page):
            if m.group(1) not in found and plausible_id(page, m.start(1), m.end(1)):
                found.append(m.group(1))
                if source is None:
                    source = _line_of(page, m.start(1)).source(n)
    if not found:
        return None
    near = re.search(r"(?i)cccd|căn cước|can cuoc|định danh|cmnd", "\n".join(pages))
    return FieldValue(found, 0.9 if near else 0.6, source=source)
