"""Opening a library for a use case, with the library's log file attached."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path
from typing import Optional

from docmgr.core.library import Library
from docmgr.core.paths import resolve_library

_log_handlers: dict[Path, logging.Handler] = {}


def open_library(path: Optional[str | os.PathLike[str]] = None) -> Library:
    """Open (creating when needed) the library at ``path``, ``$DOCMGR_LIBRARY`` or the default.

    Warnings and errors of docmgr are also written to the library's ``logs/docmgr.log``.
    """
    library = Library(resolve_library(path))
    _attach_log(library.paths.logs / "docmgr.log")
    from docmgr.services.records_setup import ensure_records

    ensure_records(library)
    return library


def _attach_log(path: Path) -> None:
    if path in _log_handlers:
        return
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8",
                                                   delay=True)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("docmgr")
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)
    _log_handlers[path] = handler
