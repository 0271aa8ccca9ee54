"""docmgr refusal CODE --reason R -o FILE.pdf — the refusal slip (Phiếu từ chối tiếp nhận giải quyết hồ sơ)."""

from __future__ import annotations

import argparse
from typing import Any

from docmgr.cli.commands.receipt import form_command, run_form


def register(sub: Any) -> argparse.ArgumentParser:
    return form_command(sub, "refusal", "refusal slip (Phiếu từ chối tiếp nhận)", reason="required")


def run(args: argparse.Namespace) -> int:
    from docmgr.services.dossier_forms import write_refusal

    return run_form(args, lambda lib, a: write_refusal(lib, a.code, a.reason, a.output))
