"""Opening the library a command's ``--library`` names (temporary until services.library lands)."""

from __future__ import annotations

import argparse

from docmgr.core.library import Library
from docmgr.core.paths import resolve_library


def library_from_args(args: argparse.Namespace) -> Library:
    return Library(resolve_library(getattr(args, "library", None)))
