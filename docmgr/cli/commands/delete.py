"""docmgr delete ID — move a document to the trash (nothing is destroyed)."""

from __future__ import annotations

import argparse
from typing import Any

from docmgr.cli.commands.show import positive_int


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("delete", help="move a document to the trash",
                       description="Move a document to the trash. `docmgr restore ID` takes it back.")
    p.add_argument("id", type=positive_int, metavar="ID")
    p.add_argument("--json", action="store_true")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services.documents import trash
    from docmgr.services.library import open_library

    trash(open_library(args.library), args.id)
    if args.json:
        emit_json({"id": args.id, "status": "trashed"})
    else:
        print(f"#{args.id} moved to the trash")
    return 0
