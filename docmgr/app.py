"""Start-up of the desktop app.

The desktop app arrives with the GUI work; until then ``docmgr`` without a command explains the
command line instead.
"""

from __future__ import annotations

from typing import Optional


def main(library: Optional[str] = None) -> int:
    from docmgr.cli.main import build_parser

    build_parser().print_help()
    return 0
