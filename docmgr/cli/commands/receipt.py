"""docmgr receipt CODE -o FILE.pdf — the Giấy tiếp nhận hồ sơ và hẹn trả kết quả (with the QR code).

:func:`form_command` also makes the other form commands (supplement-request, refusal, tracking-sheet).
"""

from __future__ import annotations

import argparse
from typing import Any, Callable


def form_command(sub: Any, name: str, help_text: str, *, reason: str = "") -> argparse.ArgumentParser:
    """A ``NAME CODE [--reason R] -o FILE.pdf`` sub-command."""
    p = sub.add_parser(name, help=help_text, description=f"Write the {help_text} of a dossier as a PDF.")
    p.add_argument("code", metavar="CODE")
    if reason:
        p.add_argument("--reason", required=reason == "required", default="", metavar="R", help="the reason, printed")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.add_argument("--json", action="store_true", help='print {"code", "output"}')
    return p


def run_form(args: argparse.Namespace, write: Callable[..., Any]) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services.library import open_library

    library = open_library(args.library)
    path = write(library, args)
    if args.json:
        emit_json({"code": args.code, "output": str(path)})
    else:
        print(path)
    return 0


def register(sub: Any) -> argparse.ArgumentParser:
    return form_command(sub, "receipt", "receipt and return appointment (Giấy tiếp nhận hồ sơ và hẹn trả kết quả)")


def run(args: argparse.Namespace) -> int:
    from docmgr.services.dossier_forms import write_receipt

    return run_form(args, lambda lib, a: write_receipt(lib, a.code, a.output))
