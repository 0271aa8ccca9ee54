"""docmgr check — verify originals, catalog and index."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("check", help="verify the library",
                       description="Verify every original's checksum and the catalog's consistency.")
    p.add_argument("--json", action="store_true")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import ProgressBar, emit_json
    from docmgr.services.check import check_library
    from docmgr.services.library import open_library

    bar = ProgressBar(unit="doc")
    try:
        report = check_library(open_library(args.library), progress=bar)
    finally:
        bar.close()
    if args.json:
        emit_json(report)
    else:
        for problem in report["problems"]:
            ident = f"#{problem['id']} " if problem["id"] else ""
            print(f"{problem['kind']}: {ident}{problem['detail']}")
        for path in report["unreferenced_files"]:
            print(f"note: unreferenced file (left by an interrupted filing; harmless): {path}")
        print(f"{report['checked']} documents checked: " + ("ok" if report["ok"] else
                                                             f"{len(report['problems'])} problems"))
    return 0 if report["ok"] else 1
