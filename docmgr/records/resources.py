"""Where the records' data files live, and reading them with one clear error per bad file.

The shipped files are in ``resources/records/`` (installed as ``docmgr/resources/records/``;
``DOCMGR_RESOURCES`` overrides the resources folder, as for the taxonomy). A library may hold its own edited copy of any of them in ``<library>/records/``;
that copy wins.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Optional

from docmgr.core.errors import DocmgrError

ENV_RESOURCES = "DOCMGR_RESOURCES"


class RecordsDataError(DocmgrError):
    """A records data file (calendar, procedures, units) is unreadable or invalid; names the file."""


def shipped_dir() -> Path:
    """``records/`` of the package ``docmgr.resources`` (the checkout's top-level ``resources/``,
    installed inside the package; found with importlib.resources), or of ``$DOCMGR_RESOURCES``."""
    env = os.environ.get(ENV_RESOURCES)
    if env:
        return Path(env) / "records"
    from importlib.resources import files

    return Path(str(files("docmgr.resources"))) / "records"


def data_file(name: str, library_root: Optional[Path] = None) -> Path:
    """The file ``name`` to use: the library's own copy when it exists, else the shipped one."""
    if library_root is not None:
        own = Path(library_root) / "records" / name
        if own.exists():
            return own
    return shipped_dir() / name


def read_json(path: Path) -> Any:
    """Parse a JSON data file.

    Raises:
        RecordsDataError: missing, unreadable or not JSON (the message names the file, line and column).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RecordsDataError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordsDataError(f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})") from exc
