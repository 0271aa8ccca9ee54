"""docmgr supplement-request CODE -o FILE.pdf — the request to complete a dossier, listing what is missing."""

from __future__ import annotations

import argparse
from typing import Any

from docmgr.cli.commands.receipt import form_command, run_form


def register(sub: Any) -> argparse.ArgumentParser:
    return form_command(sub, "supplement-request", "request to complete the dossier (Phiếu yêu cầu bổ sung)",
                        reason="optional")


def run(args: argparse.Namespace) -> int:
    from docmgr.services.dossier_forms import write_supplement_request

    return run_form(args, lambda lib, a: write_supplement_request(lib, a.code, a.output, a.reason))
