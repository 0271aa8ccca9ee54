"""docmgr dispose ID --reason R [--personal-data] — destroy a record (archivist only; a tombstone remains)."""

from __future__ import annotations

import argparse
from typing import Any

from docmgr.cli.commands.show import positive_int


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("dispose", help="destroy a record whose retention ran out (archivist)",
                       description="Destroy a record: its original, derived files, catalog rows and index entry. "
                                   "Needs the archivist role; refused under a legal hold or before the record is due. "
                                   "A tombstone (metadata, who, when, why) and an audit entry remain. --personal-data: "
                                   "a data subject's deletion request (not bound to the retention date; the tombstone "
                                   "keeps no personal data).")
    p.add_argument("id", type=positive_int, metavar="ID")
    p.add_argument("--reason", required=True, metavar="R")
    p.add_argument("--personal-data", action="store_true")
    p.add_argument("--json", action="store_true")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services.library import open_library
    from docmgr.services.retention import dispose

    tomb = dispose(open_library(args.library), args.id, args.reason, personal_data=args.personal_data)
    if args.json:
        emit_json(tomb)
    else:
        print(f"#{tomb['id']} destroyed ({tomb['kind']}); tombstone kept")
    return 0
