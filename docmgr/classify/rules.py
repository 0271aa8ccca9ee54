"""What a document's own structure says about its type.

Three kinds of evidence, each with a weight and a reason a clerk can read, all taken from the header
block (:mod:`docmgr.classify.header`), never from the body:

* the type heading right after the header (``QUYẾT ĐỊNH``, ``TỜ KHAI ĐĂNG KÝ KHAI SINH``…), even when
  split over lines (``QUYẾT`` / ``ĐỊNH``); a chapter heading further down (``Chương I`` / ``QUY ĐỊNH
  CHUNG``) is not the title;
* the type abbreviation in the number's symbol (``Số: 123/QĐ-UBND``); a symbol without a type
  abbreviation marks a Công văn. The number family ``n/yyyy/XX-…`` marks a normative document: that
  is :attr:`RuleResult.normative`, not another type (a normative decision is a ``Quyết định``);
* ``V/v …`` under the number, the summary line of a Công văn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from docmgr.classify.header import Header, parse_header, tokens
from docmgr.classify.forms import apply_form_rules
from docmgr.classify.reasons import Reason
from docmgr.classify.taxonomy import Taxonomy
from docmgr.core.text import fold, nfc

W_HEADING = 0.9  # under the national motto
W_HEADING_NUMBERED = 0.8  # no motto, but a number in the header (a form: GIẤY MỜI / Số: …)
W_HEADING_BARE = 0.5  # a line in capitals at the top and nothing else: the model must agree
W_AGREE = 0.95  # heading and number abbreviation name the same type
W_ABBR = 0.8
W_VV = 0.85
W_NO_ABBR = 0.45


@dataclass
class RuleResult:
    """Rule evidence: a weight per type code (0–1), the reasons behind them, and the header they read."""

    scores: dict[str, float] = field(default_factory=dict)
    reasons: list[Reason] = field(default_factory=list)
    header: Optional[Header] = None
    agree: bool = False  # the heading and the number's abbreviation name the same type
    normative: bool = False  # numbered in the n/yyyy/… family of legal normative documents

    def add(self, code: str, weight: float, reason: Reason) -> None:
        self.scores[code] = max(self.scores.get(code, 0.0), weight)
        if reason not in self.reasons:
            self.reasons.append(reason)

    @property
    def strength(self) -> float:
        return max(self.scores.values(), default=0.0)


def headings_of(taxonomy: Taxonomy) -> tuple[str, ...]:
    return tuple(h for t in taxonomy.types.values() for h in t.headings)


def structure_rules(pages_text: Sequence[str] | str, taxonomy: Taxonomy) -> RuleResult:
    """Apply the structure rules to the header block of a document's first page."""
    first = pages_text if isinstance(pages_text, str) else (pages_text[0] if pages_text else "")
    head = parse_header(nfc(first or ""), headings_of(taxonomy))
    result = RuleResult(header=head)
    by_number: list[str] = []
    if head.number:
        result.normative = head.number_year
        letter = head.summary_vv and head.heading is None
        # a letter's symbol names its issuer and unit (5664/CT-CS: Cục Thuế), not a type
        by_number = _abbreviation(head.number.text, head.number_year, taxonomy, result, letter)
    by_heading = _heading(head, taxonomy, result)
    agreed = set(by_number) & set(by_heading)
    result.agree = bool(agreed)
    for c in agreed:
        result.scores[c] = max(result.scores[c], W_AGREE)
    if head.summary_vv and head.summary:
        result.add("CV", W_VV, Reason("vv-line", {"line": head.summary.text[:60]}))
    elif head.greeting and head.heading is None and "CV" in result.scores:
        # a number without a type abbreviation, no title, then "Kính gửi:": a Công văn
        result.add("CV", W_VV, Reason("greeting"))
    apply_form_rules(first, taxonomy, result)  # a citizen form overrules the generic readings
    return result


def _abbreviation(number: str, normative: bool, taxonomy: Taxonomy, result: RuleResult, letter: bool) -> list[str]:
    printed = f"Số: {number}"
    party = re.match(r"^\d+-([^/]+)/", number)
    symbol = party.group(1) if party else number.rsplit("/", 1)[-1]
    head = symbol.split("-")[0]
    codes = taxonomy.by_abbr(head)
    if not codes:  # OCR lost the stroke of Đ or the case: compare folded, upper-case
        codes = [c for c, t in taxonomy.types.items() if t.abbr and fold(t.abbr).upper() == fold(head).upper()]
    if letter and not normative:
        codes = []
    if codes:
        for c in codes:
            result.add(c, W_ABBR / (1 if len(codes) == 1 else 1.3), Reason("abbreviation", {"abbr": head, "number": printed}))
    elif normative and re.fullmatch(r"QH\d*", head):
        result.add("LUAT", W_NO_ABBR, Reason("law-number", {"number": printed}))
    elif "-" in symbol and not normative:
        result.add("CV", W_NO_ABBR, Reason("no-abbreviation", {"number": printed}))
    return codes


def _heading(head: Header, taxonomy: Taxonomy, result: RuleResult) -> list[str]:
    if head.heading is None:
        return []
    codes = [c for c, t in taxonomy.types.items() if any(" ".join(tokens(h)) == head.heading_key for h in t.headings)]
    reason = Reason("heading-motto" if head.motto else "heading-top", {"line": head.heading.text})
    weight = W_HEADING if head.motto else W_HEADING_NUMBERED if head.number or head.number_blank else W_HEADING_BARE
    for c in codes:
        result.add(c, weight, reason)
    return codes
