"""docmgr ingest PATH... — file documents (files or folders, recursive)."""

from __future__ import annotations

import argparse
import signal
import sys
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("ingest", help="file documents (files or folders, recursive)",
                       description="Read, check and file documents. Rejected files are listed with their "
                                   "reason and copied to the library's quarantine; the batch goes on.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--password", help="password for encrypted PDFs")
    p.add_argument("--type", dest="doc_type", metavar="T",
                   help="file the documents as confirmed with this type (code or Vietnamese name; `docmgr types` lists them): training data")
    p.add_argument("--json", action="store_true", help="one JSON object per input file (JSON Lines)")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import ProgressBar, emit_json
    from docmgr.core.errors import Cancelled
    from docmgr.core.progress import CancelToken
    from docmgr.services.ingest import IngestResult, ingest_paths
    from docmgr.services.library import open_library

    from docmgr.services.classify import resolve_type

    doc_type = resolve_type(args.doc_type) if args.doc_type else None
    library = open_library(args.library)
    cancel = CancelToken()
    bar = ProgressBar()
    failed = False

    def on_interrupt(_signum: int, _frame: Any) -> None:
        if cancel.cancelled:
            raise KeyboardInterrupt
        cancel.cancel()
        bar.write("docmgr: interrupted — finishing or rolling back the current document (Ctrl-C again to abort)")

    def on_result(result: IngestResult) -> None:
        nonlocal failed
        if args.json:
            emit_json(result.to_json())
        elif result.status == "rejected":
            pass
        else:
            extra = f", {result.type}" if result.type else ""
            print(f"{result.status} #{result.id}: {result.path} ({result.pages} p., {result.text_source}{extra})",
                  flush=True)
        if result.warning:
            bar.write(f"docmgr: warning: {result.path}: {result.warning}")
        if result.status == "rejected":
            failed = True
            bar.write(f"docmgr: rejected {result.path}: {result.error}")

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        ingest_paths(library, args.paths, password=args.password, doc_type=doc_type, progress=bar, cancel=cancel, on_result=on_result)
    except Cancelled:
        bar.close()
        print("docmgr: interrupted", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGINT, previous)
        bar.close()
    return 1 if failed else 0
