"""Citizen forms: a filled or blank form is its own type, told by its title and its form code.

A form (``Tờ khai căn cước`` CC01, ``Tờ khai thay đổi thông tin cư trú`` CT01, a birth declaration,
a complaint letter…) prints its title under the national motto — sometimes over two lines, sometimes
a generic word (``TỜ KHAI``, ``ĐƠN ĐỀ NGHỊ``) followed by what it asks for — and often its code at the
top (``Mẫu CT01 ban hành kèm theo Thông tư số 66/2023/TT-BCA``, ``Mẫu số 16: Ban hành kèm theo …``).
Three kinds of evidence, strongest first:

* the form code: a lettered code (``CT01``, ``TK1-TS``) alone, a bare number (``Mẫu số 16``) only
  together with the legal document that issued it, printed on the same line;
* the title block (the title line and the lines that complete it, up to ``Kính gửi`` or the first
  labelled blank) starting with one of the type's ``headings``; a type with ``subtitles`` needs one
  of them in the block (two forms sharing a title, told apart by whom they are for);
* for a form whose title is left blank or is generic (``ĐƠN ….``, ``THÔNG BÁO Về việc ….``), the
  generic title (``marker_titles``, ``""`` for none) together with ``min_markers`` of its labelled
  blanks (``markers``) anywhere on the first page.

A recognised form overrules the generic readings of the same page (``ĐƠN ĐỀ NGHỊ`` → Đơn đề nghị,
a symbol without an abbreviation → Công văn): the form is the more specific type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from docmgr.classify.reasons import Reason
from docmgr.core.text import fold, nfc

if TYPE_CHECKING:
    from docmgr.classify.rules import RuleResult
    from docmgr.classify.taxonomy import DocType, Taxonomy

W_FORM_CODE = 0.95
W_FORM_TITLE = 0.92
W_FORM_MARKERS = 0.8
W_FORM_SECOND = 0.4
W_GENERIC = 0.6  # a title that disagrees with the printed code stays a candidate
TOP_LINES = 40
BLOCK_LINES = 4

_ARTEFACTS = str.maketrans("", "", "\u00ac\u00ad\u200b")  # Word's optional hyphens, zero-width space
_CODE_RE = re.compile(r"^\W*mau\s+(?:so\s*)?[:.]?\s*(?P<code>[a-z]{1,4}\s?\d{1,3}(?:-[a-z0-9]+)*|\d{1,3}[a-z]?(?:/[a-z0-9-]+)?)\b")
_BASIS_RE = re.compile(r"\d{1,4}/\d{4}/[a-z0-9-]+")
_STOP_RE = re.compile(r"^(?:kinh gui|can cu|ten toi|toi ten|toi la|ho va ten|ho chu dem)\b")
_ENUM_RE = re.compile(r"^(?:\d{1,2}|[ivx]{1,4}|[a-e])\s*[.)/:]\s*|^\[\d+\]")


def words(text: str) -> str:
    """The comparison form of a title: folded, lower case, words of letters and digits only,
    footnote marks ``(1)`` and dotted blanks dropped."""
    text = nfc(text).translate(_ARTEFACTS)
    text = re.sub(r"\(\s*\d{1,2}\s*\)", " ", text)
    text = re.sub(r"[^a-z0-9]+", " ", fold(text).lower())
    return re.sub(r"\s+", " ", text).strip()


def code_key(code: str) -> str:
    """A form code compared: folded, no ``Mẫu``/``số``, no spaces, leading zeros of numbers dropped."""
    k = re.sub(r"^\s*mau\s+(?:so\s*)?", "", fold(nfc(code)).lower())
    k = re.sub(r"\s+", "", k)
    return re.sub(r"(?<![0-9])0+(?=\d)", "", k)


@dataclass(frozen=True)
class FormHit:
    """A form recognised on a page: its type code, the evidence's weight and the reason."""

    code: str
    weight: float
    reason: Reason


def apply_form_rules(page_text: str, taxonomy: "Taxonomy", result: "RuleResult") -> Optional[FormHit]:
    """Add the form a page shows, if any, to ``result``, displacing the generic readings."""
    hits = recognise_forms(page_text, taxonomy)
    if not hits:
        _drop_untold(page_text, taxonomy, result)
        return None
    best = hits[0]
    result.scores.clear()
    for hit in hits:
        result.add(hit.code, hit.weight, hit.reason)
    return best


def _drop_untold(page_text: str, taxonomy: "Taxonomy", result: "RuleResult") -> None:
    """A title two forms share, without the words that tell them apart, is neither form: the
    generic type its title starts with (``ĐƠN ĐỀ NGHỊ`` → Đơn đề nghị) stands instead."""
    untold = [c for c in result.scores if c in taxonomy.types and taxonomy.types[c].subtitles]
    if not untold:
        return
    for c in untold:
        del result.scores[c]
    block, _ = title_block(_lines(page_text))
    generic = [(len(words(h)), c, h) for c, t in taxonomy.types.items() if not t.subtitles
               for h in t.headings if len(words(h)) >= 6 and _starts(block, words(h))]  # characters
    if generic:
        _, code, heading = max(generic)
        result.add(code, W_GENERIC, Reason("title-line", {"line": heading[:60]}))


