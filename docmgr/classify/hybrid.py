"""Rules + text models → a type with candidates, confidence and an explanation; fields; second labels.

The structure rules (:mod:`docmgr.classify.rules`) are trusted in proportion to their weight: a
heading under the national motto that agrees with the number's abbreviation leaves little room to
the model; without rules the model decides alone. A text with neither rules nor words the model
knows gets no type and goes to review rather than receiving a confident wrong guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from docmgr.classify.fields import extract_fields
from docmgr.classify.model import TextModel
from docmgr.classify.reasons import Reason
from docmgr.classify.rules import structure_rules
from docmgr.classify.taxonomy import Taxonomy
from docmgr.core.models import FieldValue
from docmgr.core.text import fold, nfc

MIN_SIGNAL = 4  # distinct known syllables below which the model alone is not trusted
MODEL_CHARS = 8000  # characters of a document the models read (from its start)
TOP_N = 3


@dataclass
class Candidate:
    """One candidate type and its probability."""

    code: str
    name: str
    probability: float


@dataclass
class Classification:
    """The result of classifying one document's text."""

    type_code: Optional[str]
    type_name: Optional[str]
    confidence: float
    needs_review: bool
    candidates: list[Candidate]
    reasons: list[Reason]
    fields: dict[str, FieldValue] = field(default_factory=dict)
    field_of_work: Optional[str] = None
    field_of_work_name: Optional[str] = None
    field_of_work_confidence: float = 0.0
    triage: Optional[str] = None
    triage_confidence: float = 0.0
    normative: bool = False

    @property
    def why(self) -> list[str]:
        """The reasons in English, one line each."""
        return [r.text() for r in self.reasons]

    def stored(self) -> dict[str, Any]:
        """What the catalog keeps in its ``classification`` column."""
        out: dict[str, Any] = {
            "candidates": [{"type_code": c.code, "probability": round(c.probability, 4)} for c in self.candidates],
            "why": self.why, "reasons": [r.to_json() for r in self.reasons], "needs_review": self.needs_review,
            "field_of_work_confidence": round(self.field_of_work_confidence, 4), "normative": self.normative,
            "sources": {k: v.source for k, v in self.fields.items() if v.source}}
        if self.triage:
            out["triage"] = self.triage
            out["triage_confidence"] = round(self.triage_confidence, 4)
        return out

    def to_json(self) -> dict[str, Any]:
        """The CLI's ``classify --json`` shape (without ``path``)."""
        out: dict[str, Any] = {
            "type": self.type_name, "type_code": self.type_code, "normative": self.normative,
            "confidence": round(self.confidence, 4), "needs_review": self.needs_review,
            "candidates": [{"type": c.name, "type_code": c.code, "probability": round(c.probability, 4)}
                           for c in self.candidates],
            "why": "; ".join(self.why),
            "fields": {k: v.value for k, v in self.fields.items()},
            "field_confidence": {k: round(v.confidence, 2) for k, v in self.fields.items()},
            "field_of_work": self.field_of_work_name, "field_of_work_code": self.field_of_work,
        }
        if self.triage:
            out["triage"] = self.triage
            out["triage_confidence"] = round(self.triage_confidence, 4)
        return out


