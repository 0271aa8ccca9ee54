"""docmgr restore ID — take a document back out of the trash;
docmgr restore FILE --library DIR — restore a full backup into a new library folder (CLI.md "Archive")."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("restore", help="take a document out of the trash, or restore a backup",
                       description="`restore ID`: take document ID out of the trash. `restore FILE --library DIR`: "
                                   "restore the backup FILE into the new (empty) library DIR; every checksum is "
                                   "verified first and a damaged backup is refused (exit 1).")
    p.add_argument("what", metavar="ID|FILE")
    p.add_argument("--json", action="store_true")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.core.errors import UsageError

    if args.what.isdigit() and not Path(args.what).is_file():
        return _untrash(args, int(args.what))
    if not Path(args.what).is_file():
        raise UsageError(f"{args.what}: neither a document id nor a backup file")
    if not args.library:
        raise UsageError("restore FILE needs --library DIR (a new, empty folder)")
    from docmgr.services.backup import restore

    result = restore(Path(args.what), Path(args.library))
    if args.json:
        emit_json(result)
    else:
        print(f"restored {result['documents']} documents into {result['path']}")
    return 0


def _untrash(args: argparse.Namespace, doc_id: int) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.core.errors import UsageError
    from docmgr.services.documents import restore
    from docmgr.services.library import open_library

    if doc_id <= 0:
        raise UsageError(f"not a document id: {doc_id}")
    library = open_library(args.library)
    restore(library, doc_id)
    status = library.catalog.get(doc_id).display_status
    if args.json:
        emit_json({"id": doc_id, "status": status})
    else:
        print(f"#{doc_id} restored ({status})")
    return 0