def _lines(page_text: str) -> list[str]:
    return [ln.strip() for ln in nfc(page_text).translate(_ARTEFACTS).splitlines() if ln.strip()][:TOP_LINES]


def recognise_forms(page_text: str, taxonomy: "Taxonomy") -> list[FormHit]:
    """The forms a page shows, strongest first (usually one; two when code and title disagree)."""
    forms = [t for t in taxonomy.types.values() if _is_form(t)]
    if not forms:
        return []
    lines = _lines(page_text)
    hits: list[FormHit] = []
    by_code = _by_form_code(lines, forms)
    if by_code:
        hits.append(by_code)
    block, vv = title_block(lines)
    titled = _by_title(block, vv, forms) or _by_markers(block, lines, forms)
    if titled and not any(h.code == titled.code for h in hits):
        hits.append(titled if not hits else FormHit(titled.code, W_FORM_SECOND, titled.reason))
    return hits


def _is_form(t: "DocType") -> bool:
    return t.category == "citizen-form" or bool(t.form or t.markers)


def _by_form_code(lines: list[str], forms: list["DocType"]) -> Optional[FormHit]:
    for ln in lines[:6]:
        folded = fold(ln).lower()
        m = _CODE_RE.search(folded)
        if not m:
            continue
        printed = code_key(m.group("code"))
        numeric = printed[:1].isdigit()
        basis = {code_key(b) for b in _BASIS_RE.findall(folded)}
        for t in forms:
            if not t.form or code_key(t.form) != printed:
                continue
            if numeric and code_key(t.form_basis) not in basis:
                continue  # "Mẫu số 10" of which circular? Not this one's
            return FormHit(t.code, W_FORM_CODE, Reason("form-code", {"code": ln[:70]}))
    return None


def title_block(lines: list[str]) -> tuple[str, str]:
    """The title block in comparison form, and the ``V/v`` line's words (``""`` when none)."""
    start = 0
    for i, ln in enumerate(lines[:14]):
        w = words(ln)
        if ("doc lap" in w and "hanh phuc" in w) or ("independent" in w and "happiness" in w):
            start = i + 1
    vv = next((words(re.sub(r"^.*?\bV/v\b\s*:?", "", ln, flags=re.IGNORECASE))
               for ln in lines[:20] if re.search(r"(?:^|[\s(])V/v\b", ln, re.IGNORECASE)), "")
    block: list[str] = []
    for idx in range(start, min(len(lines), start + 14)):
        ln = lines[idx]
        w = words(ln)
        if block:
            if not w or ":" in ln or _STOP_RE.match(w) or _ENUM_RE.match(ln.strip().lower()) or len(block) >= BLOCK_LINES:
                break
            block.append(w)
            continue
        if _skip(ln, w):
            continue
        if _STOP_RE.match(w):
            break
        if _caps(ln) or idx == 0:
            block.append(w)
    return " ".join(block), vv


def _skip(line: str, w: str) -> bool:
    """Lines above a title that are not it: national name, separators, number, date, form caption."""
    if not w or re.fullmatch(r"[\W_]*", line):
        return True
    return bool("xa hoi chu nghia" in w or "socialist republic" in w or re.match(r"^(?:so|mau)\b", w)
                or re.search(r"\bngay\b.*\bthang\b.*\bnam\b", w))


def _caps(line: str) -> bool:
    """A title line: its letters (before any bracket) are capitals."""
    head = line.split("(")[0]
    letters = [c for c in head if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) / len(letters) >= 0.85


def _starts(block: str, heading: str) -> bool:
    return bool(heading) and (block == heading or block.startswith(heading + " "))


def _by_title(block: str, vv: str, forms: list["DocType"]) -> Optional[FormHit]:
    best: Optional[tuple[tuple[int, int], "DocType", str]] = None
    for t in forms:
        for h in t.headings:
            hw = words(h)
            text = block if _starts(block, hw) else (vv if _starts(vv, hw) else "")
            if not text:
                continue
            subs = [words(s) for s in t.subtitles]
            if subs and not any(s in text for s in subs):
                continue
            rank = (len(hw), 1 if subs else 0)
            if best is None or rank > best[0]:
                best = (rank, t, h)
    if best is None:
        return None
    return FormHit(best[1].code, W_FORM_TITLE, Reason("form-title", {"line": best[2][:70]}))


def _by_markers(block: str, lines: list[str], forms: list["DocType"]) -> Optional[FormHit]:
    page = " " + " ".join(words(ln) for ln in lines) + " "
    best: Optional[tuple[int, "DocType"]] = None
    for t in forms:
        if not t.markers:
            continue
        titles = [words(x) for x in t.marker_titles] or [""]
        if not any(not x or _starts(block, x) for x in titles):
            continue
        found = sum(1 for m in t.markers if f" {words(m)} " in page)
        if found >= (t.min_markers or len(t.markers)) and (best is None or found > best[0]):
            best = (found, t)
    if best is None:
        return None
    return FormHit(best[1].code, W_FORM_MARKERS,
                   Reason("form-markers", {"count": str(best[0]), "form": best[1].name_vi}))
