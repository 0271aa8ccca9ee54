"""docmgr backup -o FILE | --auto — a full, consistent backup of the library."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("backup", help="write a full backup of the library",
                       description="Write a full backup (catalog, originals, settings, audit head, models) with "
                                   "sha256 checksums. --auto makes the scheduled backup when it is due (settings "
                                   "backup_folder, backup_keep, backup_interval_hours) — for the OS task scheduler.")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", metavar="FILE")
    target.add_argument("--auto", action="store_true", help="the scheduled backup, when due")
    p.add_argument("--json", action="store_true")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services.backup import backup, backup_if_due
    from docmgr.services.library import open_library

    library = open_library(args.library)
    result = backup_if_due(library) if args.auto else backup(library, Path(args.output))
    if args.json:
        emit_json(result or {"path": None, "due": False})
    elif result is None:
        print("no automatic backup due (or no backup_folder set)")
    else:
        print(result["path"])
    return 0
