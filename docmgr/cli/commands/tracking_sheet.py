"""docmgr tracking-sheet CODE -o FILE.pdf — the Phiếu kiểm soát quá trình giải quyết hồ sơ."""

from __future__ import annotations

import argparse
from typing import Any

from docmgr.cli.commands.receipt import form_command, run_form


def register(sub: Any) -> argparse.ArgumentParser:
    return form_command(sub, "tracking-sheet", "tracking sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ)")


def run(args: argparse.Namespace) -> int:
    from docmgr.services.dossier_forms import write_tracking_sheet

    return run_form(args, lambda lib, a: write_tracking_sheet(lib, a.code, a.output))
