"""Argument parsing, dispatch, exit codes and error reporting of the CLI (see CLI.md).

Each sub-command lives in ``docmgr/cli/commands/<name>.py`` with ``register(subparsers)`` and
``run(args) -> int``; heavy modules are imported inside ``run`` so that ``docmgr --help`` and
``docmgr search`` start fast.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from typing import NoReturn, Optional, Sequence

from docmgr import __version__
from docmgr.cli.commands import COMMANDS
from docmgr.core.errors import Cancelled, DocmgrError, UsageError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors also print ``{"error": ...}`` on stdout under --json."""

    def error(self, message: str) -> NoReturn:
        if "--json" in sys.argv[1:]:
            print(json.dumps({"error": message}, ensure_ascii=False))
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--library", metavar="DIR", default=default,
                        help="library folder (default: $DOCMGR_LIBRARY or the user data folder)")
    parser.add_argument("-v", "--verbose", action="count", default=0 if top else argparse.SUPPRESS,
                        help="more log output on stderr")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="docmgr", description="Offline records desk: file, read, classify and search documents. "
                                                "Without a command, opens the desktop app.")
    parser.add_argument("--version", action="version", version=f"docmgr {__version__}")
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        module = importlib.import_module(f"docmgr.cli.commands.{name}")
        cmd = module.register(sub)
        _common(cmd, top=False)
        cmd.set_defaults(_module=module)
    return parser


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def run(args: argparse.Namespace) -> int:
    """Run a parsed sub-command; map typed errors to one line on stderr and an exit code."""
    logging.basicConfig(level=logging.WARNING - 10 * min(args.verbose, 2), stream=sys.stderr,
                        format="docmgr: %(levelname)s: %(message)s")
    want_json = bool(getattr(args, "json", False))
    try:
        return int(args._module.run(args))
    except KeyboardInterrupt:
        print("docmgr: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Cancelled:
        print("docmgr: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except UsageError as exc:
        return fail(str(exc), EXIT_USAGE, want_json)
    except DocmgrError as exc:
        return fail(str(exc), EXIT_FAILED, want_json)
    except BrokenPipeError:  # `docmgr list --json | head`: the reader has what it wanted
        _silence_stdout()
        return EXIT_FAILED


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush does not fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def fail(message: str, code: int, want_json: bool) -> int:
    """Report an error: one line on stderr, and ``{"error": ...}`` on stdout under --json."""
    if want_json:
        print(json.dumps({"error": message}, ensure_ascii=False), flush=True)
    print(f"docmgr: error: {message}", file=sys.stderr)
    return code
