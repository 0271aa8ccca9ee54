"""Entry point: ``docmgr`` with a sub-command runs the CLI; without one it opens the desktop app."""

from __future__ import annotations

import sys
from typing import Optional, Sequence


def main(argv: Optional[Sequence[str]] = None) -> int:
    from docmgr.cli.main import parse_args, run

    args = parse_args(argv)
    if args.command is None:
        from docmgr.app import main as app_main

        return app_main(args.library)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
