"""What a document's own structure says about its type.

Three kinds of evidence, each with a weight and a reason a clerk can read:

* the type heading in capitals under the national motto (``QUYẾT ĐỊNH``, ``TỜ KHAI ĐĂNG KÝ KHAI SINH``…);
* the type abbreviation in the number's symbol (``Số: 123/QĐ-UBND``); the number family
  ``n/yyyy/XX-…`` marks a normative document, a symbol without a type abbreviation a Công văn;
* ``V/v …`` under the number, the summary line of a Công văn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from docmgr.classify.fields import HEADER_LINES, NUMBER_RE
from docmgr.classify.forms import apply_form_rules
from docmgr.classify.reasons import Reason
from docmgr.classify.taxonomy import Taxonomy, key
from docmgr.core.text import fold, nfc

W_HEADING = 0.9
W_HEADING_PREFIX = 0.6
W_ABBR = 0.8
W_VV = 0.85
W_NO_ABBR = 0.45


@dataclass
class RuleResult:
    """Rule evidence: a weight per type code (0–1) and the reasons behind them."""

    scores: dict[str, float] = field(default_factory=dict)
    reasons: list[Reason] = field(default_factory=list)

    def add(self, code: str, weight: float, reason: Reason) -> None:
        self.scores[code] = max(self.scores.get(code, 0.0), weight)
        if reason not in self.reasons:
            self.reasons.append(reason)

    @property
    def strength(self) -> float:
        return max(self.scores.values(), default=0.0)


def structure_rules(pages_text: Sequence[str] | str, taxonomy: Taxonomy) -> RuleResult:
    """Apply the structure rules to the first page of a document."""
    first = pages_text if isinstance(pages_text, str) else (pages_text[0] if pages_text else "")
    lines = [ln.strip() for ln in nfc(first).splitlines() if ln.strip()][:HEADER_LINES + 10]
    result = RuleResult()
    normative_family: Optional[bool] = None
    for ln in lines[:HEADER_LINES]:
        m = NUMBER_RE.search(ln)
        if m:
            normative_family = _abbreviation(m, taxonomy, result)
            break
    _heading(lines, taxonomy, result, normative_family)
    for ln in lines[:HEADER_LINES + 4]:
        if re.search(r"(?:^|\s)V/v\b", ln, re.IGNORECASE):
            result.add("CV", W_VV, Reason("vv-line", {"line": ln[:60]}))
            break
    apply_form_rules(first, taxonomy, result)  # a citizen form overrules the generic readings
    return result


def _abbreviation(m: re.Match[str], taxonomy: Taxonomy, result: RuleResult) -> bool:
    symbol = re.sub(r"\s+", "", m.group("sym")).replace("Ð", "Đ")
    head = symbol.split("-")[0]
    normative = bool(m.group("year"))
    printed = m.group(0).strip()
    codes = taxonomy.by_abbr(head)
    if not codes:  # OCR lost the stroke of Đ or the case: compare folded, upper-case
        codes = [c for c, t in taxonomy.types.items() if t.abbr and fold(t.abbr).upper() == fold(head).upper()]
    codes = [c for c in codes if (taxonomy.types[c].category == "normative") == normative] or codes
    if codes:
        for c in codes:
            result.add(c, W_ABBR / (1 if len(codes) == 1 else 1.3),
                       Reason("abbreviation", {"abbr": head, "number": printed}))
    elif normative and re.fullmatch(r"QH\d*", head):
        result.add("LUAT", W_NO_ABBR, Reason("law-number", {"number": printed}))
    elif "-" in symbol and not normative:
        result.add("CV", W_NO_ABBR, Reason("no-abbreviation", {"number": printed}))
    return normative


def _heading(lines: list[str], taxonomy: Taxonomy, result: RuleResult, normative: Optional[bool]) -> None:
    headings: list[tuple[str, str]] = sorted(
        ((key(h), c) for c, t in taxonomy.types.items() for h in t.headings), key=lambda hc: -len(hc[0]))
    after_motto = False
    prefix_hit: Optional[tuple[list[str], str]] = None
    for ln in lines:
        folded = key(ln)
        if "doc lap" in folded and "hanh phuc" in folded:
            after_motto = True
            continue
        letters = [c for c in ln if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.9 or "xa hoi chu nghia" in folded:
            continue
        folded = re.sub(r"[^a-z0-9 ,]", " ", folded)
        folded = re.sub(r"\s+", " ", folded).strip(" ,")
        exact = [c for h, c in headings if h == folded]
        if exact:
            codes = _by_family(exact, taxonomy, normative)
            reason = Reason("heading-motto" if after_motto else "heading-top", {"line": ln})
            for c in codes:
                result.add(c, W_HEADING if after_motto else W_HEADING - 0.1, reason)
            return
        if prefix_hit is None:
            pref = [c for h, c in headings if folded.startswith(h + " ") and len(h) >= 6]
            if pref:
                top = max(len(h) for h, c in headings if c in pref and folded.startswith(h + " "))
                best = [c for h, c in headings if len(h) == top and folded.startswith(h + " ")]
                prefix_hit = (_by_family(best, taxonomy, normative), ln)
    if prefix_hit:
        for c in prefix_hit[0]:
            result.add(c, W_HEADING_PREFIX, Reason("title-line", {"line": prefix_hit[1][:60]}))


def _by_family(codes: list[str], taxonomy: Taxonomy, normative: Optional[bool]) -> list[str]:
    """Keep the administrative or the normative reading of a shared heading, by the number family."""
    codes = list(dict.fromkeys(codes))
    if len(codes) < 2:
        return codes
    want = "normative" if normative else "administrative"
    kept = [c for c in codes if taxonomy.types[c].category == want]
    return kept or codes
