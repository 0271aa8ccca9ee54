"""The one place that knows where docmgr keeps things.

A *library* is a folder; everything in it is laid out by :class:`LibraryPaths`. The default library
lives under the user data dir (platformdirs); ``DOCMGR_LIBRARY`` or ``--library`` override it, and
tests point it at a temporary folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

APP_NAME = "docmgr"
ENV_LIBRARY = "DOCMGR_LIBRARY"


def default_library() -> Path:
    """The library used when neither ``--library`` nor ``DOCMGR_LIBRARY`` is given."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "library"


def resolve_library(explicit: Optional[str | os.PathLike[str]] = None) -> Path:
    """The library folder: the explicit argument, else ``DOCMGR_LIBRARY``, else the one chosen in the
    app's settings dialog (:class:`docmgr.core.settings.AppSettings`), else the default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_LIBRARY)
    if env:
        return Path(env).expanduser()
    from docmgr.core.settings import AppSettings

    chosen = AppSettings.load().library
    return Path(chosen).expanduser() if chosen else default_library()


def config_dir() -> Path:
    """Per-user configuration folder (app-level preferences, not library data)."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


@dataclass(frozen=True)
class LibraryPaths:
    """Layout of a library folder.

    ``catalog`` and ``originals`` are the source of truth; everything under ``derived`` and
    ``index`` can be rebuilt from them.
    """

    root: Path

    @property
    def catalog(self) -> Path:
        return self.root / "catalog.sqlite3"

    @property
    def originals(self) -> Path:
        return self.root / "originals"

    @property
    def quarantine(self) -> Path:
        return self.root / "quarantine"

    @property
    def derived(self) -> Path:
        return self.root / "derived"

    @property
    def thumbnails(self) -> Path:
        return self.derived / "thumbnails"

    @property
    def archive_copies(self) -> Path:
        return self.derived / "archive"

    @property
    def index(self) -> Path:
        return self.root / "index"

    @property
    def models(self) -> Path:
        return self.root / "models"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def write_lock(self) -> Path:
        return self.root / ".write.lock"

    @property
    def tmp(self) -> Path:
        return self.root / "tmp"

    def original(self, sha256: str, suffix: str) -> Path:
        """Where the original with this checksum is stored (two-level fan-out)."""
        return self.originals / sha256[:2] / f"{sha256}{suffix}"
