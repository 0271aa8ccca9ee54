"""Typed settings, each declared once with its type and default.

Library settings live in the library (``settings.json``) so that every process that opens the
library — the app, the CLI, a script — behaves alike. Unknown keys are kept (a newer docmgr may have
written them); values of the wrong type fall back to the default with a warning.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from docmgr.core.atomic import write_atomic

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1


@dataclass
class Settings:
    """Library settings.

    Attributes:
        ocr_languages: tesseract language string.
        review_threshold: below this classifier confidence a document goes to "needs review".
        file_time_limit: seconds one input file may take before it is rejected.
        max_pages: inputs with more pages are rejected.
        max_megapixels: images (and rendered pages) above this are rejected before decoding.
        max_page_area_m2: PDF pages larger than this are rejected before rendering.
        search_engine: "whoosh" (default, embedded) or "tantivy" (large libraries).
        inbox_folder: a folder watched for new files ("" = none).
        ui_language: "" follows the system locale; "vi" or "en" forces one.
        saved_searches: searches kept in the app's navigator, each ``{"name", "query", "type_code",
            "year", "status"}``.
        backup_folder: where the scheduled automatic backup goes ("" = none).
        backup_keep: how many automatic backups to keep there (the oldest are removed).
        backup_interval_hours: how old the newest automatic backup may get before the next one.
    """

    ocr_languages: str = "vie+eng"
    review_threshold: float = 0.6
    file_time_limit: float = 600.0
    max_pages: int = 2000
    max_megapixels: float = 120.0
    max_page_area_m2: float = 5.0
    search_engine: str = "whoosh"
    inbox_folder: str = ""
    ui_language: str = ""
    saved_searches: list[dict[str, Any]] = field(default_factory=list)
    backup_folder: str = ""
    backup_keep: int = 7
    backup_interval_hours: float = 24.0
    extra: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, path: Path) -> "Settings":
        """Read settings from ``path``; a missing or unreadable file gives the defaults."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("settings %s unreadable (%s); using defaults", path, exc)
            return cls()
        settings = cls()
        known = {f.name: f for f in fields(cls) if f.name != "extra"}
        for key, value in raw.items():
            if key == "version":
                continue
            if key not in known:
                settings.extra[key] = value
                continue
            default = getattr(settings, key)
            if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if type(value) is not type(default):
                log.warning("setting %s=%r has the wrong type; using %r", key, value, default)
                continue
            setattr(settings, key, value)
        return settings

    def save(self, path: Path) -> None:
        """Write atomically and durably (:func:`docmgr.core.atomic.write_atomic`)."""
        data = {k: v for k, v in asdict(self).items() if k != "extra"}
        data = {"version": SETTINGS_VERSION, **self.extra, **data}
        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2))


@dataclass
class AppSettings:
    """Per-user preferences of this computer (not of a library), in ``config_dir()/settings.json``.

    Attributes:
        library: the library opened when neither ``--library`` nor ``DOCMGR_LIBRARY`` is given
            ("" = the default library).
    """

    library: str = ""

    @staticmethod
    def path() -> Path:
        from docmgr.core.paths import config_dir

        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> "AppSettings":
        """The saved preferences (defaults when missing, unreadable or of the wrong type)."""
        try:
            raw = json.loads(cls.path().read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("app settings %s unreadable (%s); using defaults", cls.path(), exc)
            return cls()
        out = cls()
        library = raw.get("library", "") if isinstance(raw, dict) else ""
        if isinstance(library, str):
            out.library = library
        return out

    def save(self) -> None:
        """Write atomically."""
        write_atomic(self.path(), json.dumps({"version": SETTINGS_VERSION, **asdict(self)}, ensure_ascii=False,
                                             indent=2))
