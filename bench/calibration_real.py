"""Benchmark: is the hybrid classifier's confidence honest on real official documents?

A reliability table on ``../shared/data/vn-official-docs-dev`` (real text layers, labels by the
publisher): documents binned by confidence, with the share typed right in each bin, and the same per
kind of evidence (heading and abbreviation agreeing, heading alone, V/v letter, model alone). The
documents are read three ways: whole; with the header block's number line removed (heading alone
left); with the header block removed altogether (the model decides alone, as on a page whose header
OCR could not read). A calibrated classifier is right about as often as it says, and the review
threshold (settings ``review_threshold``, 0.6) sends the doubtful ones to review.

Usage: .venv/bin/python bench/calibration_real.py [--data DIR] [--threshold 0.6]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from docmgr.classify.hybrid import HybridClassifier  # noqa: E402
from docmgr.classify.model import TextModel  # noqa: E402
from docmgr.classify.rules import structure_rules  # noqa: E402
from docmgr.classify.taxonomy import Taxonomy, load_taxonomy, resources_dir  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "vn-official-docs-dev"
BINS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)


def variants(text: str) -> dict[str, str]:
    """The document whole, without its number line, and without its header block."""
    tax = load_taxonomy()
    head = structure_rules(text, tax).header
    lines = text.splitlines()
    out = {"whole": text}
    if head and head.number:
        out["no number"] = "\n".join(ln for i, ln in enumerate(lines) if not head.number.first <= i <= head.number.last)
    if head and head.end:
        out["no header"] = "\n".join(lines[head.end:])
    return out


def evidence(clf: HybridClassifier, text: str) -> str:
    rules = structure_rules(text, clf.taxonomy)
    if rules.agree:
        return "heading = abbreviation"
    if rules.header and rules.header.heading:
        return "heading"
    if rules.header and rules.header.summary_vv:
        return "V/v letter"
    return "rules" if rules.scores else "model alone"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--threshold", type=float, default=0.6)
    a = ap.parse_args()
    tax = load_taxonomy()
    models = {"type": TextModel.load(resources_dir() / "starter" / "type.skops")}
    clf = HybridClassifier(tax, models, a.threshold)
    labels = [json.loads(ln) for ln in (a.data / "labels.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    labels = [lab for lab in labels if _known(tax, lab["doc_type"])]
    rows: list[tuple[str, str, float, bool]] = []  # variant, evidence, confidence, right
    for lab in labels:
        text = (a.data / "docs" / lab["file"]).read_text(encoding="utf-8")
        want = tax.resolve(lab["doc_type"]).code
        for name, t in variants(text).items():
            r = clf.classify(t)
            rows.append((name, evidence(clf, t), r.confidence, r.type_code == want))
    print(f"{len(labels)} real documents ({a.data.name}); review threshold {a.threshold}")
    for group in ("variant", "evidence"):
        table: dict[str, list[tuple[float, bool]]] = defaultdict(list)
        for name, ev, conf, right in rows:
            table[name if group == "variant" else ev].append((conf, right))
        print(f"\nby {group}: n, right, mean confidence, right among confident (≥ threshold), share sent to review")
        for k, v in sorted(table.items()):
            conf = [c for c, _ in v]
            sure = [ok for c, ok in v if c >= a.threshold]
            print(f"  {k:24s} {len(v):4d}  right {sum(ok for _, ok in v) / len(v):.3f}  conf {sum(conf) / len(conf):.3f}"
                  f"  right|confident {sum(sure) / max(1, len(sure)):.3f}  review {1 - len(sure) / len(v):.3f}")
    print("\nreliability (all variants): confidence bin, n, share right")
    for lo, hi in zip(BINS, BINS[1:]):
        v = [ok for _, _, c, ok in rows if lo <= c < hi]
        if v:
            print(f"  [{lo:.2f}, {min(hi, 1.0):.2f})  {len(v):4d}  {sum(v) / len(v):.3f}")


def _known(tax: Taxonomy, name: str) -> bool:
    try:
        tax.resolve(name)
        return True
    except Exception:  # a label with no type of its own (Văn bản hợp nhất)
        return False


if __name__ == "__main__":
    main()
