"""Benchmark: docmgr's text model against paperless-ngx's classifier recipe, in the same run.

5-fold stratified cross-validation on ``../shared/data/vn-legal-doctype/train.jsonl`` (KHÁC, "other",
is label noise and dropped), same folds for both, grouped by the ``doc`` key (excerpts of one source
document never straddle folds; ``--ungrouped`` gives the old, leaky figure). Reports macro-F1 (mean ± sd), total training time
and prediction time per document.

paperless-ngx's recipe (documents/classifier.py): CountVectorizer word 1–2-grams, min_df=0.01,
MLPClassifier(tol=0.01).

Usage: .venv/bin/python bench/classify.py [--data PATH] [--folds 5] [--label doc_type|domain]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from docmgr.classify.model import TextModel  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "vn-legal-doctype" / "train.jsonl"


def paperless_recipe(texts: list[str], labels: list[str]) -> Any:
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import Pipeline

    pipe = Pipeline([("vec", CountVectorizer(analyzer="word", lowercase=True, ngram_range=(1, 2), min_df=0.01)),
                     ("clf", MLPClassifier(tol=0.01, random_state=0))])
    return pipe.fit(texts, labels)


def docmgr_model(texts: list[str], labels: list[str]) -> Any:
    return TextModel.train("type", texts, labels).pipeline


def evaluate(name: str, fit: Callable[[list[str], list[str]], Any], texts: list[str], labels: list[str],
             folds: int, groups: Any = None) -> dict[str, Any]:
    y = np.asarray(labels)
    scores, train_s, predict_s, n_pred = [], 0.0, 0.0, 0
    splitter = (StratifiedKFold(folds, shuffle=True, random_state=42) if groups is None
                else StratifiedGroupKFold(folds, shuffle=True, random_state=42))
    for tr, te in splitter.split(texts, y, groups):
        t0 = time.perf_counter()
        model = fit([texts[i] for i in tr], list(y[tr]))
        t1 = time.perf_counter()
        pred = model.predict([texts[i] for i in te])
        t2 = time.perf_counter()
        train_s += t1 - t0
        predict_s += t2 - t1
        n_pred += len(te)
        scores.append(f1_score(y[te], pred, average="macro"))
    return {"name": name, "macro_f1": round(float(np.mean(scores)), 4), "sd": round(float(np.std(scores)), 4),
            "train_s": round(train_s, 2), "predict_ms_per_doc": round(1000 * predict_s / n_pred, 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--label", default="doc_type")
    ap.add_argument("--ungrouped", action="store_true", help="folds that split a document's excerpts (leaky)")
    a = ap.parse_args()
    rows = [json.loads(line) for line in a.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r[a.label] != "KHÁC"]
    texts, labels = [r["text"] for r in rows], [r[a.label] for r in rows]
    groups = None if a.ungrouped else [r["doc"] for r in rows]
    print(f"{len(rows)} documents, {len(set(labels))} classes ({a.label}), {a.folds}-fold CV", file=sys.stderr)
    results = [evaluate("paperless-ngx recipe", paperless_recipe, texts, labels, a.folds, groups),
               evaluate("docmgr", docmgr_model, texts, labels, a.folds, groups)]
    base, ours = results
    for r in results:
        print(f"{r['name']:<22} macro-F1 {r['macro_f1']:.4f} ± {r['sd']:.4f}   train {r['train_s']:7.2f} s "
              f"({a.folds} folds)   predict {r['predict_ms_per_doc']:.3f} ms/doc")
    print(f"difference: {ours['macro_f1'] - base['macro_f1']:+.4f} (target ≥ +0.10); "
          f"training time ratio docmgr/recipe {ours['train_s'] / base['train_s']:.2f}")
    print(json.dumps({"results": results}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