class HybridClassifier:
    """Classify texts with the structure rules and the available models.

    Args:
        taxonomy: the type list.
        models: trained models by label (``type``, ``field_of_work``, ``triage``); any may be missing.
        review_threshold: below this confidence a document needs review.
    """

    def __init__(self, taxonomy: Taxonomy, models: dict[str, TextModel], review_threshold: float) -> None:
        self.taxonomy = taxonomy
        self.models = models
        self.review_threshold = review_threshold

    def classify(self, pages_text: Sequence[str] | str) -> Classification:
        """Type, candidates, explanation, fields and second labels of one document."""
        pages = [pages_text] if isinstance(pages_text, str) else [p or "" for p in pages_text]
        pages = [nfc(p) for p in pages]
        # the type shows in the first pages; long reports would only slow the models down
        text = "\n".join(pages)[:MODEL_CHARS]
        rules = structure_rules(pages, self.taxonomy)
        fields = extract_fields(pages)
        _restore_abbreviation(fields, self.taxonomy)
        model = self.models.get("type")
        probs: dict[str, float] = {}
        signal = 0
        if model is not None and text.strip():
            probs = _current(model.predict_proba([text])[0], self.taxonomy)
            signal = model.signal(text)
        combined = _combine(probs, rules.scores, rules.strength)
        why = list(rules.reasons)
        if not combined or (rules.strength == 0 and signal == 0):
            return Classification(None, None, 0.0, True, [], why + [Reason("no-evidence")], fields)
        ranked = sorted(combined.items(), key=lambda kv: -kv[1])
        best, confidence = ranked[0]
        if rules.strength == 0 and signal < MIN_SIGNAL:
            confidence *= signal / MIN_SIGNAL
            why.append(Reason("few-words", {"count": str(signal)}))
        if rules.strength == 0 and confidence < self.review_threshold:
            # nothing in the page's structure and the model unsure: no type (never the nearest one);
            # the candidates stay as suggestions for the clerk
            candidates = [Candidate(c, self.taxonomy.name(c) or c, p) for c, p in ranked[:TOP_N]]
            return Classification(None, None, confidence, True, candidates, why + [Reason("no-type")], fields)
        if model is not None and best in model.classes:
            terms = model.top_terms(text, best)
            if terms:
                why.append(Reason("terms", {"terms": ", ".join(terms)}))
        candidates = [Candidate(c, self.taxonomy.name(c) or c, p) for c, p in ranked[:TOP_N]]
        result = Classification(best, self.taxonomy.name(best), confidence, confidence < self.review_threshold,
                                candidates, why, fields)
        result.normative = rules.normative or self.taxonomy.is_normative_form(best)
        self._field_of_work(result, text)
        self._triage(result, text)
        return result

    def _field_of_work(self, result: Classification, text: str) -> None:
        t = self.taxonomy.get(result.type_code)
        probs: dict[str, float] = {}
        model = self.models.get("field_of_work")
        if model is not None:
            probs = model.predict_proba([text])[0]
        if t is not None and t.field_of_work:
            probs = _combine(probs, {t.field_of_work: 0.8}, 0.6)
        if not probs:
            return
        code, p = max(probs.items(), key=lambda kv: kv[1])
        label = self.taxonomy.fields_of_work.get(code)
        result.field_of_work, result.field_of_work_confidence = code, p
        result.field_of_work_name = label.name_vi if label else code

    def _triage(self, result: Classification, text: str) -> None:
        model = self.models.get("triage")
        if model is None or result.type_code not in self.taxonomy.triage_types:
            return
        code, p = max(model.predict_proba([text])[0].items(), key=lambda kv: kv[1])
        result.triage, result.triage_confidence = code, p


def _current(probs: dict[str, float], taxonomy: Taxonomy) -> dict[str, float]:
    """A model's probabilities over the codes in use: a retired code's share goes to its successor."""
    if not any(c in taxonomy.retired for c in probs):
        return probs
    out: dict[str, float] = {}
    for c, p in probs.items():
        code = taxonomy.current(c)
        out[code] = out.get(code, 0.0) + p
    return out


def _restore_abbreviation(fields: dict[str, FieldValue], taxonomy: Taxonomy) -> None:
    """OCR often reads Đ as D: put the stroke back in a number's type abbreviation (``QD`` → ``QĐ``)."""
    number = fields.get("number")
    if number is None or "-" not in str(number.value):
        return
    head, sep, rest = str(number.value).rpartition("/")[2].partition("-")
    if head in {t.abbr for t in taxonomy.types.values()}:
        return
    known = {t.abbr for t in taxonomy.types.values() if t.abbr and "Đ" in t.abbr and fold(t.abbr) == head}
    if len(known) == 1:
        prefix = str(number.value)[: len(str(number.value)) - len(head + sep + rest)]
        fields["number"] = FieldValue(f"{prefix}{known.pop()}{sep}{rest}", min(number.confidence, 0.8))


def _combine(probs: dict[str, float], rule_scores: dict[str, float], strength: float) -> dict[str, float]:
    """Mix model probabilities with the rules' distribution, weighted by the strongest rule."""
    if not rule_scores:
        return dict(probs)
    total = sum(rule_scores.values())
    rule_dist = {c: s / total for c, s in rule_scores.items()}
    if not probs:
        return {c: p * strength for c, p in rule_dist.items()}
    keys = set(probs) | set(rule_dist)
    return {c: (1 - strength) * probs.get(c, 0.0) + strength * rule_dist.get(c, 0.0) for c in keys}
