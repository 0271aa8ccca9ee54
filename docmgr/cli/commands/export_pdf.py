"""``docmgr export-pdf ID -o FILE``: write a scanned document's searchable PDF (image + text layer)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "export-pdf", help="write the searchable PDF (page images + invisible text) of a scanned document",
        description="Write the searchable archive copy of a scanned document; rebuilt by OCR when missing.")
    parser.add_argument("id", type=int, metavar="ID", help="document id")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF file to write")
    parser.add_argument("--json", action="store_true", help='print {"id", "output", "bytes"}')
    return parser


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from docmgr.cli.output import emit_json
    from docmgr.core.errors import UsageError
    from docmgr.core.library import Library
    from docmgr.core.paths import resolve_library
    from docmgr.services.archive import export_pdf

    if args.id <= 0:
        raise UsageError(f"not a document id: {args.id}")
    library = Library(resolve_library(args.library))
    target = export_pdf(library, args.id, Path(args.output))
    if args.json:
        emit_json({"id": args.id, "output": str(target), "bytes": target.stat().st_size})
    return 0
