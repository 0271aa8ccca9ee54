"""docmgr import FILE.zip — file an export package's documents into this library."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("import", help="import an export package",
                       description="Verify every checksum of an export package, then file its documents with their "
                                   "originals, fields and pages. Damaged or unsafe packages are refused (exit 1).")
    p.add_argument("file", metavar="FILE.zip")
    p.add_argument("--json", action="store_true")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services.exchange import import_package
    from docmgr.services.library import open_library

    result = import_package(open_library(args.library), Path(args.file))
    if args.json:
        emit_json(result)
    else:
        print(f"imported {len(result['imported'])} documents ({len(result['duplicates'])} already here)")
    return 0
