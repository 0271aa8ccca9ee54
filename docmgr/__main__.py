"""The composition root: ``docmgr`` with a sub-command runs the CLI; without one it opens the desktop
app (``docmgr-gui`` always opens it, without a console window on Windows).

This module alone knows both front ends; the CLI never imports the GUI. It is the entry point of the
console script, of ``python -m docmgr`` and of the PyInstaller build (``build.spec``), where
:func:`multiprocessing.freeze_support` lets the worker processes of the frozen app start.
"""

from __future__ import annotations

import multiprocessing
import sys
from typing import Optional, Sequence


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the CLI (a sub-command given) or open the app; returns the exit code."""
    multiprocessing.freeze_support()
    from docmgr.cli.main import parse_args, run

    args = parse_args(argv)
    if args.command is None:
        return gui(args.library)
    return run(args)


def gui(library: Optional[str] = None) -> int:
    """Open the desktop app on ``library`` (default: ``$DOCMGR_LIBRARY`` or the one in the settings)."""
    from docmgr.app import main as app_main

    return app_main(library)


def gui_main(argv: Optional[Sequence[str]] = None) -> int:
    """The ``docmgr-gui`` entry point: the app only (``--library DIR`` is the one option)."""
    import argparse

    multiprocessing.freeze_support()
    parser = argparse.ArgumentParser(prog="docmgr-gui", description="Open the docmgr desktop app.")
    parser.add_argument("--library", metavar="DIR", default=None, help="library folder")
    return gui(parser.parse_known_args(argv)[0].library)


if __name__ == "__main__":
    sys.exit(main())
