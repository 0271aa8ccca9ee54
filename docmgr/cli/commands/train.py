"""docmgr train — retrain the classifier on the library's confirmed documents."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("train", help="train the classifier on confirmed documents",
                       description="Train the document-type and field-of-work models on the confirmed documents "
                                   "and print their cross-validated macro-F1.")
    p.add_argument("--json", action="store_true", help="one JSON object")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import ProgressBar, emit_json
    from docmgr.services.classify import train
    from docmgr.services.library import open_library

    bar = ProgressBar(unit="doc")
    try:
        report = train(open_library(args.library), progress=bar)
    finally:
        bar.close()
    if args.json:
        emit_json(report)
        return 0
    print(f"trained on {report['documents']} confirmed document(s)")
    for label, entry in report["labels"].items():
        f1 = "—" if entry["macro_f1"] is None else f"{entry['macro_f1']:.3f}"
        print(f"  {label}: {entry['classes']} classes, cross-validated macro-F1 {f1}")
    return 0
