"""docmgr restore ID — take a document back out of the trash."""

from __future__ import annotations

import argparse
from typing import Any

from docmgr.cli.commands.show import positive_int


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("restore", help="take a document out of the trash")
    p.add_argument("id", type=positive_int, metavar="ID")
    p.add_argument("--json", action="store_true")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services.documents import restore
    from docmgr.services.library import open_library

    library = open_library(args.library)
    restore(library, args.id)
    status = library.catalog.get(args.id).display_status
    if args.json:
        emit_json({"id": args.id, "status": status})
    else:
        print(f"#{args.id} restored ({status})")
    return 0
