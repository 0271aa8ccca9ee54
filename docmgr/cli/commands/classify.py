"""docmgr classify PATH... — type, candidates, explanation and fields of each file; files nothing."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("classify", help="classify files without filing them",
                       description="Read each file and print its document type (with the top 3 candidates, "
                                   "confidence and why), field of work and extracted fields. Nothing is filed.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="one JSON object per input file (JSON Lines)")
    p.add_argument("--all-pages", action="store_true",
                   help="OCR every page of a scan (default: page 1 and the last page, where the header and the "
                        "signature block are)")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import ProgressBar, emit_json, interrupt_cancels
    from docmgr.core.progress import CancelToken
    from docmgr.services.classify import classify_paths
    from docmgr.services.library import open_library

    library = open_library(args.library)
    bar = ProgressBar()
    failed = False

    def on_result(row: dict[str, Any]) -> None:
        nonlocal failed
        if row.get("error"):
            failed = True
            bar.write(f"docmgr: cannot read {row['path']}: {row['error']}")
        if args.json:
            emit_json(row)
        elif not row.get("error"):
            review = "  [needs review]" if row["needs_review"] else ""
            print(f"{row['path']}: {row['type'] or '—'} ({row['confidence']:.0%}){review}", flush=True)
            others = ", ".join(f"{c['type']} {c['probability']:.0%}" for c in row["candidates"][1:])
            if others:
                print(f"  also: {others}")
            if row["why"]:
                print(f"  why: {row['why']}")
            for key, value in row["fields"].items():
                print(f"  {key}: {', '.join(value) if isinstance(value, list) else value}")
            if row.get("field_of_work"):
                print(f"  field of work: {row['field_of_work']}")

    cancel = CancelToken()
    try:
        with interrupt_cancels(cancel, bar):
            classify_paths(library, args.paths, progress=bar, on_result=on_result, cancel=cancel,
                           all_pages=args.all_pages)
    finally:
        bar.close()
    return 1 if failed else 0
