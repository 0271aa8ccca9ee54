"""docmgr check — verify originals, catalog and index."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("check", help="verify the library",
                       description="Verify every original's checksum and the catalog's consistency. "
                                   "An interrupted full check continues where it stopped.")
    p.add_argument("--quick", action="store_true",
                   help="skip the checksums: catalog, every original present with its size, the index (seconds)")
    p.add_argument("--json", action="store_true")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import ProgressBar, emit_json
    from docmgr.services.check import check_library
    from docmgr.services.library import open_library

    bar = ProgressBar(unit="doc")
    try:
        report = check_library(open_library(args.library), full=not args.quick, progress=bar)
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
        if report.get("resumed_from"):
            print(f"(continued an interrupted check after #{report['resumed_from']})")
        print(f"{report['checked']} documents checked: " + ("ok" if report["ok"] else
                                                             f"{len(report['problems'])} problems"))
    return 0 if report["ok"] else 1
