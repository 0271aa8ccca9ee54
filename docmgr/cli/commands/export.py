"""docmgr export (QUERY | --dossier CODE | --id N…) -o FILE.zip — the originals with manifest.json,
metadata.csv and SHA256SUMS; ID numbers masked unless --unmasked (an archivist's hand-over)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from docmgr.cli.commands.show import positive_int


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("export", help="export documents as a zip package",
                       description="Export every document a search QUERY matches, or a dossier's, as a zip with "
                                   "the untouched originals, manifest.json, metadata.csv and SHA256SUMS. Personal ID "
                                   "numbers are masked unless --unmasked (archivist role).")
    p.add_argument("query", nargs="*", help="a search query (several arguments are joined)")
    p.add_argument("--dossier", metavar="CODE")
    p.add_argument("--id", dest="ids", type=positive_int, action="append", default=[], metavar="N",
                   help="a document id (repeatable)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.zip")
    p.add_argument("--unmasked", action="store_true", help="keep ID numbers as they are")
    p.add_argument("--json", action="store_true")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services.exchange import export, ids_for
    from docmgr.services.library import open_library

    library = open_library(args.library)
    query = " ".join(args.query)
    ids = list(args.ids) or ids_for(library, query=query or None, dossier=args.dossier)
    result = export(library, Path(args.output), ids, masked=not args.unmasked,
                    label=f"dossier {args.dossier}" if args.dossier else query)
    if args.json:
        emit_json(result)
    else:
        print(f"{result['path']}: {result['documents']} documents" + ("" if result["masked"] else " (unmasked)"))
    return 0
